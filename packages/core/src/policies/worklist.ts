import * as z from "zod";
import { requireObject, validate } from "../errors/validate";
import { text } from "../i18n";
import type { RiskLevel } from "../model/child-file";
import { dayNumber } from "../time/calendar-date";
import { S } from "./evaluate";
import { requireReport, RISK_ORDER, type ComplianceReport, type ComplianceRow } from "./report";
import { int32Map, uint8Map } from "../_lib/typed-map";

/**
 * One line of a work list: a row that needs action, with how late or how soon it is.
 * @category Policies
 */
export interface WorkItem extends ComplianceRow {
  /** Contacts still missing (`required − done`). */
  readonly shortBy: number;
  /** Days past the deadline on `asOf` (overdue items), or days left (negative) for due items. */
  readonly daysLate: number;
  /** The child's risk level (child and pairing rows). */
  readonly risk?: RiskLevel;
  /** The child is a key case (重点帮扶对象). */
  readonly keyCase: boolean;
}

/**
 * Result of {@link workList}.
 * @category Policies
 */
export interface WorkList {
  /** Late now: `overdue` rows (and `missed` ones when asked), highest risk first, then latest. */
  readonly overdue: readonly WorkItem[];
  /** Not yet met and due within `withinDays` of `asOf`: highest risk first, then soonest. */
  readonly dueSoon: readonly WorkItem[];
}

/** The options of {@link workList}, validated. @internal */
export const WorkListOptionsSchema = z.object({
  withinDays: z.number().int().min(0).max(366).default(7),
  includeMissed: z.boolean().default(false),
  limit: z.number().int().positive().optional(),
});

/**
 * Work lists from a report: what is overdue now and what falls due in the next days, ordered
 * by risk (critical first, key cases before others) and lateness.
 * @param report - From {@link evaluateCompliance}.
 * @param options - `withinDays` (default 7), `includeMissed` (default false: closed buckets
 * cannot be made up, only explained), `limit` per list.
 * @example
 * workList(report, { withinDays: 7 }).overdue[0]
 * //=> { policyId: "risk-high-weekly", childId: "c9", risk: "critical", daysLate: 2, shortBy: 1, … }
 * @category Policies
 */
export function workList(
  report: ComplianceReport,
  options: { withinDays?: number; includeMissed?: boolean; limit?: number } = {},
): WorkList {
  requireReport(report);
  if (options !== undefined) requireObject(options, "options");
  const opts = validate(WorkListOptionsSchema, options, {
    subject: text("工作清单选项", "work-list options"),
  });
  const t = report._table;
  const d = report._data;
  const asOf = dayNumber(report.asOf);
  const late: number[] = [];
  const soon: number[] = [];
  const missed = opts.includeMissed ? S.missed : S.overdue;
  const until = asOf + opts.withinDays;
  const status = t.status;
  for (const run of t.runs) {
    // Rows closed before `asOf` (past their window and grace) are met, missed or exempt: only
    // missed ones are read, when asked for. An open row ends on `openFrom` or later.
    const openFrom = opts.includeMissed ? -Infinity : asOf - report.policies[run.policy]!.graceDays;
    run.forEachEndingFrom(openFrom, (first, end) => {
      for (let i = first; i < end; i++) {
        const st = status[i]!;
        if (st === S.overdue || st === missed) late.push(i);
        else if ((st === S.due || st === S.upcoming) && run.dueAt(i) <= until) soon.push(i);
      }
    });
  }
  // Risk rank of each child (critical key case first, `RISK_ORDER` × 2 + 1 unless a key case);
  // rows without a child rank last.
  const ranks = uint8Map(
    d.children,
    (f) => RISK_ORDER[f.riskLevel ?? "none"] * 2 + (f.keyCase ? 0 : 1),
  );
  const rankOf = (i: number): number => {
    const run = t.runOf(i);
    const level = report.policies[run.policy]!.level;
    if (level === "child") return ranks[run.subjectAt(i)]!;
    if (level === "pairing") return ranks[d.index.pairingChild[run.subjectAt(i)]!]!;
    return RISK_ORDER.none * 2 + 1;
  };
  // Positions by risk, then deadline, then most contacts missing, policy, subject and first day.
  // Rows are stored by policy, subject and first day, and the positions list them in that order,
  // so the position breaks ties. The keys are packed into one number per position when they fit
  // in 53 bits (a numeric sort, no comparator), else compared one by one.
  const ordered = (rank: Uint8Array, due: Int32Array, short: Int32Array): ArrayLike<number> => {
    const n = rank.length;
    let [first, last, least, most] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let k = 0; k < n; k++) {
      first = Math.min(first, due[k]!);
      last = Math.max(last, due[k]!);
      least = Math.min(least, short[k]!);
      most = Math.max(most, short[k]!);
    }
    const days = last - first + 1;
    const shorts = most - least + 1;
    if (10 * days * shorts * n <= Number.MAX_SAFE_INTEGER) {
      const keys = new Float64Array(n);
      for (let k = 0; k < n; k++)
        keys[k] = ((rank[k]! * days + due[k]! - first) * shorts + most - short[k]!) * n + k;
      return int32Map(keys.sort(), (key) => key % n);
    }
    return Array.from(rank, (_, k) => k).sort(
      (a, b) => rank[a]! - rank[b]! || due[a]! - due[b]! || short[b]! - short[a]! || a - b,
    );
  };
  // The risk level of each rank (`rank >> 1`), the inverse of `RISK_ORDER`.
  const risks: (RiskLevel | "none")[] = [];
  for (const [risk, order] of Object.entries(RISK_ORDER)) risks[order] = risk as RiskLevel | "none";
  const item = (i: number, rank: number, due: number): WorkItem => {
    const item = report.row(i) as ComplianceRow & {
      shortBy: number;
      daysLate: number;
      risk?: RiskLevel;
      keyCase: boolean;
    };
    const risk = risks[rank >> 1]!;
    item.shortBy = Math.max(0, item.required - item.done);
    item.daysLate = asOf - due;
    if (risk !== "none") item.risk = risk;
    item.keyCase = (rank & 1) === 0;
    return item;
  };
  // The items listed, built in row order (the columns read front to back), in sort order.
  const list = (xs: number[]): WorkItem[] => {
    const n = xs.length;
    const rank = new Uint8Array(n);
    const due = new Int32Array(n);
    const short = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const i = xs[k]!;
      rank[k] = rankOf(i);
      due[k] = t.runOf(i).dueAt(i);
      short[k] = t.required[i]! - t.done[i]!;
    }
    const at = ordered(rank, due, short);
    const m = Math.min(n, opts.limit ?? n);
    const listed = new Uint8Array(n);
    for (let j = 0; j < m; j++) listed[at[j]!] = 1;
    const items: WorkItem[] = [];
    for (let k = 0; k < n; k++) if (listed[k]) items[k] = item(xs[k]!, rank[k]!, due[k]!);
    return Array.from({ length: m }, (_, j) => items[at[j]!]!);
  };
  return { overdue: list(late), dueSoon: list(soon) };
}
