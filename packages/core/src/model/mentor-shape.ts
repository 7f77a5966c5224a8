/**
 * The quick checks that let mentors, pairings and classes already in validated shape skip their
 * zod parse (`MentorSchema`, `PairingSchema`, `SchoolClassSchema`), for pairing's input and the
 * compliance data. Each gives what the schema would output (the same keys and values: unknown
 * keys dropped, defaults applied), or `undefined` when the schema might say anything else; the
 * caller then parses everything with zod, so errors stay zod's.
 * @module
 */
import {
  inRange,
  isGrade,
  isId,
  isPlainObject,
  listOf,
  mobile,
  name,
  nonNegativeInt,
  oneOf,
  picker,
  plainArray,
  region,
  textOf,
} from "../_lib/shape";
import { MAX_ITEMS, MAX_SHORT_TEXT_LENGTH } from "./limits";
import {
  MentorKindSchema,
  PairingEndReasonSchema,
  PairingRoleSchema,
  type Mentor,
  type Pairing,
} from "./mentor";
import type { SchoolClass } from "./area";
import { GenderSchema } from "./primitives";
import { isCalendarDate } from "../time/calendar-date";

const GEO_POINT = [
  ["lat", inRange(-90, 90), true],
  ["lng", inRange(-180, 180), true],
] as const;
const CAPACITY = [
  ["min", nonNegativeInt],
  ["max", nonNegativeInt],
] as const;
/** An id, or `undefined` for anything else (an item of {@link listOf}). */
const idOf = (v: unknown): string | undefined => (isId(v) ? v : undefined);

const MENTOR = [
  ["id", isId, true],
  ["kind", oneOf(MentorKindSchema.options), true],
  ["name", name, true],
  ["gender", oneOf(GenderSchema.options)],
  ["schoolId", isId],
  ["classIds", plainArray],
  ["regionCode", region],
  ["location", isPlainObject],
  ["phone", mobile],
  ["capacity", isPlainObject],
  ["availableFrom", isCalendarDate],
  ["availableTo", isCalendarDate],
  ["experienceYears", inRange(0, Infinity)],
  ["childId", isId],
] as const;

const pickPoint = /* @__PURE__ */ picker(GEO_POINT);
const pickCapacity = /* @__PURE__ */ picker(CAPACITY);
const pickMentor = /* @__PURE__ */ picker(MENTOR);

/**
 * The mentor `MentorSchema` would output, built without zod when the input certainly passes it;
 * else `undefined`.
 * @internal
 */
export function mentorInShape(row: unknown): Mentor | undefined {
  const m = pickMentor(row);
  if (m === undefined) return undefined;
  // Nested values are copied as zod copies them (unknown keys dropped, defaults applied).
  if (m.location !== undefined) {
    const location = pickPoint(m.location);
    if (location === undefined) return undefined;
    m.location = location;
  }
  if (m.capacity !== undefined) {
    const c = pickCapacity(m.capacity);
    if (c === undefined) return undefined;
    if (c.min !== undefined && c.max !== undefined && (c.min as number) > (c.max as number))
      return undefined;
    m.capacity = c;
  }
  const ids = m.classIds === undefined ? [] : listOf(m.classIds, MAX_ITEMS, idOf);
  if (ids === undefined) return undefined;
  m.classIds = ids;
  return m as unknown as Mentor;
}

const PAIRING = [
  ["id", isId, true],
  ["childId", isId, true],
  ["mentorId", isId, true],
  ["role", oneOf(PairingRoleSchema.options), true],
  ["start", isCalendarDate, true],
  ["end", isCalendarDate],
  ["endReason", oneOf(PairingEndReasonSchema.options)],
  ["relayFrom", isId],
] as const;

const pickPairing = /* @__PURE__ */ picker(PAIRING);

/**
 * The pairing `PairingSchema` would output, built without zod when the input certainly passes
 * it; else `undefined`.
 * @internal
 */
export function pairingInShape(row: unknown): Pairing | undefined {
  const p = pickPairing(row);
  if (p === undefined) return undefined;
  // The schema's own refinements: an end not before the start, an end reason only with an end.
  if (p.end === undefined ? p.endReason !== undefined : (p.end as string) < (p.start as string))
    return undefined;
  return p as unknown as Pairing;
}

const SCHOOL_CLASS = [
  ["id", isId, true],
  ["schoolId", isId, true],
  ["grade", isGrade, true],
  ["name", textOf(1, MAX_SHORT_TEXT_LENGTH), true],
  ["classTeacherId", isId],
] as const;

const pickSchoolClass = /* @__PURE__ */ picker(SCHOOL_CLASS);

/**
 * The class `SchoolClassSchema` would output, built without zod when the input certainly passes
 * it; else `undefined`.
 * @internal
 */
export function schoolClassInShape(row: unknown): SchoolClass | undefined {
  return pickSchoolClass(row) as SchoolClass | undefined;
}
