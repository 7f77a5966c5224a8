/**
 * The quick check that lets a child file already in validated shape skip the zod parse of
 * `ChildFileSchema`: it builds exactly what the schema would output (unknown keys dropped,
 * defaults filled in, the ID number upper-cased), or gives `undefined` when the schema might say
 * anything else, and the caller parses the file with zod, so errors stay zod's.
 * @module
 */
import {
  isBoolean,
  isId,
  isGrade,
  isPlainObject,
  listOf,
  mobile,
  name,
  nonNegativeInt,
  oneOf,
  checksOf,
  picker,
  pickerOf,
  plainArray,
  rememberingRegion,
  textOf,
  type Check,
  type Field,
} from "../_lib/shape";
import { checkIdNumber } from "../identity/id-number";
import { isCalendarDate } from "../time/calendar-date";
import {
  LivingArrangementSchema,
  RiskLevelSchema,
  SchoolingStatusSchema,
  type ChildFile,
} from "./child-file";
import {
  MAX_ADDRESS_LENGTH,
  MAX_AWAY_PERIODS,
  MAX_EMERGENCY_CONTACTS,
  MAX_GUARDIANS,
  MAX_PARENTS,
  MAX_SHORT_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
} from "./limits";
import {
  CarerDisqualificationSchema,
  DisciplineStyleSchema,
  GuardianSchema,
  ParentSchema,
} from "./people";
import { EducationSchema, GenderSchema, GuardianshipCapacitySchema } from "./primitives";
import { CHILD_PROFILE_TEXTS } from "./profile-texts";

const longText = textOf(0, MAX_TEXT_LENGTH);
const shortText = textOf(0, MAX_SHORT_TEXT_LENGTH);
const birthYear: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2100;
const education = oneOf(EducationSchema.options);
const capacity = oneOf(GuardianshipCapacitySchema.options);
const isDate: Check = isCalendarDate;
/** A string; checked as an ID number, with the birth date and gender, once the child is read. */
const idNumber: Check = (v) => typeof v === "string";
const noByDefault = () => false;
const fullByDefault = () => "full";
const emptyByDefault = () => [];

/** The checks of one parse: region codes found valid are remembered (children share them). */
interface Checks {
  readonly region: Check;
}

function childFields({ region }: Checks): readonly Field[] {
  return [
    ["name", name, true],
    ["gender", oneOf(GenderSchema.options), true],
    ["birthDate", isDate, true],
    ["idNumber", idNumber],
    ["studentNumber", textOf(1, 32)],
    ["schoolId", isId],
    ["classId", isId],
    ["grade", isGrade],
    ["regionCode", region, true],
    ["address", textOf(0, MAX_ADDRESS_LENGTH)],
    ["health", longText],
    ["boarding", isBoolean, noByDefault],
    ["schooling", isPlainObject, () => ({ status: "enrolled" })],
    ...CHILD_PROFILE_TEXTS.map((key) => [key, longText] as const),
  ];
}

const SCHOOLING: readonly Field[] = [
  ["status", oneOf(SchoolingStatusSchema.options), true],
  ["since", isDate],
];

const GUARDIAN: readonly Field[] = [
  ["id", isId, true],
  ["name", name, true],
  ["relation", oneOf(GuardianSchema.shape.relation.options), true],
  ["entrusted", isBoolean, noByDefault],
  ["primary", isBoolean, () => true],
  ["birthYear", birthYear],
  ["education", education],
  ["personality", longText],
  ["disciplineStyle", oneOf(DisciplineStyleSchema.options)],
  ["health", longText],
  ["guardianshipCapacity", capacity, fullByDefault],
  ["disqualifications", plainArray, emptyByDefault],
  ["phone", mobile],
  ["writtenNoticeOn", isDate],
];
const disqualification = oneOf(CarerDisqualificationSchema.options);

const PARENT: readonly Field[] = [
  ["id", isId, true],
  ["role", oneOf(ParentSchema.shape.role.options), true],
  ["name", name, true],
  ["birthYear", birthYear],
  ["education", education],
  ["employer", shortText],
  ["occupation", shortText],
  ["monthlyIncomeFen", nonNegativeInt],
  ["expectations", longText],
  ["contactHabit", longText],
  ["phone", mobile],
  ["workplace", textOf(0, MAX_ADDRESS_LENGTH)],
  ["guardianshipCapacity", capacity, fullByDefault],
  ["deceased", isBoolean, noByDefault],
  ["awayPeriods", plainArray, emptyByDefault],
];

function awayFields({ region }: Checks): readonly Field[] {
  return [
    ["from", isDate, true],
    ["to", isDate],
    ["city", textOf(1, MAX_SHORT_TEXT_LENGTH), true],
    ["regionCode", region],
  ];
}

const EMERGENCY_CONTACT: readonly Field[] = [
  ["name", name, true],
  ["relation", textOf(1, MAX_SHORT_TEXT_LENGTH), true],
  ["phone", mobile, true],
];

const CONSENT: readonly Field[] = [
  ["givenOn", isDate, true],
  ["guardianId", isId],
];

