import { invalidArgument, requireObject } from "../../errors/validate";
import type { ChildFile } from "../../model/child-file";
import type { CalendarDate, Instant } from "../../time/types";
import { instantMs } from "../../time/zone";
import type { StorageEntities, StorageEntityKind } from "./entities";
import type {
  StorageAuditQuery,
  StorageDateRange,
  StorageInstantRange,
  StoragePersonQuery,
  StorageQueries,
  StorageScope,
  StoredAuditEntry,
} from "./port";

/**
 * Whether an instant lies in `[from, to)`, comparing points in time (not strings).
 * @param at - The instant.
 * @param range - The range; an absent end is open.
 * @returns `true` inside the range.
 * @example
 * inStorageInstantRange("2026-03-01T00:30:00+08:00", { to: "2026-03-01T00:00:00Z" }) //=> true
 * @category Storage
 */
export function inStorageInstantRange(
  at: Instant,
  range: StorageInstantRange | undefined,
): boolean {
  if (!range) return true;
  const ms = instantMs(at);
  if (range.from !== undefined && ms < instantMs(range.from)) return false;
  if (range.to !== undefined && ms >= instantMs(range.to)) return false;
  return true;
}

/**
 * Whether a calendar date lies in `[from, to]` (both ends inclusive).
 * @param date - The date.
 * @param range - The range; an absent end is open.
 * @returns `true` inside the range.
 * @example
 * inStorageDateRange("2026-03-31", { from: "2026-03-01", to: "2026-03-31" }) //=> true
 * @category Storage
 */
export function inStorageDateRange(
  date: CalendarDate,
  range: StorageDateRange | undefined,
): boolean {
  if (!range) return true;
  return (
    (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to)
  );
}

const within = <V>(list: readonly V[] | undefined, value: V | undefined): boolean =>
  list === undefined || (value !== undefined && list.includes(value));
const equals = <V>(wanted: V | undefined, value: V | undefined): boolean =>
  wanted === undefined || wanted === value;
const under = (prefix: string | undefined, code: string | undefined): boolean =>
  prefix === undefined || (code !== undefined && code.startsWith(prefix));

/** Lists of children asked for, as sets, so a long list is looked up, not scanned per record. */
const CHILD_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `childIds` names one of `wanted` (any list when `wanted` is absent). */
function namesAny(childIds: readonly string[], wanted: readonly string[] | undefined): boolean {
  if (wanted === undefined) return true;
  let set = CHILD_SETS.get(wanted);
  if (set === undefined) {
    set = new Set(wanted);
    CHILD_SETS.set(wanted, set);
  }
  return childIds.some((id) => set.has(id));
}

type Matchers = {
  readonly [K in StorageEntityKind]: (value: StorageEntities[K], q: StorageQueries[K]) => boolean;
};

