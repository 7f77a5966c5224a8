import * as z from "zod";
import { FieldClass } from "../privacy/field-class";
import { MAX_ID_LENGTH } from "./limits";
import { addIssue } from "../errors/issues";
import { IssueCode } from "../errors/codes";
import { text } from "../i18n";
import { checkIdNumber } from "../identity/id-number";
import { normalizeMobile } from "../identity/mobile";
import { checkRegionCode } from "../identity/region-code";
import { isCalendarDate } from "../time/calendar-date";
import { invalidArgument } from "../errors/validate";
import {
  DEFAULT_TIME_ZONE,
  type AsOf,
  type CalendarDate,
  type Instant,
  type TimeZone,
} from "../time/types";
import { isInstantMsInRange } from "../time/instant-ms";
import { dateInZone, isInstant, isTimeZone } from "../time/zone";

/**
 * An identifier chosen by the host system (its own primary key): 1–64 characters, or a whole
 * number (an `INT` or `BIGINT` key as a database returns it), kept as its decimal string so that
 * `42` and `"42"` are the same id.
 * @example
 * IdSchema.parse(42) //=> "42"
 * IdSchema.parse(9007199254740993n) //=> "9007199254740993"
 * IdSchema.parse("stu-0042") //=> "stu-0042"
 * @category Model
 */
export const IdSchema = z.custom<string | number | bigint>().transform((value, ctx): string => {
  const id = toIdOrUndefined(value);
  if (id !== undefined) return id;
  addIssue(
    ctx,
    IssueCode.ID,
    text(
      "应为编号：1–64 个字符，或非负整数",
      "expected an id: 1–64 characters or a non-negative whole number",
    ),
    { expected: "string (1–64) | integer", input: value },
  );
  return z.NEVER;
});

function toIdOrUndefined(value: unknown): string | undefined {
  if (typeof value === "string")
    return value.length >= 1 && value.length <= MAX_ID_LENGTH ? value : undefined;
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  }
  if (typeof value === "bigint") {
    const s = value.toString();
    return value >= 0n && s.length <= MAX_ID_LENGTH ? s : undefined;
  }
  return undefined;
}

/**
 * A host's key as a Liushou id: a string is kept, a whole number (`INT`, `BIGINT`) becomes its
 * decimal string. The same rule {@link IdSchema} applies inside every schema.
 * @param value - The key as the database returns it.
 * @returns The id as a string.
 * @throws ValidationError for an empty or over-long string, a fraction, a negative number or
 * a number beyond 2^53 (pass such keys as `bigint` or text).
 * @example
 * toId(1024) //=> "1024"
 * toId("S-2015-001") //=> "S-2015-001"
 * @category Model
 */
export function toId(value: string | number | bigint): string {
  const id = toIdOrUndefined(value);
  if (id === undefined) {
    throw invalidArgument(
      "id",
      IssueCode.ID,
      text(
        "应为编号：1–64 个字符，或非负整数",
        "expected an id: 1–64 characters or a non-negative whole number",
      ),
      value,
    );
  }
  return id;
}

/**
 * A calendar date `YYYY-MM-DD` that exists (no 30 February). A `Date` (a `DATE` column as a
 * driver returns it) is read as the date it falls on in `Asia/Shanghai`; for another zone, or for
 * text such as `2015/3/2`, convert with {@link toCalendarDate} first.
 * @example
 * CalendarDateSchema.parse("2024-02-29") //=> "2024-02-29"
 * CalendarDateSchema.parse(new Date("2024-02-29T00:00:00+08:00")) //=> "2024-02-29"
 * @category Model
 */
export const CalendarDateSchema = z
  .custom<string | Date>()
  .transform((value, ctx): CalendarDate => {
    if (isCalendarDate(value)) return value;
    if (value instanceof Date && isInstantMsInRange(value.getTime())) {
      return dateInZone(value.getTime(), DEFAULT_TIME_ZONE);
    }
    addIssue(
      ctx,
      IssueCode.CALENDAR_DATE,
      text("应为真实存在的日期，格式 YYYY-MM-DD", "expected a real date as YYYY-MM-DD"),
      { expected: "YYYY-MM-DD", input: value },
    );
    return z.NEVER;
  }) as unknown as z.ZodType<CalendarDate, string | Date>;

/**
 * An instant: ISO 8601 date-time with an explicit offset or `Z`, or a `Date` (a `TIMESTAMP`
 * column as a driver returns it). `DATETIME` text without an offset is ambiguous and refused:
 * convert it with {@link toInstant} in the zone the database writes. The date and time must
 * exist: `2026-02-30T10:00:00+08:00` is refused, not rolled over to 2 March, and so are hour
 * `24`, minute or second `60` and an offset beyond `±23:59`. Years run from 0000 to 9999, the
 * instant between 0000-01-02 and 9999-12-29 (UTC) so that its date has four digits in every zone.
 * @example
 * InstantSchema.parse("2026-03-01T01:00:00+08:00") //=> "2026-03-01T01:00:00+08:00"
 * InstantSchema.parse(new Date("2026-03-01T01:00:00+08:00")) //=> "2026-02-28T17:00:00.000Z"
 * InstantSchema.safeParse("2026-02-30T10:00:00+08:00").success //=> false
 * @category Model
 */
export const InstantSchema = z.custom<string | Date>().transform((value, ctx): Instant => {
  if (isInstant(value)) return value;
  if (value instanceof Date && isInstantMsInRange(value.getTime())) return value.toISOString();
  addIssue(
    ctx,
    IssueCode.INSTANT,
    text(
      "应为带时区偏移的 ISO 8601 时间，如 2026-03-01T09:00:00+08:00；不带时区的 DATETIME 文本请先用 toInstant(文本, 时区) 转换",
      "expected an ISO 8601 date-time with an offset, such as 2026-03-01T09:00:00+08:00; convert DATETIME text without one with toInstant(text, zone)",
    ),
    { expected: "YYYY-MM-DDTHH:mm:ss+08:00", input: value },
  );
  return z.NEVER;
}) as unknown as z.ZodType<Instant, string | Date>;

/**
 * The day a rule is applied on ({@link AsOf}): a calendar date, an instant with an offset or a
 * `Date`. A calendar date stays as it is; an instant or a `Date` comes out as an instant, which
 * the function then reads in its zone.
 * @example
 * AsOfSchema.parse("2026-09-01") //=> "2026-09-01"
 * AsOfSchema.parse(new Date("2026-09-01T00:00:00Z")) //=> "2026-09-01T00:00:00.000Z"
 * @category Model
 */
export const AsOfSchema = z.custom<AsOf>().transform((value, ctx): CalendarDate | Instant => {
  if (isCalendarDate(value) || isInstant(value)) return value;
  if (value instanceof Date && isInstantMsInRange(value.getTime())) return value.toISOString();
  addIssue(
    ctx,
    IssueCode.CALENDAR_DATE,
    text(
      "应为日期 YYYY-MM-DD、带时区偏移的时间或 Date",
      "expected a date as YYYY-MM-DD, an instant with an offset, or a Date",
    ),
    { expected: "YYYY-MM-DD", input: value },
  );
  return z.NEVER;
}) as unknown as z.ZodType<CalendarDate | Instant, AsOf>;
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
/** {@link DateRange} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type DateRangeInput = z.input<typeof DateRangeSchema>;
