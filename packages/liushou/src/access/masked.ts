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
import { checkedWrites, type FacadeWriter } from "./checked";

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
 * another class masked in records, people, file histories and audit patches. Entity writes are
 * validated, refused when they carry a masked value, and audited, each in one transaction
 * (`atomic`); the scope is checked by `raw`.
 */
function maskedSession(
  raw: StorageSession,
  visible: readonly FieldClass[],
  atomic: <T>(work: (tx: StorageSession) => Promise<T>) => Promise<T>,
  writer: FacadeWriter,
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
    const writes = checkedWrites(kind, raw, atomic, visible, writer);
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
 * and report builders see), and whose entity writes are checked like the use cases' (core
 * schema, no masked value written back) and audited. `adapter` is a scoped adapter
 * (`scopeStorage`): it checks the scope and names the actor. @internal
 */
export function maskStorage(
  adapter: StorageAdapter,
  visible: readonly FieldClass[],
  writer: FacadeWriter = {},
): StorageAdapter {
  const inTx = (tx: StorageSession) => maskedSession(tx, visible, (work) => work(tx), writer);
  return {
    ...maskedSession(adapter, visible, (work) => adapter.transaction(work), writer),
    id: adapter.id,
    capabilities: adapter.capabilities,
    transaction: (work) => adapter.transaction((tx) => work(inTx(tx))),
    ...(adapter.close ? { close: () => adapter.close!() } : {}),
  };
}
