/**
 * The merge of partitioned compliance: what one partition's evaluation leaves to merge (a
 * plain, structured-cloneable {@link CompliancePartitionSummary}, so a worker thread can make
 * it) and the merge of those summaries into one {@link PartitionedCompliance}.
 * @module
 */
import * as z from "zod";
import { requireIterable } from "../_lib/iterable";
import { SmallestDistinctIds } from "../_lib/smallest-ids";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import type { FieldIssue } from "../errors/issues";
import { invalidArgument, requireObject, validate } from "../errors/validate";
import { text } from "../i18n";
import { dayNumber } from "../time/calendar-date";
import type { AsOf, CalendarDate, TimeZone } from "../time/types";
import {
  FAR_FUTURE,
  FAR_PAST,
  PolicyFindingCode,
  prepareComplianceData,
  unknownChildFinding,
  unknownMentorFinding,
  type ComplianceData,
  type ComplianceDataInput,
  type PolicyFinding,
} from "./data";
import { evaluateCompliance } from "./evaluate";
import type { CompliancePartition, PartitionedCompliance } from "./partitioned";
import type { ComplianceCounts } from "./pushed-counts";
import { RISK_ORDER, type ComplianceReport } from "./report";
import { rollUpCompliance, type RollUpBy, type RollUpRow } from "./rollup";
import type { Policy, PolicyInput } from "./schema";
import { noSubjectFinding, recordAfterFinding, recordOutsideFinding } from "./stages/findings";
import { COMPLIANCE_STATUSES, type ComplianceStatus } from "./statuses";
import { workList, type WorkItem, type WorkList } from "./worklist";

/**
 * What one partition's evaluation leaves to merge: plain data (no functions, no typed
 * arrays of the prepared data), so it crosses a worker thread by structured clone.
 * @category Policies
 */
export interface CompliancePartitionSummary {
  readonly key: string;
  /** Child, mentor and pairing ids of the partition, in input order (checked disjoint). */
  readonly ids: Readonly<Record<"children" | "mentors" | "pairings", readonly string[]>>;
  /** The validated policies. */
  readonly policies: readonly Policy[];
  readonly asOfDay: number;
  readonly rows: number;
  readonly countsByPolicy: Readonly<Record<string, Readonly<Record<ComplianceStatus, number>>>>;
  readonly rollUps: Readonly<Partial<Record<RollUpBy, readonly RollUpRow[]>>>;
  readonly workList: WorkList;
  readonly findings: readonly PolicyFinding[];
  /** First and last day of every evaluated window. */
  readonly cover: readonly [number, number];
}

/**
 * Options of {@link summarizeCompliancePartition}: one partition (raw or prepared, as in
 * {@link evaluateCompliancePartitioned}) with the evaluation's options and what to merge.
 * @category Policies
 */
export interface CompliancePartitionInput extends CompliancePartition {
  policies: readonly (PolicyInput | Policy)[];
  period: { from: CalendarDate; to: CalendarDate };
  asOf: AsOf;
  /** Zone of a raw partition. Default `Asia/Shanghai`. */
  timeZone?: TimeZone;
  /** Default `["school", "county"]`. */
  rollUps?: readonly RollUpBy[];
  workList?: { withinDays?: number; includeMissed?: boolean; limit?: number };
  /** Contact counts pushed down to storage for this partition ({@link complianceCounts}). */
  counts?: ComplianceCounts;
}

/** Whether partition data was prepared with {@link prepareComplianceData}. @internal */
export function isPrepared(d: ComplianceDataInput | ComplianceData): d is ComplianceData {
  return typeof d === "object" && d !== null && "events" in d && "index" in d;
}

/** @internal */
export const RollUpsSchema = z
  .array(z.enum(["mentor", "class", "school", "township", "county", "bucket"]))
  .default(["school", "county"]);

/** A partition's key as text: a string, or a finite number written out; anything else is refused. */
export function partitionKey(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw invalidArgument(
    path,
    "invalid_type",
    text(
      "分区键应为字符串（如县级区划代码）",
      "a partition key must be a string (a county code, say)",
    ),
    value,
  );
}

/**
 * Evaluates one partition and keeps what {@link mergeCompliancePartitions} needs: the step
 * a worker thread runs for {@link evaluateCompliancePartitioned}'s parallel form.
 * @param input - The evaluation of one partition, its `key`, the roll-ups and work list.
 * @returns The partition's {@link CompliancePartitionSummary}.
 * @throws ValidationError for anything {@link evaluateCompliance} rejects, or bad roll-ups.
 * @example
 * const summary = summarizeCompliancePartition({ key: "430102", policies: ALL_PRESETS, period, asOf, data });
 * mergeCompliancePartitions([summary]).counts.met //=> 812
 * @category Policies
 */
