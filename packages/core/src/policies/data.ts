import * as z from "zod";
import {
  SchoolCalendarSchema,
  type SchoolCalendar,
  type SchoolCalendarInput,
} from "../calendar/schema";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import type { FieldIssue } from "../errors/issues";
import { safeValidate, validate, requireObject } from "../errors/validate";
import { safeValidateList } from "../errors/validate-list";
import { text, type LocalizedText } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import { childFileInShape } from "../model/child-file-shape";
import { mentorInShape, pairingInShape } from "../model/mentor-shape";
import {
  MentorSchema,
  PairingSchema,
  type Mentor,
  type MentorInput,
  type Pairing,
  type PairingInput,
} from "../model/mentor";
import { SchoolSchema, type School } from "../model/area";
import { TimeZoneSchema } from "../model/primitives";
import {
  ActivitySchema,
  ContactRecordSchema,
  type Activity,
  type ContactRecord,
  type ContactRecordInput,
} from "../model/records";
import { ACTIVITY_KIND_CODE, NO_INITIATOR } from "./codes";
import { RecordReader } from "./record-reader";
import { IdStore } from "../_lib/id-store";
import { repeatedIds } from "../_lib/repeated-ids";
import { SmallestDistinctIds } from "../_lib/smallest-ids";
import { IntList } from "../_lib/int-list";
import { quickList } from "../_lib/quick-list";
import { requireIterable } from "../_lib/iterable";
import { dayNumber } from "../time/calendar-date";
import { DEFAULT_TIME_ZONE, type TimeZone } from "../time/types";
import { dateInZone } from "../time/zone";
import { int32Map } from "../_lib/typed-map";

/**
 * A finding about the input or the result: data, not an exception. `code` is stable.
 * @category Policies
 */
export interface PolicyFinding {
  readonly code: PolicyFindingCode;
  readonly message: LocalizedText;
  /** Where in the input, such as `records[12].childIds[0]`. */
  readonly path?: string;
  /** How many inputs the finding covers (it is reported once, with the first few ids). */
  readonly count: number;
  /** The first (at most 20) ids concerned. */
  readonly ids: readonly string[];
}

/**
 * Stable codes of {@link PolicyFinding}s.
 * @example
 * report.findings.some((f) => f.code === PolicyFindingCode.RECORD_AFTER_AS_OF) //=> false
 * @category Policies
 */
export const PolicyFindingCode = {
  /** A record names a child that is not in `children` (it is ignored for that child). */
  UNKNOWN_CHILD: "unknown-child",
  /** A record names a mentor that is not in `mentors`. */
  UNKNOWN_MENTOR: "unknown-mentor",
  /** A record falls outside every bucket of the evaluated period: it counted for nothing. */
  RECORD_OUTSIDE_PERIOD: "record-outside-period",
  /** A record is dated after `asOf`: it is not counted. */
  RECORD_AFTER_AS_OF: "record-after-as-of",
  /** A school-calendar policy was evaluated on days the calendar does not cover. */
  CALENDAR_NOT_COVERING: "calendar-not-covering",
  /** The calendar is one of the library's examples, not a real province's. */
  EXAMPLE_CALENDAR: "example-calendar",
  /** A policy matched no subject at all. */
  NO_SUBJECT: "no-subject",
} as const;
/** @category Policies */
export type PolicyFindingCode = (typeof PolicyFindingCode)[keyof typeof PolicyFindingCode];

export { ACTIVITY_KIND_CODE, CONTACT_KIND_CODE, INITIATOR_CODE, NO_INITIATOR } from "./codes";

/**
 * The inputs of a compliance evaluation, without the policies: validated once and indexed, so a
 * host can evaluate many policy sets, dates and periods without paying for it again.
 * Build it with {@link prepareComplianceData}.
 * @category Policies
 */
