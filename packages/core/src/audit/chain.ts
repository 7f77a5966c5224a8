import * as z from "zod";
import { invalidArgument, requireObject, validate } from "../errors/validate";
import { text } from "../i18n/locale";
import type { StorageAuditEntry, StoredAuditEntry } from "../ports/storage/port";
import { sha256Hex } from "./sha256";

/**
 * The `prevHash` of the first entry of an audit log: 64 zeros.
 * @example
 * AUDIT_GENESIS_HASH.length //=> 64
 * @category Audit
 */
export const AUDIT_GENESIS_HASH = "0".repeat(64);

/** A hash of the chain: 64 lowercase hexadecimal digits. */
const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex digits");

/** The options of {@link createAuditVerifier}; an unknown key is refused (a typo would be ignored). */
const VerifierOptionsSchema = z.strictObject({
  from: HashSchema.optional(),
  expectedHead: HashSchema.optional(),
});

const MAX_CANONICAL_DEPTH = 64;

/**
 * The canonical text of plain data: JSON with object keys sorted by code point, no spaces,
 * `undefined` fields left out; equal data gives equal text whatever the key order a database
 * returns.
 * @param value - Plain data (objects, arrays, texts, finite numbers, booleans, null).
 * @returns The canonical JSON.
 * @throws ValidationError for a value JSON cannot hold (a function, a non-finite number, a cycle).
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) //=> '{"a":[true,null],"b":1}'
 * @category Audit
 */
export function canonicalJson(value: unknown): string {
  const walk = (v: unknown, depth: number): string => {
    if (depth > MAX_CANONICAL_DEPTH) throw notJson(v);
    if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw notJson(v);
      return JSON.stringify(v);
    }
    if (Array.isArray(v)) {
      return `[${v.map((x) => (x === undefined ? "null" : walk(x, depth + 1))).join(",")}]`;
    }
    if (typeof v === "object") {
      const keys = Object.keys(v as object)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${walk((v as Record<string, unknown>)[k], depth + 1)}`).join(",")}}`;
    }
    throw notJson(v);
  };
  return walk(value, 0);
}

function notJson(value: unknown) {
  return invalidArgument(
    "value",
    "invalid_type",
    text("应为可写成 JSON 的数据", "expected data JSON can hold"),
    value,
  );
}

/** The fields of an entry as appended: all but `seq`, `prevHash`, `hash` and the redaction fields. */
function content(entry: StorageAuditEntry): StorageAuditEntry {
  const {
    seq: _seq,
    prevHash: _prev,
    hash: _hash,
    patchesDigest: _digest,
    redactedBy: _by,
    ...rest
  } = entry as StoredAuditEntry;
  return rest;
}

/**
 * What the hash covers: an entry with a `patchesDigest` commits to the digest instead of its
 * patches (and not to `redactedBy`); an entry chained before digests, to everything but `seq`,
 * `prevHash` and `hash` (a `redactedBy` added to it breaks its hash).
 */
function hashed(entry: StorageAuditEntry): object {
  const e = entry as StoredAuditEntry;
  if (e.patchesDigest === undefined) {
    const { seq: _seq, prevHash: _prev, hash: _hash, ...rest } = e;
    return rest;
  }
  const { patches: _patches, ...rest } = content(e);
  return { ...rest, patchesDigest: e.patchesDigest };
}

/**
 * The digest an audit entry's hash commits to in place of its patches: SHA-256 (hex) of their
 * canonical JSON.
 * @param patches - The patches as appended.
 * @returns 64 hex digits.
 * @throws ValidationError for patches JSON cannot hold.
 * @example
 * auditPatchesDigest([]) //=> "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"
 * @category Audit
 */
export function auditPatchesDigest(patches: StorageAuditEntry["patches"]): string {
  return sha256Hex(canonicalJson(patches));
}

/** Throws unless `entry` is an object (an audit entry to hash). */
function requireEntry(entry: unknown, path: string): void {
  if (typeof entry !== "object" || entry === null) {
    throw invalidArgument(
      path,
      "invalid_type",
      text("应为审计记录", "expected an audit entry"),
      entry,
    );
  }
}

/** Throws unless `hash` is a string (the hash of the entry before). */
function requireHash(hash: unknown, path: string): void {
  if (typeof hash !== "string") {
    throw invalidArgument(
      path,
      "invalid_type",
      text("应为前一条记录的哈希（字符串）", "expected the previous entry's hash (a string)"),
      hash,
    );
  }
}

/**
 * The hash of an audit entry in the chain: SHA-256 (hex) of `prevHash` and the canonical JSON
 * of the entry without `seq`, `prevHash` and `hash`; when the entry has a `patchesDigest`
 * (every entry chained by {@link chainAuditEntries}), with the digest in place of its patches
 * and without `redactedBy`, so redacting the patches leaves the hash as it was.
 * @param entry - The entry.
 * @param prevHash - The hash of the entry before it, or {@link AUDIT_GENESIS_HASH}.
 * @returns 64 hex digits.
 * @example
 * auditEntryHash(entry, AUDIT_GENESIS_HASH) //=> "9f2c…"
 * @category Audit
 */