const FILE: readonly Field[] = [
  ["id", isId, true],
  ["child", isPlainObject, true],
  ["guardians", plainArray, emptyByDefault],
  ["parents", plainArray, emptyByDefault],
  ["livingArrangement", oneOf(LivingArrangementSchema.options), true],
  ["emergencyContacts", plainArray, emptyByDefault],
  ["keyCase", isBoolean, noByDefault],
  ["riskLevel", oneOf(RiskLevelSchema.options)],
  ["consent", isPlainObject],
  ["openedOn", isDate],
];

const pickSchooling = /* @__PURE__ */ picker(SCHOOLING);
const pickGuardian = /* @__PURE__ */ picker(GUARDIAN);
const pickParent = /* @__PURE__ */ picker(PARENT);
const pickContact = /* @__PURE__ */ picker(EMERGENCY_CONTACT);
const pickConsent = /* @__PURE__ */ picker(CONSENT);
const pickFile = /* @__PURE__ */ picker(FILE);
/** The child's and the away periods' layouts: their region check is made for each list. */
const CHILD_LAYOUT = /* @__PURE__ */ pickerOf(childFields({ region: () => false }));
const AWAY_LAYOUT = /* @__PURE__ */ pickerOf(awayFields({ region: () => false }));

/** Whether no two people of the file share an id (the schema's own refinement). */
function distinctPeople(
  guardians: readonly Record<string, unknown>[],
  parents: readonly Record<string, unknown>[],
): boolean {
  // At most 22 people, their ids checked strings: compared pairwise, nothing allocated.
  const n = guardians.length + parents.length;
  const idAt = (i: number) =>
    (i < guardians.length ? guardians[i] : parents[i - guardians.length])!.id;
  for (let i = 1; i < n; i++) {
    const id = idAt(i);
    for (let j = 0; j < i; j++) if (idAt(j) === id) return false;
  }
  return true;
}

/**
 * A quick check of child files for one list: `inShape(row)` gives the file `ChildFileSchema`
 * would output, built without zod when the input certainly passes the schema and its
 * refinements (the ID number matching the birth date and gender, no person id twice, two
 * parents in different roles); else `undefined`. Numeric ids, `Date`s, class instances,
 * numbers to normalise and anything wrong are left to zod. Each field is read once.
 * @returns A check that remembers the region codes it found valid (children share them).
 * @internal
 */
export function childFileInShape(): (row: unknown) => ChildFile | undefined {
  const checks: Checks = { region: rememberingRegion() };
  const pickChild = CHILD_LAYOUT(checksOf(childFields(checks)));
  const pickAway = AWAY_LAYOUT(checksOf(awayFields(checks)));
  const away = (v: unknown) => {
    const p = pickAway(v);
    return p === undefined || (p.to !== undefined && (p.to as string) < (p.from as string))
      ? undefined
      : p;
  };
  const guardian = (v: unknown) => {
    const g = pickGuardian(v);
    if (g === undefined) return undefined;
    const list = listOf(g.disqualifications, CarerDisqualificationSchema.options.length, (d) =>
      disqualification(d) ? d : undefined,
    );
    if (list === undefined) return undefined;
    g.disqualifications = list;
    return g;
  };
  const parent = (v: unknown) => {
    const p = pickParent(v);
    if (p === undefined) return undefined;
    const periods = listOf(p.awayPeriods, MAX_AWAY_PERIODS, away);
    if (periods === undefined) return undefined;
    p.awayPeriods = periods;
    return p;
  };
  const child = (v: unknown) => {
    const c = pickChild(v);
    if (c === undefined) return undefined;
    const schooling = pickSchooling(c.schooling);
    if (schooling === undefined) return undefined;
    c.schooling = schooling;
    if (c.idNumber !== undefined) {
      const id = (c.idNumber as string).toUpperCase();
      const r = checkIdNumber(id);
      if (!r.valid || r.info.birthDate !== c.birthDate || r.info.sex !== c.gender) return undefined;
      c.idNumber = id;
    }
    return c;
  };
  return (row) => {
    const f = pickFile(row);
    if (f === undefined) return undefined;
    const c = child(f.child);
    const guardians = listOf(f.guardians, MAX_GUARDIANS, guardian);
    const parents = listOf(f.parents, MAX_PARENTS, parent);
    const contacts = listOf(f.emergencyContacts, MAX_EMERGENCY_CONTACTS, (e) => pickContact(e));
    if (c === undefined || guardians === undefined || parents === undefined) return undefined;
    if (contacts === undefined || !distinctPeople(guardians, parents)) return undefined;
    if (parents.length === 2 && parents[0]!.role === parents[1]!.role) return undefined;
    if (f.consent !== undefined) {
      const consent = pickConsent(f.consent);
      if (consent === undefined) return undefined;
      f.consent = consent;
    }
    f.child = c;
    f.guardians = guardians;
    f.parents = parents;
    f.emergencyContacts = contacts;
    return f as unknown as ChildFile;
  };
}
