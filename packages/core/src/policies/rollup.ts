import * as z from "zod";
import { requireObject, validate } from "../errors/validate";
import { text } from "../i18n";
import { regionAncestor } from "../identity/region-code";
import { fromDayNumber } from "../time/calendar-date";
import { S } from "./evaluate";
import { requireReport, type ComplianceReport } from "./report";
import { int32Map } from "../_lib/typed-map";

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
  requireReport(report);
  requireObject(options, "options");
  const opts = validate(OptionsSchema, options, { subject: text("汇总选项", "roll-up options") });
  const d = report._data;
  const t = report._table;
  const by = opts.by;
  const include = opts.policyIds ? new Set(opts.policyIds) : undefined;
  const policyOk = report.policies.map((p) => !include || include.has(p.id));
  const schoolRegion = new Map(d.schools.map((s) => [s.id, s.regionCode]));
  const regionOf = new Map<string, string | undefined>();
  const region = (code: string | undefined) => {
    if (code === undefined || (by !== "township" && by !== "county")) return undefined;
    let r = regionOf.get(code);
    if (r === undefined && !regionOf.has(code)) regionOf.set(code, (r = regionAncestor(code, by)));
    return r;
  };
  // Groups are numbered as their keys are first met; rows add into their group's counters:
  // a count per status, then Σ required and Σ min(done, required) of assessed rows.
  let acc = new Float64Array(9 * 64);
  const groupOf = new Map<string, number>();
  const keys: string[] = [];
  const group = (key: string | undefined): number => {
    if (key === undefined) return -1;
    let g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, (g = keys.length));
      keys.push(key);
      if (9 * keys.length > acc.length) {
        const grown = new Float64Array(acc.length * 2);
        grown.set(acc);
        acc = grown;
      }
    }
    return g;
  };
  const ix = d.index;
  const childGroup = int32Map(d.children, (c, ci) => {
    switch (by) {
      case "class":
        return group(c.child.classId);
      case "school": {
        const si = ix.schoolOfChild[ci]!;
        return si < 0 ? -1 : group(d.schoolIds[si]);
      }
      case "township":
      case "county":
        return group(region(c.child.regionCode));
      default:
        return -1;
    }
  });
  const mentorGroup = int32Map(d.mentors, (m) => {
    switch (by) {
      case "mentor":
        return group(m.id);
      case "class":
        return group(m.classIds[0]);
      case "school":
        return group(m.schoolId);
      case "bucket":
        return -1;
      default:
        return group(
          region(m.regionCode ?? (m.schoolId ? schoolRegion.get(m.schoolId) : undefined)),
        );
    }
  });
  const schoolGroup = int32Map(d.schoolIds, (id) =>
    group(
      by === "school"
        ? id
        : by === "township" || by === "county"
          ? region(schoolRegion.get(id))
          : undefined,
    ),
  );

  const { status, required, done } = t;
  const add = (g: number, i: number) => {
    if (g < 0) return;
    const st = status[i]!;
    acc[g * 9 + st]!++;
    if (st === S.met || st === S.missed || st === S.overdue) {
      const need = required[i]!;
      acc[g * 9 + 7]! += need;
      acc[g * 9 + 8]! += Math.min(done[i]!, need);
    }
  };
  const seen = new Set<number>();
  const bucketGroup = new Map<number, number>();
  // Rows come in runs of one policy: each run is read by its level's loop.
  for (const run of t.runs) {
    const { start, end } = run;
    if (!policyOk[run.policy]) continue;
    const level = report.policies[run.policy]!.level;
    if (by === "bucket") {
      for (let r = start; r < end; r++) {
        const f = run.fromAt(r);
        let g = bucketGroup.get(f);
        if (g === undefined) bucketGroup.set(f, (g = group(fromDayNumber(f))));
        add(g, r);
      }
    } else if (level === "child" && by === "mentor") {
      for (let r = start; r < end; r++) {
        seen.clear();
        const [from, to] = [run.fromAt(r), run.toAt(r)];
        for (const pj of ix.pairingsByChild[run.subjectAt(r)]!) {
          const m = ix.pairingMentor[pj]!;
          if (ix.pairingStart[pj]! <= to && ix.pairingEnd[pj]! >= from && !seen.has(m)) {
            seen.add(m);
            add(mentorGroup[m]!, r);
          }
        }
      }
    } else {
      // Each subject's rows at once, in the group of the subject.
      const of =
        level === "pairing" ? (by === "mentor" ? ix.pairingMentor : ix.pairingChild) : undefined;
      const groups =
        level === "child" || (level === "pairing" && by !== "mentor")
          ? childGroup
          : level === "school"
            ? schoolGroup
            : mentorGroup;
      run.forEachSubjectRows((s, first, last) => {
        const g = groups[of ? of[s]! : s]!;
        if (g >= 0) for (let r = first; r < last; r++) add(g, r);
      });
    }
  }
  const totals = new Map<string, number[]>();
  keys.forEach((key, g) => {
    const a = Array.from(acc.subarray(g * 9, g * 9 + 9));
    // Every row added counts in one status: a group no row was added to is left out.
    if (a.slice(0, 7).some((n) => n > 0)) totals.set(key, a);
  });
  return [...totals.entries()]
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
