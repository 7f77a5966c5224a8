import { validateList } from "../errors";
import { text } from "../i18n";
import { ChildFileSchema, type ChildFile } from "../model";
import { checkRegionCode } from "../identity/region-code";
import { isCalendarDate } from "../time";
import { isGrade, isId, isOptionalId } from "../_lib/shape";

const ARRANGEMENTS = new Set(["parent", "grandparents", "relatives", "entrusted", "alone"]);
const STATUSES = new Set(["enrolled", "transferred", "dropped-out", "graduated", "not-enrolled"]);
const CAPACITIES = new Set(["full", "limited", "none"]);
const ROLES = new Set(["father", "mother"]);

/**
 * Whether a file already has the validated shape in every field the left-behind
 * classification, the statistics and the completeness count read (defaults applied). A fast
 * check, so that a large batch of stored files does not pay for a full zod parse each.
 * @internal
 */
export function hasCountedShape(f: unknown): f is ChildFile {
  if (f === null || typeof f !== "object") return false;
  const file = f as Record<string, unknown>;
  if (!isId(file.id)) return false;
  if (typeof file.livingArrangement !== "string" || !ARRANGEMENTS.has(file.livingArrangement))
    return false;
  const c = file.child as Record<string, unknown> | undefined;
  if (c === null || typeof c !== "object") return false;
  if (!isCalendarDate(c.birthDate)) return false;
  if (c.grade !== undefined && !isGrade(c.grade)) return false;
  if (!isOptionalId(c.schoolId) || !isOptionalId(c.classId)) return false;
  if (typeof c.regionCode !== "string" || !checkRegionCode(c.regionCode).valid) return false;
  if (typeof c.boarding !== "boolean") return false;
  const s = c.schooling as Record<string, unknown> | undefined;
  if (
    s === null ||
    typeof s !== "object" ||
    typeof s.status !== "string" ||
    !STATUSES.has(s.status)
  )
    return false;
  if (s.since !== undefined && !isCalendarDate(s.since)) return false;
  if (file.openedOn !== undefined && !isCalendarDate(file.openedOn)) return false;
  if (!Array.isArray(file.guardians) || !Array.isArray(file.parents) || file.parents.length > 2)
    return false;
  for (const p of file.parents as unknown[]) {
    if (p === null || typeof p !== "object") return false;
    const parent = p as Record<string, unknown>;
    if (!ROLES.has(parent.role as string) || typeof parent.deceased !== "boolean") return false;
    if (
      !CAPACITIES.has(parent.guardianshipCapacity as string) ||
      !Array.isArray(parent.awayPeriods)
    )
      return false;
    for (const a of parent.awayPeriods as unknown[]) {
      if (a === null || typeof a !== "object") return false;
      const { from, to } = a as Record<string, unknown>;
      if (!isCalendarDate(from)) return false;
      if (to !== undefined && (!isCalendarDate(to) || (to as string) < (from as string)))
        return false;
    }
  }
  const parents = file.parents as { role: string }[];
  if (parents.length === 2 && parents[0]?.role === parents[1]?.role) return false;
  for (const g of file.guardians as unknown[]) {
    if (
      g === null ||
      typeof g !== "object" ||
      typeof (g as Record<string, unknown>).primary !== "boolean"
    )
      return false;
  }
  return true;
}

/**
 * Validates a batch of files for counting. Files already in validated shape (checked quickly
 * field by field) are used as they are; any other file goes through `ChildFileSchema`, which
 * applies defaults. One `ValidationError` names every bad file and every repeated file id. With
 * `full`, every file is parsed by `ChildFileSchema`.
 * @internal
 */
export function filesForCounting(files: unknown, full: boolean): ChildFile[] {
  return validateList(ChildFileSchema, files, {
    subject: text("儿童档案列表", "child files"),
    path: ["files"],
    idNoun: text("儿童档案", "child file"),
    ...(full ? {} : { accept: hasCountedShape }),
  });
}