export interface ComplianceData {
  readonly timeZone: TimeZone;
  readonly children: readonly ChildFile[];
  readonly mentors: readonly Mentor[];
  readonly pairings: readonly Pairing[];
  /** The schools given as input. */
  readonly schools: readonly School[];
  /** Every school id: given schools first, then ids only named by children or mentors (sorted). */
  readonly schoolIds: readonly string[];
  readonly calendar: SchoolCalendar | undefined;
  /** Contact records, then activities, as one list of "events" (internal columns). @internal */
  readonly events: EventColumns;
  /** @internal */
  readonly index: DataIndex;
  /** Findings about the data itself (unknown ids). */
  readonly findings: readonly PolicyFinding[];
}

/** @internal */
export interface EventColumns {
  readonly n: number;
  /** Record or activity ids (kept off the heap: a county has millions). */
  readonly ids: IdStore;
  /** Number of contact records; events at and after this index are activities. */
  readonly recordCount: number;
  readonly day: Int32Array;
  readonly kind: Uint8Array;
  readonly initiator: Uint8Array;
  /** Children of each event: CSR over child indices (unknown children left out). */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Mentors of each event: CSR over mentor indices. */
  readonly mentorStart: Int32Array;
  readonly mentorList: Int32Array;
  /** Schools of each event: CSR over school indices. */
  readonly schoolStart: Int32Array;
  readonly schoolList: Int32Array;
}

/** @internal */
export interface Csr {
  readonly start: Int32Array;
  /** Event indices, ascending by day within each subject. */
  readonly list: Int32Array;
  /** Day of each listed event, and its `kind << 8 | initiator`: read in order, not by event. */
  readonly day: Int32Array;
  readonly code: Uint16Array;
}

/** @internal */
export interface DataIndex {
  readonly childById: ReadonlyMap<string, number>;
  readonly mentorById: ReadonlyMap<string, number>;
  readonly schoolById: ReadonlyMap<string, number>;
  readonly byChild: Csr;
  readonly byMentor: Csr;
  readonly bySchool: Csr;
  /** Pairings of each child (indices into `pairings`). */
  readonly pairingsByChild: readonly (readonly number[])[];
  readonly pairingChild: Int32Array;
  readonly pairingMentor: Int32Array;
  readonly pairingStart: Int32Array;
  /** Last day, or a large number for an open pairing. */
  readonly pairingEnd: Int32Array;
  /** School index of each child (-1: none). */
  readonly schoolOfChild: Int32Array;
  /** Day number each child's file was opened (`FAR_PAST` when unknown). */
  readonly openedDay: Int32Array;
  /**
   * Left-behind day ranges per child, keyed by definition and day span, filled on first use by
   * the evaluations of this data (children never change once prepared).
   */
  readonly leftBehindMemo: Map<string, (number[] | undefined)[]>;
  /** Day span of all events (for sizing day-indexed arrays). */
  readonly minDay: number;
  readonly maxDay: number;
}

/**
 * Inputs of {@link prepareComplianceData}.
 * @category Policies
 */
export interface ComplianceDataInput {
  children: readonly (ChildFileInput | ChildFile)[];
  mentors: readonly (MentorInput | Mentor)[];
  pairings: readonly (PairingInput | Pairing)[];
  /** Contact records: an array, or any iterable (a generator streaming them). */
  records: Iterable<ContactRecordInput | ContactRecord>;
  /**
   * How many records an iterable `records` will yield, when the host knows (a `COUNT(*)` of the
   * county it streams): the columns are sized for them at once instead of growing as they are
   * read, which saves copies and garbage collection. Only a hint: every record is read whatever
   * the count, and at most 4,194,304 are sized for at once (about 250 MB of columns). Ignored
   * for an array, whose length is used. A non-negative integer.
   */
  expectedRecords?: number;
  /** Activities (a mental-health lesson, a symposium) that school-level policies count. */
  activities?: readonly (z.input<typeof ActivitySchema> | Activity)[];
  /** Schools; those only named by children or mentors are added without details. */
  schools?: readonly (z.input<typeof SchoolSchema> | School)[];
  calendar?: SchoolCalendarInput | SchoolCalendar;
  /** Zone in which instants are bucketed into days. Default `Asia/Shanghai`. */
  timeZone?: TimeZone;
}

