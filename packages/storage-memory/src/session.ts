import {
  checkFileHistoryRedaction,
  countContactRecords,
  matchesStorageAuditQuery,
  matchesStorageQuery,
  STORAGE_ENTITY_KINDS,
  storagePeopleOf,
  storageVersionConflict,
  type ChildFile,
  type ContactRecord,
  type StorageAuditLog,
  type StorageEntityKind,
  type StoragePageRequest,
  type StoragePeopleView,
  type StoragePersonRecord,
  type StorageRecord,
  type StorageRepository,
  type StorageSession,
} from "@liushou/core";
import type { Entry, State } from "./state";

/** Runs each call of a session under the adapter's lock (or directly, inside a transaction). */
export type Guard = <T>(work: () => T) => Promise<T>;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const copy = <T>(value: T): T => structuredClone(value);

function pageOf<I>(items: readonly I[], key: (item: I) => string, page: StoragePageRequest = {}) {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const cursor = page.cursor ?? null;
  const start = cursor === null ? 0 : items.findIndex((i) => key(i) > cursor);
  const from = start < 0 ? items.length : start;
  const slice = items.slice(from, from + limit);
  const more = from + limit < items.length;
  return { items: slice, nextCursor: more ? key(slice[slice.length - 1]!) : null };
}

function toRecord<T>(id: string, e: Entry): StorageRecord<T> {
  return { id, value: copy(e.value) as T, version: e.version, updatedAt: e.updatedAt };
}

function repository(
  kind: StorageEntityKind,
  state: () => State,
  guard: Guard,
): StorageRepository<unknown, unknown> {
  const candidates = (filter: unknown): Iterable<[string, Entry]> => {
    // A query by ids reads those entries only, not the whole table.
    const ids = (filter as { ids?: readonly string[] }).ids;
    if (ids === undefined) return state().all(kind);
    return [...new Set(ids)].flatMap((id) => {
      const e = state().read(kind, id);
      return e ? [[id, e] as [string, Entry]] : [];
    });
  };
  const fileOf = (id: string) => state().read("files", id)?.value as ChildFile | undefined;
  const matching = (filter: unknown): [string, Entry][] =>
    [...candidates(filter)]
      .filter(([, e]) => matchesStorageQuery(kind, e.value as never, filter as never, fileOf))
      .sort(([a], [b]) => byKey(a, b));
  return {
    get: (id) =>
      guard(() => {
        const e = state().read(kind, id);
        return e ? toRecord(id, e) : null;
      }),
    query: (filter, page) =>
      guard(() => {
        const p = pageOf(matching(filter), ([id]) => id, page);
        return { items: p.items.map(([id, e]) => toRecord(id, e)), nextCursor: p.nextCursor };
      }),
    async *stream(filter) {
      const rows = await guard(() => matching(filter));
      for (const [id, e] of rows) yield toRecord(id, e);
    },
    async *streamIds(filter) {
      const rows = await guard(() => matching(filter));
      for (const [id] of rows) yield id;
    },
    put: (value, { expectedVersion, at }) =>
      guard(() => {
        const id = (value as { id: string }).id;
        const current = state().read(kind, id);
        if ((current?.version ?? null) !== expectedVersion) {
          throw storageVersionConflict(kind, id, expectedVersion, current?.version ?? null);
        }
        const entry: Entry = {
          value: copy(value),
          version: (current?.version ?? 0) + 1,
          updatedAt: at,
        };
        state().write(kind, id, entry);
        return toRecord(id, entry);
      }),
    upsertMany: (values, { at }) =>
      guard(() => {
        const s = state();
        const entries = values.map((value) => {
          const id = (value as { id: string }).id;
          const version = (s.read(kind, id)?.version ?? 0) + 1;
          return [id, { value: copy(value), version, updatedAt: at }] as const;
        });
        for (const [id, entry] of entries) s.write(kind, id, entry);
      }),
    remove: (id, { expectedVersion }) =>
      guard(() => {
        const current = state().read(kind, id);
        if (!current) return false;
        if (current.version !== expectedVersion) {
          throw storageVersionConflict(kind, id, expectedVersion, current.version);
        }
        state().write(kind, id, undefined);
        return true;
      }),
  };
}

function peopleView<R extends "guardians" | "parents">(
  register: R,
  state: () => State,
  guard: Guard,
): StoragePeopleView<ChildFile[R][number]> {
  type P = ChildFile[R][number];
  const matching = (filter: Parameters<typeof storagePeopleOf>[2]): StoragePersonRecord<P>[] =>
    [...state().all("files")]
      .sort(([a], [b]) => byKey(a, b))
      .flatMap(([fileId, e]) =>
        storagePeopleOf(e.value as ChildFile, register, filter).map((p) => ({
          id: p.id,
          fileId,
          value: copy(p) as P,
          version: e.version,
          updatedAt: e.updatedAt,
        })),
      );
  // A person's key is its file id and its own id; both are ids, so "\u0000" never occurs in them.
  const key = (r: StoragePersonRecord<P>): string => `${r.fileId}\u0000${r.id}`;
  return {
    query: (filter, page) => guard(() => pageOf(matching(filter), key, page)),
    async *stream(filter) {
      yield* await guard(() => matching(filter));
    },
  };
}

function auditLog(state: () => State, guard: Guard): StorageAuditLog {
  const matching = (filter: Parameters<StorageAuditLog["query"]>[0]) =>
    state()
      .audit()
      .filter((e) => matchesStorageAuditQuery(e, filter))
      .map(copy);
  return {
    append: (entries) => guard(() => state().appendAudit(copy(entries))),
    redact: (redactions) => guard(() => state().redactAudit(copy(redactions))),
    query: (filter, page) =>
      guard(() => {
        const list = matching(filter);
        // Sequence numbers ascend; pad them so the cursor compares as text.
        return pageOf(list, (e) => String(e.seq).padStart(16, "0"), page);
      }),
    async *stream(filter) {
      yield* await guard(() => matching(filter));
    },
  };
}

/**
 * The repositories of a memory adapter over a state: the committed one, or a transaction's.
 * @internal
 */
export function memorySession(state: () => State, guard: Guard): StorageSession {
  const repos = Object.fromEntries(
    STORAGE_ENTITY_KINDS.map((kind) => [kind, repository(kind, state, guard)]),
  ) as unknown as Pick<StorageSession, StorageEntityKind>;
  return {
    ...repos,
    guardians: peopleView("guardians", state, guard),
    parents: peopleView("parents", state, guard),
    fileChanges: {
      append: (changes) => guard(() => state().appendChanges(copy(changes))),
      list: (fileId) => guard(() => copy(state().changes(fileId))),
      redact: (fileId, changes) =>
        guard(() => {
          const s = state();
          s.replaceChanges(
            fileId,
            checkFileHistoryRedaction(fileId, s.changes(fileId).length, changes),
          );
        }),
    },
    audit: auditLog(state, guard),
    countContacts: (query) =>
      guard(() =>
        countContactRecords(
          [...state().all("contacts")].map(([, e]) => e.value as ContactRecord),
          query,
          (id) => state().read("files", id)?.value as ChildFile | undefined,
        ),
      ),
  };
}