export function auditEntryHash(entry: StorageAuditEntry, prevHash: string): string {
  requireEntry(entry, "entry");
  requireHash(prevHash, "prevHash");
  return sha256Hex(`${prevHash}\n${canonicalJson(hashed(entry))}`);
}

/**
 * Links new audit entries to the end of a log: each gets the `patchesDigest` of its patches
 * ({@link auditPatchesDigest}), the `prevHash` of the one before and its own `hash`. What an
 * adapter's `audit.append` does, atomically, with the `hash` of the last entry it stores.
 * @param previous - The `hash` of the last stored entry, or {@link AUDIT_GENESIS_HASH} for an empty log.
 * @param entries - The entries to append, in order.
 * @returns The entries with `prevHash` and `hash`, and the new last hash (`head`).
 * @throws ValidationError when `previous` is not a string or an entry is not an object.
 * @example
 * const { linked, head } = chainAuditEntries(AUDIT_GENESIS_HASH, [entry]);
 * linked[0].prevHash === AUDIT_GENESIS_HASH //=> true
 * @category Audit
 */
export function chainAuditEntries(
  previous: string,
  entries: readonly StorageAuditEntry[],
): {
  linked: (StorageAuditEntry & { patchesDigest: string; prevHash: string; hash: string })[];
  head: string;
} {
  if (!Array.isArray(entries)) {
    throw invalidArgument(
      "entries",
      "invalid_type",
      text("应为审计记录列表", "expected a list of audit entries"),
      entries,
    );
  }
  requireHash(previous, "previous");
  entries.forEach((e, i) => requireEntry(e, `entries[${i}]`));
  let head = previous;
  const linked = entries.map((e) => {
    const own = content(e);
    const withDigest = { ...own, patchesDigest: auditPatchesDigest(own.patches) };
    const hash = auditEntryHash(withDigest, head);
    const out = { ...withDigest, prevHash: head, hash };
    head = hash;
    return out;
  });
  return { linked, head };
}

/**
 * What {@link verifyAuditLog} found: every entry in order and linked, or the first bad one.
 * - `edited`: the entry's `hash` does not match its content (it was changed);
 * - `broken-link`: its `prevHash` is not the `hash` of the entry before (one was deleted,
 *   inserted or moved);
 * - `out-of-order`: its `seq` does not follow the one before;
 * - `head-mismatch`: the last hash is not the `expectedHead` the host kept (entries were cut
 *   from the end);
 * - `unrecorded-redaction`: the entry's patches were redacted (`redactedBy`) but no later
 *   `anonymise` or `erase` entry with that id lists its `seq` in `redacts`.
 *
 * `redacted` counts the entries whose patches were redacted: their hash, and everything but
 * the patches, still verify; the patches themselves are no longer checked.
 * @example
 * const r: AuditVerification = { ok: false, index: 3, reason: "edited", message };
 * @category Audit
 */
export type AuditVerification =
  | {
      readonly ok: true;
      readonly count: number;
      readonly head: string;
      readonly redacted: number;
    }
  | {
      readonly ok: false;
      readonly index: number;
      readonly reason:
        "edited" | "broken-link" | "out-of-order" | "head-mismatch" | "unrecorded-redaction";
      readonly message: { readonly "zh-CN": string; readonly en: string };
    };

type AuditFailure = Exclude<AuditVerification, { ok: true }>;

function failure(
  index: number,
  reason: AuditFailure["reason"],
  zh: string,
  en: string,
): AuditFailure {
  return {
    ok: false,
    index,
    reason,
    message: text(`第 ${index} 条审计记录：${zh}`, `audit entry ${index}: ${en}`),
  };
}

/**
 * An audit log checked one entry at a time (see {@link createAuditVerifier}).
 * @example
 * const v: AuditVerifier = createAuditVerifier();
 * @category Audit
 */
export interface AuditVerifier {
  /**
   * Checks the next entry of the log.
   * @returns The failure at the first bad entry (and again on every later call), or `null`.
   */
  push(entry: StoredAuditEntry): AuditFailure | null;
  /** The verdict on the entries pushed so far: the first failure, or `ok` (checked against `expectedHead`). */
  finish(): AuditVerification;
}

/**
 * Checks a hash-chained audit log entry by entry, as it is streamed from storage: it keeps
 * only the last hash and `seq` (and the `seq`s of redacted entries until the entry recording
 * their redaction, which follows them in the same transaction), so memory stays flat however
 * long the log. The same checks as
 * {@link verifyAuditLog}, which runs it over a list.
 * @param options - `from`: the `prevHash` the first entry must have (default
 * {@link AUDIT_GENESIS_HASH}); `expectedHead`: the last hash the host kept.
 * @returns A verifier: `push` each entry in `seq` order, then `finish`.
 * @example
 * const verifier = createAuditVerifier({ expectedHead });
 * for await (const e of storage.audit.stream({})) if (verifier.push(e)) break;
 * verifier.finish() //=> { ok: true, count: 42, head: "…", redacted: 0 }
 * @category Audit
 */
