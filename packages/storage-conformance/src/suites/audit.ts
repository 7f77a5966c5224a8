import {
  verifyAuditLog,
  type StorageAuditEntry,
  type StorageAuditQuery,
  type StoredAuditEntry,
} from "@liushou/core";
import { describe, expect } from "vitest";
import { collectPages, collectStream, expectUnmutated, type Harness } from "../harness";
import { LONG_TEXT, randomId, TRICKY_STRINGS } from "../samples";

function entry(
  entityId: string,
  n: number,
  patch: Partial<StorageAuditEntry> = {},
): StorageAuditEntry {
  return {
    id: randomId("a"),
    actor: n % 2 ? "teacher-7" : "admin-1",
    at: `2026-03-0${1 + (n % 5)}T0${n % 10}:00:00+08:00` as StorageAuditEntry["at"],
    entity: "files",
    entityId,
    operation: n === 0 ? "create" : "update",
    version: n + 1,
    patches: [
      { op: "replace", path: ["child", "name"], value: TRICKY_STRINGS[n % TRICKY_STRINGS.length] },
      { op: "add", path: ["guardians", 0], value: { id: "g1", name: "王奶奶", tags: [1, null] } },
      { op: "remove", path: ["riskLevel"] },
    ],
    reason: n === 3 ? LONG_TEXT.repeat(10) : "家访后更新",
    ...patch,
  };
}

/** An entry as appended: without its place in the log, its chain link and its patches' digest. */
const content = ({
  seq: _seq,
  prevHash: _p,
  hash: _h,
  patchesDigest: _d,
  ...e
}: StoredAuditEntry) => e;

/** The whole log from the first entry with one of `ids`, and the hash before it. */
async function tailFrom(
  stream: AsyncIterable<StoredAuditEntry>,
  ids: ReadonlySet<string>,
): Promise<StoredAuditEntry[]> {
  const tail: StoredAuditEntry[] = [];
  for await (const e of stream) if (tail.length > 0 || ids.has(e.id)) tail.push(e);
  return tail;
}

/** The append-only audit log. @internal */
export function auditSuite(h: Harness): void {
  describe("audit log", () => {
    h.it("entries come back as appended, in order, with increasing seq", async (s) => {
      const id = randomId("c");
      const entries = Array.from({ length: 12 }, (_, n) => entry(id, n));
      await expectUnmutated(entries.slice(0, 5), (e) => s.audit.append(e));
      await s.audit.append(entries.slice(5));
      const got = await collectPages((p) => s.audit.query({ entityId: id }, p), 5);
      expect(got.map(content)).toEqual(entries);
      for (let i = 1; i < got.length; i++) expect(got[i]!.seq).toBeGreaterThan(got[i - 1]!.seq);
      expect(await collectStream(s.audit.stream({ entityId: id }))).toEqual(got);
    });

    h.it("filters by entity, actor and time (as instants)", async (s) => {
      const id = randomId("c");
      const entries = Array.from({ length: 10 }, (_, n) => entry(id, n));
      const other = entry(randomId("m"), 0, { entity: "mentors", actor: "teacher-7" });
      await s.audit.append([...entries, other]);
      const filters: StorageAuditQuery[] = [
        { entityId: id, actor: "teacher-7" },
        { entity: "files", entityId: id },
        { entity: "mentors", entityId: id },
        { entityId: id, at: { from: "2026-03-02T00:00:00+08:00", to: "2026-03-03T16:00:00Z" } },
      ];
      for (const filter of filters) {
        const got = await collectPages((p) => s.audit.query(filter, p));
        const expected = entries.filter(
          (e) =>
            (filter.actor === undefined || e.actor === filter.actor) &&
            (filter.entity === undefined || e.entity === filter.entity) &&
            (filter.at === undefined ||
              (Date.parse(e.at) >= Date.parse(filter.at.from!) &&
                Date.parse(e.at) < Date.parse(filter.at.to!))),
        );
        expect(got.map(content), JSON.stringify(filter)).toEqual(expected);
      }
    });

    h.it("entries are hash-chained, in every append and transaction", async (s) => {
      const id = randomId("c");
      const entries = Array.from({ length: 9 }, (_, n) => entry(id, n));
      await s.audit.append(entries.slice(0, 3));
      await s.audit.append(entries.slice(3, 4));
      if (s.capabilities.transactions) {
        await s.transaction(async (tx) => {
          await tx.audit.append(entries.slice(4, 6));
          await tx.audit.append(entries.slice(6, 7));
        });
        await expect(
          s.transaction(async (tx) => {
            await tx.audit.append([entry(id, 20)]);
            throw new Error("rolled back");
          }),
        ).rejects.toThrow("rolled back");
      } else {
        await s.audit.append(entries.slice(4, 7));
      }
      await s.audit.append(entries.slice(7));
      const mine = new Set(entries.map((e) => e.id));
      const tail = await tailFrom(s.audit.stream({}), mine);
      expect(tail.length).toBeGreaterThanOrEqual(entries.length);
      const r = verifyAuditLog(tail, { from: tail[0]!.prevHash });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      const own = tail.filter((e) => mine.has(e.id));
      expect(own.map(content)).toEqual(entries);
      for (const e of own) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    h.it("an edit, a deletion or a reordering of what the log returns is detected", async (s) => {
      const id = randomId("c");
      const entries = Array.from({ length: 5 }, (_, n) => entry(id, n));
      await s.audit.append(entries);
      const tail = await tailFrom(s.audit.stream({}), new Set(entries.map((e) => e.id)));
      const from = tail[0]!.prevHash;
      expect(verifyAuditLog(tail, { from }).ok).toBe(true);
      const edited = tail.map((e, i) => (i === 2 ? { ...e, reason: "改过" } : e));
      expect(verifyAuditLog(edited, { from })).toMatchObject({ ok: false, index: 2 });
      const deleted = tail.filter((_, i) => i !== 1);
      expect(verifyAuditLog(deleted, { from })).toMatchObject({ ok: false, index: 1 });
      const swapped = [tail[1]!, tail[0]!, ...tail.slice(2)];
      expect(verifyAuditLog(swapped, { from })).toMatchObject({ ok: false, index: 0 });
    });

    h.it("the log offers no way to change or delete an entry but retention's redact", async (s) => {
      const methods = Object.keys(s.audit).sort();
      for (const name of methods) {
        expect(["append", "query", "redact", "stream"], `audit.${name}`).toContain(name);
      }
    });
  });
}
