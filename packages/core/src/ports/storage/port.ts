import type { ConsentPurpose } from "../../consent/schema";
import type { FileChange, FilePatch } from "../../file/change";
import type { RiskLevel, SchoolingStatus } from "../../model/child-file";
import type { MentorKind } from "../../model/mentor";
import type { Guardian, Parent } from "../../model/people";
import type { ContactKind, Initiator, WishStatus } from "../../model/records";
import type { CalendarDate, Instant } from "../../time/types";
import type { StorageEntities, StorageEntityKind } from "./entities";

/**
 * A stored entity with its version. `version` starts at 1 and grows by one on every write;
 * `updatedAt` is the `at` of the last write.
 * @example
 * const r: StorageRecord<ChildFile> | null = await storage.files.get("c1");
 * r?.version //=> 3
 * @category Storage
 */
export interface StorageRecord<T> {
  readonly id: string;
  readonly value: T;
  readonly version: number;
  readonly updatedAt: Instant;
}

/**
 * Which page of a query to read. Results come in ascending order of their key (the entity id,
 * compared by code point); `cursor` is the `nextCursor` of the previous page.
 * @example
 * await storage.files.query({ schoolId: "s1" }, { limit: 50, cursor: page.nextCursor })
 * @category Storage
 */
export interface StoragePageRequest {
  /** Most items to return, 1–1000. Default 100. */
  readonly limit?: number;
  /** Opaque position from the previous page; absent or `null` for the first page. */
  readonly cursor?: string | null;
}

/**
 * One page of a query: the items, and the cursor of the next page (`null` after the last).
 * @example
 * const { items, nextCursor } = await storage.contacts.query({ childId: "c1" });
 * @category Storage
 */
export interface StoragePage<I> {
  readonly items: readonly I[];
  readonly nextCursor: string | null;
}

/**
 * A range of calendar dates, both ends inclusive; an absent end is open.
 * @example
 * const march: StorageDateRange = { from: "2026-03-01", to: "2026-03-31" };
 * @category Storage
 */
export interface StorageDateRange {
  readonly from?: CalendarDate;
  readonly to?: CalendarDate;
}

/**
 * A range of instants `[from, to)`, compared as points in time (an offset of `+08:00` and `Z`
 * describe the same instant); an absent end is open.
 * @example
 * const range: StorageInstantRange = { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" };
 * @category Storage
 */
export interface StorageInstantRange {
  readonly from?: Instant;
  readonly to?: Instant;
}

/**
 * Which children a read may return: the access scope of the actor, as a filter every adapter
 * applies itself (in SQL, in memory). A child is in scope when every given condition holds: its
 * home region code starts with `regionCode`, its school is one of `schoolIds`, its class one of
 * `classIds`, its id one of `childIds` (an empty list matches no child). An entity about children
 * (a pairing, a contact record, an assessment…) is in scope when at least one child it names is.
 * Schools, classes and mentors are not children's data and are not filtered.
 * @example
 * await storage.files.query({ riskLevels: ["high"], scope: { schoolIds: ["s1"] } })
 * @category Storage
 */
export interface StorageScope {
  readonly regionCode?: string;
  readonly schoolIds?: readonly string[];
  readonly classIds?: readonly string[];
  readonly childIds?: readonly string[];
}

/**
 * Filters of child files. Every given condition must hold. `regionCode` matches the code and
 * every area under it (a county code finds its villages' children).
 * @example
 * await storage.files.query({ regionCode: "430102", riskLevels: ["high", "critical"] })
 * @category Storage
 */
