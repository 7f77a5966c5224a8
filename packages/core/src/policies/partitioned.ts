import * as z from "zod";
import { requireIterable } from "../_lib/iterable";
import { ValidationError } from "../errors/errors";
import type { FieldIssue } from "../errors/issues";
import { IssueCode } from "../errors/codes";
import { invalidArgument, requireObject, validate } from "../errors/validate";
import { text } from "../i18n";
import type { AsOf, CalendarDate, TimeZone } from "../time/types";
import { dayNumber } from "../time/calendar-date";
import {
  FAR_FUTURE,
  FAR_PAST,
  PolicyFindingCode,
  prepareComplianceData,
  smallestIds,
  unknownChildFinding,
  unknownMentorFinding,
  type ComplianceData,
  type ComplianceDataInput,
  type PolicyFinding,
} from "./data";
import { evaluateCompliance } from "./evaluate";
import { RISK_ORDER, type ComplianceReport } from "./report";
import { rollUpCompliance, type RollUpBy, type RollUpRow } from "./rollup";
import type { Policy, PolicyInput } from "./schema";
import { noSubjectFinding, recordAfterFinding, recordOutsideFinding } from "./stages/findings";
import { COMPLIANCE_STATUSES, type ComplianceStatus } from "./statuses";
import { workList, type WorkItem, type WorkList } from "./worklist";

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

const RollUpsSchema = z
  .array(z.enum(["mentor", "class", "school", "township", "county", "bucket"]))
  .default(["school", "county"]);

function isPrepared(d: ComplianceDataInput | ComplianceData): d is ComplianceData {
  return "events" in d && "index" in d;
}

/** Counts per status, zeroed. */
function zeroCounts(): Record<ComplianceStatus, number> {
  return Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0])) as Record<
    ComplianceStatus,
    number
  >;
}

/** A work item with what orders it across partitions. */
interface Ranked {
  item: WorkItem;
  rank: number;
  due: number;
  policy: number;
  partition: number;
  position: number;
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
  const seen = {
    children: new Set<string>(),
    mentors: new Set<string>(),
    pairings: new Set<string>(),
  };
  const counts = zeroCounts();
  const byPolicy = new Map<string, Record<ComplianceStatus, number>>();
  const rollUps = new Map<RollUpBy, Map<string, number[]>>(rollUpsBy.map((by) => [by, new Map()]));
  const late: Ranked[] = [];
  const soon: Ranked[] = [];
  const merged = new FindingMerge();
  let policies: readonly Policy[] = [];
  let asOfDay = 0;
  let partitions = 0;
  let rows = 0;

  for await (const partition of input.partitions) {
    const p = partitions++;
    const key = checkPartition(partition, p);
    const data = isPrepared(partition.data)
      ? partition.data
      : prepareComplianceData({ timeZone: input.timeZone, ...partition.data });
    checkDisjoint(data, seen, p, key);
    const report = evaluateCompliance({
      policies: input.policies,
      period: input.period,
      asOf: input.asOf,
      data,
    });
    policies = report.policies;
    asOfDay = dayNumber(report.asOf);
    rows += report.length;
    for (const policy of policies) {
      let c = byPolicy.get(policy.id);
      if (!c) byPolicy.set(policy.id, (c = zeroCounts()));
      const pc = report.counts(policy.id);
      for (const s of COMPLIANCE_STATUSES) {
        c[s] += pc[s];
        counts[s] += pc[s];
      }
    }
    for (const [by, acc] of rollUps) addRollUp(acc, rollUpCompliance(report, { by }));
    const policyIndex = new Map(policies.map((x, i) => [x.id, i]));
    const list = workList(report, input.workList ?? {});
    const ranked = (items: readonly WorkItem[], into: Ranked[]) =>
      items.forEach((item, position) =>
        into.push({
          item,
          rank: RISK_ORDER[item.risk ?? "none"] * 2 + (item.keyCase ? 0 : 1),
          due: asOfDay - item.daysLate,
          policy: policyIndex.get(item.policyId)!,
          partition: p,
          position,
        }),
      );
    ranked(list.overdue, late);
    ranked(list.dueSoon, soon);
    merged.add(report);
    await input.onPartition?.(report, key);
  }

  const limit = input.workList?.limit;
  const order = (xs: Ranked[]) => {
    xs.sort(
      (a, b) =>
        a.rank - b.rank ||
        a.due - b.due ||
        b.item.shortBy - a.item.shortBy ||
        a.policy - b.policy ||
        a.partition - b.partition ||
        a.position - b.position,
    );
    return (limit === undefined ? xs : xs.slice(0, limit)).map((r) => r.item);
  };
  return {
    partitions,
    rows,
    counts,
    countsByPolicy: Object.fromEntries(byPolicy),
    rollUps: Object.fromEntries(
      [...rollUps].map(([by, acc]) => [by, rollUpRows(by, acc)]),
    ) as Partial<Record<RollUpBy, RollUpRow[]>>,
    workList: { overdue: order(late), dueSoon: order(soon) },
    findings: merged.findings(policies, byPolicy, asOfDay),
  };
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
  return String(partition.key);
}

