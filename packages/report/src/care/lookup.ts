import type { ChildFile, Mentor, Pairing, School, SchoolClass } from "@liushou/core";

/** Names by id, for printing rows. @internal */
export interface Lookup {
  child(id: string): ChildFile | undefined;
  childName(id: string): string;
  className(file: ChildFile): string;
  schoolName(file: ChildFile): string;
  mentor(id: string | undefined): Mentor | undefined;
  mentorName(id: string | undefined): string;
  /** Pairings of a child in force on a date. */
  activePairings(childId: string, on: string): Pairing[];
}

/** Indexes the data once for name look-ups. @internal */
export function createLookup(data: {
  files: readonly ChildFile[];
  mentors?: readonly Mentor[];
  pairings?: readonly Pairing[];
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
}): Lookup {
  const files = new Map(data.files.map((f) => [f.id, f]));
  const mentors = new Map((data.mentors ?? []).map((m) => [m.id, m]));
  const schools = new Map((data.schools ?? []).map((s) => [s.id, s]));
  const classes = new Map((data.classes ?? []).map((c) => [c.id, c]));
  const pairings = new Map<string, Pairing[]>();
  for (const p of data.pairings ?? []) {
    const list = pairings.get(p.childId);
    if (list) list.push(p);
    else pairings.set(p.childId, [p]);
  }
  return {
    child: (id) => files.get(id),
    childName: (id) => files.get(id)?.child.name ?? id,
    className: (f) => {
      const id = f.child.classId;
      return id === undefined ? "" : (classes.get(id)?.name ?? id);
    },
    schoolName: (f) => {
      const id = f.child.schoolId;
      return id === undefined ? "" : (schools.get(id)?.name ?? id);
    },
    mentor: (id) => (id === undefined ? undefined : mentors.get(id)),
    mentorName: (id) => (id === undefined ? "" : (mentors.get(id)?.name ?? id)),
    activePairings: (childId, on) =>
      (pairings.get(childId) ?? []).filter(
        (p) => p.start <= on && (p.end === undefined || p.end >= on),
      ),
  };
}