const MATCHERS: Matchers = {
  files: (f, q) =>
    under(q.regionCode, f.child.regionCode) &&
    equals(q.schoolId, f.child.schoolId) &&
    equals(q.classId, f.child.classId) &&
    equals(q.keyCase, f.keyCase) &&
    within(q.riskLevels, f.riskLevel) &&
    within(q.schooling, f.child.schooling.status),
  schools: (s, q) => under(q.regionCode, s.regionCode),
  classes: (c, q) => equals(q.schoolId, c.schoolId),
  mentors: (m, q) =>
    under(q.regionCode, m.regionCode) &&
    equals(q.schoolId, m.schoolId) &&
    (q.classId === undefined || m.classIds.includes(q.classId)) &&
    within(q.kinds, m.kind),
  pairings: (p, q) =>
    equals(q.childId, p.childId) &&
    equals(q.mentorId, p.mentorId) &&
    (q.ended === undefined || q.ended === (p.end !== undefined)) &&
    (q.activeOn === undefined ||
      (p.start <= q.activeOn && (p.end === undefined || p.end >= q.activeOn))),
  contacts: (r, q) =>
    (q.childId === undefined || r.childIds.includes(q.childId)) &&
    namesAny(r.childIds, q.childIds) &&
    equals(q.mentorId, r.mentorId) &&
    within(q.kinds, r.kind) &&
    inStorageInstantRange(r.at as Instant, q.at),
  assessments: (a, q) =>
    equals(q.childId, a.childId) &&
    equals(q.checklistId, a.checklistId) &&
    inStorageInstantRange(a.takenAt as Instant, q.takenAt),
  assistancePlans: (p, q) =>
    equals(q.childId, p.childId) && inStorageDateRange(p.createdOn, q.createdOn),
  wishes: (w, q) => equals(q.childId, w.childId) && within(q.statuses, w.status),
  activities: (a, q) =>
    equals(q.schoolId, a.schoolId) &&
    under(q.regionCode, a.regionCode) &&
    (q.childId === undefined || a.childIds.includes(q.childId)) &&
    inStorageDateRange(a.date, q.date),
  aid: (a, q) =>
    equals(q.schoolId, a.schoolId) &&
    (q.childId === undefined || a.childIds.includes(q.childId)) &&
    within(q.kinds, a.kind) &&
    inStorageDateRange(a.date, q.date),
  consents: (c, q) => equals(q.childId, c.childId) && within(q.purposes, c.purpose),
};

/**
 * Whether a child's file lies in an access scope: the reference of the `scope` filter every
 * adapter applies (every given condition holds; a list matches any of its values).
 * @param file - A stored file.
 * @param scope - The scope; `undefined` lets every file in.
 * @returns `true` in scope.
 * @example
 * inStorageScope(file, { schoolIds: ["s1"] }) //=> true when file.child.schoolId is "s1"
 * @category Storage
 */
export function inStorageScope(file: ChildFile, scope: StorageScope | undefined): boolean {
  if (scope === undefined) return true;
  requireObject(file as unknown, "file");
  requireObject(scope as unknown, "scope");
  return (
    under(scope.regionCode, file.child?.regionCode) &&
    within(scope.schoolIds, file.child?.schoolId) &&
    within(scope.classIds, file.child?.classId) &&
    within(scope.childIds, file.id)
  );
}

type ChildLinked = Exclude<StorageEntityKind, "schools" | "classes" | "mentors">;

const CHILDREN: { readonly [K in ChildLinked]: (v: StorageEntities[K]) => readonly string[] } = {
  files: (f) => [f.id],
  pairings: (p) => [p.childId],
  contacts: (r) => r.childIds,
  assessments: (a) => [a.childId],
  assistancePlans: (p) => [p.childId],
  wishes: (w) => [w.childId],
  activities: (a) => a.childIds,
  aid: (a) => a.childIds,
  consents: (c) => [c.childId],
};

/**
 * The children an entity is about, which decide whether it is in an access scope; `undefined`
 * for schools, classes and mentors, which are not children's data.
 * @param kind - The repository.
 * @param value - An entity of that kind.
 * @returns The child ids, or `undefined`.
 * @example
 * storageChildIdsOf("contacts", record) //=> ["c1", "c2"]
 * storageChildIdsOf("schools", school) //=> undefined
 * @category Storage
 */
export function storageChildIdsOf<K extends StorageEntityKind>(
  kind: K,
  value: StorageEntities[K],
): readonly string[] | undefined {
  requireKind(kind);
  if (!Object.hasOwn(CHILDREN, kind)) return undefined;
  requireObject(value as unknown, "value");
  return (CHILDREN as Record<ChildLinked, (v: unknown) => readonly string[]>)[kind as ChildLinked](
    value,
  );
}

/** Throws a ValidationError unless `kind` names a repository of the port. */
function requireKind(kind: unknown): asserts kind is StorageEntityKind {
  if (typeof kind !== "string" || !Object.hasOwn(MATCHERS, kind)) {
    throw invalidArgument(
      "kind",
      "invalid_value",
      { "zh-CN": "不是已知的实体种类", en: "not a known entity kind" },
      kind,
    );
  }
}

