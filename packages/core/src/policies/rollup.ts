import * as z from "zod";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import { regionAncestor } from "../identity/region-code";
import { fromDayNumber } from "../time/calendar-date";
import { S } from "./evaluate";
import type { ComplianceReport } from "./report";
import type { RowTable } from "./table";

/**
 * What a roll-up groups by. Township and county come from the region codes (`regionAncestor`) of
 * the child (child and pairing rows), the mentor or the mentor's school (mentor rows), and the
 * school (school rows, when `schools` were given). `bucket` groups by the first day of each
 * bucket or window (a monthly trend).
 * @category Policies
 */
export type RollUpBy = "mentor" | "class" | "school" | "township" | "county" | "bucket";

/**
 * Compliance of one group (a mentor, a class, a school, a township, a county).
 *
 * - `assessed` = `met + missed + overdue`: rows whose outcome is known or late (open `due`
 *   rows, `upcoming`, `exempt` and `not-applicable` rows are not assessed);
 * - `rate` = `met / assessed` (null when nothing is assessed);
 * - `contactRate` = Σ min(done, required) / Σ required over assessed rows.
 * Both can only rise when a record is added.
 * @category Policies
 */
export interface RollUpRow {
  readonly by: RollUpBy;
  readonly key: string;
  readonly met: number;
  readonly missed: number;
  readonly overdue: number;
  readonly due: number;
  readonly upcoming: number;
  readonly exempt: number;
  readonly notApplicable: number;
  readonly assessed: number;
  readonly rate: number | null;
  readonly required: number;
  readonly done: number;
  readonly contactRate: number | null;
}

const OptionsSchema = z.object({
  by: z.enum(["mentor", "class", "school", "township", "county", "bucket"]),
  policyIds: z.array(z.string()).optional(),
});

/**
 * Compliance rates per mentor, class, school, township or county.
 *
 * Attribution: a child-level row counts for every mentor paired with the child during the
 * bucket; a pairing row for its mentor; a mentor row for the mentor (and the mentor's first
 * class, school and region); a school row for the school. Rows with no key for the grouping
 * (a school row grouped by mentor) are left out.
 * @param report - From {@link evaluateCompliance}.
 * @param options - `by`, and optionally the `policyIds` to include.
 * @returns One row per group, sorted by key.
 * @example
 * rollUpCompliance(report, { by: "school" })
 * //=> [{ by: "school", key: "s1", met: 40, missed: 2, assessed: 42, rate: 0.952…, … }]
 * @category Policies
 */
