import {
  intersectStorageScopes,
  outOfScope,
  STORAGE_ENTITY_KINDS,
  storageChildIdsOf,
  ForbiddenError,
  inStorageScope,
  text,
  type ChildFile,
  type StorageAdapter,
  type StorageEntityKind,
  type StorageScope,
  type StorageSession,
} from "@liushou/core";
import type { Access } from "./access";

type Repo = StorageSession["files"];
type AnyFilter = { ids?: readonly string[]; scope?: StorageScope };
const ORGANISATION = new Set<StorageEntityKind>(["schools", "classes", "mentors"]);
const BATCH = 500;

/** The key under which a scoped session keeps the session it filters. @internal */
export const UNSCOPED: unique symbol = Symbol("unscoped session");

/** The session a scoped session filters (itself for any other session). @internal */
export function unscoped(session: StorageSession): StorageSession {
  return (session as { [UNSCOPED]?: StorageSession })[UNSCOPED] ?? session;
}

/** The key under which a scoped session keeps the access it was made for. @internal */
export const ACCESS: unique symbol = Symbol("access");

/** The access a scoped session was made for (`undefined` for any other session). @internal */
export function accessOf(session: StorageSession): Access | undefined {
  return (session as { [ACCESS]?: Access })[ACCESS];
}

/** Every id of `ids` found by `read`, in batches (with the records found, when asked). */
async function found(
  read: (ids: string[]) => AsyncIterable<{ id: string; value?: unknown }>,
  ids: readonly string[],
): Promise<Set<string>>;
async function found(
  read: (ids: string[]) => AsyncIterable<{ id: string; value?: unknown }>,
  ids: readonly string[],
  values: true,
): Promise<Map<string, { id: string }>>;
async function found(
  read: (ids: string[]) => AsyncIterable<{ id: string; value?: unknown }>,
  ids: readonly string[],
  values?: true,
) {
  const out = new Map<string, { id: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    for await (const r of read(unique.slice(i, i + BATCH))) out.set(r.id, r.value as never);
  }
  return values ? out : new Set(out.keys());
}

/** Ids as the records `found` reads. */
async function* idRecords(ids: AsyncIterable<string>): AsyncIterable<{ id: string }> {
  for await (const id of ids) yield { id };
}

/**
 * The session an actor works in: every read carries its scope, every write is checked against
 * it (nothing is written when one value is out of scope). @internal
 */
