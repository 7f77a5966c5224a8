import type {
  Activity,
  Aid,
  Assessment,
  AssistancePlan,
  ChildFile,
  ConsentRecord,
  ContactRecord,
  Mentor,
  MicroWish,
  Pairing,
  School,
  SchoolClass,
  StorageEntityKind,
} from "@liushou/core";
import { instantMs } from "@liushou/core";
import type { ColumnSpec, EntityTableSpec } from "./spec";

const col = <E>(name: string, type: ColumnSpec<E>["type"], get: ColumnSpec<E>["get"]) =>
  ({ name, type, get }) as ColumnSpec<E>;
const opt = (v: string | number | undefined): string | number | null => v ?? null;

const files: EntityTableSpec<ChildFile> = {
  table: "ls_file",
  columns: [
    col("area_code", "code", (f) => f.child.regionCode),
    col("school_id", "id", (f) => opt(f.child.schoolId)),
    col("class_id", "id", (f) => opt(f.child.classId)),
    col("key_case", "int", (f) => (f.keyCase ? 1 : 0)),
    col("risk_level", "code", (f) => opt(f.riskLevel)),
    col("schooling", "code", (f) => f.child.schooling.status),
  ],
  indexes: [
    ["area_code"],
    ["school_id"],
    ["class_id"],
    ["key_case"],
    ["risk_level"],
    ["schooling"],
  ],
};

const schools: EntityTableSpec<School> = {
  table: "ls_school",
  columns: [col("area_code", "code", (s) => s.regionCode)],
  indexes: [["area_code"]],
};

const classes: EntityTableSpec<SchoolClass> = {
  table: "ls_class",
  columns: [col("school_id", "id", (c) => c.schoolId)],
  indexes: [["school_id"]],
};

const mentors: EntityTableSpec<Mentor> = {
  table: "ls_mentor",
  columns: [
    col("area_code", "code", (m) => opt(m.regionCode)),
    col("school_id", "id", (m) => opt(m.schoolId)),
    col("kind", "code", (m) => m.kind),
  ],
  indexes: [["area_code"], ["school_id"], ["kind"]],
  link: {
    table: "ls_mentor_class",
    column: "class_id",
    get: (m) => m.classIds,
    copy: [],
    indexes: [["class_id", "entity_id"]],
  },
};

const pairings: EntityTableSpec<Pairing> = {
  table: "ls_pairing",
  columns: [
    col("child_id", "id", (p) => p.childId),
    col("mentor_id", "id", (p) => p.mentorId),
    col("start_on", "date", (p) => p.start),
    col("end_on", "date", (p) => opt(p.end)),
  ],
  indexes: [["child_id"], ["mentor_id"], ["start_on", "end_on"], ["end_on"]],
};

const contactAt = col<ContactRecord>("at_ms", "instant", (r) => instantMs(r.at));
const contactKind = col<ContactRecord>("kind", "code", (r) => r.kind);
const contactInitiator = col<ContactRecord>("initiator", "code", (r) => r.initiator);
const contacts: EntityTableSpec<ContactRecord> = {
  table: "ls_contact",
  columns: [
    contactAt,
    col("mentor_id", "id", (r) => opt(r.mentorId)),
    contactKind,
    contactInitiator,
  ],
  indexes: [["at_ms"], ["mentor_id", "at_ms"], ["kind", "at_ms"]],
  link: {
    table: "ls_contact_child",
    column: "child_id",
    get: (r) => r.childIds,
    copy: [contactAt, contactKind, contactInitiator],
    indexes: [
      ["child_id", "entity_id"],
      ["child_id", "at_ms", "kind", "initiator"],
    ],
  },
};

const assessments: EntityTableSpec<Assessment> = {
  table: "ls_assessment",
  columns: [
    col("child_id", "id", (a) => a.childId),
    col("checklist_id", "id", (a) => a.checklistId),
    col("taken_ms", "instant", (a) => instantMs(a.takenAt)),
  ],
  indexes: [["child_id"], ["checklist_id"], ["taken_ms"]],
};

const assistancePlans: EntityTableSpec<AssistancePlan> = {
  table: "ls_assistance_plan",
  columns: [col("child_id", "id", (p) => p.childId), col("created_on", "date", (p) => p.createdOn)],
  indexes: [["child_id"], ["created_on"]],
};

const wishes: EntityTableSpec<MicroWish> = {
  table: "ls_wish",
  columns: [col("child_id", "id", (w) => w.childId), col("status", "code", (w) => w.status)],
  indexes: [["child_id"], ["status"]],
};

const activities: EntityTableSpec<Activity> = {
  table: "ls_activity",
  columns: [
    col("on_date", "date", (a) => a.date),
    col("area_code", "code", (a) => opt(a.regionCode)),
    col("school_id", "id", (a) => opt(a.schoolId)),
  ],
  indexes: [["on_date"], ["area_code"], ["school_id"]],
  link: {
    table: "ls_activity_child",
    column: "child_id",
    get: (a) => a.childIds,
    copy: [],
    indexes: [["child_id", "entity_id"]],
  },
};

const aid: EntityTableSpec<Aid> = {
  table: "ls_aid",
  columns: [
    col("on_date", "date", (a) => a.date),
    col("school_id", "id", (a) => opt(a.schoolId)),
    col("kind", "code", (a) => a.kind),
  ],
  indexes: [["on_date"], ["school_id"], ["kind"]],
  link: {
    table: "ls_aid_child",
    column: "child_id",
    get: (a) => a.childIds,
    copy: [],
    indexes: [["child_id", "entity_id"]],
  },
};

const consents: EntityTableSpec<ConsentRecord> = {
  table: "ls_consent",
  columns: [col("child_id", "id", (c) => c.childId), col("purpose", "id", (c) => c.purpose)],
  indexes: [["child_id", "purpose"], ["purpose"]],
};

/**
 * Every entity table: one row per entity with the full validated entity as JSON in `data`,
 * the county `region`, `id`, `version`, `updated_at`, and one indexed column per field the
 * port queries (list fields in a link table).
 */
export const ENTITY_TABLES: { readonly [K in StorageEntityKind]: EntityTableSpec } = {
  files,
  schools,
  classes,
  mentors,
  pairings,
  contacts,
  assessments,
  assistancePlans,
  wishes,
  activities,
  aid,
  consents,
};
