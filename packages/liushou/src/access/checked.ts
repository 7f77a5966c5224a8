import {
  fieldClassAt,
  fieldIssue,
  formatPath,
  InstantSchema,
  maskFields,
  maskValue,
  storageAuditPatches,
  STORAGE_ENTITY_SCHEMAS,
  text,
  updateChildFile,
  validate,
  validateList,
  ValidationError,
  type ChildFile,
  type FieldClass,
  type FieldIssue,
  type FileChange,
  type FilePatch,
  type Instant,
  type Locale,
  type StorageAuditEntry,
  type StorageEntityKind,
  type StorageRecord,
  type StorageSession,
} from "@liushou/core";
import type * as z from "zod";
import { accessOf } from "./scoped";

type Repo = StorageSession["files"];
type Path = (string | number)[];

/** Issue code of a masked display value written back. @internal */
export const MASKED_VALUE = "masked_value";
/** Issue code of a write that would drop a stored value the actor's role does not see. @internal */
export const HIDDEN_VALUE_LOST = "hidden_value_lost";
/** The reason recorded with writes made through `app.storage`. @internal */
export const FACADE_REASON = "app.storage";

const MAX_DEPTH = 64;
const CHUNK = 500;

/** What façade writes need besides the session: the clock, new ids, the locale. @internal */
export interface FacadeWriter {
  /** The current instant (the time of a delete). Default the system clock. */
  now?(): Instant;
  /** A new id for an audit entry or a history entry. Default a random UUID. */
  newId?(): string;
  /** Locale of error messages. Default zh-CN. */
  locale?: Locale;
}

/** Whether a text is what `maskValue` shows: stars between at most two characters at each end. */
function looksMasked(s: string): boolean {
  return s.includes("*") && maskValue(s) === s;
}

/** Every primitive inside `value` with its path (below `path`). */
function* leaves(value: unknown, path: Path, depth = 0): Generator<[Path, unknown]> {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) {
    yield [path, value];
    return;
  }
  const list = Array.isArray(value);
  for (const [k, v] of Object.entries(value)) {
    yield* leaves(v, [...path, list ? Number(k) : k], depth + 1);
  }
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * Issues of a write the actor cannot mean: a value of a class its role reads masked written as
 * its masked form (copied from a read), or a stored value of such a class that the read left out
 * (an amount, a flag) dropped by replacing what held it. Empty when the write is sound.
 * @internal
 */
export function maskedWriteIssues(
  schema: z.ZodType,
  before: unknown,
  after: unknown,
  patches: readonly FilePatch[],
  visible: readonly FieldClass[],
  prefix: Path = [],
): FieldIssue[] {
  const hidden = (path: Path) => {
    const c = fieldClassAt(schema, path);
    return c !== undefined && !visible.includes(c) ? c : undefined;
  };
  const issues: FieldIssue[] = [];
  for (const p of patches) {
    if (!("value" in p)) continue;
    for (const [path, v] of leaves(p.value, [...p.path])) {
      const c = typeof v === "string" && looksMasked(v) ? hidden(path) : undefined;
      if (c === undefined) continue;
      issues.push(
        fieldIssue(
          formatPath([...prefix, ...path]),
          MASKED_VALUE,
          text(
            "这是遮蔽后的显示值，不能写回；请写入完整的值，或不修改该字段",
            "this is a masked display value and cannot be written back; write the full value or leave the field unchanged",
          ),
          v,
          c,
        ),
      );
    }
  }
  if (before === undefined || before === null) return issues;
  // What the actor read: a stored value it lacks was left out by the mask.
  const read = maskFields(schema, before, visible);
  for (const [path, v] of leaves(before, [])) {
    if (v === undefined || path.length === 0 || valueAt(read, path) !== undefined) continue;
    const holder = valueAt(after, path.slice(0, -1));
    if (holder === null || typeof holder !== "object" || valueAt(after, path) !== undefined) {
      continue;
    }
    const c = hidden(path);
    if (c === undefined) continue;
    issues.push(
      fieldIssue(
        formatPath([...prefix, ...path]),
        HIDDEN_VALUE_LOST,
        text(
          "你的角色看不到该字段，这次写入会删除它保存的值；请保留原记录中的该字段",
          "your role does not see this field, and this write would remove its stored value; keep the field as stored",
        ),
        undefined,
        c,
      ),
    );
  }
  return issues;
}

/** Throws a ValidationError listing `issues`, if any. @internal */
export function refuseIssues(issues: readonly FieldIssue[], locale: Locale | undefined): void {
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      ...(locale ? { locale } : {}),
      subject: text("写入的记录", "record written"),
    });
  }
}

/** A value prepared for writing: what is stored, its audit patches, its file history entry. */
interface Prepared {
  readonly value: { id: string };
  readonly patches: readonly FilePatch[];
  readonly change?: FileChange;
}

/**
 * The checked writes of one repository of `app.storage`: every value parsed with the entity's
 * core schema, masked values and dropped hidden values refused (`ValidationError` naming the
 * field), then written with its audit entry (and, for a file, its history entry) in one
 * transaction. The scope is checked by the session below. @internal
 */
