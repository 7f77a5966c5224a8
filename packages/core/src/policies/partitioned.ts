import { requireIterable } from "../_lib/iterable";
import { ValidationError } from "../errors/errors";
import { inPartition } from "../errors/in-partition";
import { invalidArgument, requireObject, validate } from "../errors/validate";
import { text } from "../i18n";
import { DEFAULT_TIME_ZONE, type AsOf, type CalendarDate, type TimeZone } from "../time/types";
import {
  isPrepared,
  prepareComplianceData,
  type ComplianceData,
  type ComplianceDataInput,
  type PolicyFinding,
} from "./data";
import { asOfDayIn, checkOptions, checkPolicies, evaluateCompliance } from "./evaluate";
import { PartitionMerge, partitionKey, RollUpsSchema, summarizeReport } from "./partition-merge";
import type { ComplianceReport } from "./report";
import type { RollUpBy, RollUpRow } from "./rollup";
import type { Policy, PolicyInput } from "./schema";
import type { ComplianceStatus } from "./statuses";
import { WorkListOptionsSchema, type WorkList } from "./worklist";

/**
 * One partition of a province's data (a county, a township): its children with their
 * pairings, mentors, schools and records, raw or prepared with {@link prepareComplianceData}.
 * @category Policies
 */
export interface CompliancePartition {
  /** A name for the partition (a county's region code), used in error messages. */
  readonly key: string;
  readonly data: ComplianceDataInput | ComplianceData;
}

/**
 * Options of {@link evaluateCompliancePartitioned}.
 * @category Policies
 */
export interface PartitionedComplianceInput {
  policies: readonly (PolicyInput | Policy)[];
  period: { from: CalendarDate; to: CalendarDate };
  asOf: AsOf;
  /** Zone of raw partitions (prepared ones keep theirs). Default `Asia/Shanghai`. */
  timeZone?: TimeZone;
  /** The partitions, read one at a time (a generator loading a county from storage). */
  partitions: AsyncIterable<CompliancePartition> | Iterable<CompliancePartition>;
  /** The roll-ups to merge. Default `["school", "county"]`. */
  rollUps?: readonly RollUpBy[];
  /** Options of the merged {@link workList}. Default `{ withinDays: 7 }`. */
  workList?: { withinDays?: number; includeMissed?: boolean; limit?: number };
  /** Sees each partition's full report while it is held (to store its rows, say). */
  onPartition?: (report: ComplianceReport, key: string) => void | Promise<void>;
}

/**
 * Result of {@link evaluateCompliancePartitioned}: what the same evaluation of all the data at
 * once would give for counts, roll-ups, the work list and findings.
 * @category Policies
 */
export interface PartitionedCompliance {
  readonly partitions: number;
  /** Rows of all partitions. */
  readonly rows: number;
  /** Rows per status, all policies. */
  readonly counts: Readonly<Record<ComplianceStatus, number>>;
  /** Rows per status, per policy id. */
  readonly countsByPolicy: Readonly<Record<string, Readonly<Record<ComplianceStatus, number>>>>;
  /** One merged roll-up per `rollUps` entry, sorted by key as {@link rollUpCompliance}'s. */
  readonly rollUps: Readonly<Partial<Record<RollUpBy, readonly RollUpRow[]>>>;
  readonly workList: WorkList;
  readonly findings: readonly PolicyFinding[];
}

/**
 * Evaluates compliance partition by partition (a county at a time) and merges the results:
 * memory is bounded by the largest partition, not the province. The merged counts, roll-ups,
 * work list and findings equal those of {@link evaluateCompliance} on all the data at once
 * when each partition holds its children with their pairings, mentors, schools and records
 * (partitions by county do: a pairing, a mentor and a school belong to one county) and the
 * single list is the partitions one after the other.
 *
 * One rule where the merge needs a choice: the "records outside every window" finding counts,
 * in each partition, the records outside that partition's windows; the merged finding spans
 * the union. With count policies (every preset but the interval ones) the windows are the same
 * in every partition, so it is exact.
 * @param input - Policies, period, `asOf`, the partitions, which roll-ups and work list.
 * @returns Counts, roll-ups, work list and findings over all partitions.
 * @throws ValidationError naming the partition and field: a child, mentor, pairing or given
 * school id in two partitions, anything {@link evaluateCompliance} rejects (the partition's name
 * in each message, its path under `partitions[i].data`). The options the partitions share are
 * checked before the first partition is read. Record ids are not compared across partitions.
 * @example
 * const merged = await evaluateCompliancePartitioned({
 *   policies: ALL_PRESETS, period, asOf,
 *   partitions: counties.map((county) => ({ key: county, data: loadCounty(county) })),
 * });
 * merged.rollUps.county //=> [{ by: "county", key: "130100", met: 9120, … }, …]
 * @category Policies
 */
export function evaluateCompliancePartitioned(
  input: PartitionedComplianceInput,
): Promise<PartitionedCompliance> {
  requireObject(input, "input");
  // Everything the partitions share is checked before the first one is read.
  const options = checkOptions(input);
  const policies = checkPolicies(input.policies);
  const rollUpsBy = validate(RollUpsSchema, input.rollUps, {
    path: ["rollUps"],
    subject: text("汇总方式", "roll-ups"),
  });
  const list = validate(WorkListOptionsSchema, input.workList ?? {}, {
    path: ["workList"],
    subject: text("工作清单选项", "work-list options"),
  });
  if (input.onPartition !== undefined && typeof input.onPartition !== "function") {
    throw invalidArgument(
      "onPartition",
      "invalid_type",
      text("应为函数 (report, key) => void", "expected a function (report, key) => void"),
      input.onPartition,
    );
  }
  requireIterable(input.partitions, "partitions", text("分区", "partitions"));
  const merge = new PartitionMerge(list.limit, rollUpsBy, {
    policies,
    asOfDay: asOfDayIn(options.asOf, options.timeZone ?? DEFAULT_TIME_ZONE),
  });
  return mergePartitions({ ...input, ...options, policies, workList: list }, merge, rollUpsBy);
}

/** Evaluates and merges the partitions (the input was checked at the call). */
async function mergePartitions(
  input: PartitionedComplianceInput & { policies: Policy[] },
  merge: PartitionMerge,
  rollUpsBy: readonly RollUpBy[],
): Promise<PartitionedCompliance> {
  let p = 0;
  for await (const partition of input.partitions) {
    const key = checkPartition(partition, p);
    let report: ComplianceReport;
    try {
      const data = isPrepared(partition.data)
        ? partition.data
        : prepareComplianceData({ timeZone: input.timeZone, ...partition.data });
      report = evaluateCompliance({
        policies: input.policies,
        period: input.period,
        asOf: input.asOf,
        data,
      });
    } catch (e) {
      throw e instanceof ValidationError
        ? inPartition(e, `partitions[${p}].data`, key, text("分区", "partitions"))
        : e;
    }
    merge.checkDisjoint(report._data, p, key);
    merge.add(summarizeReport(report, key, rollUpsBy, input.workList ?? {}), p++);
    await input.onPartition?.(report, key);
  }
  return merge.result();
}

function checkPartition(partition: CompliancePartition, p: number): string {
  const data = (partition as Partial<CompliancePartition> | null)?.data;
  if (typeof data !== "object" || data === null) {
    throw invalidArgument(
      `partitions[${p}].data`,
      "invalid_type",
      text("应为分区数据 { key, data }", "expected a partition { key, data }"),
      partition,
    );
  }
  return partitionKey(partition.key, `partitions[${p}].key`);
}