/**
 * Reads a stored file by id (`undefined` when there is none), for scope checks.
 * @example
 * const fileOf: StorageFileLookup = (id) => byId.get(id);
 * @category Storage
 */
export type StorageFileLookup = (id: string) => ChildFile | undefined;

/**
 * The meaning of a repository query, as a pure predicate: the reference every adapter's
 * `query` and `stream` must agree with (the conformance suite checks them against it).
 * @param kind - The repository.
 * @param value - A stored entity.
 * @param filter - The query filter.
 * @param fileOf - Reads a stored file by id: needed when the filter has a `scope` and the entity
 * is about children other than itself (a pairing, a contact record…).
 * @returns Whether the entity matches.
 * @throws ValidationError when a scope needs `fileOf` and none is given.
 * @example
 * matchesStorageQuery("files", file, { schoolId: "s1" }) //=> true
 * matchesStorageQuery("pairings", pairing, { scope: { classIds: ["k1"] } }, (id) => files.get(id))
 * @category Storage
 */
export function matchesStorageQuery<K extends StorageEntityKind>(
  kind: K,
  value: StorageEntities[K],
  filter: StorageQueries[K],
  fileOf?: StorageFileLookup,
): boolean {
  requireKind(kind);
  requireObject(value as unknown, "value");
  requireObject(filter as unknown, "filter");
  const ids = (filter as { ids?: readonly string[] }).ids;
  if (ids !== undefined && !ids.includes((value as { id: string }).id)) return false;
  const matches = (MATCHERS[kind] as (v: StorageEntities[K], q: StorageQueries[K]) => boolean)(
    value,
    filter,
  );
  const scope = (filter as { scope?: StorageScope }).scope;
  if (!matches || scope === undefined) return matches;
  if (kind === "files") return inStorageScope(value as ChildFile, scope);
  return storageChildrenInScope(storageChildIdsOf(kind, value), scope, fileOf);
}

/**
 * Whether an entity about these children is in scope: at least one of them is on file and in
 * scope (`undefined` children, as for a school, or no scope: always).
 * @param childIds - From {@link storageChildIdsOf}.
 * @param scope - The access scope.
 * @param fileOf - Reads a stored file by id.
 * @returns `true` in scope.
 * @throws ValidationError when a scope is given without `fileOf`.
 * @example
 * storageChildrenInScope(["c1", "c9"], { classIds: ["k1"] }, (id) => files.get(id)) //=> true if c1 is in k1
 * @category Storage
 */
export function storageChildrenInScope(
  childIds: readonly string[] | undefined,
  scope: StorageScope | undefined,
  fileOf: StorageFileLookup | undefined,
): boolean {
  if (childIds === undefined || scope === undefined) return true;
  if (!Array.isArray(childIds)) {
    throw invalidArgument(
      "childIds",
      "invalid_type",
      { "zh-CN": "应为儿童编号列表", en: "expected a list of child ids" },
      childIds,
    );
  }
  requireObject(scope as unknown, "scope");
  if (typeof fileOf !== "function") {
    throw invalidArgument(
      "fileOf",
      "invalid_type",
      {
        "zh-CN": "按范围筛选时需要读取档案的函数",
        en: "a scope needs a function that reads files",
      },
      fileOf,
    );
  }
  return childIds.some((id) => {
    const file = fileOf(id);
    return file !== undefined && inStorageScope(file, scope);
  });
}

/**
 * The guardians or parents of a file that match a person query, in person-id order: the
 * reference for {@link StoragePeopleView}.
 * @param file - A stored file.
 * @param register - `guardians` or `parents`.
 * @param filter - The person query.
 * @returns The matching people of the file.
 * @example
 * storagePeopleOf(file, "parents", { phone: "13800138000" }) //=> [{ id: "p1", role: "father", … }]
 * @category Storage
 */
