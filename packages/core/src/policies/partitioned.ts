import { requireIterable } from "../_lib/iterable";
import { invalidArgument, requireObject, validate } from "../errors/validate";
import { text } from "../i18n";
import type { AsOf, CalendarDate, TimeZone } from "../time/types";
import {
  prepareComplianceData,
  type ComplianceData,
  type ComplianceDataInput,
  type PolicyFinding,
} from "./data";
import { evaluateCompliance } from "./evaluate";
import {
  isPrepared,
  PartitionMerge,
  partitionKey,
  RollUpsSchema,
  summarizeReport,
} from "./partition-merge";
import type { ComplianceReport } from "./report";
import type { RollUpBy, RollUpRow } from "./rollup";
import type { Policy, PolicyInput } from "./schema";
import type { ComplianceStatus } from "./statuses";
import type { WorkList } from "./worklist";

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
 * @throws ValidationError naming the partition and field: a child, mentor or pairing id in two
 * partitions, anything {@link evaluateCompliance} rejects.
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
  const rollUpsBy = validate(RollUpsSchema, input.rollUps, {
    path: ["rollUps"],
    subject: text("汇总方式", "roll-ups"),
  });
  requireIterable(input.partitions, "partitions", text("分区", "partitions"));
  return mergePartitions(input, rollUpsBy);
}

/** Evaluates and merges the partitions (the input's shape was checked at the call). */
async function mergePartitions(
  input: PartitionedComplianceInput,
  rollUpsBy: readonly RollUpBy[],
): Promise<PartitionedCompliance> {
  const merge = new PartitionMerge(input.workList?.limit, rollUpsBy);
  let p = 0;
  for await (const partition of input.partitions) {
    const key = checkPartition(partition, p);
    const data = isPrepared(partition.data)
      ? partition.data
      : prepareComplianceData({ timeZone: input.timeZone, ...partition.data });
    merge.checkDisjoint(data, p, key);
    const report = evaluateCompliance({
      policies: input.policies,
      period: input.period,
      asOf: input.asOf,
      data,
    });
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
