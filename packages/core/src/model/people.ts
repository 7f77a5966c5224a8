import * as z from "zod";
import { FieldClass } from "../privacy/field-class";
import {
  MAX_ADDRESS_LENGTH,
  MAX_AWAY_PERIODS,
  MAX_NAME_LENGTH,
  MAX_SHORT_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
} from "./limits";
import {
  CalendarDateSchema,
  DateRangeSchema,
  EducationSchema,
  FenSchema,
  GuardianshipCapacitySchema,
  IdSchema,
  MobileSchema,
  RegionCodeSchema,
} from "./primitives";

/**
 * How a temporary guardian disciplines the child — the key item of the guardian register.
 * @category Model
 */
export const DisciplineStyleSchema = z.enum([
  "strict",
  "reasoning",
  "indulgent",
  "neglectful",
  "inconsistent",
]);
/** @category Model */
export type DisciplineStyle = z.infer<typeof DisciplineStyleSchema>;

/**
 * The four disqualifications of an entrusted carer (Minors Protection Law Art. 22).
 * @category Model
 */
export const CarerDisqualificationSchema = z.enum([
  "abuse-or-violence",
  "addiction",
  "neglected-care-duties",
  "otherwise-unsuitable",
]);
/** @category Model */
export type CarerDisqualification = z.infer<typeof CarerDisqualificationSchema>;

/**
 * A temporary guardian or entrusted carer (临时监护人 / 委托照护人): the guardian register.
 * @category Model
 */
export const GuardianSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  relation: z.enum([
    "father",
    "mother",
    "grandfather",
    "grandmother",
    "relative",
    "entrusted-carer",
    "other",
  ]),
  /** Entrusted by the parents under Art. 22 (not the child's own parent). */
  entrusted: z.boolean().default(false),
  /** Whether this guardian is the one the child lives with. */
  primary: z.boolean().default(true),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  education: EducationSchema.optional(),
  personality: z.string().max(MAX_TEXT_LENGTH).optional(),
  disciplineStyle: DisciplineStyleSchema.optional(),
  health: z.string().max(MAX_TEXT_LENGTH).meta({ fieldClass: FieldClass.HEALTH }).optional(),
  guardianshipCapacity: GuardianshipCapacitySchema.default("full"),
  disqualifications: z
    .array(CarerDisqualificationSchema)
    .max(CarerDisqualificationSchema.options.length)
    .default([]),
  phone: MobileSchema.optional(),
  /** Date the parents told the school and village committee in writing who the carer is (Art. 23). */
  writtenNoticeOn: CalendarDateSchema.optional(),
});
/** @category Model */
export type Guardian = z.infer<typeof GuardianSchema>;
/** {@link Guardian} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type GuardianInput = z.input<typeof GuardianSchema>;

/**
 * A period a parent works away from home (外出务工), with the city.
 * @category Model
 */
export const AwayPeriodSchema = DateRangeSchema.and(
  z.object({
    city: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
    regionCode: RegionCodeSchema.optional(),
  }),
);
/** @category Model */
export type AwayPeriod = z.infer<typeof AwayPeriodSchema>;
/** {@link AwayPeriod} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type AwayPeriodInput = z.input<typeof AwayPeriodSchema>;

/**
 * A parent (the parents register), with the periods spent working away so that left-behind
 * status can be computed for any date.
 * @category Model
 */
export const ParentSchema = z.object({
  id: IdSchema,
  role: z.enum(["father", "mother"]),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  education: EducationSchema.optional(),
  employer: z.string().max(MAX_SHORT_TEXT_LENGTH).optional(),
  /** Type of work (务工类型), e.g. construction, factory, services. */
  occupation: z.string().max(MAX_SHORT_TEXT_LENGTH).optional(),
  /** Monthly income in fen. */
  monthlyIncomeFen: FenSchema.meta({ fieldClass: FieldClass.FINANCIAL }).optional(),
  /** What the parent expects of the child. */
  expectations: z.string().max(MAX_TEXT_LENGTH).optional(),
  /** How the parent keeps in touch (weekly call, video…). */
  contactHabit: z.string().max(MAX_TEXT_LENGTH).optional(),
  phone: MobileSchema.optional(),
  /** Place of work (city). */
  workplace: z.string().max(MAX_ADDRESS_LENGTH).optional(),
  guardianshipCapacity: GuardianshipCapacitySchema.default("full"),
  deceased: z.boolean().default(false),
  awayPeriods: z.array(AwayPeriodSchema).max(MAX_AWAY_PERIODS).default([]),
});
/** @category Model */
export type Parent = z.infer<typeof ParentSchema>;
/** {@link Parent} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type ParentInput = z.input<typeof ParentSchema>;
