import * as z from "zod";
import { FieldClass } from "../privacy/field-class";
import {
  MAX_ADDRESS_LENGTH,
  MAX_EMERGENCY_CONTACTS,
  MAX_GUARDIANS,
  MAX_NAME_LENGTH,
  MAX_PARENTS,
  MAX_SHORT_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
} from "./limits";
import { IssueCode } from "../errors/codes";
import { repeats } from "../errors/duplicates";
import { addIssue } from "../errors/issues";
import { text } from "../i18n";
import { checkIdNumber } from "../identity/id-number";
import { GradeSchema } from "./area";
import { GuardianSchema, ParentSchema } from "./people";
import {
  CalendarDateSchema,
  GenderSchema,
  IdNumberSchema,
  IdSchema,
  MobileSchema,
  RegionCodeSchema,
} from "./primitives";

/**
 * Who the child lives with (how the county tables count): a parent at home, grandparents
 * (随祖辈), other relatives (随其他亲戚), an entrusted guardian (随代管家长), or alone
 * (独自生活). Boarding (留守寄宿) is the separate `boarding` flag.
 * @category Model
 */
export const LivingArrangementSchema = z.enum([
  "parent",
  "grandparents",
  "relatives",
  "entrusted",
  "alone",
]);
/** @category Model */
export type LivingArrangement = z.infer<typeof LivingArrangementSchema>;

/**
 * Schooling status of a pupil.
 * @category Model
 */
export const SchoolingStatusSchema = z.enum([
  "enrolled",
  "transferred",
  "dropped-out",
  "graduated",
  "not-enrolled",
]);
/** @category Model */
export type SchoolingStatus = z.infer<typeof SchoolingStatusSchema>;

/**
 * Risk level, as set by an assessment (low → critical).
 * @category Model
 */
export const RiskLevelSchema = z.enum(["low", "medium", "high", "critical"]);
/** @category Model */
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/**
 * The child register: identity, schooling and the observations the summaries ask teachers to
 * record (moral character, habits, interests, learning, rapport).
 * @category Model
 */
export const ChildRegisterSchema = z.object({
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  gender: GenderSchema,
  birthDate: CalendarDateSchema,
  idNumber: IdNumberSchema.optional(),
  /** Student number (学籍号). */
  studentNumber: z.string().min(1).max(32).meta({ fieldClass: FieldClass.IDENTIFYING }).optional(),
  schoolId: IdSchema.optional(),
  classId: IdSchema.optional(),
  grade: GradeSchema.optional(),
  /** Region code of the home, ideally the village (12 digits). */
  regionCode: RegionCodeSchema,
  address: z
    .string()
    .max(MAX_ADDRESS_LENGTH)
    .meta({ fieldClass: FieldClass.IDENTIFYING })
    .optional(),
  health: z.string().max(MAX_TEXT_LENGTH).meta({ fieldClass: FieldClass.HEALTH }).optional(),
  boarding: z.boolean().default(false),
  schooling: z
    .object({ status: SchoolingStatusSchema, since: CalendarDateSchema.optional() })
    .default({ status: "enrolled" }),
  moralCharacter: z.string().max(MAX_TEXT_LENGTH).optional(),
  behaviourHabits: z.string().max(MAX_TEXT_LENGTH).optional(),
  interests: z.string().max(MAX_TEXT_LENGTH).optional(),
  intelligenceLevel: z.string().max(MAX_TEXT_LENGTH).optional(),
  personality: z.string().max(MAX_TEXT_LENGTH).optional(),
  learningMotivation: z.string().max(MAX_TEXT_LENGTH).optional(),
  learningAbility: z.string().max(MAX_TEXT_LENGTH).optional(),
  rapportWithGuardian: z.string().max(MAX_TEXT_LENGTH).optional(),
  communicationWithParents: z.string().max(MAX_TEXT_LENGTH).optional(),
});
/** @category Model */
export type ChildRegister = z.infer<typeof ChildRegisterSchema>;
/** {@link ChildRegister} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type ChildRegisterInput = z.input<typeof ChildRegisterSchema>;

/**
 * An emergency contact on the contact card (联系卡).
 * @category Model
 */
