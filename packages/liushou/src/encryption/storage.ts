import {
  ChildFileSchema,
  invalidArgument,
  requireObject,
  text,
  STORAGE_ENTITY_KINDS,
  STORAGE_ENTITY_SCHEMAS,
  type ChildFile,
  type FileChange,
  type StorageAdapter,
  type StorageEntityKind,
  type StorageFileQuery,
  type StoragePage,
  type StoragePersonQuery,
  type StorageRecord,
  type StorageSession,
  type StoredAuditEntry,
} from "@liushou/core";
import { openPatches, openValue, sealPatches, sealValue } from "./fields";
import { createKeyring, type FieldEncryptionOptions, type Keyring } from "./keyring";
import { rotateKeys, type RotationOptions, type RotationResult } from "./rotate";

type Repo = StorageSession["files"];
type People = StorageSession["parents"];

/**
 * A storage adapter that seals identifying fields at rest, with what a host needs to run it.
 * @example
 * const storage = encryptFields(createSqliteStorage({ file }), { keys, indexKey });
 * await storage.rotate({ at: "2026-09-01T02:00:00+08:00" });
 * @category Privacy
 */
export interface EncryptedStorage extends StorageAdapter {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  /**
   * Seals again, under the current key, every entity sealed under another key or written in
   * clear before encryption was turned on, in batches of one transaction each.
   */
  rotate(options: RotationOptions): Promise<RotationResult>;
  /**
   * The child files whose ID number is `idNumber` (spaces and case do not matter), found by
   * their keyed hash without opening any other file. `filter` narrows the search (a scope).
   */
  findFilesByIdNumber(
    idNumber: string,
    filter?: StorageFileQuery,
  ): Promise<StorageRecord<ChildFile>[]>;
  /**
   * An audit entry with its sealed values opened. The log itself is read as stored (sealed),
   * so `verifyAuditLog` checks the very bytes that were chained.
   */
  openAuditEntry(entry: StoredAuditEntry): Promise<StoredAuditEntry>;
}

/**
 * Maps one item at a time: Web Crypto runs each operation on a worker thread, and thousands of
 * them queued at once run several times slower than a few at a time.
 */
async function mapInTurn<I, O>(items: readonly I[], f: (i: I) => Promise<O>): Promise<O[]> {
  const out: O[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}

const mapPage = async <I>(p: StoragePage<I>, f: (i: I) => Promise<I>): Promise<StoragePage<I>> => ({
  items: await mapInTurn(p.items, f),
  nextCursor: p.nextCursor,
});

function mapStream<I>(items: AsyncIterable<I>, f: (i: I) => Promise<I>): AsyncIterable<I> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of items) yield await f(item);
    },
  };
}

function encryptedSession(raw: StorageSession, ring: Keyring): StorageSession {
  const open = async <R extends { value: unknown }>(r: R): Promise<R> => ({
    ...r,
    value: await openValue(ring, r.value),
  });
  const repository = (kind: StorageEntityKind): Repo => {
    const repo = raw[kind] as unknown as Repo;
    const seal = (v: unknown) =>
      sealValue(ring, STORAGE_ENTITY_SCHEMAS[kind], v) as Promise<ChildFile>;
    return {
      get: async (id) => {
        const r = await repo.get(id);
        return r && open(r);
      },
      query: async (filter, page) => mapPage(await repo.query(filter, page), open),
      stream: (filter) => mapStream(repo.stream(filter), open),
      streamIds: (filter) => repo.streamIds(filter),
      put: async (value, options) => open(await repo.put(await seal(value), options)),
      upsertMany: async (values, options) =>
        repo.upsertMany(await mapInTurn(values, seal), options),
      remove: (id, options) => repo.remove(id, options),
    };
  };
  const people = (register: "guardians" | "parents"): People => {
    const view = raw[register] as People;
    const filterOf = async (f: StoragePersonQuery): Promise<StoragePersonQuery> =>
      typeof f?.phone === "string" ? { ...f, phone: await ring.token("phone", f.phone) } : f;
    return {
      query: async (filter, page) => mapPage(await view.query(await filterOf(filter), page), open),
      stream: (filter) => ({
        async *[Symbol.asyncIterator]() {
          yield* mapStream(view.stream(await filterOf(filter)), open);
        },
      }),
    };
  };
  const change = async (c: FileChange, f: typeof sealPatches): Promise<FileChange> => ({
    ...c,
    patches: await f(ring, ChildFileSchema, c.patches),
    inversePatches: await f(ring, ChildFileSchema, c.inversePatches),
  });
  const repos = Object.fromEntries(STORAGE_ENTITY_KINDS.map((k) => [k, repository(k)]));
  return {
    ...(repos as unknown as Pick<StorageSession, StorageEntityKind>),
    guardians: people("guardians") as unknown as StorageSession["guardians"],
    parents: people("parents"),
    fileChanges: {
      append: async (changes) =>
        raw.fileChanges.append(await mapInTurn(changes, (c) => change(c, sealPatches))),
      list: async (fileId) =>
        mapInTurn(await raw.fileChanges.list(fileId), (c) => change(c, openPatches)),
      redact: async (fileId, changes) =>
        raw.fileChanges.redact(fileId, await mapInTurn(changes, (c) => change(c, sealPatches))),
    },
    audit: {
      append: async (entries) =>
        raw.audit.append(
          await mapInTurn(entries, async (e) => ({
            ...e,
            patches: await sealPatches(
              ring,
              STORAGE_ENTITY_SCHEMAS[e.entity] ?? ChildFileSchema,
              e.patches,
            ),
          })),
        ),
      // Redacted patches are redacted from the sealed ones as stored (retention removes
      // classed values by path, sealed or not), so they pass as they are.
      redact: (redactions) => raw.audit.redact(redactions),
      query: (filter, page) => raw.audit.query(filter, page),
      stream: (filter) => raw.audit.stream(filter),
    },
    ...(raw.countContacts ? { countContacts: raw.countContacts.bind(raw) } : {}),
  };
}