export function rollUpCompliance(
  report: ComplianceReport,
  options: { by: RollUpBy; policyIds?: readonly string[] },
): RollUpRow[] {
  const opts = validate(OptionsSchema, options, { subject: text("汇总选项", "roll-up options") });
  const d = report._data;
  const t = report._table;
  const by = opts.by;
  const include = opts.policyIds ? new Set(opts.policyIds) : undefined;
  const policyOk = report.policies.map((p) => !include || include.has(p.id));
  const schoolRegion = new Map(d.schools.map((s) => [s.id, s.regionCode]));
  const region = (code: string | undefined) =>
    code === undefined || (by !== "township" && by !== "county")
      ? undefined
      : regionAncestor(code, by);
  const childKey = d.children.map((c) => {
    switch (by) {
      case "class":
        return c.child.classId;
      case "school":
        return c.child.schoolId;
      case "township":
      case "county":
        return region(c.child.regionCode);
      default:
        return undefined;
    }
  });
  const mentorKey = d.mentors.map((m) => {
    switch (by) {
      case "mentor":
        return m.id;
      case "class":
        return m.classIds[0];
      case "school":
        return m.schoolId;
      default:
        return region(m.regionCode ?? (m.schoolId ? schoolRegion.get(m.schoolId) : undefined));
    }
  });
  const schoolKey = d.schoolIds.map((id) =>
    by === "school"
      ? id
      : by === "township" || by === "county"
        ? region(schoolRegion.get(id))
        : undefined,
  );

  // Keys become group numbers once per child, mentor and school; rows then add into columns.
  const groups = new GroupSums();
  const childGroup = childKey.map((k) => groups.of(k));
  const mentorGroup = mentorKey.map((k) => groups.of(k));
  const mentorIdGroup = d.mentors.map((m) => groups.of(m.id));
  const schoolGroup = schoolKey.map((k) => groups.of(k));
  const ix = d.index;
  const bucketGroup = new Map<number, number>();
  // Mentors already credited with the current child row (a mentor paired twice counts once).
  const credited = new Int32Array(d.mentors.length).fill(-1);
  for (let i = 0; i < t.n; i++) {
    const pi = t.policy[i]!;
    if (!policyOk[pi]) continue;
    if (by === "bucket") {
      const f = t.from[i]!;
      let g = bucketGroup.get(f);
      if (g === undefined) bucketGroup.set(f, (g = groups.of(fromDayNumber(f))));
      groups.add(g, t, i);
      continue;
    }
    const s = t.subject[i]!;
    switch (report.policies[pi]!.level) {
      case "child":
        if (by === "mentor") {
          for (const pj of ix.pairingsByChild[s]!) {
            const m = ix.pairingMentor[pj]!;
            if (
              ix.pairingStart[pj]! <= t.to[i]! &&
              ix.pairingEnd[pj]! >= t.from[i]! &&
              credited[m] !== i
            ) {
              credited[m] = i;
              groups.add(mentorIdGroup[m]!, t, i);
            }
          }
        } else groups.add(childGroup[s]!, t, i);
        break;
      case "pairing":
        groups.add(
          by === "mentor" ? mentorIdGroup[ix.pairingMentor[s]!]! : childGroup[ix.pairingChild[s]!]!,
          t,
          i,
        );
        break;
      case "mentor":
        groups.add(mentorGroup[s]!, t, i);
        break;
      default:
        groups.add(schoolGroup[s]!, t, i);
    }
  }
  return groups
    .entries()
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, a]) => {
      const assessed = a[S.met]! + a[S.missed]! + a[S.overdue]!;
      return {
        by,
        key,
        met: a[S.met]!,
        missed: a[S.missed]!,
        overdue: a[S.overdue]!,
        due: a[S.due]!,
        upcoming: a[S.upcoming]!,
        exempt: a[S.exempt]!,
        notApplicable: a[S.na]!,
        assessed,
        rate: assessed === 0 ? null : a[S.met]! / assessed,
        required: a[7]!,
        done: a[8]!,
        contactRate: a[7]! === 0 ? null : a[8]! / a[7]!,
      };
    });
}

/** Sums per group (status counts, then required and done over assessed rows): 9 per group. */
class GroupSums {
  private readonly index = new Map<string, number>();
  private readonly keys: string[] = [];
  private sums: number[] = [];
  private touched: boolean[] = [];

  /** The group number of `key` (-1 for no key). */
  of(key: string | undefined): number {
    if (key === undefined) return -1;
    let g = this.index.get(key);
    if (g === undefined) {
      this.index.set(key, (g = this.keys.length));
      this.keys.push(key);
      this.sums.push(0, 0, 0, 0, 0, 0, 0, 0, 0);
      this.touched.push(false);
    }
    return g;
  }

  /** Adds row `i` of `t` to group `g` (nothing for -1). */
  add(g: number, t: RowTable, i: number): void {
    if (g < 0) return;
    const a = this.sums;
    const o = g * 9;
    const st = t.status[i]!;
    this.touched[g] = true;
    a[o + st]!++;
    if (st === S.met || st === S.missed || st === S.overdue) {
      a[o + 7]! += t.required[i]!;
      a[o + 8]! += Math.min(t.done[i]!, t.required[i]!);
    }
  }

  /** The groups that received a row, with their sums. */
  entries(): [string, number[]][] {
    const out: [string, number[]][] = [];
    for (let g = 0; g < this.keys.length; g++)
      if (this.touched[g]) out.push([this.keys[g]!, this.sums.slice(g * 9, g * 9 + 9)]);
    return out;
  }
}
