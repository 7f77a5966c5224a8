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
import { PeriodSchema } from "../_lib/period";
import { RiskLevelSchema } from "../model/child-file";
import { dayNumber } from "../time/calendar-date";
import type { AsOf, CalendarDate, TimeZone } from "../time/types";
import {
  FAR_FUTURE,
  FAR_PAST,
  isPrepared,
  PolicyFindingCode,
  prepareComplianceData,
  unknownChildFinding,
  unknownMentorFinding,
  type PolicyFinding,
} from "./data";
import { evaluateCompliance } from "./evaluate";
import type { CompliancePartition, PartitionedCompliance } from "./partitioned";
import type { ComplianceCounts } from "./pushed-counts";
import { RISK_ORDER, type ComplianceReport } from "./report";
import { rollUpCompliance, type RollUpBy, type RollUpRow } from "./rollup";
import { PolicySetSchema, type Policy, type PolicyInput } from "./schema";
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
  /**
   * Child, mentor, pairing and school ids of the partition, in input order (checked disjoint;
   * `schools`: the schools given as input, not those only named by children or mentors).
   */
  readonly ids: Readonly<
    Record<"children" | "mentors" | "pairings" | "schools", readonly string[]>
  >;
  /** The validated policies. */
  readonly policies: readonly Policy[];
  /** The period evaluated, as given (every partition of a merge must share it). */
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
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

/** The kinds of id a partition must not share with another. */
const PARTITION_ID_FIELDS = ["children", "mentors", "pairings", "schools"] as const;
type PartitionIdField = (typeof PARTITION_ID_FIELDS)[number];

const RollUpByEnum = z.enum(["mentor", "class", "school", "township", "county", "bucket"]);

/** @internal */
export const RollUpsSchema = z.array(RollUpByEnum).default(["school", "county"]);

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
      schools: data.schools.map((x) => x.id),
    },
    policies: report.policies,
    period: { from: report.period.from, to: report.period.to },
    asOfDay: dayNumber(report.asOf),
    rows: report.length,
    countsByPolicy: Object.fromEntries(report.policies.map((p) => [p.id, report.counts(p.id)])),
    rollUps: Object.fromEntries(rollUpsBy.map((by) => [by, rollUpCompliance(report, { by })])),
    workList: workList(report, workListOptions),
    findings: report.findings,
    cover: [report._cover[0], report._cover[1]],
  };
}

/** The numbers of a roll-up row that partitions add up. */
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

const count = z.number().int().nonnegative();

const StatusCountsSchema = z.object(
  Object.fromEntries(COMPLIANCE_STATUSES.map((st) => [st, count])) as Record<
    ComplianceStatus,
    typeof count
  >,
);

/** What the merge reads of a work item (the rest of the row is passed on as given). */
const WorkItemSchema = z.looseObject({
  policyId: z.string(),
  shortBy: count,
  daysLate: z.number().int(),
  keyCase: z.boolean(),
  risk: RiskLevelSchema.optional(),
});

/** The shape of a summary handed back (from a worker, a queue): checked before merging. */
const SummarySchema = z
  .object({
    key: z.string(),
    ids: z.object(
      Object.fromEntries(PARTITION_ID_FIELDS.map((f) => [f, z.array(z.string())])) as Record<
        PartitionIdField,
        z.ZodArray<z.ZodString>
      >,
    ),
    policies: PolicySetSchema,
    period: PeriodSchema,
    asOfDay: z.number().int(),
    rows: count,
    countsByPolicy: z.record(z.string(), StatusCountsSchema),
    rollUps: z.partialRecord(
      RollUpByEnum,
      z.array(
        z.looseObject({
          key: z.string(),
          ...(Object.fromEntries(ROLL_UP_FIELDS.map((f) => [f, count])) as Record<
            (typeof ROLL_UP_FIELDS)[number],
            typeof count
          >),
        }),
      ),
    ),
    workList: z.object({ overdue: z.array(WorkItemSchema), dueSoon: z.array(WorkItemSchema) }),
    findings: z.array(z.looseObject({ code: z.string(), count, ids: z.array(z.string()) })),
    cover: z.tuple([z.number().int(), z.number().int()]),
  })
  .superRefine((s, ctx) => {
    // The counts are those of the summary's own policies, and add up to its rows.
    const ids = new Set(s.policies.map((p) => p.id));
    const counted = Object.keys(s.countsByPolicy);
    const stray =
      counted.find((id) => !ids.has(id)) ?? s.policies.find((p) => !(p.id in s.countsByPolicy))?.id;
    if (stray !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["countsByPolicy"],
        message: `counts and policies differ (policy ${stray})`,
        input: s.countsByPolicy,
      });
    }
    let rows = 0;
    for (const c of Object.values(s.countsByPolicy))
      for (const st of COMPLIANCE_STATUSES) rows += c[st];
    if (stray === undefined && rows !== s.rows) {
      ctx.addIssue({
        code: "custom",
        path: ["rows"],
        message: `rows ${s.rows} are not the ${rows} counted by status`,
        input: s.rows,
      });
    }
    for (const list of ["overdue", "dueSoon"] as const) {
      const i = s.workList[list].findIndex((item) => !ids.has(item.policyId));
      if (i >= 0) {
        ctx.addIssue({
          code: "custom",
          path: ["workList", list, i, "policyId"],
          message: "not one of the summary's policies",
          input: s.workList[list][i]!.policyId,
        });
      }
    }
  });

/** A merge's work-list options (its `limit`). */
const MergeOptionsSchema = z.object({
  workList: z.object({ limit: z.number().int().positive().optional() }).optional(),
});

