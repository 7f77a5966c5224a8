import {
  ChildFileSchema,
  ComplianceReport,
  MentorSchema,
  SchoolSchema,
  GuardianSchema,
  maskFields,
  maskPatches,
  ParentSchema,
  STORAGE_ENTITY_KINDS,
  STORAGE_ENTITY_SCHEMAS,
  type FieldClass,
  type FileChange,
  type StorageAdapter,
  type StorageEntityKind,
  type StoragePage,
  type StorageRecord,
  type StorageSession,
  type StoredAuditEntry,
} from "@liushou/core";
import type * as z from "zod";

type Repo = StorageSession["files"];

/** Runs work in one transaction (the adapter's, or the one already open). @internal */
export type Atomic = <T>(work: (tx: StorageSession) => Promise<T>) => Promise<T>;

/**
 * What `app.storage` writes with: the checked writes of each repository, and the error that
 * refuses writing to the audit log or to a file's history, which only the library's own writes
 * (and `applyRetention`'s redactions) change. @internal
 */
export interface Facade {
  /** The checked `put`, `upsertMany` and `remove` of one repository, each in one transaction. */
  writes(kind: StorageEntityKind, atomic: Atomic): Pick<Repo, "put" | "upsertMany" | "remove">;
  /** The error of an append to, or a redaction of, the audit log or a file's history. */
  logWriteRefused(log: "audit" | "fileChanges", operation: "append" | "redact"): Error;
}

/** A file's change with the values of hidden classes masked. @internal */
export function maskChange(change: FileChange, visible: readonly FieldClass[]): FileChange {
  return {
    ...change,
    patches: maskPatches(ChildFileSchema, change.patches, visible),
    inversePatches: maskPatches(ChildFileSchema, change.inversePatches, visible),
  };
}

/**
 * A compliance report whose data (the children, mentors and schools it was evaluated on, kept
 * for its rows and roll-ups) is masked for the visible classes: its rows and figures are
 * unchanged. @internal
 */
export function maskReport(
  report: ComplianceReport,
  visible: readonly FieldClass[],
): ComplianceReport {
  const d = report._data;
  const each = <T>(schema: z.ZodType, items: readonly T[]) =>
    items.map((v) => maskFields(schema, v, visible));
  return new ComplianceReport({
    policies: report.policies,
    data: {
      ...d,
      children: each(ChildFileSchema, d.children),
      mentors: each(MentorSchema, d.mentors),
      schools: each(SchoolSchema, d.schools),
    },
    table: report._table,
    findings: report.findings,
    asOf: report.asOf,
    timeZone: report.timeZone,
    period: report.period,
    cover: report._cover,
  });
}

const page = <I>(p: StoragePage<I>, f: (item: I) => I): StoragePage<I> => ({
  items: p.items.map(f),
  nextCursor: p.nextCursor,
});

function mapped<I>(items: AsyncIterable<I>, f: (item: I) => I): AsyncIterable<I> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of items) yield f(item);
    },
  };
}

/**
 * A session whose reads come back masked for the given visible classes: every classed field of
 * another class masked in records, people, file histories and audit patches. Entity writes go
 * through the façade's checked writes, each in one transaction (`atomic`); appends to the audit
 * log and to file histories are refused. The scope is checked by `raw`.
 */
function maskedSession(
  raw: StorageSession,
  visible: readonly FieldClass[],
  atomic: Atomic,
  facade: Facade,
): StorageSession {
  const record =
    (schema: z.ZodType) =>
    <R extends StorageRecord<unknown>>(r: R): R => ({
      ...r,
      value: maskFields(schema, r.value, visible),
    });
  const repository = (kind: StorageEntityKind): Repo => {
    const repo = raw[kind] as unknown as Repo;
    const mask = record(STORAGE_ENTITY_SCHEMAS[kind]);
    const writes = facade.writes(kind, atomic);
    return {
      ...repo,
      get: async (id) => {
        const r = await repo.get(id);
        return r && mask(r);
      },
      query: async (filter, p) => page(await repo.query(filter, p), mask),
      stream: (filter) => mapped(repo.stream(filter), mask),
      upsertMany: writes.upsertMany,
      remove: writes.remove,
      put: async (value, options) => mask(await writes.put(value, options)),
    };
  };
  const people = (register: "guardians" | "parents", schema: z.ZodType) => {
    const view = raw[register] as StorageSession["parents"];
    const mask = record(schema);
    return {
      query: async (filter, p) => page(await view.query(filter, p), mask),
      stream: (filter) => mapped(view.stream(filter), mask),
    } as StorageSession["parents"];
  };
  const entry = (e: StoredAuditEntry): StoredAuditEntry =>
    e.operation === "reveal"
      ? e
      : {
          ...e,
          patches: maskPatches(
            STORAGE_ENTITY_SCHEMAS[e.entity] ?? ChildFileSchema,
            e.patches,
            visible,
          ),
        };
  const repos = Object.fromEntries(STORAGE_ENTITY_KINDS.map((k) => [k, repository(k)]));
  return {
    ...(repos as unknown as Pick<StorageSession, StorageEntityKind>),
    guardians: people("guardians", GuardianSchema) as never,
    parents: people("parents", ParentSchema),
    fileChanges: {
      append: async () => {
        throw facade.logWriteRefused("fileChanges", "append");
      },
      list: async (fileId) =>
        (await raw.fileChanges.list(fileId)).map((c) => maskChange(c, visible)),
      redact: async () => {
        throw facade.logWriteRefused("fileChanges", "redact");
      },
    },
    audit: {
      append: async () => {
        throw facade.logWriteRefused("audit", "append");
      },
      redact: async () => {
        throw facade.logWriteRefused("audit", "redact");
      },
      query: async (filter, p) => page(await raw.audit.query(filter, p), entry),
      stream: (filter) => mapped(raw.audit.stream(filter), entry),
    },
    ...(raw.countContacts ? { countContacts: raw.countContacts } : {}),
  };
}

/**
 * An adapter whose reads come back masked for a role's visible classes (what `app.storage`
 * sees), whose entity writes are the façade's checked writes (those of the use cases: core
 * schema, no masked value written back, the use cases' checks, audited), and whose audit log
 * and file histories are read-only: `append` and `redact` reject with the façade's error (a
 * `ForbiddenError`), since only the library's own writes record entries there and only
 * `applyRetention` redacts them. `adapter` is a scoped adapter (`scopeStorage`): it checks the
 * scope and names the actor. @internal
 */
export function maskStorage(
  adapter: StorageAdapter,
  visible: readonly FieldClass[],
  facade: Facade,
): StorageAdapter {
  const inTx = (tx: StorageSession) => maskedSession(tx, visible, (work) => work(tx), facade);
  return {
    ...maskedSession(adapter, visible, (work) => adapter.transaction(work), facade),
    id: adapter.id,
    capabilities: adapter.capabilities,
    transaction: (work) => adapter.transaction((tx) => work(inTx(tx))),
    ...(adapter.close ? { close: () => adapter.close!() } : {}),
  };
}
