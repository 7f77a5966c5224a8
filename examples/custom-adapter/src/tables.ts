import type { ChildFile, Instant, Mentor, StorageEntityKind } from "@liushou/core";
import type { SchoolDb } from "./school-db";

/** One stored entity read back from its row. */
export interface Stored {
  value: { id: string };
  version: number;
  updatedAt: Instant;
}

/** How one kind of entity maps onto the school's tables. */
export interface Mapping {
  read(db: SchoolDb, id: string): Stored | undefined;
  all(db: SchoolDb): Iterable<Stored>;
  write(db: SchoolDb, value: { id: string }, version: number, at: Instant): void;
  remove(db: SchoolDb, id: string): void;
}

/** Child files live in the student table: the register columns, and the rest as JSON. */
const files: Mapping = {
  read(db, id) {
    const row = db.students.get(id);
    if (!row) return undefined;
    const rest = JSON.parse(row.liushou_json) as ChildFile;
    const child = {
      ...rest.child,
      name: row.xm,
      gender: row.xb === "男" ? "male" : "female",
      birthDate: row.csrq,
      regionCode: row.qhdm,
      ...(row.xxdm === null ? {} : { schoolId: row.xxdm }),
      ...(row.bjdm === null ? {} : { classId: row.bjdm }),
    };
    return {
      value: { ...rest, id: row.xh, child } as ChildFile,
      version: row.lock_version,
      updatedAt: row.updated_at as Instant,
    };
  },
  *all(db) {
    for (const id of db.students.keys()) yield files.read(db, id)!;
  },
  write(db, value, version, at) {
    const file = value as ChildFile;
    const { name, gender, birthDate, schoolId, classId, regionCode, ...child } = file.child;
    db.students.set(file.id, {
      xh: file.id,
      xm: name,
      xb: gender === "male" ? "男" : "女",
      csrq: birthDate,
      xxdm: schoolId ?? null,
      bjdm: classId ?? null,
      qhdm: regionCode,
      liushou_json: JSON.stringify({ ...file, child }),
      lock_version: version,
      updated_at: at,
    });
  },
  remove: (db, id) => void db.students.delete(id),
};

/** Mentors live in the teacher table. */
const mentors: Mapping = {
  read(db, id) {
    const row = db.teachers.get(id);
    if (!row) return undefined;
    const value = {
      ...(JSON.parse(row.liushou_json) as Mentor),
      id: row.gh,
      name: row.xm,
      ...(row.xxdm === null ? {} : { schoolId: row.xxdm }),
      ...(row.qhdm === null ? {} : { regionCode: row.qhdm }),
    };
    return { value, version: row.lock_version, updatedAt: row.updated_at as Instant };
  },
  *all(db) {
    for (const id of db.teachers.keys()) yield mentors.read(db, id)!;
  },
  write(db, value, version, at) {
    const { id, name, schoolId, regionCode, ...rest } = value as Mentor;
    db.teachers.set(id, {
      gh: id,
      xm: name,
      xxdm: schoolId ?? null,
      qhdm: regionCode ?? null,
      liushou_json: JSON.stringify(rest),
      lock_version: version,
      updated_at: at,
    });
  },
  remove: (db, id) => void db.teachers.delete(id),
};

/** Every other entity is one JSON document in Liushou's own table. */
function documents(kind: StorageEntityKind): Mapping {
  const key = (id: string) => `${kind}/${id}`;
  const toStored = (row: { body: string; lock_version: number; updated_at: string }): Stored => ({
    value: JSON.parse(row.body) as { id: string },
    version: row.lock_version,
    updatedAt: row.updated_at as Instant,
  });
  return {
    read(db, id) {
      const row = db.documents.get(key(id));
      return row && toStored(row);
    },
    *all(db) {
      for (const row of db.documents.values()) if (row.kind === kind) yield toStored(row);
    },
    write(db, value, version, at) {
      db.documents.set(key(value.id), {
        kind,
        id: value.id,
        body: JSON.stringify(value),
        lock_version: version,
        updated_at: at,
      });
    },
    remove: (db, id) => void db.documents.delete(key(id)),
  };
}

/** The mapping of each kind. */
export function mappingOf(kind: StorageEntityKind): Mapping {
  return kind === "files" ? files : kind === "mentors" ? mentors : documents(kind);
}