export function createAuditVerifier(
  options: { from?: string; expectedHead?: string } = {},
): AuditVerifier {
  requireObject(options, "options");
  const { from, expectedHead } = validate(VerifierOptionsSchema, options, {
    path: ["options"],
    subject: text("审计核验选项", "audit verification options"),
  });
  let head = from ?? AUDIT_GENESIS_HASH;
  let seq = -Infinity;
  let index = 0;
  let redacted = 0;
  let failed: AuditFailure | null = null;
  /** Recording entry id → the entries it must list, until it is met. */
  const pending = new Map<string, { index: number; seqs: number[] }>();
  const check = (e: StoredAuditEntry): AuditFailure | null => {
    if (typeof e !== "object" || e === null || typeof e.seq !== "number" || !(e.seq > seq)) {
      return failure(index, "out-of-order", "序号未递增", "its seq does not follow the one before");
    }
    if (e.prevHash !== head) {
      return failure(
        index,
        "broken-link",
        "与前一条的哈希不相连（有记录被删除、插入或移动）",
        "its prevHash is not the hash of the entry before (one was deleted, inserted or moved)",
      );
    }
    let hash: string;
    try {
      hash = auditEntryHash(e, head);
    } catch {
      hash = "";
    }
    if (hash !== e.hash || !patchesMatch(e)) {
      return failure(
        index,
        "edited",
        "内容与哈希不符（已被修改）",
        "its content does not match its hash (it was changed)",
      );
    }
    return null;
  };
  const unrecorded = (at: number) =>
    failure(
      at,
      "unrecorded-redaction",
      "补丁已被删改，但其后没有记录这次删改的匿名化或删除记录",
      "its patches were redacted but no later anonymise or erase entry lists it",
    );
  const patchesMatch = (e: StoredAuditEntry): boolean => {
    if (e.patchesDigest === undefined) return true;
    if (typeof e.redactedBy === "string") return true;
    if (e.redactedBy !== undefined) return false;
    try {
      return auditPatchesDigest(e.patches) === e.patchesDigest;
    } catch {
      return false;
    }
  };
  return {
    push(entry) {
      if (failed) return failed;
      failed = check(entry);
      if (failed) return failed;
      const owed = pending.get(entry.id);
      if (owed) {
        pending.delete(entry.id);
        const listed = new Set(Array.isArray(entry.redacts) ? entry.redacts : []);
        const recorder = entry.operation === "anonymise" || entry.operation === "erase";
        if (!recorder || !owed.seqs.every((s) => listed.has(s))) {
          failed = unrecorded(owed.index);
          return failed;
        }
      }
      if (entry.patchesDigest !== undefined && typeof entry.redactedBy === "string") {
        redacted++;
        const p = pending.get(entry.redactedBy);
        if (p) p.seqs.push(entry.seq);
        else pending.set(entry.redactedBy, { index, seqs: [entry.seq] });
      }
      head = entry.hash;
      seq = entry.seq;
      index++;
      return null;
    },
    finish() {
      if (failed) return failed;
      const [first] = [...pending.values()].map((p) => p.index).sort((a, b) => a - b);
      if (first !== undefined) return unrecorded(first);
      if (expectedHead !== undefined && expectedHead !== head) {
        return failure(
          index,
          "head-mismatch",
          "末尾的哈希与保存的不符（末尾有记录被删除）",
          "the last hash is not the one kept (entries were cut from the end)",
        );
      }
      return { ok: true, count: index, head, redacted };
    },
  };
}

/**
 * Checks a hash-chained audit log, as read with `audit.stream({})` (the whole log, in `seq`
 * order): any edit, deletion, insertion or reordering of entries breaks it at the first entry
 * affected. Deleting entries from the end is detected when the host keeps the last `head` it
 * saw and passes it as `expectedHead`. For a log streamed from storage, {@link createAuditVerifier}
 * checks it without holding it.
 * @param entries - The stored entries (an array or any iterable).
 * @param options - `from`: the `prevHash` the first entry must have (default
 * {@link AUDIT_GENESIS_HASH}; give the hash before when checking a tail); `expectedHead`.
 * @returns `{ ok: true, count, head }`, or the first bad `index` and the `reason`.
 * @throws ValidationError when `entries` is not a list.
 * @example
 * verifyAuditLog(await drain(storage.audit.stream({}))) //=> { ok: true, count: 42, head: "…", redacted: 0 }
 * @category Audit
 */
export function verifyAuditLog(
  entries: Iterable<StoredAuditEntry>,
  options: { from?: string; expectedHead?: string } = {},
): AuditVerification {
  if (
    typeof (entries as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== "function"
  ) {
    throw invalidArgument(
      "entries",
      "invalid_type",
      text("应为审计记录列表", "expected a list of audit entries"),
      entries,
    );
  }
  const verifier = createAuditVerifier(options);
  for (const e of entries) if (verifier.push(e)) break;
  return verifier.finish();
}
