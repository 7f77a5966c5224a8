import {
  AUDIT_GENESIS_HASH,
  chainAuditEntries,
  redactAuditEntry,
  type FileChange,
  type Instant,
  type StorageAuditRedaction,
  type StorageAuditEntry,
  type StorageEntityKind,
  type StoredAuditEntry,
} from "@liushou/core";

/** Entries appended after `log`, linked to its last hash and numbered after it. */
function linkedAfter(
  log: readonly StoredAuditEntry[],
  entries: readonly StorageAuditEntry[],
): StoredAuditEntry[] {
  const last = log[log.length - 1];
  const { linked } = chainAuditEntries(last?.hash ?? AUDIT_GENESIS_HASH, entries);
  return linked.map((e, i) => ({ ...e, seq: (last?.seq ?? 0) + i + 1 }));
}

/** One stored entity: a private copy of the value, its version and last write. @internal */
export interface Entry {
  readonly value: unknown;
  readonly version: number;
  readonly updatedAt: Instant;
}

/**
 * What the repositories read and write: the committed state, or a transaction's overlay on it.
 * @internal
 */
export interface State {
  read(kind: StorageEntityKind, id: string): Entry | undefined;
  /** Every entity of a kind, in no particular order. */
  all(kind: StorageEntityKind): Iterable<[string, Entry]>;
  write(kind: StorageEntityKind, id: string, entry: Entry | undefined): void;
  audit(): readonly StoredAuditEntry[];
  appendAudit(entries: readonly StorageAuditEntry[]): void;
  changes(fileId: string): readonly FileChange[];
  appendChanges(changes: readonly FileChange[]): void;
  /** Replaces the patches of logged entries (checked by `redactAuditEntry`). */
  redactAudit(redactions: readonly StorageAuditRedaction[]): void;
  /** Replaces the whole history of one file. */
  replaceChanges(fileId: string, changes: readonly FileChange[]): void;
}

/** The log with the redactions applied, each checked against the entry it replaces. */
function redacted(
  log: readonly StoredAuditEntry[],
  redactions: ReadonlyMap<number, StorageAuditRedaction>,
): StoredAuditEntry[] {
  return log.map((e) => {
    const r = redactions.get(e.seq);
    return r ? redactAuditEntry(e, r) : e;
  });
}

/** The redactions by seq, every seq checked to name an entry of `log` before any is applied. */
function bySeq(
  log: readonly StoredAuditEntry[],
  redactions: readonly StorageAuditRedaction[],
): Map<number, StorageAuditRedaction> {
  const out = new Map<number, StorageAuditRedaction>();
  const first = log[0]?.seq ?? 1;
  for (const r of redactions) {
    const e = log[(r as { seq?: number } | null)?.seq! - first];
    redactAuditEntry(e ?? ({ seq: Number.NaN } as StoredAuditEntry), r);
    out.set(r.seq, r);
  }
  return out;
}

/** The committed state of one memory adapter. @internal */
export class BaseState implements State {
  private readonly tables = new Map<StorageEntityKind, Map<string, Entry>>();
  private readonly log: StoredAuditEntry[] = [];
  private readonly history = new Map<string, FileChange[]>();

  private table(kind: StorageEntityKind): Map<string, Entry> {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new Map()));
    return t;
  }
  read(kind: StorageEntityKind, id: string): Entry | undefined {
    return this.tables.get(kind)?.get(id);
  }
  all(kind: StorageEntityKind): Iterable<[string, Entry]> {
    return this.table(kind);
  }
  write(kind: StorageEntityKind, id: string, entry: Entry | undefined): void {
    if (entry) this.table(kind).set(id, entry);
    else this.table(kind).delete(id);
  }
  audit(): readonly StoredAuditEntry[] {
    return this.log;
  }
  appendAudit(entries: readonly StorageAuditEntry[]): void {
    this.log.push(...linkedAfter(this.log, entries));
  }
  changes(fileId: string): readonly FileChange[] {
    return this.history.get(fileId) ?? [];
  }
  appendChanges(changes: readonly FileChange[]): void {
    for (const c of changes) {
      const list = this.history.get(c.fileId);
      if (list) list.push(c);
      else this.history.set(c.fileId, [c]);
    }
  }
  redactAudit(redactions: readonly StorageAuditRedaction[]): void {
    const next = redacted(this.log, bySeq(this.log, redactions));
    this.log.splice(0, this.log.length, ...next);
  }
  replaceChanges(fileId: string, changes: readonly FileChange[]): void {
    if (changes.length === 0) this.history.delete(fileId);
    else this.history.set(fileId, [...changes]);
  }
}

/**
 * The writes of one transaction, kept apart from the committed state until `commit`: a
 * rollback is simply dropping the overlay.
 * @internal
 */
export class OverlayState implements State {
  private readonly tables = new Map<StorageEntityKind, Map<string, Entry | undefined>>();
  private readonly log: StorageAuditEntry[] = [];
  private readonly history: FileChange[] = [];
  private readonly redactions = new Map<number, StorageAuditRedaction>();
  private readonly replaced = new Map<string, readonly FileChange[]>();

  constructor(private readonly base: State) {}

  read(kind: StorageEntityKind, id: string): Entry | undefined {
    const t = this.tables.get(kind);
    return t?.has(id) ? t.get(id) : this.base.read(kind, id);
  }
  *all(kind: StorageEntityKind): Iterable<[string, Entry]> {
    const t = this.tables.get(kind);
    for (const [id, entry] of this.base.all(kind)) {
      if (!t?.has(id)) yield [id, entry];
    }
    if (t) for (const [id, entry] of t) if (entry) yield [id, entry];
  }
  write(kind: StorageEntityKind, id: string, entry: Entry | undefined): void {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new Map()));
    t.set(id, entry);
  }
  audit(): readonly StoredAuditEntry[] {
    const base = this.base.audit();
    return redacted([...base, ...linkedAfter(base, this.log)], this.redactions);
  }
  appendAudit(entries: readonly StorageAuditEntry[]): void {
    this.log.push(...entries);
  }
  changes(fileId: string): readonly FileChange[] {
    const added = this.history.filter((c) => c.fileId === fileId);
    return [...(this.replaced.get(fileId) ?? this.base.changes(fileId)), ...added];
  }
  appendChanges(changes: readonly FileChange[]): void {
    this.history.push(...changes);
  }
  redactAudit(redactions: readonly StorageAuditRedaction[]): void {
    for (const [seq, r] of bySeq(this.audit(), redactions)) this.redactions.set(seq, r);
  }
  replaceChanges(fileId: string, changes: readonly FileChange[]): void {
    // Changes appended earlier in the transaction are part of the history replaced.
    for (let i = this.history.length - 1; i >= 0; i--) {
      if (this.history[i]!.fileId === fileId) this.history.splice(i, 1);
    }
    this.replaced.set(fileId, [...changes]);
  }
  /** Applies every write of the transaction to the committed state. */
  commit(): void {
    for (const [kind, t] of this.tables) for (const [id, e] of t) this.base.write(kind, id, e);
    for (const [fileId, changes] of this.replaced) this.base.replaceChanges(fileId, changes);
    this.base.appendAudit(this.log);
    this.base.redactAudit([...this.redactions.values()]);
    this.base.appendChanges(this.history);
  }
}
