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
 * another class masked in records, people, file histories and audit patches. Writes pass through.
 */
function maskedSession(raw: StorageSession, visible: readonly FieldClass[]): StorageSession {
  const record =
    (schema: z.ZodType) =>
    <R extends StorageRecord<unknown>>(r: R): R => ({
      ...r,
      value: maskFields(schema, r.value, visible),
    });
  const repository = (kind: StorageEntityKind): Repo => {
    const repo = raw[kind] as unknown as Repo;
    const mask = record(STORAGE_ENTITY_SCHEMAS[kind]);
    return {
      ...repo,
      get: async (id) => {
        const r = await repo.get(id);
        return r && mask(r);
      },
      query: async (filter, p) => page(await repo.query(filter, p), mask),
      stream: (filter) => mapped(repo.stream(filter), mask),
      put: async (value, options) => mask(await repo.put(value, options)),
      upsertMany: (values, options) => repo.upsertMany(values, options),
      remove: (id, options) => repo.remove(id, options),
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
      append: (changes) => raw.fileChanges.append(changes),
      list: async (fileId) =>
        (await raw.fileChanges.list(fileId)).map((c) => maskChange(c, visible)),
      redact: (fileId, changes) => raw.fileChanges.redact(fileId, changes),
    },
    audit: {
      append: (entries) => raw.audit.append(entries),
      redact: (redactions) => raw.audit.redact(redactions),
      query: async (filter, p) => page(await raw.audit.query(filter, p), entry),
      stream: (filter) => mapped(raw.audit.stream(filter), entry),
    },
    ...(raw.countContacts ? { countContacts: raw.countContacts } : {}),
  };
}

/**
 * An adapter whose reads come back masked for a role's visible classes (what `app.storage`
 * and report builders see). @internal
 */
export function maskStorage(
  adapter: StorageAdapter,
  visible: readonly FieldClass[],
): StorageAdapter {
  return {
    ...maskedSession(adapter, visible),
    id: adapter.id,
    capabilities: adapter.capabilities,
    transaction: (work) => adapter.transaction((tx) => work(maskedSession(tx, visible))),
    ...(adapter.close ? { close: () => adapter.close!() } : {}),
  };
}