export const EmergencyContactSchema = z.object({
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  relation: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  phone: MobileSchema,
});
/** @category Model */
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;
/** {@link EmergencyContact} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type EmergencyContactInput = z.input<typeof EmergencyContactSchema>;

/**
 * The file of one child (一人一档): the child, temporary guardian and parents registers, how
 * the child lives, and case flags.
 * @example
 * const file = ChildFileSchema.parse({
 *   id: "c1",
 *   child: { name: "王小明", gender: "male", birthDate: "2015-03-02", regionCode: "430102001001" },
 *   livingArrangement: "grandparents",
 *   parents: [{ id: "p1", role: "father", name: "王大山", awayPeriods: [{ from: "2024-02-20", city: "深圳" }] }],
 * });
 * @category Model
 */
export const ChildFileSchema = z
  .object({
    id: IdSchema,
    child: ChildRegisterSchema,
    guardians: z.array(GuardianSchema).max(MAX_GUARDIANS).default([]),
    parents: z.array(ParentSchema).max(MAX_PARENTS).default([]),
    livingArrangement: LivingArrangementSchema,
    emergencyContacts: z.array(EmergencyContactSchema).max(MAX_EMERGENCY_CONTACTS).default([]),
    /** Key case (重点帮扶对象): served first by pairing and visits. */
    keyCase: z.boolean().default(false),
    riskLevel: RiskLevelSchema.optional(),
    /** Guardian consent to processing the child's information (PIPL Art. 31). */
    consent: z.object({ givenOn: CalendarDateSchema, guardianId: IdSchema.optional() }).optional(),
    /** Date the file was opened. */
    openedOn: CalendarDateSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const id = file.child.idNumber;
    if (id) {
      const r = checkIdNumber(id);
      if (r.valid && r.info.birthDate !== file.child.birthDate) {
        addIssue(
          ctx,
          IssueCode.ID_NUMBER_BIRTH_MISMATCH,
          text(
            "身份证号中的出生日期与 birthDate 不一致",
            "the birth date in the ID number differs from birthDate",
          ),
          { path: ["child", "idNumber"], input: id },
        );
      }
      if (r.valid && r.info.sex !== file.child.gender) {
        addIssue(
          ctx,
          IssueCode.ID_NUMBER_SEX_MISMATCH,
          text(
            "身份证号中的性别与 gender 不一致",
            "the sex encoded in the ID number differs from gender",
          ),
          { path: ["child", "idNumber"], input: id },
        );
      }
    }
    const people = [
      ...file.guardians.map((g, i) => ["guardians", i, g.id] as const),
      ...file.parents.map((p, i) => ["parents", i, p.id] as const),
    ];
    for (const { index, key } of repeats(people, (p) => p[2])) {
      const [list, i] = people[index]!;
      addIssue(
        ctx,
        IssueCode.DUPLICATE_ID,
        text(`人员编号 ${key} 重复`, `person id ${key} is used twice`),
        { path: [list, i, "id"], input: key },
      );
    }
    const roles = file.parents.map((p) => p.role);
    if (roles.length === 2 && roles[0] === roles[1]) {
      addIssue(
        ctx,
        IssueCode.DUPLICATE_ID,
        text("父母登记中同一角色出现两次", "the parents register lists the same role twice"),
        { path: ["parents", 1, "role"], input: roles[1] },
      );
    }
  });
/** A validated child file. @category Model */
export type ChildFile = z.infer<typeof ChildFileSchema>;
/** A child file as a host supplies it (defaults not yet applied). @category Model */
export type ChildFileInput = z.input<typeof ChildFileSchema>;