/** Rejects a child, mentor or pairing id already seen in an earlier partition. */
function checkDisjoint(
  data: ComplianceData,
  seen: Record<"children" | "mentors" | "pairings", Set<string>>,
  p: number,
  key: string,
): void {
  const issues: FieldIssue[] = [];
  for (const field of ["children", "mentors", "pairings"] as const) {
    data[field].forEach((x, i) => {
      if (!seen[field].has(x.id)) {
        seen[field].add(x.id);
        return;
      }
      if (issues.length >= 20) return;
      issues.push({
        path: `partitions[${p}].${field}[${i}].id`,
        code: IssueCode.DUPLICATE_ID,
        received: JSON.stringify(x.id),
        message: text(
          `字段 partitions[${p}].${field}[${i}].id：${x.id} 已出现在前面的分区中（分区 ${key}）`,
          `partitions[${p}].${field}[${i}].id: ${x.id} is already in an earlier partition (partition ${key})`,
        ),
      });
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, { subject: text("分区", "partitions") });
}

const ROLL_UP_FIELDS = [
  "met",
  "missed",
  "overdue",
  "due",
  "upcoming",
  "exempt",
  "notApplicable",
  "required",
  "done",
] as const;

function addRollUp(acc: Map<string, number[]>, rows: readonly RollUpRow[]): void {
  for (const row of rows) {
    let a = acc.get(row.key);
    if (!a) acc.set(row.key, (a = ROLL_UP_FIELDS.map(() => 0)));
    ROLL_UP_FIELDS.forEach((f, i) => (a[i]! += row[f]));
  }
}

function rollUpRows(by: RollUpBy, acc: Map<string, number[]>): RollUpRow[] {
  return [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, a]) => {
      const [met, missed, overdue, due, upcoming, exempt, notApplicable, required, done] = a as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const assessed = met + missed + overdue;
      return {
        by,
        key,
        met,
        missed,
        overdue,
        due,
        upcoming,
        exempt,
        notApplicable,
        assessed,
        rate: assessed === 0 ? null : met / assessed,
        required,
        done,
        contactRate: required === 0 ? null : done / required,
      };
    });
}

/** Findings of the partitions, merged code by code: counts added, the smallest ids kept. */
class FindingMerge {
  private readonly byCode = new Map<string, { count: number; ids: string[] }>();
  private calendar: PolicyFinding[] = [];
  private coverFrom = FAR_FUTURE;
  private coverTo = FAR_PAST;

  add(report: ComplianceReport): void {
    this.coverFrom = Math.min(this.coverFrom, report._cover[0]);
    this.coverTo = Math.max(this.coverTo, report._cover[1]);
    const calendar: PolicyFinding[] = [];
    for (const f of report.findings) {
      if (
        f.code === PolicyFindingCode.CALENDAR_NOT_COVERING ||
        f.code === PolicyFindingCode.EXAMPLE_CALENDAR
      ) {
        calendar.push(f);
        continue;
      }
      if (f.code === PolicyFindingCode.NO_SUBJECT) continue;
      let m = this.byCode.get(f.code);
      if (!m) this.byCode.set(f.code, (m = { count: 0, ids: [] }));
      m.count += f.count;
      m.ids = smallestIds([...new Set([...m.ids, ...f.ids])]);
    }
    this.calendar = calendar;
  }

  /** The merged findings, in the order {@link evaluateCompliance} gives them. */
  findings(
    policies: readonly Policy[],
    counts: ReadonlyMap<string, Record<ComplianceStatus, number>>,
    asOfDay: number,
  ): PolicyFinding[] {
    const out: PolicyFinding[] = [];
    const m = (code: string) => this.byCode.get(code);
    const child = m(PolicyFindingCode.UNKNOWN_CHILD);
    if (child) out.push(unknownChildFinding(child.count, child.ids));
    const mentor = m(PolicyFindingCode.UNKNOWN_MENTOR);
    if (mentor) out.push(unknownMentorFinding(mentor.count, mentor.ids));
    policies.forEach((policy, pi) => {
      const c = counts.get(policy.id);
      if (!c || Object.values(c).every((n) => n === 0)) out.push(noSubjectFinding(policy, pi));
    });
    out.push(...this.calendar);
    const after = m(PolicyFindingCode.RECORD_AFTER_AS_OF);
    if (after) out.push(recordAfterFinding(after.count, after.ids, asOfDay));
    const outside = m(PolicyFindingCode.RECORD_OUTSIDE_PERIOD);
    if (outside)
      out.push(recordOutsideFinding(outside.count, outside.ids, this.coverFrom, this.coverTo));
    return out;
  }
}