function scopedSession(raw: StorageSession, access: Access): StorageSession {
  const actorId = access.actor.id;
  const scope = () => access.scopeIn(raw);
  const withScope = async <F extends AnyFilter>(filter: F): Promise<F> => {
    const s = await scope();
    return s === undefined
      ? filter
      : { ...filter, scope: intersectStorageScopes(filter?.scope, s) };
  };
  const forbid = (kind: string, id: string): never => {
    throw outOfScope(actorId, `${kind} ${id}`);
  };

  /** Whether an organisation entity (school, class, mentor) lies in the scope. */
  async function organisationInScope(kind: StorageEntityKind, value: unknown, s: StorageScope) {
    if (s.childIds !== undefined || s.classIds !== undefined) return false;
    const v = value as { id: string; schoolId?: string; regionCode?: string };
    const schoolId = kind === "schools" ? v.id : v.schoolId;
    let region = kind === "classes" ? undefined : v.regionCode;
    if (region === undefined && schoolId !== undefined && s.regionCode !== undefined) {
      region = (await raw.schools.get(schoolId))?.value.regionCode;
    }
    const inSchools =
      s.schoolIds === undefined || (schoolId !== undefined && s.schoolIds.includes(schoolId));
    const inRegion =
      s.regionCode === undefined || (region !== undefined && region.startsWith(s.regionCode));
    return inSchools && inRegion;
  }

  /** Ids of `ids` that are stored but that the scope hides: one unscoped and one scoped id read. */
  async function hiddenIds(repo: Repo, s: StorageScope, ids: readonly string[]) {
    const stored = await found((batch) => idRecords(repo.streamIds({ ids: batch })), ids);
    const visible = await found(
      (batch) => idRecords(repo.streamIds({ ids: batch, scope: s })),
      [...stored],
    );
    return [...stored].filter((id) => !visible.has(id));
  }

  /** Throws a ForbiddenError unless every value, and what it replaces, lies in the scope. */
  async function checkWrite(kind: StorageEntityKind, values: readonly { id: string }[]) {
    const s = await scope();
    if (s === undefined || values.length === 0) return;
    const repo = raw[kind] as unknown as Repo;
    const ids = values.map((v) => v.id);
    if (ORGANISATION.has(kind)) {
      // Not filtered by scope: the stored values themselves are judged, read once.
      const stored = await found((batch) => repo.stream({ ids: batch }), ids, true);
      for (const v of [...values, ...stored.values()]) {
        if (!(await organisationInScope(kind, v, s))) forbid(kind, v.id);
      }
      return;
    }
    if (kind === "files") {
      for (const v of values) if (!inStorageScope(v as unknown as ChildFile, s)) forbid(kind, v.id);
    } else {
      // Every child a new value names that is on file must be in scope.
      const named = new Map<string, string>();
      for (const v of values) {
        for (const c of storageChildIdsOf(kind, v as never) ?? []) named.set(c, v.id);
      }
      const outside = await hiddenIds(raw.files as unknown as Repo, s, [...named.keys()]);
      if (outside.length > 0)
        forbid(kind, `${named.get(outside[0]!)} (files ${outside.join(", ")})`);
    }
    // What a value replaces must be visible in the scope.
    const [hidden] = await hiddenIds(repo, s, ids);
    if (hidden !== undefined) forbid(kind, hidden);
  }

  function repository(kind: StorageEntityKind): Repo {
    const repo = raw[kind] as unknown as Repo;
    const scoped = !ORGANISATION.has(kind);
    return {
      async get(id) {
        if (!scoped) return repo.get(id);
        const s = await scope();
        if (s === undefined) return repo.get(id);
        const { items } = await repo.query({ ids: [id], scope: s }, { limit: 1 });
        return items[0] ?? null;
      },
      query: async (filter, page) => repo.query(scoped ? await withScope(filter) : filter, page),
      stream(filter) {
        return {
          async *[Symbol.asyncIterator]() {
            yield* repo.stream(scoped ? await withScope(filter) : filter);
          },
        };
      },
      streamIds(filter) {
        return {
          async *[Symbol.asyncIterator]() {
            yield* repo.streamIds(scoped ? await withScope(filter) : filter);
          },
        };
      },
      async put(value, options) {
        await checkWrite(kind, [value]);
        return repo.put(value, options);
      },
      async upsertMany(values, options) {
        await checkWrite(kind, values);
        return repo.upsertMany(values, options);
      },
      async remove(id, options) {
        const stored = await repo.get(id);
        if (stored) await checkWrite(kind, [stored.value]);
        return repo.remove(id, options);
      },
    };
  }

  const people = (register: "guardians" | "parents") => {
    const view = raw[register] as StorageSession["parents"];
    return {
      query: async (filter, page) => view.query(await withScope(filter), page),
      stream: (filter) => ({
        async *[Symbol.asyncIterator]() {
          yield* view.stream(await withScope(filter));
        },
      }),
    } as StorageSession["parents"];
  };

  const auditReader = (): void => {
    if (access.actor.role !== "administrator") {
      throw new ForbiddenError(
        text(
          `${actorId} 无权读取审计日志（仅限管理员）`,
          `${actorId} may not read the audit log (administrators only)`,
        ),
      );
    }
  };

  const repos = Object.fromEntries(STORAGE_ENTITY_KINDS.map((k) => [k, repository(k)]));
  /** Throws a ForbiddenError unless an administrator acts on a file on file in the scope. */
  async function checkRedaction(id: string) {
    if (access.actor.role !== "administrator") {
      throw new ForbiddenError(
        text(
          `${actorId} 无权删改档案历史（仅限管理员）`,
          `${actorId} may not redact a file's history (administrators only)`,
        ),
      );
    }
    const s = await scope();
    if (s === undefined) return;
    const { items } = await raw.files.query({ ids: [id], scope: s }, { limit: 1 });
    if (items.length === 0) forbid("files", id);
  }

  const session: StorageSession & { [UNSCOPED]: StorageSession; [ACCESS]: Access } = {
    [UNSCOPED]: raw,
    [ACCESS]: access,
    ...(repos as unknown as Pick<StorageSession, StorageEntityKind>),
    guardians: people("guardians") as never,
    parents: people("parents"),
    fileChanges: {
      async append(changes) {
        const s = await scope();
        if (s !== undefined) {
          const ids = changes.map((c) => c.fileId);
          const visible = await found((batch) => raw.files.stream({ ids: batch, scope: s }), ids);
          for (const id of ids) if (!visible.has(id)) forbid("files", id);
        }
        return raw.fileChanges.append(changes);
      },
      async redact(fileId, changes) {
        await checkRedaction(fileId);
        return raw.fileChanges.redact(fileId, changes);
      },
      async list(fileId) {
        const s = await scope();
        if (s !== undefined) {
          const { items } = await raw.files.query({ ids: [fileId], scope: s }, { limit: 1 });
          if (items.length === 0) return [];
        }
        return raw.fileChanges.list(fileId);
      },
    },
    audit: {
      append: (entries) => raw.audit.append(entries),
      async redact(redactions) {
        auditReader(); // redacting, like reading, is for administrators only
        return raw.audit.redact(redactions);
      },
      async query(filter, page) {
        auditReader();
        return raw.audit.query(filter, page);
      },
      stream: (filter) => ({
        async *[Symbol.asyncIterator]() {
          auditReader();
          yield* raw.audit.stream(filter);
        },
      }),
    },
    ...(raw.countContacts
      ? { countContacts: async (q) => raw.countContacts!(await withScope(q)) }
      : {}),
  };
  return session;
}

/**
 * An adapter seen by one actor: every read filtered by the actor's scope (the adapter applies
 * the filter), every write refused with a `ForbiddenError` when it touches a child outside it,
 * the audit log readable (and redactable) by administrators only. @internal
 */
export function scopeStorage(adapter: StorageAdapter, access: Access): StorageAdapter {
  return {
    ...scopedSession(adapter, access),
    id: adapter.id,
    capabilities: adapter.capabilities,
    transaction: (work) => adapter.transaction((tx) => work(scopedSession(tx, access))),
    ...(adapter.close ? { close: () => adapter.close!() } : {}),
  };
}
