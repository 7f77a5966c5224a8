import { instantMs } from "@liushou/core";
import type {
  StorageDateRange,
  StorageEntityKind,
  StorageInstantRange,
  StorageQueries,
  StorageScope,
} from "@liushou/core";
import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";
import { ENTITY_TABLES } from "../tables/tables";

type Query = SelectQueryBuilder<any, any, any>;

/** The largest code point: every code starting with a prefix sorts below prefix + it. */
const TOP = "\u{10FFFF}";

/** Codes starting with `prefix` (an index range: region codes nest by prefix). */
export function underPrefix(q: Query, column: string, prefix: string | undefined): Query {
  if (prefix === undefined) return q;
  return q.where(column, ">=", prefix).where(column, "<", prefix + TOP);
}

/** Equal to a value, when one is asked for. */
function equal(q: Query, column: string, value: string | number | undefined): Query {
  return value === undefined ? q : q.where(column, "=", value);
}

/** One of the listed values, when a list is given (an empty list matches nothing). */
function oneOf(q: Query, column: string, values: readonly (string | number)[] | undefined): Query {
  if (values === undefined) return q;
  if (values.length === 0) return q.where((eb) => eb.lit(false));
  return q.where(column, "in", values);
}

/** Calendar dates from `from` to `to`, both included. */
function dateRange(q: Query, column: string, range: StorageDateRange | undefined): Query {
  if (range?.from !== undefined) q = q.where(column, ">=", range.from);
  if (range?.to !== undefined) q = q.where(column, "<=", range.to);
  return q;
}

/** Instants in `[from, to)`, compared as points in time. */
export function instantRange(
  q: Query,
  column: string,
  range: StorageInstantRange | undefined,
): Query {
  if (range?.from !== undefined) q = q.where(column, ">=", instantMs(range.from));
  if (range?.to !== undefined) q = q.where(column, "<", instantMs(range.to));
  return q;
}

/** Files (alias `f`) in an access scope: conditions on their indexed columns. */
export function fileInScope(q: Query, f: string, scope: StorageScope): Query {
  q = underPrefix(q, `${f}.area_code`, scope.regionCode);
  q = oneOf(oneOf(q, `${f}.school_id`, scope.schoolIds), `${f}.class_id`, scope.classIds);
  return oneOf(q, `${f}.id`, scope.childIds);
}

/** The ids of the files in an access scope, as a subquery. */
export function scopedFileIds(
  eb: ExpressionBuilder<any, any>,
  region: string,
  scope: StorageScope,
) {
  const files = ENTITY_TABLES.files.table;
  return fileInScope(
    eb.selectFrom(`${files} as sf`).select("sf.id").where("sf.region", "=", region),
    "sf",
    scope,
  );
}

/** The ids of entities naming at least one child in scope, through the link table. */
export function scopedLinkIds(
  eb: ExpressionBuilder<any, any>,
  kind: StorageEntityKind,
  region: string,
  scope: StorageScope,
) {
  const link = ENTITY_TABLES[kind].link!;
  return eb
    .selectFrom(`${link.table} as sl`)
    .select("sl.entity_id")
    .where("sl.region", "=", region)
    .where("sl.child_id", "in", (e: ExpressionBuilder<any, any>) =>
      scopedFileIds(e, region, scope),
    );
}

/** Kinds whose access scope is no subquery: files filter their own columns, the others are not scoped. */
const SCOPE_WITHOUT_SUBQUERY: ReadonlySet<StorageEntityKind> = new Set<StorageEntityKind>([
  "files",
  "schools",
  "classes",
  "mentors",
]);

/** Whether an access scope reads through a subquery for this kind (the files in scope). */
export function scopeBySubquery(kind: StorageEntityKind): boolean {
  return !SCOPE_WITHOUT_SUBQUERY.has(kind);
}

/** Entities of a kind in an access scope: the file itself, its child's file, or any linked child's. */
function inScope(
  q: Query,
  kind: StorageEntityKind,
  region: string,
  scope: StorageScope | undefined,
) {
  if (scope === undefined) return q;
  if (kind === "files") return fileInScope(q, "t", scope);
  if (!scopeBySubquery(kind)) return q;
  if (kind === "contacts" || kind === "activities" || kind === "aid") {
    return q.where("t.id", "in", (eb: ExpressionBuilder<any, any>) =>
      scopedLinkIds(eb, kind, region, scope),
    );
  }
  return q.where("t.child_id", "in", (eb: ExpressionBuilder<any, any>) =>
    scopedFileIds(eb, region, scope),
  );
}

/** Entities whose list field (children, classes) holds `value`: a lookup in the link table. */
function linked(q: Query, kind: StorageEntityKind, region: string, value: string | undefined) {
  const link = ENTITY_TABLES[kind].link;
  if (value === undefined || !link) return q;
  return q.where("t.id", "in", (eb: ExpressionBuilder<any, any>) =>
    eb
      .selectFrom(`${link.table} as l`)
      .select("l.entity_id")
      .where("l.region", "=", region)
      .where(`l.${link.column}`, "=", value),
  );
}

/**
 * Contact records naming one of `childIds`, through the link table's `(child_id, at_ms)` index
 * (the range of instants is applied there too). The list is one chunk: see
 * {@link splitChildIds}.
 */
