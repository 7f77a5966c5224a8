import * as z from "zod";
import { ErrorCode } from "../errors/codes";
import { LiushouError, type LiushouErrorOptions } from "../errors/errors";
import { describeValue } from "../errors/issues";
import { validate } from "../errors/validate";
import { text } from "../i18n/locale";
import { AsOfSchema, CalendarDateSchema, IdSchema, TimeZoneSchema } from "../model/primitives";
import { ageOn, isCalendarDate } from "../time/calendar-date";
import { DEFAULT_TIME_ZONE, type AsOf, type Instant, type TimeZone } from "../time/types";
import { dateInZone, instantMs } from "../time/zone";
import {
  ConsentPurposeSchema,
  ConsentRecordSchema,
  consentPurposeLabel,
  type ConsentPurpose,
  type ConsentRecord,
} from "./schema";

/**
 * The age from which a child's own consent is enough and a guardian's is no longer needed
 * (PIPL Art. 28 and 31: children under 14).
 * @example
 * CONSENT_AGE //=> 14
 * @category Consent
 */
export const CONSENT_AGE = 14;

/**
 * Whether processing a child's data for a purpose may go ahead on a day:
 * - `granted`: a guardian's consent for the purpose is in force (given, not withdrawn);
 * - `withdrawn`: consent was given and every such consent has been withdrawn;
 * - `missing`: no consent for the purpose was given yet;
 * - `not-required`: the child is 14 or older on that day.
 * @category Consent
 */
export type ConsentState = "granted" | "withdrawn" | "missing" | "not-required";

/**
 * What {@link consentStatus} found: the state, the child's age on the day, and the record in
 * force (`granted`) or last withdrawn (`withdrawn`).
 * @category Consent
 */
export interface ConsentStatus {
  readonly childId: string;
  readonly purpose: ConsentPurpose;
  readonly state: ConsentState;
  /** Completed years of age on the day asked about. */
  readonly age: number;
  readonly record?: ConsentRecord;
}

/** The fields of a child's file that consent depends on (a whole `ChildFile` will do). */
const ConsentChildSchema = z.looseObject({
  id: IdSchema,
  child: z.looseObject({ birthDate: CalendarDateSchema }),
});
/**
 * The child {@link consentStatus} reads: its id and birth date (a `ChildFile` will do).
 * @category Consent
 */
export type ConsentChild = z.input<typeof ConsentChildSchema>;

const RecordsSchema = z.array(ConsentRecordSchema).max(100_000);

/** Whether an instant falls on or before the day (or instant) asked about. */
function onOrBefore(at: string, asOf: string, zone: TimeZone): boolean {
  return isCalendarDate(asOf)
    ? dateInZone(at as Instant, zone) <= asOf
    : instantMs(at as Instant) <= instantMs(asOf as Instant);
}

const later = (a: string, b: string): boolean => instantMs(a as Instant) > instantMs(b as Instant);

/**
 * Whether a guardian's consent covers processing a child's data for `purpose` on `asOf`
 * (PIPL Art. 31). Consent counts from `givenAt` and stops at `withdrawnAt`; when `asOf` is a
 * calendar date, a consent given or withdrawn at any time that day (read in `timeZone`) counts
 * for that day. A child aged 14 or more on `asOf` (from the birth date: the 14th birthday
 * itself counts) needs no guardian's consent.
 * @param child - The child's file (or `{ id, child: { birthDate } }`).
 * @param purpose - The purpose of processing.
 * @param records - Consent records; those of other children or purposes are ignored.
 * @param asOf - The day (`YYYY-MM-DD`) or instant asked about.
 * @param timeZone - The zone dates are read in (default `Asia/Shanghai`).
 * @returns The state, the age, and the deciding record.
 * @throws ValidationError when an argument is malformed.
 * @example
 * consentStatus(file, "health", records, "2026-09-01").state //=> "granted"
 * @category Consent
 */
