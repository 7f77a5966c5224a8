import { plainData } from "../../_lib/plain-data";
import { invalidArgument, requireObject } from "../../errors/validate";
import type { FileChange } from "../../file/change";
import { text } from "../../i18n/locale";
import type { StorageAuditRedaction, StoredAuditEntry } from "./port";

/**
 * A stored audit entry with its patches redacted, as an adapter's `audit.redact` stores it:
 * the new `patches` and `redactedBy`, everything else (`seq`, `hash`, `prevHash`,
 * `patchesDigest`) kept, so `verifyAuditLog` still verifies the chain.
 * @param entry - The stored entry.
 * @param redaction - Its `seq`, the redacted patches and the id of the recording entry.
 * @returns The entry to store in its place.
 * @throws ValidationError when the `seq`s differ, the entry was chained before digests (no
 * `patchesDigest`: redacting it would break the chain), or the redaction is malformed.
 * @example
 * redactAuditEntry(stored, { seq: stored.seq, patches: [], redactedBy: "a-99" }).hash === stored.hash //=> true
 * @category Storage
 */
export function redactAuditEntry(
  entry: StoredAuditEntry,
  redaction: StorageAuditRedaction,
): StoredAuditEntry {
  requireObject(redaction as unknown, "redaction");
  const r = plainData(redaction, ["redaction"], text("删改", "redaction")) as StorageAuditRedaction;
  if (typeof r.redactedBy !== "string" || r.redactedBy.length === 0 || !Array.isArray(r.patches)) {
    throw invalidArgument(
      "redaction",
      "invalid_type",
      text("应为 { seq, patches, redactedBy }", "expected { seq, patches, redactedBy }"),
      redaction,
    );
  }
  if (entry?.seq !== r.seq) {
    throw invalidArgument(
      "redaction.seq",
      "unknown_id",
      text("没有这个序号的审计记录", "no audit entry has this seq"),
      r.seq,
    );
  }
  if (typeof entry.patchesDigest !== "string") {
    throw invalidArgument(
      "redaction.seq",
      "invalid_value",
      text(
        "这条审计记录写于补丁摘要之前，删改会破坏哈希链（先运行迁移）",
        "this audit entry was chained before patch digests: redacting it would break the chain (migrate first)",
      ),
      r.seq,
    );
  }
  return { ...entry, patches: r.patches, redactedBy: r.redactedBy };
}

/**
 * Checks a file history's replacement before an adapter's `fileChanges.redact` writes it: empty
 * (erase), or as long as the stored history with every change naming the file.
 * @param fileId - The file.
 * @param stored - How many changes the file has.
 * @param changes - The replacement.
 * @returns The replacement, as plain data.
 * @throws ValidationError when the replacement does not fit.
 * @example
 * checkFileHistoryRedaction("c1", 3, []) //=> []
 * @category Storage
 */
export function checkFileHistoryRedaction(
  fileId: string,
  stored: number,
  changes: readonly FileChange[],
): FileChange[] {
  if (typeof fileId !== "string") {
    throw invalidArgument("fileId", "invalid_type", text("应为文本", "expected text"), fileId);
  }
  if (!Number.isSafeInteger(stored) || stored < 0) {
    throw invalidArgument(
      "stored",
      "invalid_type",
      text("应为非负整数", "expected a non-negative integer"),
      stored,
    );
  }
  const list = plainData(changes, ["changes"], text("档案变更", "file changes")) as FileChange[];
  if (!Array.isArray(list) || (list.length !== 0 && list.length !== stored)) {
    throw invalidArgument(
      "changes",
      "invalid_value",
      text(
        `应为空，或与档案 ${fileId} 的 ${stored} 条变更一一对应`,
        `expected none, or one for each of the ${stored} changes of file ${fileId}`,
      ),
      Array.isArray(list) ? list.length : list,
    );
  }
  const other = list.find((c) => c?.fileId !== fileId);
  if (other !== undefined) {
    throw invalidArgument(
      "changes",
      "invalid_value",
      text(`变更应属于档案 ${fileId}`, `changes must be of file ${fileId}`),
      other?.fileId,
    );
  }
  return list;
}