/**
 * Wraps any storage adapter (a built-in one or a host's own) so identifying fields — resident
 * ID numbers, mobile numbers, addresses, donor contacts: every field of class `identifying` —
 * are sealed with AES-256-GCM (Web Crypto, a random 96-bit nonce per value, the field name as
 * associated data) on every write and opened on every read: entities, the people registers,
 * file histories and audit patches. The adapter stores each sealed value as opaque JSON text;
 * ID and mobile numbers keep an HMAC-SHA-256 token in place, so `guardians.query({ phone })`
 * still uses the adapter's index and {@link EncryptedStorage.findFilesByIdNumber} finds a file.
 * A value changed in the database, or opened with the wrong key, fails with a `StorageError`
 * (operation `decrypt`), never as garbage. Values written before encryption was turned on are
 * read as they are; `rotate` seals them.
 * @param adapter - The adapter that stores the sealed values.
 * @param options - `keys` (id and key), `current`, `indexKey`; see {@link FieldEncryptionOptions}.
 * @returns The adapter with encryption, `rotate`, `findFilesByIdNumber` and `openAuditEntry`.
 * @throws ValidationError for missing or malformed keys.
 * @example
 * import { createLiushou, encryptFields } from "liushou";
 * import { createSqliteStorage } from "@liushou/storage-sqlite";
 *
 * const storage = encryptFields(await createSqliteStorage({ file: "liushou.db" }), {
 *   keys: [{ id: "2026-03", key: await loadKeyFromVault("2026-03") }],
 *   indexKey: await loadKeyFromVault("index"),
 * });
 * const app = createLiushou({ storage, actor: "admin" });
 * @category Privacy
 */
export function encryptFields(
  adapter: StorageAdapter,
  options: FieldEncryptionOptions,
): EncryptedStorage {
  requireObject(adapter, "adapter");
  const ring = createKeyring(options, adapter.id);
  return {
    ...encryptedSession(adapter, ring),
    id: adapter.id,
    capabilities: adapter.capabilities,
    currentKeyId: ring.current,
    transaction: (work) => adapter.transaction((tx) => work(encryptedSession(tx, ring))),
    rotate: (o) => rotateKeys(adapter, ring, o),
    findFilesByIdNumber: async (idNumber, filter = {}) => {
      if (typeof idNumber !== "string") {
        throw invalidArgument(
          "idNumber",
          "invalid_type",
          text("应为文本", "expected text"),
          idNumber,
        );
      }
      const token = await ring.token("idNumber", idNumber);
      const found: StorageRecord<ChildFile>[] = [];
      for await (const r of adapter.files.stream(filter)) {
        if (r.value.child.idNumber === token) {
          found.push({ ...r, value: (await openValue(ring, r.value)) as ChildFile });
        }
      }
      return found;
    },
    openAuditEntry: async (e) => ({
      ...e,
      patches: await openPatches(
        ring,
        STORAGE_ENTITY_SCHEMAS[e.entity] ?? ChildFileSchema,
        e.patches,
      ),
    }),
    ...(adapter.close ? { close: () => adapter.close!() } : {}),
  };
}
