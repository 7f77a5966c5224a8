/**
 * Legal checks over a province, partition by partition (a county at a time): one partition's
 * files and records are held at a time, and what the partitions found is counted as they come.
 * @module
 */
import * as z from "zod";
import { IdIndex } from "../_lib/id-index";
import { requireIterable } from "../_lib/iterable";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { inPartition } from "../errors/in-partition";
import type { FieldIssue } from "../errors/issues";
import { invalidArgument, requireObject, validate } from "../errors/validate";
import { text } from "../i18n";
import type { ChildFileInput } from "../model/child-file";
import type { ContactRecordInput } from "../model/records";
import { partitionKey } from "../policies/partition-merge";
import { checkFiles, checkLegalOptions, type LegalCheckOptions } from "./check";
import { LegalSeveritySchema, type LegalFinding, type LegalSeverity } from "./types";

/**
 * One partition of {@link checkLegalDutiesPartitioned}: a county's files with the contact
 * records of its children.
 * @category Legal
 */
export interface LegalPartition {
  /** The partition's key (a county code, say): named in errors and given to `onPartition`. */
  readonly key: string;
  readonly files: readonly ChildFileInput[];
  /**
   * The contact records of the partition's children. A record counts for the children of its
   * own partition only. Without them the weekly-contact rule is skipped, as for one call.
   */
  readonly records?: readonly ContactRecordInput[];
}

/**
 * Options of {@link checkLegalDutiesPartitioned}: those of {@link checkLegalDuties} but the
 * records (each partition brings its own), and what to keep.
 * @example
 * const options: PartitionedLegalOptions = { asOf: "2026-03-01", details: false, onPartition: save };
 * @category Legal
 */
export interface PartitionedLegalOptions extends Omit<LegalCheckOptions, "records"> {
  /**
   * Keep every child's findings in the result (`findings`). Default `true`; with `false` only
   * the counts are kept, so memory is bounded by the largest partition.
   */
  details?: boolean;
  /**
   * Called with each partition's findings (by file id, as {@link checkLegalDutiesAll} gives
   * them) and its key, before the next partition is read: to store or report them as they come.
   */
  onPartition?: (
    findings: ReadonlyMap<string, LegalFinding[]>,
    key: string,
  ) => void | Promise<void>;
}

/**
 * The findings of one rule over all the partitions.
 * @category Legal
 */
export interface LegalCodeCount {
  /** Findings of the rule. */
  readonly findings: number;
  /** Children with at least one finding of the rule. */
  readonly children: number;
}

/**
 * Result of {@link checkLegalDutiesPartitioned}.
 * @category Legal
 */
export interface LegalDutiesSummary {
  /** Files checked. */
  readonly children: number;
  /** Children with at least one finding. */
  readonly withFindings: number;
  /** Children with at least one finding that must be reported (Art. 11). */
  readonly mandatoryReports: number;
  /** By rule code, in code order. */
  readonly byCode: Readonly<Record<string, LegalCodeCount>>;
  /** Findings by severity. */
  readonly bySeverity: Readonly<Record<LegalSeverity, number>>;
  /** Every child's findings by file id, in the order of the partitions and their files (unless `details: false`). */
  readonly findings?: ReadonlyMap<string, LegalFinding[]>;
}

const DetailsSchema = z.boolean().default(true);

/**
 * Checks a province's files against the hard lines of the law, partition by partition, as
 * {@link checkLegalDutiesAll} checks one list: each partition is validated and checked with
 * its own records, counted, handed to `onPartition` and let go before the next is read. The
 * findings are those of one call over every file with every record, as long as each record
 * is in the partition of its children.
 * @param partitions - The partitions, as an iterable or async iterable (streamed from storage).
 * @param options - As for {@link checkLegalDuties}, with `details` and `onPartition`.
 * @returns The counts and, unless `details: false`, every child's findings.
 * @throws ValidationError for invalid options (before any partition is read), a partition's
 * invalid files or records (`partitions[2].files[3].child.birthDate`, named with its key), or
 * a file id an earlier partition gave.
 * @example
 * const summary = await checkLegalDutiesPartitioned(countiesFromStorage(), { asOf: "2026-03-01", details: false });
 * summary.mandatoryReports //=> 12
 * summary.byCode["mpl21.under-16-living-alone"] //=> { findings: 3, children: 3 }
 * @category Legal
 */