export interface StorageFileQuery {
  readonly ids?: readonly string[];
  /** The child's home region code starts with this code. */
  readonly regionCode?: string;
  readonly schoolId?: string;
  readonly classId?: string;
  readonly keyCase?: boolean;
  readonly riskLevels?: readonly RiskLevel[];
  /** Schooling status (`child.schooling.status`). */
  readonly schooling?: readonly SchoolingStatus[];
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of schools.
 * @example
 * await storage.schools.query({ regionCode: "430102" })
 * @category Storage
 */
export interface StorageSchoolQuery {
  readonly ids?: readonly string[];
  readonly regionCode?: string;
}

/**
 * Filters of classes.
 * @example
 * await storage.classes.query({ schoolId: "s1" })
 * @category Storage
 */
export interface StorageClassQuery {
  readonly ids?: readonly string[];
  readonly schoolId?: string;
}

/**
 * Filters of mentors. `classId` matches mentors whose `classIds` include it.
 * @example
 * await storage.mentors.query({ schoolId: "s1", kinds: ["class-teacher"] })
 * @category Storage
 */
export interface StorageMentorQuery {
  readonly ids?: readonly string[];
  readonly regionCode?: string;
  readonly schoolId?: string;
  readonly classId?: string;
  readonly kinds?: readonly MentorKind[];
}

/**
 * Filters of pairings. `activeOn` keeps pairings with `start ≤ day` and no `end` or
 * `end ≥ day`; `ended` keeps pairings with (true) or without (false) an end date.
 * @example
 * await storage.pairings.query({ mentorId: "t1", activeOn: "2026-09-01" })
 * @category Storage
 */
export interface StoragePairingQuery {
  readonly ids?: readonly string[];
  readonly childId?: string;
  readonly mentorId?: string;
  readonly activeOn?: CalendarDate;
  readonly ended?: boolean;
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of contact records. `childId` matches records naming the child among `childIds`;
 * `childIds` matches records naming at least one of the listed children (an empty list matches
 * nothing; a record naming two children, one listed, is returned whole); `at` is a range of
 * instants.
 * @example
 * await storage.contacts.query({ childId: "c1", at: { from: "2026-03-01T00:00:00+08:00" } })
 * await storage.contacts.query({ childIds: ["c1", "c2"] })
 * @category Storage
 */
export interface StorageContactQuery {
  readonly ids?: readonly string[];
  readonly childId?: string;
  /**
   * Records naming any of these children: what reading one school's or class's records needs
   * (a SQL adapter reads them through the child index, a long list in chunks).
   */
  readonly childIds?: readonly string[];
  readonly mentorId?: string;
  readonly kinds?: readonly ContactKind[];
  readonly at?: StorageInstantRange;
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of assessments (`takenAt` as a range of instants).
 * @example
 * await storage.assessments.query({ childId: "c1", checklistId: "needs" })
 * @category Storage
 */
export interface StorageAssessmentQuery {
  readonly ids?: readonly string[];
  readonly childId?: string;
  readonly checklistId?: string;
  readonly takenAt?: StorageInstantRange;
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of assistance plans (`createdOn` as a range of dates).
 * @example
 * await storage.assistancePlans.query({ childId: "c1" })
 * @category Storage
 */
export interface StorageAssistancePlanQuery {
  readonly ids?: readonly string[];
  readonly childId?: string;
  readonly createdOn?: StorageDateRange;
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of micro-wishes.
 * @example
 * await storage.wishes.query({ statuses: ["submitted", "approved"] })
 * @category Storage
 */
export interface StorageWishQuery {
  readonly ids?: readonly string[];
  readonly childId?: string;
  readonly statuses?: readonly WishStatus[];
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of activities. `childId` matches activities naming the child.
 * @example
 * await storage.activities.query({ schoolId: "s1", date: { from: "2026-06-01", to: "2026-06-30" } })
 * @category Storage
 */
export interface StorageActivityQuery {
  readonly ids?: readonly string[];
  readonly schoolId?: string;
  readonly regionCode?: string;
  readonly childId?: string;
  readonly date?: StorageDateRange;
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of aid. `childId` matches aid naming the child.
 * @example
 * await storage.aid.query({ schoolId: "s1", kinds: ["subsidy"] })
 * @category Storage
 */
export interface StorageAidQuery {
  readonly ids?: readonly string[];
  readonly schoolId?: string;
  readonly childId?: string;
  readonly kinds?: readonly StorageEntities["aid"]["kind"][];
  readonly date?: StorageDateRange;
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * Filters of guardian consent records.
 * @example
 * await storage.consents.query({ childId: "c1", purposes: ["health"] })
 * @category Storage
 */
export interface StorageConsentQuery {
  readonly ids?: readonly string[];
  readonly childId?: string;
  readonly purposes?: readonly ConsentPurpose[];
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * The query filter of each repository.
 * @example
 * const q: StorageQueries["files"] = { schoolId: "s1" };
 * @category Storage
 */
export interface StorageQueries {
  files: StorageFileQuery;
  schools: StorageSchoolQuery;
  classes: StorageClassQuery;
  mentors: StorageMentorQuery;
  pairings: StoragePairingQuery;
  contacts: StorageContactQuery;
  assessments: StorageAssessmentQuery;
  assistancePlans: StorageAssistancePlanQuery;
  wishes: StorageWishQuery;
  activities: StorageActivityQuery;
  aid: StorageAidQuery;
  consents: StorageConsentQuery;
}

/**
 * Options of a single write. `expectedVersion` is the version the writer read: `null` to
 * create (the id must be free), or the current version to replace it. A stale version fails
 * with a `ConflictError` and writes nothing.
 * @example
 * await storage.files.put(file, { expectedVersion: r.version, at: "2026-03-01T09:00:00+08:00" })
 * @category Storage
 */
export interface StorageWriteOptions {
  readonly expectedVersion: number | null;
  /** When the write happens (the record's `updatedAt`). */
  readonly at: Instant;
}

/**
 * A repository of one kind of entity. Values go in and come out as plain data equal to what
 * was written (an adapter never mutates its input, never returns an object it keeps).
 * @example
 * const created = await storage.mentors.put(mentor, { expectedVersion: null, at });
 * await storage.mentors.get(mentor.id) //=> { id, value: mentor, version: 1, updatedAt: at }
 * @category Storage
 */
export interface StorageRepository<T, Q> {
  /**
   * Reads one entity.
   * @returns The record, or `null` when there is none.
   */
  get(id: string): Promise<StorageRecord<T> | null>;
  /** One page of the entities matching `filter`, ascending by id. */
  query(filter: Q, page?: StoragePageRequest): Promise<StoragePage<StorageRecord<T>>>;
  /** Every entity matching `filter`, ascending by id, read in batches (never all at once). */
  stream(filter: Q): AsyncIterable<StorageRecord<T>>;
  /**
   * The ids of every entity matching `filter`, ascending, without reading the entities
   * themselves: what scoping and counting need (a SQL adapter reads them from an index).
   * Must yield exactly the ids `stream(filter)` yields.
   */
  streamIds(filter: Q): AsyncIterable<string>;
  /**
   * Creates or replaces one entity if `expectedVersion` is current.
   * @returns The stored record with its new version.
   * @throws ConflictError when `expectedVersion` is stale (or the id is taken, for `null`).
   */
  put(value: T, options: StorageWriteOptions): Promise<StorageRecord<T>>;
  /**
   * Creates or replaces many entities at once, whatever their versions (an import): each
   * version grows by one. All land, or none do.
   */
  upsertMany(values: readonly T[], options: { readonly at: Instant }): Promise<void>;
  /**
   * Deletes one entity if `expectedVersion` is current.
   * @returns `true` if it was deleted, `false` if there was none.
   * @throws ConflictError when `expectedVersion` is stale.
   */
  remove(id: string, options: { readonly expectedVersion: number }): Promise<boolean>;
}

/**
 * A guardian or parent found through the file that holds it: the person, the file's id, and
 * the file's version.
 * @example
 * const [g] = (await storage.guardians.query({ phone: "13800138000" })).items;
 * g.fileId //=> "c1"
 * @category Storage
 */
export interface StoragePersonRecord<P> extends StorageRecord<P> {
  readonly fileId: string;
}

/**
 * Filters of the guardians or parents registers (people are kept inside their child's file).
 * @example
 * await storage.parents.query({ fileId: "c1" })
 * @category Storage
 */
export interface StoragePersonQuery {
  readonly fileId?: string;
  readonly personId?: string;
  readonly phone?: string;
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * A read-only view of the guardians or parents of every stored file, ascending by file id,
 * then person id. People change through their file.
 * @example
 * for await (const p of storage.guardians.stream({ phone })) console.log(p.fileId);
 * @category Storage
 */
export interface StoragePeopleView<P> {
  query(
    filter: StoragePersonQuery,
    page?: StoragePageRequest,
  ): Promise<StoragePage<StoragePersonRecord<P>>>;
  stream(filter: StoragePersonQuery): AsyncIterable<StoragePersonRecord<P>>;
}

/**
 * The change history of child files: {@link FileChange}s as `updateChildFile` returns them,
 * only ever appended, read back in the order appended.
 * @example
 * await storage.fileChanges.append([change]);
 * await storage.fileChanges.list("c1") //=> [change]
 * @category Storage
 */
export interface StorageFileChangeLog {
  append(changes: readonly FileChange[]): Promise<void>;
  /** Every change of one file, oldest first (in the order appended). */
  list(fileId: string): Promise<readonly FileChange[]>;
  /**
   * Replaces the history of one file, for retention only: `changes` is its redacted copy (the
   * same number of changes, in the same order, each naming `fileId`), or empty to erase it.
   * Nothing else is ever rewritten; see `redactFileChange`.
   * @throws ValidationError when `changes` is neither empty nor as long as the history, or
   * names another file; nothing is written then.
   */
  redact(fileId: string, changes: readonly FileChange[]): Promise<void>;
}

/**
 * What an entry records: `create`, `update` and `delete` for single writes, `import` for a row
 * of a bulk upsert, `reveal` for masked fields shown in full (its `reason` is the purpose),
 * `anonymise` and `erase` for a child's file anonymised or erased under a retention policy
 * (the entries whose patches that redacted name it in `redactedBy`).
 * @example
 * const op: StorageAuditOperation = "update";
 * @category Storage
 */
export type StorageAuditOperation =
  "create" | "update" | "delete" | "import" | "reveal" | "anonymise" | "erase";

/**
 * One entry of the audit log: who changed which entity, when, how (the immer patches that
 * took the old value to the new), and why.
 * @example
 * const entry: StorageAuditEntry = { id: "a1", actor: "teacher-7", at, entity: "files", entityId: "c1", operation: "update", version: 2, patches };
 * @category Storage
 */
export interface StorageAuditEntry {
  readonly id: string;
  readonly actor: string;
  readonly at: Instant;
  readonly entity: StorageEntityKind;
  readonly entityId: string;
  readonly operation: StorageAuditOperation;
  /** The entity's version after the mutation (0 after a delete); absent for an import row. */
  readonly version?: number;
  readonly patches: readonly FilePatch[];
  readonly reason?: string;
  /** For a `reveal`: the paths of the fields shown in full (their values are not logged). */
  readonly fields?: readonly (readonly (string | number)[])[];
  /**
   * For an `anonymise` or `erase`: the `seq`s of the entries whose patches it redacted (each
   * names this entry's id in `redactedBy`); the chain commits to the list.
   */
  readonly redacts?: readonly number[];
}

/**
 * An audit entry as stored: with `seq`, its position in the log (strictly increasing), and its
 * link in the hash chain: `prevHash` is the `hash` of the entry before it (`AUDIT_GENESIS_HASH`
 * for the first), `hash` the SHA-256 of the entry and `prevHash` (see `chainAuditEntries`).
 * @example
 * (await storage.audit.query({ entityId: "c1" })).items[0].seq //=> 1
 * @category Storage
 */
export interface StoredAuditEntry extends StorageAuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  /**
   * SHA-256 of the canonical JSON of `patches` as appended (`auditPatchesDigest`): the chain
   * commits to it instead of the patches, so they can be redacted later. Absent on entries
   * chained before digests (they commit to their patches and cannot be redacted).
   */
  readonly patchesDigest?: string;
  /**
   * Set when the patches were redacted under a retention policy: the id of the `anonymise` or
   * `erase` entry, later in the log, that records it. `patches` then no longer match
   * `patchesDigest`.
   */
  readonly redactedBy?: string;
}

/**
 * One audit entry's patches redacted: the entry's `seq`, its redacted `patches` (no value of
 * the child's left in them) and the id of the entry that records the redaction.
 * @example
 * const r: StorageAuditRedaction = { seq: 12, patches: [{ op: "replace", path: ["child", "health"] }], redactedBy: "a-99" };
 * @category Storage
 */
export interface StorageAuditRedaction {
  readonly seq: number;
  readonly patches: readonly FilePatch[];
  readonly redactedBy: string;
}

/**
 * Filters of the audit log (`at` as a range of instants).
 * @example
 * await storage.audit.query({ entity: "files", entityId: "c1" })
 * @category Storage
 */
export interface StorageAuditQuery {
  readonly entity?: StorageEntityKind;
  readonly entityId?: string;
  readonly actor?: string;
  readonly at?: StorageInstantRange;
}

/**
 * The append-only, hash-chained audit log of every mutation and reveal: no update, no delete,
 * except `redact` under a retention policy. `append` links each entry to the last one stored
 * (`chainAuditEntries`), atomically, so the chain never forks. Read in `seq` order;
 * `verifyAuditLog` checks what `stream({})` returns.
 * @example
 * await storage.audit.append([entry]);
 * @category Storage
 */
export interface StorageAuditLog {
  append(entries: readonly StorageAuditEntry[]): Promise<void>;
  query(
    filter: StorageAuditQuery,
    page?: StoragePageRequest,
  ): Promise<StoragePage<StoredAuditEntry>>;
  stream(filter: StorageAuditQuery): AsyncIterable<StoredAuditEntry>;
  /**
   * Replaces the patches of stored entries and sets their `redactedBy`, keeping everything
   * else (`seq`, `hash`, `prevHash`, `patchesDigest`), so the chain still verifies: what
   * `redactAuditEntry` does to each entry. All or none are redacted.
   * @throws ValidationError when a `seq` names no entry, or an entry chained before digests
   * (which cannot be redacted without breaking the chain).
   */
  redact(redactions: readonly StorageAuditRedaction[]): Promise<void>;
}

/**
 * A counting query over contact records, answered by the adapter itself (SQL `GROUP BY` on
 * indexed columns) when it declares `contactCounts`. A record naming several children counts
 * once for each.
 * @example
 * const q: StorageContactCountQuery = { groupBy: "child", at: { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" }, kinds: ["home-visit"] };
 * @category Storage
 */
export interface StorageContactCountQuery {
  /** Count per child (each of `childIds`) or per mentor (`mentorId`; records without one are left out). */
  readonly groupBy: "child" | "mentor";
  readonly at?: StorageInstantRange;
  readonly kinds?: readonly ContactKind[];
  readonly initiators?: readonly Initiator[];
  /** Only these children or mentors. */
  readonly subjectIds?: readonly string[];
  /** Only children in this access scope ({@link StorageScope}). */
  readonly scope?: StorageScope;
}

/**
 * The number of contact records of one child or mentor.
 * @example
 * const row: StorageContactCount = { subjectId: "c1", contacts: 4 };
 * @category Storage
 */
export interface StorageContactCount {
  readonly subjectId: string;
  readonly contacts: number;
}

/**
 * What an adapter can do. Tests and the composition layer choose by capability, never by
 * adapter id.
 * @example
 * if (storage.capabilities.contactCounts) await storage.countContacts!(query);
 * @category Storage
 */
export interface StorageCapabilities {
  /** `transaction` is atomic: a failure leaves nothing of the work behind. */
  readonly transactions: boolean;
  /** The adapter answers {@link StorageContactCountQuery}s itself (`countContacts`). */
  readonly contactCounts: boolean;
  /** Data survives closing and reopening the adapter (a file or a server). */
  readonly persistent: boolean;
}

/**
 * The repositories of a storage adapter, as seen outside or inside a transaction.
 * @example
 * const r = await session.files.get("c1");
 * @category Storage
 */
export type StorageSession = {
  readonly [K in StorageEntityKind]: StorageRepository<StorageEntities[K], StorageQueries[K]>;
} & {
  readonly guardians: StoragePeopleView<Guardian>;
  readonly parents: StoragePeopleView<Parent>;
  readonly fileChanges: StorageFileChangeLog;
  readonly audit: StorageAuditLog;
  /**
   * Contact counts computed by the adapter (present when `capabilities.contactCounts`),
   * ascending by `subjectId`, subjects with no record left out. Must equal
   * {@link countContactRecords} over the same records.
   */
  readonly countContacts?: (
    query: StorageContactCountQuery,
  ) => Promise<readonly StorageContactCount[]>;
};

/**
 * A storage adapter: the port every storage plugin implements (`createXStorage(options)`).
 * Not found is `null`, a stale write a `ConflictError`; the composition package `liushou`
 * validates, audits and wraps every call, so an adapter only stores and reads.
 * @example
 * const storage: StorageAdapter = createMemoryStorage();
 * await storage.transaction(async (tx) => { await tx.files.put(file, { expectedVersion: null, at }) });
 * @category Storage
 */
export type StorageAdapter = StorageSession & {
  /** A short stable name (`memory`, `sqlite`), used in `StorageError`. */
  readonly id: string;
  readonly capabilities: StorageCapabilities;
  /**
   * Runs `work` in one transaction: it commits when `work` resolves and rolls back when it
   * rejects (the rejection is passed on).
   */
  transaction<T>(work: (tx: StorageSession) => Promise<T>): Promise<T>;
  /** Releases connections or files. */
  close?(): Promise<void>;
};
