/**
 * The school system's own database, as it was before Liushou: a student table and a teacher
 * table with its column names (学籍 style), here held as plain objects. Liushou adds three
 * tables of its own beside them.
 * @module
 */

/** 学生表: one row per pupil, keyed by student number. */
export interface StudentRow {
  /** 学号: the primary key, used as the child file id. */
  xh: string;
  /** 姓名 */
  xm: string;
  /** 性别: "男" | "女" */
  xb: "男" | "女";
  /** 出生日期 YYYY-MM-DD */
  csrq: string;
  /** 学校代码, 班级代码 (may be empty) */
  xxdm: string | null;
  bjdm: string | null;
  /** 区划代码 of the home */
  qhdm: string;
  /** Added for Liushou: the rest of the child file as JSON, the row version and last write. */
  liushou_json: string;
  lock_version: number;
  updated_at: string;
}

/** 教师表: one row per teacher or volunteer. */
export interface TeacherRow {
  /** 工号 */
  gh: string;
  xm: string;
  xxdm: string | null;
  qhdm: string | null;
  liushou_json: string;
  lock_version: number;
  updated_at: string;
}

/** Liushou's own table for the other entities: one JSON document per row. */
export interface DocumentRow {
  kind: string;
  id: string;
  body: string;
  lock_version: number;
  updated_at: string;
}

/** The whole database: tables keyed by primary key, plus two append-only logs. */
export interface SchoolDb {
  students: Map<string, StudentRow>;
  teachers: Map<string, TeacherRow>;
  documents: Map<string, DocumentRow>;
  fileChanges: string[];
  audit: string[];
}

/** An empty database. */
export function createSchoolDb(): SchoolDb {
  return {
    students: new Map(),
    teachers: new Map(),
    documents: new Map(),
    fileChanges: [],
    audit: [],
  };
}

/** A copy to roll back to (rows are replaced on write, never changed in place). */
export function snapshot(db: SchoolDb): SchoolDb {
  return {
    students: new Map(db.students),
    teachers: new Map(db.teachers),
    documents: new Map(db.documents),
    fileChanges: [...db.fileChanges],
    audit: [...db.audit],
  };
}