export async function checkLegalDutiesPartitioned(
  partitions: AsyncIterable<LegalPartition> | Iterable<LegalPartition>,
  options: PartitionedLegalOptions,
): Promise<LegalDutiesSummary> {
  requireObject(options, "options");
  const { details: keep, onPartition, ...shared } = options;
  if ((shared as LegalCheckOptions).records !== undefined) {
    throw invalidArgument(
      "records",
      "unrecognized_keys",
      text(
        "记录随各自的分区给出（partitions[i].records），不放在选项中",
        "records come with their partition (partitions[i].records), not in the options",
      ),
      (shared as LegalCheckOptions).records,
    );
  }
  const parsed = checkLegalOptions(shared);
  const details = validate(DetailsSchema, keep, { path: ["details"] });
  if (onPartition !== undefined && typeof onPartition !== "function") {
    throw invalidArgument(
      "onPartition",
      "invalid_type",
      text("应为函数 (findings, key) => void", "expected a function (findings, key) => void"),
      onPartition,
    );
  }
  requireIterable(partitions, "partitions", text("分区", "partitions"));
  const tally = new LegalTally(details);
  const seen = new IdIndex();
  const keys: string[] = [];
  let p = 0;
  for await (const partition of partitions) {
    requireObject(partition, `partitions[${p}]`);
    const key = partitionKey(partition.key, `partitions[${p}].key`);
    let findings: Map<string, LegalFinding[]>;
    try {
      findings = checkFiles(partition.files, { ...parsed, records: partition.records });
    } catch (e) {
      throw e instanceof ValidationError
        ? inPartition(e, `partitions[${p}]`, key, text("分区", "partitions"))
        : e;
    }
    refuseRepeatedFiles(seen, keys, findings, p, key);
    keys.push(key);
    tally.add(findings);
    await onPartition?.(findings, key);
    p++;
  }
  return tally.result();
}

/** Refuses a file id an earlier partition gave, naming that partition. */
function refuseRepeatedFiles(
  seen: IdIndex,
  keys: readonly string[],
  findings: ReadonlyMap<string, unknown>,
  p: number,
  key: string,
): void {
  const issues: FieldIssue[] = [];
  let i = 0;
  for (const id of findings.keys()) {
    const earlier = seen.add(id, p);
    if (earlier >= 0 && issues.length < 20) {
      const path = `partitions[${p}].files[${i}].id`;
      const first = keys[earlier]!;
      issues.push({
        path,
        code: IssueCode.DUPLICATE_ID,
        received: JSON.stringify(id),
        message: text(
          `字段 ${path}：分区 ${key} 的儿童 ${id} 已在分区 ${first} 中`,
          `${path}: child ${id} of partition ${key} is already in partition ${first}`,
        ),
      });
    }
    i++;
  }
  if (issues.length > 0) throw new ValidationError(issues, { subject: text("分区", "partitions") });
}

/** The counts of {@link LegalDutiesSummary}, added partition by partition. */
class LegalTally {
  private children = 0;
  private withFindings = 0;
  private mandatoryReports = 0;
  private readonly byCode = new Map<string, { findings: number; children: number }>();
  private readonly bySeverity = Object.fromEntries(
    LegalSeveritySchema.options.map((s) => [s, 0]),
  ) as Record<LegalSeverity, number>;
  private readonly findings: Map<string, LegalFinding[]> | undefined;

  constructor(details: boolean) {
    this.findings = details ? new Map() : undefined;
  }

  add(findings: ReadonlyMap<string, LegalFinding[]>): void {
    for (const [id, list] of findings) {
      this.children++;
      this.findings?.set(id, list);
      if (list.length === 0) continue;
      this.withFindings++;
      if (list.some((f) => f.mandatoryReport)) this.mandatoryReports++;
      const codes = new Set<string>();
      for (const f of list) {
        this.bySeverity[f.severity]++;
        let c = this.byCode.get(f.code);
        if (c === undefined) this.byCode.set(f.code, (c = { findings: 0, children: 0 }));
        c.findings++;
        if (!codes.has(f.code)) {
          codes.add(f.code);
          c.children++;
        }
      }
    }
  }

  result(): LegalDutiesSummary {
    const codes = [...this.byCode.keys()].sort();
    return {
      children: this.children,
      withFindings: this.withFindings,
      mandatoryReports: this.mandatoryReports,
      byCode: Object.fromEntries(codes.map((c) => [c, { ...this.byCode.get(c)! }])),
      bySeverity: { ...this.bySeverity },
      ...(this.findings ? { findings: this.findings } : {}),
    };
  }
}
