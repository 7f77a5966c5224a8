import type { StorageAuditEntry, StorageAuditQuery } from "@liushou/core";
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

/** The append-only audit log. @internal */
export function auditSuite(h: Harness): void {
  describe("audit log", () => {
    h.it("entries come back as appended, in order, with increasing seq", async (s) => {
      const id = randomId("c");
      const entries = Array.from({ length: 12 }, (_, n) => entry(id, n));
      await expectUnmutated(entries.slice(0, 5), (e) => s.audit.append(e));
      await s.audit.append(entries.slice(5));
      const got = await collectPages((p) => s.audit.query({ entityId: id }, p), 5);
      expect(got.map(({ seq: _seq, ...e }) => e)).toEqual(entries);
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
        expect(
          got.map(({ seq: _seq, ...e }) => e),
          JSON.stringify(filter),
        ).toEqual(expected);
      }
    });

    h.it("the log offers no way to change or delete an entry", async (s) => {
      const methods = Object.keys(s.audit).sort();
      for (const name of methods) {
        expect(["append", "query", "stream"], `audit.${name}`).toContain(name);
      }
    });
  });
}
