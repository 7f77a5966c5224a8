/**
 * A school's tables as a MySQL driver returns them (mysql2 with `dateStrings: ["DATETIME"]` and
 * `supportBigNumbers`/`bigNumberStrings`): `INT` keys as numbers, `DATE` columns as `Date`
 * objects at local midnight, `DATETIME` as text without an offset, `BIGINT` as text, enums as the
 * Chinese labels the school's forms use, `TINYINT(1)` as 0/1. Synthetic data.
 */

/** `students` (学生表). */
export interface StudentRow {
  id: number;
  name: string;
  gender: string; // 男 / 女
  birth_date: Date;
  student_no: string | null;
  school_id: number;
  class_id: number;
  grade: number;
  region_code: string;
  boarding: 0 | 1;
  living_with: string; // 祖辈 / 亲戚 / 父亲 / 母亲 / 代管家长 / 独居
  key_case: 0 | 1;
  consent_on: Date | null;
}

/** `guardians` (临时监护人表), one row per guardian. */
export interface GuardianRow {
  id: number;
  student_id: number;
  name: string;
  relation: string; // 奶奶 / 爷爷 / 外婆 / 舅舅 …
  phone: string | null;
  is_primary: 0 | 1;
  notice_on: Date | null; // 书面告知日期
}

/** `parents` (父母表), one row per parent and away period. */
export interface ParentRow {
  id: number;
  student_id: number;
  role: string; // 父亲 / 母亲
  name: string;
  phone: string | null;
  work_city: string | null;
  away_from: Date | null;
  away_to: Date | null;
}

/** `teachers` (教师表). */
export interface TeacherRow {
  id: number;
  name: string;
  gender: string;
  duty: string; // 班主任 / 科任教师
  school_id: number;
  class_id: number | null;
}

/** `visit_log` (走访记录): `BIGINT` id as text, `DATETIME` as wall time in Beijing. */
export interface VisitRow {
  id: string;
  student_id: number;
  teacher_id: number | null;
  kind: string; // 家访 / 亲情电话 / 谈心 …
  visited_at: string; // "2026-03-05 16:30:00"
  by_parent: 0 | 1;
  note: string | null;
}

/** `pairings` (结对表): who mentors whom since when. */
export interface PairingRow {
  id: number;
  student_id: number;
  teacher_id: number;
  since: Date;
}

/** A `DATE` as the driver returns it: midnight in the server's zone (here Beijing). */
const day = (iso: string): Date => new Date(`${iso}T00:00:00+08:00`);

export const students: StudentRow[] = [
  {
    id: 1001,
    name: "王小明",
    gender: "男",
    birth_date: day("2015-03-02"),
    student_no: "G430102201503020011",
    school_id: 7,
    class_id: 301,
    grade: 5,
    region_code: "430102001001",
    boarding: 0,
    living_with: "祖辈",
    key_case: 1,
    consent_on: day("2025-09-01"),
  },
  {
    id: 1002,
    name: "李小红",
    gender: "女",
    birth_date: day("2016-11-20"),
    student_no: null,
    school_id: 7,
    class_id: 301,
    grade: 4,
    region_code: "430102001002",
    boarding: 0,
    living_with: "母亲",
    key_case: 0,
    consent_on: day("2025-09-01"),
  },
  {
    id: 1003,
    name: "张小军",
    gender: "男",
    birth_date: day("2011-06-15"),
    student_no: null,
    school_id: 7,
    class_id: 302,
    grade: 9,
    region_code: "430102001001",
    boarding: 1,
    living_with: "亲戚",
    key_case: 0,
    consent_on: null,
  },
];

export const guardians: GuardianRow[] = [
  {
    id: 5001,
    student_id: 1001,
    name: "王奶奶",
    relation: "奶奶",
    phone: "138 0013 8000",
    is_primary: 1,
    notice_on: day("2025-09-01"),
  },
  {
    id: 5002,
    student_id: 1003,
    name: "张舅舅",
    relation: "舅舅",
    phone: null,
    is_primary: 1,
    notice_on: null,
  },
];

export const parents: ParentRow[] = [
  {
    id: 6001,
    student_id: 1001,
    role: "父亲",
    name: "王大山",
    phone: "13900139000",
    work_city: "深圳",
    away_from: day("2024-02-20"),
    away_to: null,
  },
  {
    id: 6002,
    student_id: 1001,
    role: "母亲",
    name: "刘小花",
    phone: null,
    work_city: "东莞",
    away_from: day("2024-02-20"),
    away_to: null,
  },
  {
    id: 6003,
    student_id: 1002,
    role: "父亲",
    name: "李大海",
    phone: null,
    work_city: "杭州",
    away_from: day("2025-03-01"),
    away_to: null,
  },
  {
    id: 6004,
    student_id: 1002,
    role: "母亲",
    name: "陈小梅",
    phone: null,
    work_city: null,
    away_from: null,
    away_to: null,
  },
  {
    id: 6005,
    student_id: 1003,
    role: "父亲",
    name: "张大军",
    phone: null,
    work_city: "广州",
    away_from: day("2023-08-01"),
    away_to: null,
  },
  {
    id: 6006,
    student_id: 1003,
    role: "母亲",
    name: "赵小芳",
    phone: null,
    work_city: "广州",
    away_from: day("2023-08-01"),
    away_to: null,
  },
];

export const teachers: TeacherRow[] = [
  { id: 201, name: "周老师", gender: "女", duty: "班主任", school_id: 7, class_id: 301 },
  { id: 202, name: "吴老师", gender: "男", duty: "班主任", school_id: 7, class_id: 302 },
  { id: 203, name: "郑老师", gender: "女", duty: "科任教师", school_id: 7, class_id: null },
];

export const visits: VisitRow[] = [
  {
    id: "90000000000000001",
    student_id: 1001,
    teacher_id: 201,
    kind: "家访",
    visited_at: "2026-03-05 16:30:00",
    by_parent: 0,
    note: "学习进步",
  },
  {
    id: "90000000000000002",
    student_id: 1001,
    teacher_id: null,
    kind: "亲情电话",
    visited_at: "2026-03-29 20:00:00",
    by_parent: 1,
    note: null,
  },
  {
    id: "90000000000000003",
    student_id: 1003,
    teacher_id: 202,
    kind: "谈心",
    visited_at: "2026-04-01 00:30:00",
    by_parent: 0,
    note: null,
  },
];

export const pairings: PairingRow[] = [
  { id: 1, student_id: 1001, teacher_id: 201, since: day("2025-09-01") },
];