/** The most records the columns are sized for at once from `expectedRecords`. */
const PRESIZED_RECORDS_MAX = 1 << 22;

const ExpectedRecordsSchema = z.number().int().nonnegative().optional();

/** Open end of a range, as a day number. @internal */
export const FAR_FUTURE = 10_000_000;
/** @internal */
export const FAR_PAST = -10_000_000;

const DAY_MS = 86_400_000;

/** Day number of an instant in a zone, without allocation for Asia/Shanghai and UTC. @internal */
export function dayOfInstant(ms: number, zone: TimeZone): number {
  if (zone === "Asia/Shanghai" && ms >= 700_000_000_000)
    return Math.floor((ms + 28_800_000) / DAY_MS);
  if (zone === "UTC" || zone === "Etc/UTC") return Math.floor(ms / DAY_MS);
  return dayNumber(dateInZone(ms, zone));
}

/**
 * Inverts "subjects of each event" (`start`/`list`, CSR) into "events of each subject", the
 * events of each subject in the given `order` (by day).
 */
function invert(
  nSubjects: number,
  start: Int32Array,
  list: Int32Array,
  order: Int32Array,
): Pick<Csr, "start" | "list"> {
  const counts = new Int32Array(nSubjects + 1);
  for (let k = 0; k < list.length; k++) counts[list[k]! + 1]!++;
  for (let s = 0; s < nSubjects; s++) counts[s + 1]! += counts[s]!;
  const fill = counts.slice(0, nSubjects);
  const out = new Int32Array(counts[nSubjects]!);
  for (let k = 0; k < order.length; k++) {
    const e = order[k]!;
    for (let j = start[e]!; j < start[e + 1]!; j++) out[fill[list[j]!]!++] = e;
  }
  return { start: counts, list: out };
}

/**
 * Validates and indexes the children, mentors, pairings, records and activities for
 * {@link evaluateCompliance}: each record's instant is turned into a day in `timeZone` once, and
 * records are grouped by child, mentor and school in day order (a counting sort, no comparisons).
 * @param input - The data; nothing is mutated.
 * @returns Frozen, indexed data with findings about unknown ids.
 * @throws ValidationError for malformed entities, duplicate ids, a pairing naming an unknown
 * child or mentor, an invalid zone.
 * @example
 * const data = prepareComplianceData({ children, mentors, pairings, records });
 * evaluateCompliance({ policies: ALL_PRESETS, data, period: { from: "2026-03-01", to: "2026-03-31" }, asOf: "2026-04-05" });
 * // A county streamed from storage, its columns sized once from the count the host has.
 * prepareComplianceData({ children, mentors, pairings, records: streamRecords(county), expectedRecords: 1_540_000 });
 * @category Policies
 */
/**
 * Whether `d` is data prepared by {@link prepareComplianceData} (by its shape: a structured
 * clone of prepared data is prepared data too). @internal
 */
export function isPrepared(d: unknown): d is ComplianceData {
  if (typeof d !== "object" || d === null) return false;
  const x = d as { [K in keyof ComplianceData]?: unknown };
  const events = x.events as Partial<EventColumns> | undefined;
  return (
    typeof x.timeZone === "string" &&
    [x.children, x.mentors, x.pairings, x.schools, x.schoolIds, x.findings].every(Array.isArray) &&
    typeof x.index === "object" &&
    x.index !== null &&
    typeof events === "object" &&
    events !== null &&
    events.day instanceof Int32Array
  );
}