/**
 * Merges partition summaries, in the order given, into what one evaluation of all the data
 * gives ({@link evaluateCompliancePartitioned}'s result).
 * @param summaries - The partitions' summaries, in partition order.
 * @param options - `limit` of the merged work list.
 * @returns Counts, roll-ups, work list and findings over all partitions.
 * @throws ValidationError for a summary that is malformed or inconsistent (counts that do not
 * add up to its rows, work items of unknown policies), one of another evaluation than the
 * first's (other policies, period, `asOf` or roll-ups), a child, mentor, pairing or given school
 * id in two partitions, or a `limit` that is not a positive whole number. Record ids are not
 * compared across partitions (a province's would not fit in memory): keep them unique per
 * partition, with a partition prefix, say.
 * @example
 * const merged = mergeCompliancePartitions(counties.map((c) => summarizeCompliancePartition(c)));
 * @category Policies
 */
export function mergeCompliancePartitions(
  summaries: Iterable<CompliancePartitionSummary>,
  options: { workList?: { limit?: number } } = {},
): PartitionedCompliance {
  requireIterable(summaries, "summaries", text("分区汇总", "partition summaries"), true);
  requireObject(options, "options");
  const opts = validate(MergeOptionsSchema, options, {
    path: ["options"],
    subject: text("合并选项", "merge options"),
  });
  const merge = new PartitionMerge(opts.workList?.limit);
  let first: CompliancePartitionSummary | undefined;
  let p = 0;
  for (const raw of summaries) {
    // The checked copy is merged: a summary is read once, as validated.
    const s = validate(SummarySchema, raw, {
      path: ["summaries", p],
      subject: text("分区汇总", "partition summary"),
    }) as unknown as CompliancePartitionSummary;
    first ??= s;
    checkSameEvaluation(first, s, p);
    merge.checkDisjoint(s.ids, p, s.key);
    merge.add(s, p++);
  }
  return merge.result();
}

/**
 * Rejects a summary of another evaluation than the first one's: other policies, period,
 * `asOf` or roll-ups (their merge would mean nothing).
 */
function checkSameEvaluation(
  first: CompliancePartitionSummary,
  s: CompliancePartitionSummary,
  p: number,
): void {
  const rollUps = (x: CompliancePartitionSummary) => Object.keys(x.rollUps).sort().join(",");
  const field =
    JSON.stringify(s.policies) !== JSON.stringify(first.policies)
      ? "policies"
      : s.period.from !== first.period.from || s.period.to !== first.period.to
        ? "period"
        : s.asOfDay !== first.asOfDay
          ? "asOfDay"
          : rollUps(s) !== rollUps(first)
            ? "rollUps"
            : undefined;
  if (field === undefined) return;
  throw invalidArgument(
    `summaries[${p}].${field}`,
    "invalid_value",
    text(
      `分区 ${s.key} 的 ${field} 与分区 ${first.key} 的不同：只能合并同一次评估（同样的政策、期间、评估日和汇总方式）的分区汇总`,
      `partition ${s.key} has another ${field} than partition ${first.key}: only summaries of one evaluation (the same policies, period, asOf and roll-ups) can be merged`,
    ),
    (s as unknown as Record<string, unknown>)[field],
  );
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

type PartitionIds = Readonly<Record<PartitionIdField, readonly (string | { id: string })[]>>;

/** The running merge of partition summaries. @internal */
export class PartitionMerge {
  /** Each id seen, with the partition it came from; the partitions' keys. */
  private readonly seen = {
    children: new Map<string, number>(),
    mentors: new Map<string, number>(),
    pairings: new Map<string, number>(),
    schools: new Map<string, number>(),
  };
  private readonly keys: string[] = [];
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

  /**
   * @param limit - Of the merged work lists.
   * @param rollUpsBy - The roll-ups to give even with no partition.
   * @param evaluation - The policies and `asOf` of the evaluation, for a merge of no partition
   * (each summary added brings its own).
   */
  constructor(
    private readonly limit: number | undefined,
    rollUpsBy: readonly RollUpBy[] = [],
    evaluation?: { policies: readonly Policy[]; asOfDay: number },
  ) {
    for (const by of rollUpsBy) this.rollUps.set(by, new Map());
    if (evaluation) ({ policies: this.policies, asOfDay: this.asOfDay } = evaluation);
  }

  /**
   * Rejects a child, mentor, pairing or given school id already seen in an earlier partition.
   * (Record ids are not compared across partitions: a province's would not fit in memory.)
   */
  checkDisjoint(ids: PartitionIds, p: number, key: string): void {
    const issues: FieldIssue[] = [];
    for (const field of PARTITION_ID_FIELDS) {
      const seen = this.seen[field];
      ids[field].forEach((x, i) => {
        const id = typeof x === "string" ? x : x.id;
        const earlier = seen.get(id);
        if (earlier === undefined) {
          seen.set(id, p);
          return;
        }
        if (issues.length >= 20) return;
        const path = `partitions[${p}].${field}[${i}].id`;
        const other = this.keys[earlier];
        issues.push({
          path,
          code: IssueCode.DUPLICATE_ID,
          received: JSON.stringify(id),
          message: text(
            `字段 ${path}：${id} 已出现在前面的分区中（分区 ${other}），又见于分区 ${key}`,
            `${path}: ${id} is already in an earlier partition (partition ${other}), and again in partition ${key}`,
          ),
        });
      });
    }
    this.keys[p] = key;
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
