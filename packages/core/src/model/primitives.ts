import { z } from "zod";
import { FieldClass } from "../privacy/field-class";
import { MAX_ID_LENGTH } from "./limits";
import { addIssue } from "../errors/issues";
import { IssueCode } from "../errors/codes";
import { text } from "../i18n";
import { checkIdNumber } from "../identity/id-number";
import { normalizeMobile } from "../identity/mobile";
import { checkRegionCode } from "../identity/region-code";
import { isCalendarDate } from "../time/calendar-date";
import type { CalendarDate, Instant, TimeZone } from "../time/types";
import { isInstant, isTimeZone } from "../time/zone";

/**
 * An identifier chosen by the host system (its own primary key): 1–64 characters.
 * @category Model
 */
export const IdSchema = z.string().min(1).max(MAX_ID_LENGTH);

/**
 * A calendar date `YYYY-MM-DD` that exists (no 30 February).
 * @example
 * CalendarDateSchema.parse("2024-02-29") //=> "2024-02-29"
 * @category Model
 */
export const CalendarDateSchema = z.string().superRefine((_value, ctx) => {
  if (!isCalendarDate(ctx.value)) {
    addIssue(
      ctx,
      IssueCode.CALENDAR_DATE,
      text("应为真实存在的日期，格式 YYYY-MM-DD", "expected a real date as YYYY-MM-DD"),
      { expected: "YYYY-MM-DD" },
    );
  }
}) as unknown as z.ZodType<CalendarDate, string>;

/**
 * An instant: ISO 8601 date-time with an explicit offset or `Z`.
 * @example
 * InstantSchema.parse("2026-03-01T01:00:00+08:00")
 * @category Model
 */
export const InstantSchema = z.string().superRefine((_value, ctx) => {
  if (!isInstant(ctx.value)) {
    addIssue(
      ctx,
      IssueCode.INSTANT,
      text(
        "应为带时区偏移的 ISO 8601 时间，如 2026-03-01T09:00:00+08:00",
        "expected an ISO 8601 date-time with an offset, such as 2026-03-01T09:00:00+08:00",
      ),
      { expected: "YYYY-MM-DDTHH:mm:ss+08:00" },
    );
  }
}) as unknown as z.ZodType<Instant, string>;

/**
 * An IANA time-zone name known to the runtime.
 * @category Model
 */
export const TimeZoneSchema = z.string().superRefine((_value, ctx) => {
  if (!isTimeZone(ctx.value)) {
    addIssue(
      ctx,
      IssueCode.TIME_ZONE,
      text(
        "应为 IANA 时区名，如 Asia/Shanghai",
        "expected an IANA time-zone name such as Asia/Shanghai",
      ),
      { expected: "IANA zone" },
    );
  }
}) as unknown as z.ZodType<TimeZone, string>;

/**
 * A region code (行政区划代码) of 6, 9 or 12 digits.
 * @category Model
 */
export const RegionCodeSchema = z.string().superRefine((_value, ctx) => {
  const r = checkRegionCode(ctx.value);
  if (!r.valid) addIssue(ctx, r.issue.code, r.issue.message, { expected: "6/9/12 digits" });
});

/**
 * A mainland mobile number; spaces, dashes and a +86 prefix are removed on parsing.
 * @example
 * MobileSchema.parse("+86 138 0013 8000") //=> "13800138000"
 * @category Model
 */
export const MobileSchema = z
  .string()
  .superRefine((_value, ctx) => {
    if (normalizeMobile(ctx.value) === undefined) {
      addIssue(
        ctx,
        IssueCode.MOBILE_FORMAT,
        text(
          "应为 11 位手机号码，以 13–19 开头",
          "expected an 11-digit mobile number starting 13–19",
        ),
        { expected: "1[3-9]XXXXXXXXX" },
      );
    }
  })
  .transform((v) => normalizeMobile(v) ?? v)
  .meta({ fieldClass: FieldClass.IDENTIFYING });

/**
 * An 18-digit resident ID number with a valid GB 11643 check character; upper-cased on parsing.
 * @category Model
 */
export const IdNumberSchema = z
  .string()
  .superRefine((_value, ctx) => {
    const r = checkIdNumber(ctx.value);
    if (!r.valid)
      addIssue(ctx, r.issue.code, r.issue.message, { expected: "18-character resident ID" });
  })
  .transform((v) => v.toUpperCase())
  .meta({ fieldClass: FieldClass.IDENTIFYING });

/**
 * An amount of money in integer fen (1 yuan = 100 fen), never floating-point yuan.
 * @category Model
 */
export const FenSchema = z.number().int().nonnegative();

/**
 * Gender of a person.
 * @category Model
 */
export const GenderSchema = z.enum(["male", "female"]);
/** @category Model */
export type Gender = z.infer<typeof GenderSchema>;

/**
 * Guardianship capacity (监护能力): `none` for the seriously ill or disabled who cannot act as
 * guardian, or a person deceased or missing.
 * @category Model
 */
export const GuardianshipCapacitySchema = z.enum(["full", "limited", "none"]);
/** @category Model */
export type GuardianshipCapacity = z.infer<typeof GuardianshipCapacitySchema>;

/**
 * Highest education completed.
 * @category Model
 */
export const EducationSchema = z.enum([
  "none",
  "primary",
  "junior-secondary",
  "senior-secondary",
  "vocational",
  "college",
  "bachelor",
  "postgraduate",
]);
/** @category Model */
export type Education = z.infer<typeof EducationSchema>;

/**
 * A date range `[from, to]`; `to` absent means still going on.
 * @category Model
 */
export const DateRangeSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema.optional() })
  .superRefine((_value, ctx) => {
    const { from, to } = ctx.value;
    if (to !== undefined && to < from) {
      addIssue(
        ctx,
        IssueCode.DATE_ORDER,
        text(`结束日期 ${to} 早于开始日期 ${from}`, `end ${to} is before start ${from}`),
        { path: ["to"], input: to },
      );
    }
  });
/** @category Model */
export type DateRange = z.infer<typeof DateRangeSchema>;