export function storagePeopleOf<R extends "guardians" | "parents">(
  file: ChildFile,
  register: R,
  filter: StoragePersonQuery,
): ChildFile[R] {
  requireObject(file as unknown, "file");
  requireObject(filter as unknown, "filter");
  if (register !== "guardians" && register !== "parents") {
    throw invalidArgument(
      "register",
      "invalid_value",
      { "zh-CN": "应为 guardians 或 parents", en: "expected guardians or parents" },
      register,
    );
  }
  if (!Array.isArray(file[register])) return [] as ChildFile[R];
  if (filter.fileId !== undefined && filter.fileId !== file.id) return [] as ChildFile[R];
  if (!inStorageScope(file, filter.scope)) return [] as ChildFile[R];
  const people = (file[register] as ChildFile[R]).filter(
    (p) => equals(filter.personId, p.id) && equals(filter.phone, p.phone),
  );
  return people.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as ChildFile[R];
}

/**
 * Whether an audit entry matches an audit query: the reference for {@link StorageAuditLog}.
 * @param entry - A stored entry.
 * @param filter - The query.
 * @returns Whether it matches.
 * @example
 * matchesStorageAuditQuery(entry, { entity: "files", entityId: "c1" }) //=> true
 * @category Storage
 */
export function matchesStorageAuditQuery(
  entry: StoredAuditEntry,
  filter: StorageAuditQuery,
): boolean {
  requireObject(entry as unknown, "entry");
  requireObject(filter as unknown, "filter");
  return (
    equals(filter.entity, entry.entity) &&
    equals(filter.entityId, entry.entityId) &&
    equals(filter.actor, entry.actor) &&
    inStorageInstantRange(entry.at, (filter as StorageAuditQuery).at)
  );
}

const both = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === undefined ? b : b === undefined ? a : a.filter((x) => b.includes(x));

/**
 * The scope of children in both scopes (an absent scope is every child): lists intersect, and
 * of two region codes the longer one stays when it lies under the other (else no child does).
 * @param a - A scope, or `undefined` for every child.
 * @param b - Another.
 * @returns The intersection, `undefined` when both are.
 * @example
 * intersectStorageScopes({ regionCode: "430102" }, { regionCode: "430102001", schoolIds: ["s1"] })
 * //=> { regionCode: "430102001", schoolIds: ["s1"] }
 * @category Storage
 */
export function intersectStorageScopes(
  a: StorageScope | undefined,
  b: StorageScope | undefined,
): StorageScope | undefined {
  requireScope(a, "a");
  requireScope(b, "b");
  if (a === undefined || b === undefined) return a ?? b;
  const out: { -readonly [K in keyof StorageScope]: StorageScope[K] } = {};
  const [ra, rb] = [a.regionCode, b.regionCode];
  if (ra !== undefined || rb !== undefined) {
    if (ra === undefined || rb === undefined) out.regionCode = ra ?? rb;
    else if (rb.startsWith(ra)) out.regionCode = rb;
    else if (ra.startsWith(rb)) out.regionCode = ra;
    else out.childIds = [];
  }
  for (const key of ["schoolIds", "classIds", "childIds"] as const) {
    const list = both(both(a[key], b[key]), out[key]);
    if (list !== undefined) out[key] = list;
  }
  return out;
}

/** Checks that a scope argument is absent or an object whose fields have the scope's types. */
function requireScope(scope: unknown, path: string): void {
  if (scope === undefined) return;
  requireObject(scope, path);
  const region = scope["regionCode"];
  if (region !== undefined && typeof region !== "string") {
    throw invalidArgument(
      `${path}.regionCode`,
      "invalid_type",
      { "zh-CN": "应为行政区划代码文本", en: "expected a region code as text" },
      region,
    );
  }
  for (const key of ["schoolIds", "classIds", "childIds"]) {
    const list = scope[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((x) => typeof x === "string"))) {
      throw invalidArgument(
        `${path}.${key}`,
        "invalid_type",
        { "zh-CN": "应为编号列表", en: "expected a list of ids" },
        list,
      );
    }
  }
}