export function summarizeCompliancePartition(
  input: CompliancePartitionInput,
): CompliancePartitionSummary {
  requireObject(input, "input");
  const key = partitionKey(input.key, "key");
  const rollUpsBy = validate(RollUpsSchema, input.rollUps, {
    path: ["rollUps"],
    subject: text("汇总方式", "roll-ups"),
  });
  const raw = input.data;
  requireObject(raw, "data");
  const data = isPrepared(raw) ? raw : prepareComplianceData({ timeZone: input.timeZone, ...raw });
  const report = evaluateCompliance({
    policies: input.policies,
    period: input.period,
    asOf: input.asOf,
    data,
    ...(input.counts ? { counts: input.counts } : {}),
  });
  return summarizeReport(report, key, rollUpsBy, input.workList ?? {});
}

/** The summary of a partition's report. @internal */
export function summarizeReport(
  report: ComplianceReport,
  key: string,
  rollUpsBy: readonly RollUpBy[],
  workListOptions: NonNullable<CompliancePartitionInput["workList"]>,
): CompliancePartitionSummary {
  const data = report._data;
  return {
    key,
    ids: {
      children: data.children.map((x) => x.id),
      mentors: data.mentors.map((x) => x.id),
      pairings: data.pairings.map((x) => x.id),
    },
    policies: report.policies,
    asOfDay: dayNumber(report.asOf),
    rows: report.length,
    countsByPolicy: Object.fromEntries(report.policies.map((p) => [p.id, report.counts(p.id)])),
    rollUps: Object.fromEntries(rollUpsBy.map((by) => [by, rollUpCompliance(report, { by })])),
    workList: workList(report, workListOptions),
    findings: report.findings,
    cover: [report._cover[0], report._cover[1]],
  };
}

const StatusCountsSchema = z.object(
  Object.fromEntries(
    COMPLIANCE_STATUSES.map((st) => [st, z.number().int().nonnegative()]),
  ) as Record<ComplianceStatus, z.ZodNumber>,
);

/** The shape of a summary handed back (from a worker, a queue): checked before merging. */
const SummarySchema = z.object({
  key: z.string(),
  ids: z.object({
    children: z.array(z.string()),
    mentors: z.array(z.string()),
    pairings: z.array(z.string()),
  }),
  policies: z.array(z.looseObject({ id: z.string() })),
  asOfDay: z.number().int(),
  rows: z.number().int().nonnegative(),
  countsByPolicy: z.record(z.string(), StatusCountsSchema),
  rollUps: z.record(z.string(), z.array(z.looseObject({ key: z.string() }))),
  workList: z.object({
    overdue: z.array(z.looseObject({ policyId: z.string() })),
    dueSoon: z.array(z.looseObject({ policyId: z.string() })),
  }),
  findings: z.array(z.looseObject({ code: z.string(), count: z.number() })),
  cover: z.tuple([z.number(), z.number()]),
});

/**
 * Merges partition summaries, in the order given, into what one evaluation of all the data
 * gives ({@link evaluateCompliancePartitioned}'s result).
 * @param summaries - The partitions' summaries, in partition order.
 * @param options - `limit` of the merged work list.
 * @returns Counts, roll-ups, work list and findings over all partitions.
 * @throws ValidationError for a child, mentor or pairing id in two partitions.
 * @example
 * const merged = mergeCompliancePartitions(counties.map((c) => summarizeCompliancePartition(c)));
 * @category Policies
 */
