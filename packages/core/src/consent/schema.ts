import * as z from "zod";
import { refusal } from "../_lib/refusal";
import { IssueCode } from "../errors/codes";
import { addIssue, describeValue } from "../errors/issues";
import { text, type LocalizedText } from "../i18n/locale";
import { MAX_SHORT_TEXT_LENGTH } from "../model/limits";
import { GuardianSchema } from "../model/people";
import { IdSchema, InstantSchema } from "../model/primitives";
import { FieldClass } from "../privacy/field-class";
import { instantMsOrNaN } from "../time/instant-ms";

/**
 * The built-in purposes a guardian consents to (PIPL Art. 31: processing the personal
 * information of a child under 14 needs a guardian's consent, for a stated purpose):
 * - `file`: keeping the child's file (一人一档) — registers, schooling, family;
 * - `sensitive`: identifying and sensitive data (ID number, phone, address, family situation);
 * - `health`: health, illness and disability;
 * - `financial`: family income and aid;
 * - `assessment`: needs and psychological assessments;
 * - `export`: handing the child's file out of the system (exports, reports naming the child).
 * @example
 * ConsentPurposeSchema.parse("health") //=> "health"
 * @category Consent
 */
export const BuiltinConsentPurposeSchema = z.enum([
  "file",
  "sensitive",
  "health",
  "financial",
  "assessment",
  "export",
]);
/**
 * One of the built-in purposes of {@link BuiltinConsentPurposeSchema}.
 * @category Consent
 */
export type BuiltinConsentPurpose = z.infer<typeof BuiltinConsentPurposeSchema>;

const CUSTOM_PURPOSE = /^custom:[a-z0-9][a-z0-9._-]{0,55}$/;

/**
 * A purpose of consent: a built-in purpose, or a host's own as `custom:<name>` (lower-case
 * letters, digits, `.`, `_`, `-`; at most 63 characters in all).
 * @example
 * ConsentPurposeSchema.parse("custom:summer-camp") //=> "custom:summer-camp"
 * @category Consent
 */
export const ConsentPurposeSchema = z.union([
  BuiltinConsentPurposeSchema,
  z
    .string()
    .refine(
      (s) => CUSTOM_PURPOSE.test(s),
      refusal(
        "应为自定义用途 custom:<名称>（小写字母、数字、.、_、-，共不超过 63 个字符）",
        "expected a purpose of your own as custom:<name> (lower-case letters, digits, ., _, -; 63 characters at most)",
      ),
    ),
]);
/**
 * A purpose of consent: see {@link ConsentPurposeSchema}.
 * @category Consent
 */
export type ConsentPurpose = BuiltinConsentPurpose | `custom:${string}`;

const PURPOSE_LABELS: Record<BuiltinConsentPurpose, LocalizedText> = {
  file: text("建立和保存儿童档案", "keeping the child's file"),
  sensitive: text("处理身份和敏感信息", "processing identifying and sensitive data"),
  health: text("处理健康信息", "processing health data"),
  financial: text("处理家庭收入和资助信息", "processing family income and aid"),
  assessment: text("开展需求和心理评估", "needs and psychological assessments"),
  export: text("导出或对外提供儿童档案", "exporting or handing out the child's file"),
};

/**
 * The label of a consent purpose in both languages; a custom purpose reads as its name.
 * @param purpose - A purpose.
 * @returns Its zh-CN and English label.
 * @example
 * consentPurposeLabel("health").en //=> "processing health data"
 * consentPurposeLabel("custom:camp").en //=> "camp"
 * @category Consent
 */
export function consentPurposeLabel(purpose: ConsentPurpose): LocalizedText {
  if (typeof purpose !== "string") return text(describeValue(purpose), describeValue(purpose));
  if (Object.hasOwn(PURPOSE_LABELS, purpose))
    return PURPOSE_LABELS[purpose as BuiltinConsentPurpose];
  const name = purpose.replace(/^custom:/, "");
  return text(name, name);
}

/**
 * How consent was given: a signed form (书面), an electronic confirmation, or an oral consent
 * that was recorded.
 * @example
 * ConsentMethodSchema.safeParse("oral-recorded").success //=> true
 * @category Consent
 */
export const ConsentMethodSchema = z.enum(["written", "electronic", "oral-recorded"]);
/** @category Consent */
export type ConsentMethod = z.infer<typeof ConsentMethodSchema>;

/**
 * A guardian's consent to processing a child's personal information for one purpose
 * (PIPL Art. 31): who consented (the id of a guardian or parent in the child's file and how
 * they are related), when, how and with what evidence, for which classes of data, and when it
 * was withdrawn. A withdrawn record stays: the history of consent is kept.
 * @example
 * ConsentRecordSchema.parse({
 *   id: "cs1", childId: "c1", purpose: "health", guardianId: "g1", relation: "grandmother",
 *   givenAt: "2026-09-01T09:00:00+08:00", method: "written", dataClasses: ["health"],
 * });
 * @category Consent
 */
export const ConsentRecordSchema = z
  .object({
    id: IdSchema,
    childId: IdSchema,
    purpose: ConsentPurposeSchema,
    /** The guardian or parent (an id in the child's file) who consented. */
    guardianId: IdSchema,
    relation: GuardianSchema.shape.relation,
    givenAt: InstantSchema,
    withdrawnAt: InstantSchema.optional(),
    method: ConsentMethodSchema,
    /** Where the evidence is kept (a form's archive number, a file reference). */
    evidence: z
      .string()
      .max(MAX_SHORT_TEXT_LENGTH)
      .meta({ fieldClass: FieldClass.SENSITIVE })
      .optional(),
    /** The classes of data the consent covers. */
    dataClasses: z
      .array(z.enum(Object.values(FieldClass) as [FieldClass, ...FieldClass[]]))
      .min(1)
      .max(4),
  })
  .superRefine((r, ctx) => {
    if (r.withdrawnAt !== undefined && instantMsOrNaN(r.withdrawnAt) < instantMsOrNaN(r.givenAt)) {
      addIssue(
        ctx,
        IssueCode.DATE_ORDER,
        text("撤回时间早于同意时间", "withdrawnAt is before givenAt"),
        { path: ["withdrawnAt"], input: r.withdrawnAt },
      );
    }
  });
/**
 * A consent record: see {@link ConsentRecordSchema}.
 * @category Consent
 */
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;
/**
 * {@link ConsentRecord} as a host supplies it (ids may be numbers, times `Date`s).
 * @category Consent
 */
export type ConsentRecordInput = z.input<typeof ConsentRecordSchema>;

const PURPOSE_OF_CLASS: Record<FieldClass, BuiltinConsentPurpose> = {
  identifying: "sensitive",
  sensitive: "sensitive",
  health: "health",
  financial: "financial",
};

/**
 * The consent purposes that processing data of these field classes needs: `identifying` and
 * `sensitive` data need `sensitive`, `health` needs `health`, `financial` needs `financial`.
 * @param classes - Field classes (unknown values are ignored).
 * @returns Each purpose once.
 * @example
 * consentPurposesOfClasses(["identifying", "health"]) //=> ["sensitive", "health"]
 * @category Consent
 */
export function consentPurposesOfClasses(classes: readonly FieldClass[]): BuiltinConsentPurpose[] {
  const list = Array.isArray(classes) ? classes : [];
  const out = new Set<BuiltinConsentPurpose>();
  for (const c of list) {
    if (typeof c === "string" && Object.hasOwn(PURPOSE_OF_CLASS, c))
      out.add(PURPOSE_OF_CLASS[c as FieldClass]);
  }
  return [...out];
}