export function consentStatus(
  child: ConsentChild,
  purpose: ConsentPurpose,
  records: readonly ConsentRecord[],
  asOf: AsOf,
  timeZone: TimeZone = DEFAULT_TIME_ZONE,
): ConsentStatus {
  const subject = validate(ConsentChildSchema, child, {
    subject: text("儿童", "child"),
    path: ["child"],
  });
  const p = validate(ConsentPurposeSchema, purpose, { path: ["purpose"] }) as ConsentPurpose;
  const list = validate(RecordsSchema, records, {
    subject: text("同意记录", "consent records"),
    path: ["records"],
  });
  const at = validate(AsOfSchema, asOf, { path: ["asOf"] });
  const zone = validate(TimeZoneSchema, timeZone, { path: ["timeZone"] }) as TimeZone;
  const day = isCalendarDate(at) ? at : dateInZone(at as Instant, zone);
  const age = ageOn(subject.child.birthDate, day);
  const base = { childId: subject.id, purpose: p, age };
  if (age >= CONSENT_AGE) return { ...base, state: "not-required" };
  let withdrawn: ConsentRecord | undefined;
  for (const r of list) {
    if (r.childId !== subject.id || r.purpose !== p || !onOrBefore(r.givenAt, at, zone)) continue;
    if (r.withdrawnAt === undefined || !onOrBefore(r.withdrawnAt, at, zone)) {
      return { ...base, state: "granted", record: r };
    }
    if (withdrawn === undefined || later(r.withdrawnAt, withdrawn.withdrawnAt!)) withdrawn = r;
  }
  return withdrawn
    ? { ...base, state: "withdrawn", record: withdrawn }
    : { ...base, state: "missing" };
}

/**
 * Processing a child's data needs a guardian's consent that is missing or withdrawn
 * (PIPL Art. 31). `childId`, `purpose` and `state` say which; nothing was processed.
 * Building it never throws: arguments that are not strings are described in words.
 * @example
 * try { requireConsent(file, "health", records, today) } catch (e) { if (e instanceof ConsentRequiredError) ask(e.childId, e.purpose) }
 * @category Errors
 */
export class ConsentRequiredError extends LiushouError {
  readonly childId: string;
  readonly purpose: string;
  readonly state: "missing" | "withdrawn";
  constructor(
    childId: string,
    purpose: ConsentPurpose,
    state: "missing" | "withdrawn",
    options: LiushouErrorOptions = {},
  ) {
    const id = typeof childId === "string" ? childId : describeValue(childId);
    const label = consentPurposeLabel(
      (typeof purpose === "string" ? purpose : describeValue(purpose)) as ConsentPurpose,
    );
    const withdrawn = state === "withdrawn";
    super(
      ErrorCode.CONSENT_REQUIRED,
      text(
        `儿童 ${id} 未满 14 周岁，${label["zh-CN"]}需要监护人同意：${withdrawn ? "监护人已撤回同意" : "没有同意记录"}`,
        `Child ${id} is under 14: ${label.en} needs a guardian's consent, ${withdrawn ? "which was withdrawn" : "and none is recorded"}`,
      ),
      options,
    );
    this.name = "ConsentRequiredError";
    this.childId = id;
    this.purpose = typeof purpose === "string" ? purpose : describeValue(purpose);
    this.state = withdrawn ? "withdrawn" : "missing";
  }
}

/**
 * {@link consentStatus}, throwing when processing may not go ahead.
 * @param child - The child's file (or `{ id, child: { birthDate } }`).
 * @param purpose - The purpose of processing.
 * @param records - Consent records (others' are ignored).
 * @param asOf - The day or instant of processing.
 * @param timeZone - The zone dates are read in (default `Asia/Shanghai`).
 * @returns The status, `granted` or `not-required`.
 * @throws ConsentRequiredError (code `LIUSHOU_CONSENT_REQUIRED`) when consent is missing or withdrawn.
 * @throws ValidationError when an argument is malformed.
 * @example
 * requireConsent(file, "assessment", records, "2026-09-01") // throws unless consent is in force
 * @category Consent
 */
export function requireConsent(
  child: ConsentChild,
  purpose: ConsentPurpose,
  records: readonly ConsentRecord[],
  asOf: AsOf,
  timeZone: TimeZone = DEFAULT_TIME_ZONE,
): ConsentStatus {
  const status = consentStatus(child, purpose, records, asOf, timeZone);
  if (status.state === "missing" || status.state === "withdrawn") {
    throw new ConsentRequiredError(status.childId, status.purpose, status.state);
  }
  return status;
}
