import * as z from "zod";
import { IssueCode } from "../errors/codes";
import { addIssue } from "../errors/issues";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import type { ChildFile, ChildFileInput } from "../model/child-file";
import { MentorSchema, type Mentor, type MentorInput } from "../model/mentor";
import { PairingChildSchema } from "./stages/input";

/**
 * A mentoring group (帮扶小组): a few children with one teacher.
 * @category Pairing
 */
export interface MentoringGroup {
  /** `group-1`, `group-2`… in order. */
  readonly id: string;
  readonly mentorId: string;
  readonly childIds: readonly string[];
}

const InputSchema = z.object({
  children: z.array(PairingChildSchema),
  mentors: z.array(MentorSchema).min(1),
  /** How many groups; default: one per mentor. */
  groups: z.number().int().min(1).max(10_000).optional(),
});

/**
 * Forms mentoring groups (“全校确立了16个帮扶小组并配备帮扶教师” (school-district summary, L265)):
 * the children, in order of grade, class and id, are cut into `groups` groups of near-equal
 * size (classmates stay together), and each group gets a teacher — the class teacher of most
 * of its children when free, else the free teacher of the same school with the fewest groups.
 * @param input - `children`, `mentors` (teachers) and the number of `groups` (default: one per mentor).
 * @returns The groups, in order.
 * @throws ValidationError on malformed input, or when there are more groups than mentors.
 * @example
 * planMentoringGroups({ children, mentors: teachers, groups: 16 }).length //=> 16
 * @category Pairing
 */
export function planMentoringGroups(input: {
  children: readonly (ChildFileInput | ChildFile)[];
  mentors: readonly (MentorInput | Mentor)[];
  groups?: number;
}): MentoringGroup[] {
  const subject = text("帮扶小组", "mentoring groups");
  const o = validate(
    InputSchema.superRefine((x, ctx) => {
      if (x.groups !== undefined && x.groups > x.mentors.length)
        addIssue(
          ctx,
          IssueCode.OTHER,
          text(
            `帮扶小组数不能多于帮扶教师数 ${x.mentors.length}`,
            `groups must not exceed the number of mentors, ${x.mentors.length}`,
          ),
          { path: ["groups"], input: x.groups },
        );
    }),
    input,
    { subject },
  );
  const kids = [...(o.children as ChildFile[])].sort(
    (a, b) =>
      (a.child.grade ?? 99) - (b.child.grade ?? 99) ||
      (a.child.classId ?? "").localeCompare(b.child.classId ?? "") ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const n = Math.min(o.groups ?? o.mentors.length, Math.max(kids.length, 1));
  const free = new Set(o.mentors.map((m) => m.id));
  const out: MentoringGroup[] = [];
  for (let g = 0; g < n; g++) {
    const members = kids.slice(
      Math.floor((g * kids.length) / n),
      Math.floor(((g + 1) * kids.length) / n),
    );
    const votes = new Map<string, number>();
    for (const c of members) {
      if (c.child.classId) votes.set(c.child.classId, (votes.get(c.child.classId) ?? 0) + 1);
    }
    const mainClass = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const school = members[0]?.child.schoolId;
    const pick =
      o.mentors.find(
        (m) =>
          free.has(m.id) &&
          m.kind === "class-teacher" &&
          mainClass !== undefined &&
          m.classIds[0] === mainClass,
      ) ??
      o.mentors.find((m) => free.has(m.id) && school !== undefined && m.schoolId === school) ??
      o.mentors.find((m) => free.has(m.id))!;
    free.delete(pick.id);
    out.push({ id: `group-${g + 1}`, mentorId: pick.id, childIds: members.map((c) => c.id) });
  }
  return out;
}
