import {
  AUDIT_GENESIS_HASH,
  chainAuditEntries,
  type FileChange,
  type Instant,
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
    return [...base, ...linkedAfter(base, this.log)];
  }
  appendAudit(entries: readonly StorageAuditEntry[]): void {
    this.log.push(...entries);
  }
  changes(fileId: string): readonly FileChange[] {
    return [...this.base.changes(fileId), ...this.history.filter((c) => c.fileId === fileId)];
  }
  appendChanges(changes: readonly FileChange[]): void {
    this.history.push(...changes);
  }
  /** Applies every write of the transaction to the committed state. */
  commit(): void {
    for (const [kind, t] of this.tables) for (const [id, e] of t) this.base.write(kind, id, e);
    this.base.appendAudit(this.log);
    this.base.appendChanges(this.history);
  }
}