export function prepareComplianceData(input: ComplianceDataInput): ComplianceData {
  requireObject(input, "input");
  const zone =
    validate(TimeZoneSchema.optional(), input.timeZone, { path: ["timeZone"] }) ??
    DEFAULT_TIME_ZONE;
  const hinted = validate(ExpectedRecordsSchema, input.expectedRecords, {
    path: ["expectedRecords"],
  });
  requireIterable(input.records, "records", text("走访记录", "contact records"), true);
  const issues: FieldIssue[] = [];
  const list = <S extends z.ZodType>(
    schema: S,
    rows: unknown,
    path: string,
    noun: LocalizedText,
    inShape?: (row: unknown) => z.output<S> | undefined,
  ): z.output<S>[] => {
    const quick = inShape && quickList(schema, rows, inShape);
    if (quick) return quick;
    const r = safeValidateList(schema, rows, { path: [path], idNoun: noun });
    if (r.success) return r.data;
    issues.push(...r.error.issues);
    return [];
  };
  const children = list(
    ChildFileSchema,
    input.children,
    "children",
    text("儿童", "child"),
    childFileInShape(),
  );
  const mentors = list(
    MentorSchema,
    input.mentors,
    "mentors",
    text("帮扶人", "mentor"),
    mentorInShape,
  );
  const pairings = list(
    PairingSchema,
    input.pairings,
    "pairings",
    text("结对", "pairing"),
    pairingInShape,
  );
  const activities = list(
    ActivitySchema,
    input.activities ?? [],
    "activities",
    text("活动", "activity"),
  );
  const schoolsIn = list(SchoolSchema, input.schools ?? [], "schools", text("学校", "school"));
  if (issues.length > 0)
    throw new ValidationError(issues, { subject: text("达标评估数据", "compliance data") });
  const calendar =
    input.calendar === undefined
      ? undefined
      : validate(SchoolCalendarSchema, input.calendar, {
          path: ["calendar"],
          subject: text("校历", "school calendar"),
        });

  const childById = new Map(children.map((c, i) => [c.id, i]));
  const mentorById = new Map(mentors.map((m, i) => [m.id, i]));
  pairings.forEach((p, i) => {
    if (!childById.has(p.childId)) {
      issues.push({
        path: `pairings[${i}].childId`,
        code: IssueCode.UNKNOWN_ID,
        received: JSON.stringify(p.childId),
        message: text(
          `字段 pairings[${i}].childId：儿童 ${p.childId} 不在 children 中`,
          `pairings[${i}].childId: child ${p.childId} is not in children`,
        ),
      });
    }
    if (!mentorById.has(p.mentorId)) {
      issues.push({
        path: `pairings[${i}].mentorId`,
        code: IssueCode.UNKNOWN_ID,
        received: JSON.stringify(p.mentorId),
        message: text(
          `字段 pairings[${i}].mentorId：帮扶人 ${p.mentorId} 不在 mentors 中`,
          `pairings[${i}].mentorId: mentor ${p.mentorId} is not in mentors`,
        ),
      });
    }
  });
  if (issues.length > 0)
    throw new ValidationError(issues, { subject: text("达标评估数据", "compliance data") });

  // Schools: given ones first, then ids named by children and mentors, in first-seen order.
  const schools = schoolsIn;
  const schoolIds: string[] = schools.map((s) => s.id);
  const schoolById = new Map(schoolIds.map((s, i) => [s, i]));
  const named: string[] = [];
  for (const c of children)
    if (c.child.schoolId && !schoolById.has(c.child.schoolId)) named.push(c.child.schoolId);
  for (const m of mentors) if (m.schoolId && !schoolById.has(m.schoolId)) named.push(m.schoolId);
  for (const id of [...new Set(named)].sort()) {
    schoolById.set(id, schoolIds.length);
    schoolIds.push(id);
  }

  // Records are read once, one at a time (an iterable works: a county's 1.5 million records
  // need never be held as objects), checked, and reduced to typed columns. Given an array (or
  // the count an iterable will yield), the columns are sized for it at once.
  const expected =
    (Array.isArray(input.records)
      ? input.records.length
      : Math.min(hinted ?? 1024, PRESIZED_RECORDS_MAX)) + activities.length;
  const ids = new IdStore(expected);
  // Each record id's hash, for finding repeated ids once all are read (`repeatedIds`).
  const hashList = new IntList(expected);
  const dayList = new IntList(expected);
  const kindList = new IntList(expected);
  const initList = new IntList(expected);
  const childStartList = new IntList(expected + 1);
  const mentorStartList = new IntList(expected + 1);
  const childTmp = new IntList(expected);
  const mentorTmp = new IntList(expected);
  childStartList.push(0);
  mentorStartList.push(0);
  // The records naming unknown ids: counted, and the smallest few kept (never all of them).
  const unknownChild = new SmallestDistinctIds();
  let unknownChildCount = 0;
  const unknownMentor = new SmallestDistinctIds();
  let unknownMentorCount = 0;
  // Records failing the schema: the first issues with each one's position, the position of
  // every one (to tell a stored record's position in the input), and the count of issues.
  const recordIssues: FieldIssue[] = [];
  const recordIssueAt: number[] = [];
  const skipped = new IntList(16);
  let recordIssueCount = 0;
  const r = new RecordReader();
  // The last child and mentor looked up: records come in runs about one child or one pairing.
  let lastChildId: string | undefined;
  let lastChild: number | undefined;
  let lastMentorId: string | undefined;
  let lastMentor: number | undefined;
  let i = -1;
  for (const raw of input.records) {
    i++;
    if (!r.read(raw)) {
      const parsed = safeValidate(ContactRecordSchema, raw, { path: ["records", i] });
      if (!parsed.success) {
        recordIssueCount += parsed.error.issues.length;
        if (recordIssues.length < 100) {
          recordIssues.push(...parsed.error.issues);
          for (const _ of parsed.error.issues) recordIssueAt.push(i);
        }
        skipped.push(i);
        continue;
      }
      r.take(parsed.data);
    }
    const id = r.id;
    ids.add(id);
    hashList.push(ids.lastHash);
    dayList.push(dayOfInstant(r.ms, zone));
    kindList.push(r.kind);
    initList.push(r.initiator);
    for (let k = 0; k < r.childCount; k++) {
      const cid = r.childIds[k]!;
      if (cid !== lastChildId) lastChild = childById.get((lastChildId = cid));
      const ci = lastChild;
      if (ci === undefined) {
        unknownChild.add(id);
        unknownChildCount++;
      } else childTmp.push(ci);
    }
    if (r.mentorId !== undefined) {
      if (r.mentorId !== lastMentorId) lastMentor = mentorById.get((lastMentorId = r.mentorId));
      const mi = lastMentor;
      if (mi === undefined) {
        unknownMentor.add(id);
        unknownMentorCount++;
      } else mentorTmp.push(mi);
    }
    childStartList.push(childTmp.n);
    mentorStartList.push(mentorTmp.n);
  }
  const repeats = repeatedIds(ids, hashList.finish());
  if (recordIssueCount > 0 || repeats.length > 0) {
    throw new ValidationError(withRepeatedIds(recordIssues, recordIssueAt, repeats, skipped, ids), {
      subject: text(
        `走访记录（共 ${recordIssueCount + repeats.length} 处问题）`,
        `contact records (${recordIssueCount + repeats.length} ${recordIssueCount + repeats.length === 1 ? "issue" : "issues"} in all)`,
      ),
    });
  }
  const nR = ids.n;
  for (const a of activities) {
    ids.add(a.id);
    dayList.push(dayNumber(a.date));
    kindList.push(ACTIVITY_KIND_CODE.get(a.kind)!);
    initList.push(NO_INITIATOR);
    for (const cid of a.childIds) {
      const ci = childById.get(cid);
      if (ci !== undefined) childTmp.push(ci);
    }
    for (const mid of a.mentorIds) {
      const mi = mentorById.get(mid);
      if (mi !== undefined) mentorTmp.push(mi);
    }
    childStartList.push(childTmp.n);
    mentorStartList.push(mentorTmp.n);
  }
  const n = ids.trim().n;
  const day = dayList.finish();
  const kind = kindList.toUint8Array();
  const initiator = initList.toUint8Array();
  const childStart = childStartList.finish();
  const mentorStart = mentorStartList.finish();
  let minDay = FAR_FUTURE;
  let maxDay = FAR_PAST;
  for (let e = 0; e < n; e++) {
    if (day[e]! < minDay) minDay = day[e]!;
    if (day[e]! > maxDay) maxDay = day[e]!;
  }
  const childList = childTmp.finish();
  const mentorList = mentorTmp.finish();

  // Schools of each event: the mentors' and children's schools (an activity's own school).
  const schoolOfChild = int32Map(children, (c) =>
    c.child.schoolId ? schoolById.get(c.child.schoolId)! : -1,
  );
  const schoolOfMentor = int32Map(mentors, (m) => (m.schoolId ? schoolById.get(m.schoolId)! : -1));
  const schoolStart = new Int32Array(n + 1);
  const schoolTmp = new IntList(n);
  const seenSchool = new Int32Array(schoolIds.length).fill(-1);
  const addSchool = (s: number, e: number) => {
    if (s >= 0 && seenSchool[s] !== e) {
      seenSchool[s] = e;
      schoolTmp.push(s);
    }
  };
  for (let e = 0; e < n; e++) {
    if (e >= nR) {
      const sid = activities[e - nR]!.schoolId;
      if (sid !== undefined && schoolById.has(sid)) addSchool(schoolById.get(sid)!, e);
    }
    for (let k = mentorStart[e]!; k < mentorStart[e + 1]!; k++)
      addSchool(schoolOfMentor[mentorList[k]!]!, e);
    for (let k = childStart[e]!; k < childStart[e + 1]!; k++)
      addSchool(schoolOfChild[childList[k]!]!, e);
    schoolStart[e + 1] = schoolTmp.n;
  }
  const schoolList = schoolTmp.toInt32Array();

  // Counting sort of events by day: the order is independent of the input order of days.
  const order = new Int32Array(n);
  if (n > 0) {
    const span = maxDay - minDay + 1;
    const bucket = new Int32Array(span + 1);
    for (let e = 0; e < n; e++) bucket[day[e]! - minDay + 1]!++;
    for (let d = 0; d < span; d++) bucket[d + 1]! += bucket[d]!;
    for (let e = 0; e < n; e++) order[bucket[day[e]! - minDay]!++] = e;
  }
  const columns = ({ start, list }: Pick<Csr, "start" | "list">): Csr => {
    const d = new Int32Array(list.length);
    const code = new Uint16Array(list.length);
    for (let q = 0; q < list.length; q++) {
      const e = list[q]!;
      d[q] = day[e]!;
      code[q] = (kind[e]! << 8) | initiator[e]!;
    }
    return { start, list, day: d, code };
  };
  const byChild = columns(invert(children.length, childStart, childList, order));
  const byMentor = columns(invert(mentors.length, mentorStart, mentorList, order));
  const bySchool = columns(invert(schoolIds.length, schoolStart, schoolList, order));

  const pairingsByChild: number[][] = children.map(() => []);
  const pairingChild = new Int32Array(pairings.length);
  const pairingMentor = new Int32Array(pairings.length);
  const pairingStart = new Int32Array(pairings.length);
  const pairingEnd = new Int32Array(pairings.length);
  pairings.forEach((p, i) => {
    const ci = childById.get(p.childId)!;
    const mi = mentorById.get(p.mentorId)!;
    pairingChild[i] = ci;
    pairingMentor[i] = mi;
    pairingStart[i] = dayNumber(p.start);
    pairingEnd[i] = p.end ? dayNumber(p.end) : FAR_FUTURE;
    pairingsByChild[ci]!.push(i);
  });

  const findings: PolicyFinding[] = [];
  if (unknownChildCount > 0)
    findings.push(unknownChildFinding(unknownChildCount, unknownChild.ids));
  if (unknownMentorCount > 0)
    findings.push(unknownMentorFinding(unknownMentorCount, unknownMentor.ids));
  return Object.freeze({
    timeZone: zone,
    children,
    mentors,
    pairings,
    schools,
    schoolIds,
    calendar,
    events: {
      n,
      ids,
      recordCount: nR,
      day,
      kind,
      initiator,
      childStart,
      childList,
      mentorStart,
      mentorList,
      schoolStart,
      schoolList,
    },
    index: {
      childById,
      mentorById,
      schoolById,
      byChild,
      byMentor,
      bySchool,
      pairingsByChild,
      pairingChild,
      pairingMentor,
      pairingStart,
      pairingEnd,
      schoolOfChild,
      openedDay: int32Map(children, (c) => (c.openedOn ? dayNumber(c.openedOn) : FAR_PAST)),
      leftBehindMemo: new Map(),
      minDay,
      maxDay,
    },
    findings,
  });
}