export function mergeCompliancePartitions(
  summaries: Iterable<CompliancePartitionSummary>,
  options: { workList?: { limit?: number } } = {},
): PartitionedCompliance {
  requireIterable(summaries, "summaries", text("分区汇总", "partition summaries"));
  requireObject(options, "options");
  const merge = new PartitionMerge(options.workList?.limit);
  let p = 0;
  for (const raw of summaries) {
    validate(SummarySchema, raw, {
      path: ["summaries", p],
      subject: text("分区汇总", "partition summary"),
    });
    const s = raw;
    merge.checkDisjoint(s.ids, p, s.key);
    merge.add(s, p++);
  }
  return merge.result();
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

type PartitionIds = CompliancePartitionSummary["ids"];

/** The running merge of partition summaries. @internal */
export class PartitionMerge {
  private readonly seen = {
    children: new Set<string>(),
    mentors: new Set<string>(),
    pairings: new Set<string>(),
  };
  private readonly counts = zeroCounts();
  private readonly byPolicy = new Map<string, Record<ComplianceStatus, number>>();
  private readonly rollUps = new Map<RollUpBy, Map<string, number[]>>();
  private readonly late: Ranked[] = [];
  private readonly soon: Ranked[] = [];
  private readonly findingMerge = new FindingMerge();
  private policies: readonly Policy[] = [];
  private asOfDay = 0;
  private partitions = 0;
  private rows = 0;

  constructor(
    private readonly limit: number | undefined,
    rollUpsBy: readonly RollUpBy[] = [],
  ) {
    for (const by of rollUpsBy) this.rollUps.set(by, new Map());
  }

  /** Rejects a child, mentor or pairing id already seen in an earlier partition. */
  checkDisjoint(ids: PartitionIds | ComplianceData, p: number, key: string): void {
    const issues: FieldIssue[] = [];
    for (const field of ["children", "mentors", "pairings"] as const) {
      const list: readonly (string | { id: string })[] = ids[field];
      list.forEach((x, i) => {
        const id = typeof x === "string" ? x : x.id;
        if (!this.seen[field].has(id)) {
          this.seen[field].add(id);
          return;
        }
        if (issues.length >= 20) return;
        issues.push({
          path: `partitions[${p}].${field}[${i}].id`,
          code: IssueCode.DUPLICATE_ID,
          received: JSON.stringify(id),
          message: text(
            `字段 partitions[${p}].${field}[${i}].id：${id} 已出现在前面的分区中（分区 ${key}）`,
            `partitions[${p}].${field}[${i}].id: ${id} is already in an earlier partition (partition ${key})`,
          ),
        });
      });
    }
    if (issues.length > 0)
      throw new ValidationError(issues, { subject: text("分区", "partitions") });
  }

  /** Adds partition `p`'s summary. */
  add(s: CompliancePartitionSummary, p: number): void {
    this.partitions++;
    this.policies = s.policies;
    this.asOfDay = s.asOfDay;
    this.rows += s.rows;
    for (const policy of s.policies) {
      let c = this.byPolicy.get(policy.id);
      if (!c) this.byPolicy.set(policy.id, (c = zeroCounts()));
      const pc = s.countsByPolicy[policy.id] ?? zeroCounts();
      for (const st of COMPLIANCE_STATUSES) {
        c[st] += pc[st];
        this.counts[st] += pc[st];
      }
    }
    for (const [by, rows] of Object.entries(s.rollUps) as [RollUpBy, RollUpRow[]][]) {
      let acc = this.rollUps.get(by);
      if (!acc) this.rollUps.set(by, (acc = new Map()));
      addRollUp(acc, rows);
    }
    const policyIndex = new Map(s.policies.map((x, i) => [x.id, i]));
    const ranked = (items: readonly WorkItem[], into: Ranked[]) =>
      items.forEach((item, position) =>
        into.push({
          item,
          rank: RISK_ORDER[item.risk ?? "none"] * 2 + (item.keyCase ? 0 : 1),
          due: s.asOfDay - item.daysLate,
          policy: policyIndex.get(item.policyId)!,
          partition: p,
          position,
        }),
      );
    ranked(s.workList.overdue, this.late);
    ranked(s.workList.dueSoon, this.soon);
    this.findingMerge.add(s);
  }

  /** The merged result. */
  result(): PartitionedCompliance {
    const limit = this.limit;
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
      partitions: this.partitions,
      rows: this.rows,
      counts: this.counts,
      countsByPolicy: Object.fromEntries(this.byPolicy),
      rollUps: Object.fromEntries(
        [...this.rollUps].map(([by, acc]) => [by, rollUpRows(by, acc)]),
      ) as Partial<Record<RollUpBy, RollUpRow[]>>,
      workList: { overdue: order(this.late), dueSoon: order(this.soon) },
      findings: this.findingMerge.findings(this.policies, this.byPolicy, this.asOfDay),
    };
  }
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
  private readonly byCode = new Map<string, { count: number; ids: SmallestDistinctIds }>();
  private calendar: PolicyFinding[] = [];
  private coverFrom = FAR_FUTURE;
  private coverTo = FAR_PAST;

  add(summary: CompliancePartitionSummary): void {
    this.coverFrom = Math.min(this.coverFrom, summary.cover[0]);
    this.coverTo = Math.max(this.coverTo, summary.cover[1]);
    const calendar: PolicyFinding[] = [];
    for (const f of summary.findings) {
      if (
        f.code === PolicyFindingCode.CALENDAR_NOT_COVERING ||
        f.code === PolicyFindingCode.EXAMPLE_CALENDAR
      ) {
        calendar.push(f);
        continue;
      }
      if (f.code === PolicyFindingCode.NO_SUBJECT) continue;
      let m = this.byCode.get(f.code);
      if (!m) this.byCode.set(f.code, (m = { count: 0, ids: new SmallestDistinctIds() }));
      m.count += f.count;
      for (const id of f.ids) m.ids.add(id);
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
    if (child) out.push(unknownChildFinding(child.count, child.ids.ids));
    const mentor = m(PolicyFindingCode.UNKNOWN_MENTOR);
    if (mentor) out.push(unknownMentorFinding(mentor.count, mentor.ids.ids));
    policies.forEach((policy, pi) => {
      const c = counts.get(policy.id);
      if (!c || Object.values(c).every((n) => n === 0)) out.push(noSubjectFinding(policy, pi));
    });
    out.push(...this.calendar);
    const after = m(PolicyFindingCode.RECORD_AFTER_AS_OF);
    if (after) out.push(recordAfterFinding(after.count, after.ids.ids, asOfDay));
    const outside = m(PolicyFindingCode.RECORD_OUTSIDE_PERIOD);
    if (outside)
      out.push(recordOutsideFinding(outside.count, outside.ids.ids, this.coverFrom, this.coverTo));
    return out;
  }
}
