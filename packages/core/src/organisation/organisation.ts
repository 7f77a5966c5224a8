import * as z from "zod";
import { refusal } from "../_lib/refusal";
import { validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import { IdSchema } from "../model/primitives";
import { RESPONSIBILITY_ROLES, ResponsibilityRoleSchema, type Duty } from "./roles";

/**
 * A school's care organisation: who holds which role (a person may hold several), the classes
 * a class teacher or grade head answers for, and who heads the leading group (关爱领导小组).
 * @example
 * SchoolOrganisationSchema.parse({ schoolId: "s1", members: [{ personId: "t1", role: "principal" }], head: "t1" }).members.length //=> 1
 * @category Organisation
 */
export const SchoolOrganisationSchema = z
  .object({
    schoolId: IdSchema,
    members: z
      .array(
        z.object({
          personId: IdSchema,
          role: ResponsibilityRoleSchema,
          /** Classes (class teacher) or grades' classes (grade head) the member answers for. */
          classIds: z.array(IdSchema).default([]),
        }),
      )
      .max(2000),
    /** The head of the leading group: the principal in every summary. */
    head: IdSchema.optional(),
  })
  .refine(
    (o) => o.head === undefined || o.members.some((m) => m.personId === o.head),
    refusal("组长应为成员之一", "head must be one of the members", ["head"]),
  );
/** @category Organisation */
export type SchoolOrganisation = z.infer<typeof SchoolOrganisationSchema>;
/** @category Organisation */
export type SchoolOrganisationInput = z.input<typeof SchoolOrganisationSchema>;

/**
 * A gap in a school's organisation, as data: a stable code, where, and what, in both languages.
 * @category Organisation
 */
export interface OrganisationFinding {
  readonly code: "no-head" | "head-not-principal" | "duty-unassigned" | "class-without-teacher";
  readonly path: string;
  readonly message: LocalizedText;
}

const DUTY_TEXT: Record<Duty, LocalizedText> = {
  lead: text("领导小组", "leading the group"),
  "safety-law-education": text("安全法制教育", "safety and law education"),
  "moral-education": text("思想教育", "moral education"),
  "study-life-education": text("学习教育及生活教育", "study and daily-life education"),
  "direct-help": text("具体帮扶", "direct help"),
};

/**
 * The people who hold a duty in a school, through their roles, optionally for one class (a
 * class teacher or grade head answers for their own classes; the others for every class).
 * @param org - The school's organisation.
 * @param duty - The duty asked about.
 * @param classId - A class, to narrow class-bound roles to that class.
 * @returns Person ids, in the order of the members.
 * @example
 * dutyHolders(org, "safety-law-education") //=> ["t2"]
 * dutyHolders(org, "study-life-education", "k1") //=> ["t5"]
 * @category Organisation
 */
export function dutyHolders(
  org: SchoolOrganisationInput | SchoolOrganisation,
  duty: Duty,
  classId?: string,
): string[] {
  const o = validate(SchoolOrganisationSchema, org, {
    subject: text("学校组织", "school organisation"),
  });
  const out: string[] = [];
  for (const m of o.members) {
    if (!RESPONSIBILITY_ROLES[m.role].duties.includes(duty)) continue;
    const bound = m.role === "class-teacher" || m.role === "grade-head";
    if (classId !== undefined && bound && !m.classIds.includes(classId)) continue;
    if (!out.includes(m.personId)) out.push(m.personId);
  }
  return out;
}

/**
 * Checks a school's organisation against the summaries: a leading group headed by the
 * principal, someone for each duty (safety and law, moral, study and daily-life education), and
 * a class teacher for every class given.
 * @param org - The school's organisation.
 * @param classIds - The school's classes (those with left-behind children, say).
 * @returns Findings, empty when nothing is missing.
 * @throws ValidationError when the organisation is malformed.
 * @example
 * checkOrganisation({ schoolId: "s1", members: [] }, ["k1"]).map((f) => f.code)
 * //=> ["no-head", "duty-unassigned", "duty-unassigned", "duty-unassigned", "class-without-teacher"]
 * @category Organisation
 */
export function checkOrganisation(
  org: SchoolOrganisationInput | SchoolOrganisation,
  classIds: readonly string[] = [],
): OrganisationFinding[] {
  const o = validate(SchoolOrganisationSchema, org, {
    subject: text("学校组织", "school organisation"),
  });
  const out: OrganisationFinding[] = [];
  if (o.head === undefined) {
    out.push({
      code: "no-head",
      path: "head",
      message: text("领导小组没有组长", "the leading group has no head"),
    });
  } else if (!o.members.some((m) => m.personId === o.head && m.role === "principal")) {
    out.push({
      code: "head-not-principal",
      path: "head",
      message: text("领导小组组长不是校长", "the head of the leading group is not the principal"),
    });
  }
  for (const duty of ["safety-law-education", "moral-education", "study-life-education"] as const) {
    if (dutyHolders(o, duty).length === 0) {
      out.push({
        code: "duty-unassigned",
        path: "members",
        message: text(
          `没有人负责${DUTY_TEXT[duty]["zh-CN"]}`,
          `nobody is in charge of ${DUTY_TEXT[duty].en}`,
        ),
      });
    }
  }
  for (const classId of classIds) {
    if (!o.members.some((m) => m.role === "class-teacher" && m.classIds.includes(classId))) {
      out.push({
        code: "class-without-teacher",
        path: `classIds`,
        message: text(`班级 ${classId} 没有班主任`, `class ${classId} has no class teacher`),
      });
    }
  }
  return out;
}