export function checkedWrites(
  kind: StorageEntityKind,
  session: StorageSession,
  atomic: <T>(work: (tx: StorageSession) => Promise<T>) => Promise<T>,
  visible: readonly FieldClass[],
  writer: FacadeWriter,
): Pick<Repo, "put" | "upsertMany" | "remove"> {
  const schema = STORAGE_ENTITY_SCHEMAS[kind] as z.ZodType;
  const locale = writer.locale;
  const subject = text("写入的记录", "record written");
  const newId = () => writer.newId?.() ?? globalThis.crypto.randomUUID();
  const now = () => writer.now?.() ?? (new Date().toISOString() as Instant);
  const actorId = () => {
    const access = accessOf(session);
    if (!access) throw new Error("app.storage writes need a scoped session"); // wiring bug
    return access.actor.id;
  };
  const instant = (at: unknown) =>
    validate(InstantSchema, at, {
      subject: text("写入选项", "write options"),
      path: ["options", "at"],
      ...(locale ? { locale } : {}),
    });
  const entry = (
    at: Instant,
    e: Pick<StorageAuditEntry, "entityId" | "operation" | "patches" | "version">,
  ): StorageAuditEntry => ({
    id: newId(),
    actor: actorId(),
    at,
    entity: kind,
    entityId: e.entityId,
    operation: e.operation,
    ...(e.version === undefined ? {} : { version: e.version }),
    patches: e.patches,
    reason: FACADE_REASON,
  });

  /** The value to store, with its patches, and the issues that refuse it. */
  function prepare(
    before: StorageRecord<unknown> | null | undefined,
    value: { id: string },
    at: Instant,
    prefix: Path,
  ): { ready: Prepared; issues: FieldIssue[] } {
    let ready: Prepared;
    if (kind === "files" && before) {
      // Through the file's history, as importFiles does, so fileAsOf stays true.
      const { file, change } = updateChildFile(
        before.value as ChildFile,
        () => value as ChildFile,
        {
          actor: actorId(),
          at,
          reason: FACADE_REASON,
          id: newId(),
        },
      );
      ready = { value: file, patches: change.patches, change };
    } else {
      ready = { value, patches: storageAuditPatches(before?.value, value) };
    }
    const issues = maskedWriteIssues(
      schema,
      before?.value,
      ready.value,
      ready.patches,
      visible,
      prefix,
    );
    return { ready, issues };
  }

  const repoOf = (tx: StorageSession) => tx[kind] as unknown as Repo;

  return {
    async put(value, options) {
      const at = instant(options?.at);
      const parsed = validate(schema, value, { subject, ...(locale ? { locale } : {}) }) as {
        id: string;
      };
      return atomic(async (tx) => {
        const repo = repoOf(tx);
        const before = await repo.get(parsed.id);
        const { ready: p, issues } = prepare(before, parsed, at, []);
        refuseIssues(issues, locale);
        const record = await repo.put(p.value as never, options);
        if (p.change && p.change.patches.length > 0) await tx.fileChanges.append([p.change]);
        await tx.audit.append([
          entry(at, {
            entityId: record.id,
            operation: before ? "update" : "create",
            version: record.version,
            patches: p.patches,
          }),
        ]);
        return record;
      });
    },
    async upsertMany(values, options) {
      const at = instant(options?.at);
      const parsed = validateList(schema, values, {
        path: ["values"],
        subject,
        ...(locale ? { locale } : {}),
      }) as { id: string }[];
      return atomic(async (tx) => {
        const repo = repoOf(tx);
        const stored = new Map<string, StorageRecord<unknown>>();
        const ids = [...new Set(parsed.map((v) => v.id))];
        for (let i = 0; i < ids.length; i += CHUNK) {
          const page = await repo.query({ ids: ids.slice(i, i + CHUNK) }, { limit: CHUNK });
          for (const r of page.items) stored.set(r.id, r);
        }
        const issues: FieldIssue[] = [];
        const ready: Prepared[] = [];
        parsed.forEach((v, i) => {
          const p = prepare(stored.get(v.id), v, at, ["values", i]);
          issues.push(...p.issues);
          ready.push(p.ready);
        });
        refuseIssues(issues, locale);
        await repo.upsertMany(ready.map((p) => p.value) as never[], options);
        const changes = ready.flatMap((p) => (p.change?.patches.length ? [p.change] : []));
        if (changes.length > 0) await tx.fileChanges.append(changes);
        await tx.audit.append(
          ready.map((p) =>
            entry(at, { entityId: p.value.id, operation: "import", patches: p.patches }),
          ),
        );
      });
    },
    remove(id, options) {
      return atomic(async (tx) => {
        const removed = await repoOf(tx).remove(id, options);
        if (removed) {
          await tx.audit.append([
            entry(now(), {
              entityId: id,
              operation: "delete",
              version: 0,
              patches: [{ op: "remove", path: [] }],
            }),
          ]);
        }
        return removed;
      });
    },
  };
}
