import {
  addDays,
  type CalendarDate,
  type ChildFile,
  type ChildFileInput,
  type Guardian,
  type Parent,
} from "@liushou/core";
import type { RosterChild, RosterParent } from "../rows/parse";
import { LIVING_BY_RELATION } from "../rows/values";

/** Ids the import chose for a row: the file's and its school's and class's. @internal */
export interface RowIds {
  readonly fileId: string;
  readonly schoolId?: string;
  readonly classId?: string;
}

type Period = Parent["awayPeriods"][number];

/**
 * The away periods after a roster says where a parent works: the same city keeps the open
 * period; another city closes it the day before and opens a new one; an empty cell closes it.
 */
function awayPeriods(
  stored: readonly Period[],
  workplace: string | undefined,
  since: CalendarDate | undefined,
  asOf: CalendarDate,
): Period[] {
  if (workplace === undefined) return [...stored];
  const open = stored.find((p) => p.to === undefined);
  if (open && open.city === workplace) {
    return since === undefined
      ? [...stored]
      : stored.map((p) => (p === open ? { ...p, from: since } : p));
  }
  const closeOn = (p: Period): CalendarDate => {
    const day = addDays(since ?? asOf, -1);
    return day < p.from ? p.from : day;
  };
  const closed = stored.map((p) => (p === open ? { ...p, to: closeOn(p) } : p));
  return workplace === "" ? closed : [...closed, { from: since ?? asOf, city: workplace }];
}

/** The stored parent of a role updated with what the row says. */
function parentOf(
  fileId: string,
  role: "father" | "mother",
  row: RosterParent | undefined,
  stored: Parent | undefined,
  since: CalendarDate | undefined,
  asOf: CalendarDate,
): Parent | undefined {
  if (!row) return stored;
  const base: Parent = stored ?? {
    id: `${fileId}-${role}`,
    role,
    name: row.name,
    guardianshipCapacity: "full",
    deceased: false,
    awayPeriods: [],
  };
  const next: Parent = {
    ...base,
    name: row.name,
    ...(row.phone === undefined ? {} : { phone: row.phone }),
    awayPeriods: awayPeriods(base.awayPeriods, row.workplace, since, asOf),
  };
  if (row.workplace) next.workplace = row.workplace;
  else if (row.workplace === "") delete next.workplace;
  return next;
}

/** The guardians after the row names the primary one: matched by name, the others secondary. */
function guardiansOf(
  fileId: string,
  row: RosterChild["guardian"],
  stored: readonly Guardian[],
): Guardian[] {
  if (!row) return [...stored];
  const match = stored.find((g) => g.name === row.name);
  const demote = (g: Guardian): Guardian => (g.primary ? { ...g, primary: false } : g);
  const base: Guardian = match ?? {
    id: `${fileId}-g${stored.length + 1}`,
    name: row.name,
    relation: row.relation ?? "other",
    entrusted: row.relation === "entrusted-carer",
    primary: true,
    guardianshipCapacity: "full",
    disqualifications: [],
  };
  const next: Guardian = {
    ...base,
    primary: true,
    ...(row.relation
      ? { relation: row.relation, entrusted: row.relation === "entrusted-carer" }
      : {}),
    ...(row.phone === undefined ? {} : { phone: row.phone }),
  };
  return match
    ? stored.map((g) => (g === match ? next : demote(g)))
    : [...stored.map(demote), next];
}

/**
 * The child file a roster row gives: the stored file (if any) with the roster's fields put in,
 * so what the roster does not hold (assessments' risk level, consent, notes) is kept and a
 * re-import of the same row changes nothing. @internal
 */
export function rosterFile(
  row: RosterChild,
  stored: ChildFile | undefined,
  ids: RowIds,
  asOf: CalendarDate,
): ChildFileInput {
  const child = {
    ...stored?.child,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    regionCode: row.regionCode,
    ...(row.idNumber === undefined ? {} : { idNumber: row.idNumber }),
    ...(row.studentNumber === undefined ? {} : { studentNumber: row.studentNumber }),
    ...(ids.schoolId === undefined ? {} : { schoolId: ids.schoolId }),
    ...(ids.classId === undefined ? {} : { classId: ids.classId }),
    ...(row.grade === undefined ? {} : { grade: row.grade }),
    ...(row.address === undefined ? {} : { address: row.address }),
    ...(row.boarding === undefined ? {} : { boarding: row.boarding }),
  };
  const storedParent = (role: "father" | "mother") => stored?.parents.find((p) => p.role === role);
  const parents = (["father", "mother"] as const)
    .map((role) => parentOf(ids.fileId, role, row[role], storedParent(role), row.awaySince, asOf))
    .filter((p): p is Parent => p !== undefined);
  const guardians = guardiansOf(ids.fileId, row.guardian, stored?.guardians ?? []);
  const living =
    row.livingArrangement ??
    (row.guardian?.relation ? LIVING_BY_RELATION[row.guardian.relation] : undefined) ??
    stored?.livingArrangement;
  return {
    ...stored,
    id: ids.fileId,
    child,
    parents,
    guardians,
    ...(living === undefined ? {} : { livingArrangement: living }),
    ...(row.keyCase === undefined ? {} : { keyCase: row.keyCase }),
  } as ChildFileInput;
}
