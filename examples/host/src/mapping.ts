/**
 * From a school's rows to Liushou's input types: the mapping the "from your tables to Liushou"
 * guide walks through. Ids go in as the numbers the database returns, dates as the `Date`s and
 * `DATETIME` text it returns (converted in an explicit zone), enums through the label maps.
 */
import {
  IssueCode,
  invalidArgument,
  parseLabel,
  text,
  toCalendarDate,
  toInstant,
  type ChildFileInput,
  type ContactRecordInput,
  type EnumValue,
  type LabelledEnum,
  type MentorInput,
  type PairingInput,
} from "@liushou/core";
import type {
  GuardianRow,
  ParentRow,
  PairingRow,
  StudentRow,
  TeacherRow,
  VisitRow,
} from "./rows.js";

/** The zone the school's database writes dates and times in. */
export const ZONE = "Asia/Shanghai";

/** Spellings the school's forms use beside the labels Liushou knows. */
const RELATION_ALIASES = {
  奶奶: "grandmother",
  外婆: "grandmother",
  爷爷: "grandfather",
  外公: "grandfather",
  舅舅: "relative",
  姑姑: "relative",
  姨妈: "relative",
} as const;
const LIVING_ALIASES = {
  祖辈: "grandparents",
  亲戚: "relatives",
  父亲: "parent",
  母亲: "parent",
  代管家长: "entrusted",
  独居: "alone",
} as const;

/** An enum value from the label stored in a column; a ValidationError naming the column otherwise. */
export function enumOf<K extends LabelledEnum>(
  kind: K,
  value: string,
  column: string,
  aliases: Readonly<Record<string, EnumValue<K>>> = {},
): EnumValue<K> {
  const parsed = parseLabel(kind, value, aliases);
  if (parsed === undefined) {
    throw invalidArgument(column, IssueCode.OTHER, text("无法识别的取值", "unknown value"), value);
  }
  return parsed;
}

/** One child file from a `students` row and the rows that name the student. */
export function childFileFromRows(
  s: StudentRow,
  guardianRows: readonly GuardianRow[],
  parentRows: readonly ParentRow[],
): ChildFileInput {
  const mine = parentRows.filter((p) => p.student_id === s.id);
  const roles = [...new Set(mine.map((p) => enumOf("parentRole", p.role, "parents.role")))];
  return {
    id: s.id, // a number: kept as the string "1001"
    child: {
      name: s.name,
      gender: enumOf("gender", s.gender, "students.gender"),
      birthDate: toCalendarDate(s.birth_date, ZONE),
      ...(s.student_no ? { studentNumber: s.student_no } : {}),
      schoolId: s.school_id,
      classId: s.class_id,
      grade: s.grade,
      regionCode: s.region_code,
      boarding: s.boarding === 1,
    },
    livingArrangement: enumOf(
      "livingArrangement",
      s.living_with,
      "students.living_with",
      LIVING_ALIASES,
    ),
    keyCase: s.key_case === 1,
    guardians: guardianRows
      .filter((g) => g.student_id === s.id)
      .map((g) => ({
        id: g.id,
        name: g.name,
        relation: enumOf("guardianRelation", g.relation, "guardians.relation", RELATION_ALIASES),
        primary: g.is_primary === 1,
        ...(g.phone ? { phone: g.phone } : {}),
        ...(g.notice_on ? { writtenNoticeOn: toCalendarDate(g.notice_on, ZONE) } : {}),
      })),
    parents: roles.map((role) => {
      const rows = mine.filter((p) => enumOf("parentRole", p.role, "parents.role") === role);
      const first = rows[0]!;
      return {
        id: first.id,
        role,
        name: first.name,
        ...(first.phone ? { phone: first.phone } : {}),
        awayPeriods: rows.flatMap((p) =>
          p.away_from
            ? [
                {
                  from: toCalendarDate(p.away_from, ZONE),
                  ...(p.away_to ? { to: toCalendarDate(p.away_to, ZONE) } : {}),
                  city: p.work_city ?? "未知",
                },
              ]
            : [],
        ),
      };
    }),
    ...(s.consent_on ? { consent: { givenOn: toCalendarDate(s.consent_on, ZONE) } } : {}),
  };
}

/** A mentor from a `teachers` row. */
export function mentorFromRow(t: TeacherRow): MentorInput {
  return {
    id: t.id,
    kind: enumOf("mentorKind", t.duty, "teachers.duty"),
    name: t.name,
    gender: enumOf("gender", t.gender, "teachers.gender"),
    schoolId: t.school_id,
    classIds: t.class_id === null ? [] : [t.class_id],
  };
}

/** A contact record from a `visit_log` row: `DATETIME` text read in the school's zone. */
export function contactFromRow(v: VisitRow): ContactRecordInput {
  return {
    id: v.id,
    kind: enumOf("contactKind", v.kind, "visit_log.kind"),
    at: toInstant(v.visited_at, ZONE),
    childIds: [v.student_id],
    ...(v.teacher_id === null ? {} : { mentorId: v.teacher_id }),
    initiator: v.by_parent === 1 ? "parent" : "mentor",
    ...(v.note ? { summary: v.note } : {}),
  };
}

/** A pairing on file from a `pairings` row: the `DATE` column passed as it is. */
export function pairingFromRow(p: PairingRow): PairingInput {
  return {
    id: p.id,
    childId: p.student_id,
    mentorId: p.teacher_id,
    role: "mentor",
    start: p.since,
  };
}