/**
 * The first issues of the records, in input order: those of records failing the schema (at
 * the positions `issueAt`) and one for each record whose id repeats an earlier record's
 * (`repeats`, indices among the records kept, which skip the `skipped` positions). A record's
 * issues are listed whole, while fewer than 100 are listed.
 */
function withRepeatedIds(
  issues: readonly FieldIssue[],
  issueAt: readonly number[],
  repeats: Int32Array,
  skipped: IntList,
  ids: IdStore,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  let k = 0;
  let listing = false;
  /** Lists the issues of the records before position `at`, each record's while under 100. */
  const issuesBefore = (at: number) => {
    for (; k < issues.length && issueAt[k]! < at; k++) {
      if (k === 0 || issueAt[k] !== issueAt[k - 1]) listing = out.length < 100;
      if (listing) out.push(issues[k]!);
    }
  };
  let q = 0;
  for (const stored of repeats) {
    // The input position of the stored record: its index plus the records skipped before it.
    while (q < skipped.n && skipped.get(q) <= stored + q) q++;
    const at = stored + q;
    issuesBefore(at);
    if (out.length >= 100) return out;
    const id = ids.get(stored);
    out.push({
      path: `records[${at}].id`,
      code: IssueCode.DUPLICATE_ID,
      received: JSON.stringify(id),
      message: text(
        `字段 records[${at}].id：编号 ${id} 重复`,
        `records[${at}].id: id ${id} is used twice`,
      ),
    });
  }
  issuesBefore(Infinity);
  return out;
}

/**
 * The finding for `count` record entries naming unknown children (`ids`: the smallest distinct
 * record ids, sorted, as {@link SmallestDistinctIds} keeps them). @internal
 */
export function unknownChildFinding(count: number, ids: readonly string[]): PolicyFinding {
  return {
    code: PolicyFindingCode.UNKNOWN_CHILD,
    count,
    ids: [...ids],
    path: "records[].childIds",
    message: text(
      `${count} 处记录中的儿童不在 children 中，这些记录对该儿童不计`,
      `${count} record entries name a child not in children; they count for no child`,
    ),
  };
}

/** The finding for `count` records naming unknown mentors (`ids` as above). @internal */
export function unknownMentorFinding(count: number, ids: readonly string[]): PolicyFinding {
  return {
    code: PolicyFindingCode.UNKNOWN_MENTOR,
    count,
    ids: [...ids],
    path: "records[].mentorId",
    message: text(
      `${count} 条记录的帮扶人不在 mentors 中，这些记录不计入帮扶人和结对要求`,
      `${count} records name a mentor not in mentors; they count for no mentor or pairing requirement`,
    ),
  };
}
