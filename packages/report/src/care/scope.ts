import {
  regionAncestor,
  type Activity,
  type Aid,
  type Area,
  type Assessment,
  type ChildFile,
  type ContactRecord,
  type Mentor,
  type MicroWish,
  type Pairing,
  type School,
  type SchoolCalendar,
  type SchoolClass,
} from "@liushou/core";
import * as z from "zod";
import type { ReportMeta } from "../model/types";

/**
 * What a report covers: one school, or every school and child of a township or county.
 * @example
 * const scope: ReportScope = { level: "school", id: "s1" };
 * @category Report builders
 */
export type ReportScope =
  | { readonly level: "school"; readonly id: string }
  | { readonly level: "township" | "county"; readonly code: string };

/** @internal */
export const ReportScopeSchema = z.discriminatedUnion("level", [
  z.object({ level: z.literal("school"), id: z.string().min(1) }),
  z.object({ level: z.enum(["township", "county"]), code: z.string().regex(/^\d{6,12}$/) }),
]);

/**
 * The plain data the care reports read (what a host holds, or what storage returns): files,
 * mentors, pairings, contact records, and optionally activities, micro-wishes, aid,
 * assessments, schools, classes, areas and the school calendar. Everything is validated by the
 * core functions that read it.
 * @example
 * const data: CareData = { files: pop.files, mentors: pop.mentors, pairings: pop.pairings, records: pop.records };
 * @category Report builders
 */
export interface CareData {
  files: readonly ChildFile[];
  mentors: readonly Mentor[];
  pairings: readonly Pairing[];
  records: readonly ContactRecord[];
  activities?: readonly Activity[];
  wishes?: readonly MicroWish[];
  aid?: readonly Aid[];
  assessments?: readonly Assessment[];
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
  areas?: readonly Area[];
  /** Needed by school-calendar policies. */
  calendar?: SchoolCalendar;
}

/** @internal */
export const CareDataSchema = z.object({
  files: z.array(
    z.object({ id: z.string(), child: z.object({ regionCode: z.string() }).loose() }).loose(),
  ),
  mentors: z.array(z.object({ id: z.string() }).loose()),
  pairings: z.array(z.object({ childId: z.string(), mentorId: z.string() }).loose()),
  records: z.array(z.object({ childIds: z.array(z.string()) }).loose()),
  activities: z.array(z.object({ childIds: z.array(z.string()).optional() }).loose()).optional(),
  wishes: z.array(z.object({ childId: z.string() }).loose()).optional(),
  aid: z.array(z.object({ childIds: z.array(z.string()).optional() }).loose()).optional(),
  assessments: z.array(z.object({ childId: z.string() }).loose()).optional(),
  schools: z.array(z.object({ id: z.string(), name: z.string() }).loose()).optional(),
  classes: z.array(z.object({ id: z.string() }).loose()).optional(),
  areas: z.array(z.object({ code: z.string(), name: z.string() }).loose()).optional(),
  calendar: z.unknown().optional(),
});

/** The data of one scope and what to call it. @internal */
export interface ScopedData extends Required<Omit<CareData, "calendar">> {
  calendar: SchoolCalendar | undefined;
  subject: ReportMeta["subject"];
  schoolIds: ReadonlySet<string>;
}

function anyIn(ids: readonly string[] | undefined, set: ReadonlySet<string>): boolean {
  return (ids ?? []).some((id) => set.has(id));
}

/**
 * Selects the data of a scope: the children of the school (or whose home is in the area), the
 * schools, the pairings and mentors of those children (and the school's own mentors), and the
 * records, activities, wishes, aid and assessments that concern them.
 * @internal
 */
export function scopeData(data: CareData, scope: ReportScope): ScopedData {
  const schoolsAll = data.schools ?? [];
  const inArea = (code: string | undefined) =>
    scope.level !== "school" &&
    code !== undefined &&
    regionAncestor(code, scope.level) === scope.code;
  const schools =
    scope.level === "school"
      ? schoolsAll.filter((s) => s.id === scope.id)
      : schoolsAll.filter((s) => inArea(s.regionCode));
  const schoolIds = new Set(scope.level === "school" ? [scope.id] : schools.map((s) => s.id));
  const files = data.files.filter((f) =>
    scope.level === "school" ? f.child.schoolId === scope.id : inArea(f.child.regionCode),
  );
  const childIds = new Set(files.map((f) => f.id));
  const pairings = data.pairings.filter((p) => childIds.has(p.childId));
  const paired = new Set(pairings.map((p) => p.mentorId));
  const mentors = data.mentors.filter(
    (m) =>
      paired.has(m.id) ||
      (m.schoolId !== undefined && schoolIds.has(m.schoolId)) ||
      (scope.level !== "school" && m.schoolId === undefined && inArea(m.regionCode)),
  );
  const mentorIds = new Set(mentors.map((m) => m.id));
  const areaName = (code: string) => (data.areas ?? []).find((a) => a.code === code)?.name;
  const subject: ReportMeta["subject"] =
    scope.level === "school"
      ? { kind: "school", id: scope.id, name: schools[0]?.name ?? scope.id }
      : { kind: "area", id: scope.code, name: areaName(scope.code) ?? scope.code };
  return {
    files,
    mentors,
    pairings,
    records: data.records.filter(
      (r) => anyIn(r.childIds, childIds) || (r.mentorId !== undefined && mentorIds.has(r.mentorId)),
    ),
    activities: (data.activities ?? []).filter(
      (a) =>
        (a.schoolId !== undefined && schoolIds.has(a.schoolId)) ||
        (a.schoolId === undefined && inArea(a.regionCode)) ||
        anyIn(a.childIds, childIds),
    ),
    wishes: (data.wishes ?? []).filter((w) => childIds.has(w.childId)),
    aid: (data.aid ?? []).filter(
      (a) => (a.schoolId !== undefined && schoolIds.has(a.schoolId)) || anyIn(a.childIds, childIds),
    ),
    assessments: (data.assessments ?? []).filter((a) => childIds.has(a.childId)),
    schools,
    classes: (data.classes ?? []).filter((c) => schoolIds.has(c.schoolId)),
    areas: data.areas ?? [],
    calendar: data.calendar,
    subject,
    schoolIds,
  };
}
