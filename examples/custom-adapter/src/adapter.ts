import {
  AUDIT_GENESIS_HASH,
  chainAuditEntries,
  checkFileHistoryRedaction,
  redactAuditEntry,
  matchesStorageAuditQuery,
  matchesStorageQuery,
  STORAGE_ENTITY_KINDS,
  storagePeopleOf,
  storageVersionConflict,
  type ChildFile,
  type FileChange,
  type StorageAdapter,
  type StorageEntityKind,
  type StoragePageRequest,
  type StorageRecord,
  type StorageSession,
  type StoredAuditEntry,
} from "@liushou/core";
import { createSchoolDb, snapshot, type SchoolDb } from "./school-db";
import { mappingOf, type Stored } from "./tables";

/** Pages of a sorted list, the cursor being the last key handed out. */
function page<I>(items: I[], key: (item: I) => string, request: StoragePageRequest = {}) {
  const limit = Math.min(Math.max(request.limit ?? 100, 1), 1000);
  const after = request.cursor ?? null;
  const rest = after === null ? items : items.filter((i) => key(i) > after);
  const slice = rest.slice(0, limit);
  return { items: slice, nextCursor: rest.length > limit ? key(slice[slice.length - 1]!) : null };
}

const toRecord = (s: Stored): StorageRecord<never> =>
  ({ id: s.value.id, value: s.value, version: s.version, updatedAt: s.updatedAt }) as never;

function session(db: () => SchoolDb, run: <T>(work: () => T) => Promise<T>): StorageSession {
  // Scoped reads look up the children's files in the student table.
  const fileOf = (id: string) => mappingOf("files").read(db(), id)?.value as ChildFile | undefined;
  const repository = (kind: StorageEntityKind) => {
    const table = mappingOf(kind);
    const matching = (filter: object) =>
      [...table.all(db())]
        .filter((s) => matchesStorageQuery(kind, s.value as never, filter as never, fileOf))
        .sort((a, b) => (a.value.id < b.value.id ? -1 : 1))
        .map(toRecord);
    return {
      get: (id: string) =>
        run(() => {
          const s = table.read(db(), id);
          return s ? toRecord(s) : null;
        }),
      query: (filter: object, p?: StoragePageRequest) =>
        run(() => page(matching(filter), (r) => r.id, p)),
      async *stream(filter: object) {
        yield* await run(() => matching(filter));
      },
      async *streamIds(filter: object) {
        for (const r of await run(() => matching(filter))) yield r.id;
      },
      put: (value: { id: string }, o: { expectedVersion: number | null; at: never }) =>
        run(() => {
          const current = table.read(db(), value.id)?.version ?? null;
          if (current !== o.expectedVersion)
            throw storageVersionConflict(kind, value.id, o.expectedVersion, current);
          table.write(db(), value, (current ?? 0) + 1, o.at);
          return toRecord(table.read(db(), value.id)!);
        }),
      upsertMany: (values: { id: string }[], o: { at: never }) =>
        run(() => {
          for (const v of values)
            table.write(db(), v, (table.read(db(), v.id)?.version ?? 0) + 1, o.at);
        }),
      remove: (id: string, o: { expectedVersion: number }) =>
        run(() => {
          const current = table.read(db(), id)?.version;
          if (current === undefined) return false;
          if (current !== o.expectedVersion)
            throw storageVersionConflict(kind, id, o.expectedVersion, current);
          table.remove(db(), id);
          return true;
        }),
    };
  };
  const people = (register: "guardians" | "parents") => {
    const matching = (filter: object) =>
      [...mappingOf("files").all(db())]
        .sort((a, b) => (a.value.id < b.value.id ? -1 : 1))
        .flatMap((s) =>
          storagePeopleOf(s.value as ChildFile, register, filter).map((p) => ({
            id: p.id,
            fileId: s.value.id,
            value: p,
            version: s.version,
            updatedAt: s.updatedAt,
          })),
        );
    return {
      query: (filter: object, p?: StoragePageRequest) =>
        run(() => page(matching(filter), (r) => `${r.fileId}\u0000${r.id}`, p)),
      async *stream(filter: object) {
        yield* await run(() => matching(filter));
      },
    };
  };
  // Each line holds an entry with its chain link (`prevHash`, `hash`).
  const audit = () =>
    db().audit.map((line, i) => ({ ...JSON.parse(line), seq: i + 1 }) as StoredAuditEntry);
  return {
    ...(Object.fromEntries(STORAGE_ENTITY_KINDS.map((k) => [k, repository(k)])) as unknown as Pick<
      StorageSession,
      StorageEntityKind
    >),
    guardians: people("guardians") as never,
    parents: people("parents") as never,
    fileChanges: {
      append: (changes) =>
        run(() => void db().fileChanges.push(...changes.map((c) => JSON.stringify(c)))),
      list: (fileId) =>
        run(() =>
          db()
            .fileChanges.map((l) => JSON.parse(l) as FileChange)
            .filter((c) => c.fileId === fileId),
        ),
      // Retention only: the file's history replaced by its redacted copy, or erased.
      redact: (fileId, changes) =>
        run(() => {
          const lines = db().fileChanges;
          const mine = lines.filter((l) => (JSON.parse(l) as FileChange).fileId === fileId);
          const list = checkFileHistoryRedaction(fileId, mine.length, changes);
          const others = lines.filter((l) => (JSON.parse(l) as FileChange).fileId !== fileId);
          lines.splice(0, lines.length, ...others, ...list.map((c) => JSON.stringify(c)));
        }),
    },
    audit: {
      append: (entries) =>
        run(() => {
          const last = audit().at(-1)?.hash ?? AUDIT_GENESIS_HASH;
          const { linked } = chainAuditEntries(last, entries);
          db().audit.push(...linked.map((e) => JSON.stringify(e)));
        }),
      query: (filter, p) =>
        run(() =>
          page(
            audit().filter((e) => matchesStorageAuditQuery(e, filter)),
            (e) => String(e.seq).padStart(16, "0"),
            p,
          ),
        ),
      async *stream(filter) {
        yield* await run(() => audit().filter((e) => matchesStorageAuditQuery(e, filter)));
      },
      // Retention only: patches replaced, the chain link kept (`redactAuditEntry` checks it).
      redact: (redactions) =>
        run(() => {
          const log = audit();
          const next = redactions.map((r) => {
            const e = log[(r as { seq?: number } | null)?.seq! - 1];
            return redactAuditEntry(e ?? ({ seq: Number.NaN } as StoredAuditEntry), r);
          });
          for (const { seq, ...e } of next) db().audit[seq - 1] = JSON.stringify(e);
        }),
    },
  };
}

/**
 * A Liushou storage adapter over the school system's existing tables: files in the student
 * table, mentors in the teacher table, the rest as JSON documents. One call or transaction at a
 * time; a transaction works on the live tables and puts the snapshot back if it fails.
 * @param db - The school database (a new, empty one by default).
 * @returns The adapter.
 * @example
 * const storage = createSchoolTableStorage(createSchoolDb());
 */
export function createSchoolTableStorage(db: SchoolDb = createSchoolDb()): StorageAdapter {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => T | Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  const direct = async <T>(work: () => T): Promise<T> => work();
  return {
    ...session(() => db, serial),
    id: "school-tables",
    // The tables outlive the adapter: a new adapter over the same database sees every write.
    capabilities: { transactions: true, contactCounts: false, persistent: true },
    transaction: (work) =>
      serial(async () => {
        const before = snapshot(db);
        try {
          return await work(session(() => db, direct));
        } catch (e) {
          Object.assign(db, before);
          throw e;
        }
      }),
  };
}
