import { invalidArgument } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import type { RiskLevel } from "../model/child-file";
import { fromDayNumber } from "../time/calendar-date";
import type { CalendarDate, TimeZone } from "../time/types";
import type { ComplianceData, PolicyFinding } from "./data";
import { COMPLIANCE_STATUSES, type ComplianceStatus } from "./statuses";
import type { Policy, PolicyLevel } from "./schema";
import type { RowTable } from "./table";

/**
 * One subject, one policy, one bucket.
 * @category Policies
 */
export interface ComplianceRow {
  readonly policyId: string;
  readonly policyName: LocalizedText;
  readonly level: PolicyLevel;
  /** Id of the child, pairing, mentor or school. */
  readonly subjectId: string;
  /** The child concerned (child and pairing levels). */
  readonly childId?: string;
  /** The mentor concerned (pairing and mentor levels). */
  readonly mentorId?: string;
  /** The school concerned (school level; the child's or mentor's school otherwise, if known). */
  readonly schoolId?: string;
  /** First and last day of the bucket or window (inclusive). */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** The deadline: the bucket's last day, or an interval's due date. */
  readonly due: CalendarDate;
  /** Last day of grace: after it a short bucket is `missed`. */
  readonly closesOn: CalendarDate;
  readonly required: number;
  /** Contacts (or days, or children) counted, per the policy's `unit`. */
  readonly done: number;
  /** Records and activities counted, by date then id. */
  readonly recordIds: readonly string[];
  readonly status: ComplianceStatus;
}

/** @internal */
export interface ReportParts {
  policies: readonly Policy[];
  data: ComplianceData;
  table: RowTable;
  findings: readonly PolicyFinding[];
  asOf: CalendarDate;
  timeZone: TimeZone;
  period: { from: CalendarDate; to: CalendarDate };
  /** First and last day of every evaluated window (day numbers; from > to when none). */
  cover: readonly [number, number];
}

/**
 * The result of {@link evaluateCompliance}. Rows are stored in columns and built on demand
 * (`row(i)`, iteration, `toJSON()`), so a county-scale report stays small in memory.
 * @example
 * for (const row of report) if (row.status === "missed") console.log(row.subjectId, row.from)
 * report.counts() //=> { met: 10, missed: 2, due: 3, overdue: 0, upcoming: 0, exempt: 1, "not-applicable": 0 }
 * @category Policies
 */
export class ComplianceReport implements Iterable<ComplianceRow> {
  readonly asOf: CalendarDate;
  readonly timeZone: TimeZone;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  readonly policies: readonly Policy[];
  /** Findings about the input (unknown ids, records after `asOf` or outside every bucket…). */
  readonly findings: readonly PolicyFinding[];
  /** @internal */
  readonly _table: RowTable;
  /** @internal */
  readonly _data: ComplianceData;
  /** @internal */
  readonly _cover: readonly [number, number];

  /** Day number → date string, shared by every row built (a few hundred distinct days). */
  private readonly dates = new Map<number, CalendarDate>();

  /** @internal */
  constructor(parts: ReportParts) {
    this.asOf = parts.asOf;
    this.timeZone = parts.timeZone;
    this.period = Object.freeze({ ...parts.period });
    this.policies = parts.policies;
    this.findings = Object.freeze([...parts.findings]);
    this._table = parts.table;
    this._data = parts.data;
    this._cover = parts.cover;
    Object.freeze(this);
  }

  /** Number of rows. */
  get length(): number {
    return this._table.n;
  }

  /** The status of row `i` (cheap: no row object is built). */
  statusOf(i: number): ComplianceStatus {
    return COMPLIANCE_STATUSES[this._table.status[i]!]!;
  }