function namingAnyChild(
  q: Query,
  region: string,
  childIds: readonly string[] | undefined,
  at: StorageInstantRange | undefined,
): Query {
  if (childIds === undefined) return q;
  if (childIds.length === 0) return q.where((eb) => eb.lit(false));
  const link = ENTITY_TABLES.contacts.link!;
  return q.where("t.id", "in", (eb: ExpressionBuilder<any, any>) =>
    instantRange(
      eb
        .selectFrom(`${link.table} as cl`)
        .select("cl.entity_id")
        .where("cl.region", "=", region)
        .where("cl.child_id", "in", childIds),
      "cl.at_ms",
      at,
    ),
  );
}

/** The most children one query lists: longer lists are read in chunks and merged. */
export const CHILD_ID_CHUNK = 1000;

/**
 * A filter split so that no query lists more than {@link CHILD_ID_CHUNK} children (bound
 * parameters are limited, and a short `IN` list keeps the index plan): one filter per chunk of
 * the contact query's `childIds`, or the filter itself. The union of the parts' results is the
 * filter's result (a record naming children of two chunks is found by both).
 */
export function splitChildIds<K extends StorageEntityKind>(
  kind: K,
  filter: StorageQueries[K],
): StorageQueries[K][] {
  const childIds = (filter as { childIds?: readonly string[] }).childIds;
  if (kind !== "contacts" || childIds === undefined || childIds.length <= CHILD_ID_CHUNK) {
    return [filter];
  }
  const unique = [...new Set(childIds)];
  const parts: StorageQueries[K][] = [];
  for (let i = 0; i < unique.length; i += CHILD_ID_CHUNK) {
    parts.push({ ...filter, childIds: unique.slice(i, i + CHILD_ID_CHUNK) });
  }
  return parts;
}

type Filters = {
  readonly [K in StorageEntityKind]: (q: Query, f: StorageQueries[K], region: string) => Query;
};

/** Each repository's filter as SQL conditions on its table (alias `t`). */
const FILTERS: Filters = {
  files: (q, f) => {
    q = underPrefix(q, "t.area_code", f.regionCode);
    q = equal(equal(q, "t.school_id", f.schoolId), "t.class_id", f.classId);
    q = equal(q, "t.key_case", f.keyCase === undefined ? undefined : f.keyCase ? 1 : 0);
    return oneOf(oneOf(q, "t.risk_level", f.riskLevels), "t.schooling", f.schooling);
  },
  schools: (q, f) => underPrefix(q, "t.area_code", f.regionCode),
  classes: (q, f) => equal(q, "t.school_id", f.schoolId),
  mentors: (q, f, region) => {
    q = equal(underPrefix(q, "t.area_code", f.regionCode), "t.school_id", f.schoolId);
    return oneOf(linked(q, "mentors", region, f.classId), "t.kind", f.kinds);
  },
  pairings: (q, f) => {
    q = equal(equal(q, "t.child_id", f.childId), "t.mentor_id", f.mentorId);
    if (f.ended !== undefined) q = q.where("t.end_on", f.ended ? "is not" : "is", null);
    const day = f.activeOn;
    if (day === undefined) return q;
    return q
      .where("t.start_on", "<=", day)
      .where((eb) => eb.or([eb("t.end_on", "is", null), eb("t.end_on", ">=", day)]));
  },
  contacts: (q, f, region) => {
    q = equal(linked(q, "contacts", region, f.childId), "t.mentor_id", f.mentorId);
    q = namingAnyChild(q, region, f.childIds, f.at);
    return instantRange(oneOf(q, "t.kind", f.kinds), "t.at_ms", f.at);
  },
  assessments: (q, f) => {
    q = equal(equal(q, "t.child_id", f.childId), "t.checklist_id", f.checklistId);
    return instantRange(q, "t.taken_ms", f.takenAt);
  },
  assistancePlans: (q, f) =>
    dateRange(equal(q, "t.child_id", f.childId), "t.created_on", f.createdOn),
  wishes: (q, f) => oneOf(equal(q, "t.child_id", f.childId), "t.status", f.statuses),
  activities: (q, f, region) => {
    q = equal(underPrefix(q, "t.area_code", f.regionCode), "t.school_id", f.schoolId);
    return dateRange(linked(q, "activities", region, f.childId), "t.on_date", f.date);
  },
  aid: (q, f, region) => {
    q = equal(linked(q, "aid", region, f.childId), "t.school_id", f.schoolId);
    return dateRange(oneOf(q, "t.kind", f.kinds), "t.on_date", f.date);
  },
  consents: (q, f) => oneOf(equal(q, "t.child_id", f.childId), "t.purpose", f.purposes),
};

/**
 * Adds a repository filter to a query of the repository's table (alias `t`), with the ids the
 * filter may list.
 */
export function applyFilter<K extends StorageEntityKind>(
  kind: K,
  q: Query,
  filter: StorageQueries[K],
  region: string,
): Query {
  const { ids, scope } = filter as { ids?: readonly string[]; scope?: StorageScope };
  return (FILTERS[kind] as (q: Query, f: StorageQueries[K], region: string) => Query)(
    inScope(oneOf(q, "t.id", ids), kind, region, scope),
    filter,
    region,
  );
}