  /** Row `i` as an object. */
  row(i: number): ComplianceRow {
    const t = this._table;
    if (!(i >= 0 && i < t.n)) throw new RangeError(`row ${i} is out of range 0..${t.n - 1}`);
    const run = t.runOf(i);
    const policy = this.policies[run.policy]!;
    const d = this._data;
    const s = run.subjectAt(i);
    let childId: string | undefined;
    let mentorId: string | undefined;
    let schoolId: string | undefined;
    let subjectId: string;
    switch (policy.level) {
      case "child": {
        subjectId = childId = d.children[s]!.id;
        schoolId = this.schoolOfChild(s);
        break;
      }
      case "pairing": {
        const p = d.pairings[s]!;
        subjectId = p.id;
        childId = p.childId;
        mentorId = p.mentorId;
        schoolId = this.schoolOfChild(d.index.pairingChild[s]!);
        break;
      }
      case "mentor": {
        const m = d.mentors[s]!;
        subjectId = mentorId = m.id;
        schoolId = m.schoolId;
        break;
      }
      default:
        subjectId = schoolId = d.schoolIds[s]!;
    }
    const ids = d.events.ids;
    const days = d.events.day;
    const a = t.recordStart(i);
    const b = a + t.recordCount(i);
    let recordIds: string[];
    if (b - a === 0) recordIds = [];
    else if (b - a === 1) recordIds = [ids.get(t.pool[a]!)];
    else {
      const evs = t.pool.slice(a, b).sort((x, y) => days[x]! - days[y]! || ids.compare(x, y));
      recordIds = [];
      for (let k = 0; k < evs.length; k++) recordIds.push(ids.get(evs[k]!));
    }
    const row: { -readonly [K in keyof ComplianceRow]: ComplianceRow[K] } = {
      policyId: policy.id,
      policyName: policy.name,
      level: policy.level,
      subjectId,
      from: this.date(run.fromAt(i)),
      to: this.date(run.toAt(i)),
      due: this.date(run.dueAt(i)),
      closesOn: this.date(run.toAt(i) + policy.graceDays),
      required: t.required[i]!,
      done: t.done[i]!,
      recordIds,
      status: COMPLIANCE_STATUSES[t.status[i]!]!,
    };
    if (childId !== undefined) row.childId = childId;
    if (mentorId !== undefined) row.mentorId = mentorId;
    if (schoolId !== undefined) row.schoolId = schoolId;
    return row;
  }

  /** The school id of child `c` (from the index: child registers are not read per row). */
  private schoolOfChild(c: number): string | undefined {
    const si = this._data.index.schoolOfChild[c]!;
    return si < 0 ? undefined : this._data.schoolIds[si];
  }

  private date(day: number): CalendarDate {
    let d = this.dates.get(day);
    if (d === undefined) this.dates.set(day, (d = fromDayNumber(day)));
    return d;
  }

  /** Every row, in order (policy, then subject, then date). */
  *[Symbol.iterator](): Iterator<ComplianceRow> {
    for (let i = 0; i < this._table.n; i++) yield this.row(i);
  }

  /** Rows matching a filter. */
  *rows(
    filter: {
      policyId?: string;
      subjectId?: string;
      status?: ComplianceStatus | readonly ComplianceStatus[];
    } = {},
  ): Generator<ComplianceRow> {
    const statuses =
      filter.status === undefined
        ? undefined
        : new Set(typeof filter.status === "string" ? [filter.status] : filter.status);
    for (let i = 0; i < this._table.n; i++) {
      if (statuses && !statuses.has(this.statusOf(i))) continue;
      if (
        filter.policyId !== undefined &&
        this.policies[this._table.runOf(i).policy]!.id !== filter.policyId
      )
        continue;
      const row = this.row(i);
      if (filter.subjectId !== undefined && row.subjectId !== filter.subjectId) continue;
      yield row;
    }
  }

  /** Rows per status, for all policies or one (all zero for a policy not in the report). */
  counts(policyId?: string): Record<ComplianceStatus, number> {
    const out = Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0])) as Record<
      ComplianceStatus,
      number
    >;
    const pi = policyId === undefined ? -1 : this.policies.findIndex((p) => p.id === policyId);
    if (policyId !== undefined && pi < 0) return out;
    // Counted by status code, then named: no string-keyed store per row.
    const byCode = new Float64Array(COMPLIANCE_STATUSES.length);
    const status = this._table.status;
    for (const run of this._table.runs)
      if (pi < 0 || run.policy === pi)
        for (let i = run.start; i < run.end; i++) byCode[status[i]!]!++;
    COMPLIANCE_STATUSES.forEach((s, code) => (out[s] = byCode[code]!));
    return out;
  }

  /** A plain, JSON-safe copy (every row built: use it for small reports). */
  toJSON(): {
    asOf: CalendarDate;
    timeZone: TimeZone;
    period: { from: CalendarDate; to: CalendarDate };
    findings: readonly PolicyFinding[];
    rows: ComplianceRow[];
  } {
    return {
      asOf: this.asOf,
      timeZone: this.timeZone,
      period: { ...this.period },
      findings: this.findings,
      rows: [...this],
    };
  }
}

/** Risk order for work lists: critical first. @internal */
export const RISK_ORDER: Record<RiskLevel | "none", number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  none: 4,
};

/** Throws a ValidationError on `report` unless it is a {@link ComplianceReport}. @internal */
export function requireReport(report: unknown): asserts report is ComplianceReport {
  if (!(report instanceof ComplianceReport)) {
    throw invalidArgument(
      "report",
      "invalid_type",
      text("应为 evaluateCompliance 返回的报告", "expected a report from evaluateCompliance"),
      report,
    );
  }
}
