import {
  EXAMPLE_CALENDAR_2025_26,
  StorageError,
  ValidationError,
  type ComplianceRow,
  type WorkList,
} from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { createMemoryStorage } from "@liushou/storage-memory";
import { createSqliteStorage } from "@liushou/storage-sqlite";
import { describe, expect, it } from "vitest";
import { createLiushou, type Liushou } from "./create";
import { fileRow } from "./_lib/app.test-helper";

const clock = () => "2026-03-20T18:00:00+08:00" as const;

async function load(app: Liushou, pop: ReturnType<typeof generatePopulation>): Promise<void> {
  await app.importFiles(pop.files);
  await app.importEntities("mentors", pop.mentors);
  await app.importEntities("schools", pop.schools);
  await app.importEntities("pairings", pop.pairings);
  await app.importEntities("contacts", pop.records);
}

const key = (w: WorkList) =>
  [...w.overdue, ...w.dueSoon].map((r) => `${r.policyId}|${r.subjectId}|${r.from}|${r.done}`);

describe("createLiushou on SQLite", () => {
  it("imports all or nothing, and writes file, history and audit together", async () => {
    const storage = await createSqliteStorage();
    let now = "2026-03-19T18:00:00+08:00";
    const app = createLiushou({ storage, actor: "teacher-7", clock: () => now });
    const bad = { ...fileRow("c2"), livingArrangement: "moon" };
    await expect(app.importFiles([fileRow("c1"), bad])).rejects.toBeInstanceOf(ValidationError);
    expect(await app.getFile("c1")).toBeNull();
    expect(await app.importFiles([fileRow("c1"), fileRow("c2")])).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    now = clock();
    const { change } = await app.updateFile("c1", (d) => void (d.keyCase = true), {
      reason: "重点",
    });
    expect(await app.fileHistory("c1")).toEqual([change]);
    const audit = (await storage.audit.query({ entityId: "c1" })).items;
    expect(audit.map((a) => a.operation)).toEqual(["import", "update"]);
    expect(await app.fileAsOf("c1", "2026-03-18")).toBeNull();
    expect(await app.fileAsOf("c1", "2026-03-19")).toMatchObject({ keyCase: false });
    expect(await app.fileAsOf("c1", "2026-03-20")).toMatchObject({ keyCase: true });
    await storage.close();
  });

  it("lists what is due exactly as on the memory adapter", async () => {
    const pop = generatePopulation({ preset: "class", seed: "sqlite-due", asOf: "2026-03-20" });
    const options = { actor: "t", clock, calendar: EXAMPLE_CALENDAR_2025_26 };
    const sqlite = await createSqliteStorage();
    const onSqlite = createLiushou({ storage: sqlite, ...options });
    const onMemory = createLiushou({ storage: createMemoryStorage(), ...options });
    await load(onSqlite, pop);
    await load(onMemory, pop);
    const due = await onSqlite.listDue({ withinDays: 10 });
    expect(key(due).length).toBeGreaterThan(0);
    expect(key(due)).toEqual(key(await onMemory.listDue({ withinDays: 10 })));
    // Compliance takes SQLite's GROUP BY counts: the same rows as counting the records.
    const period = { from: "2026-01-01", to: "2026-03-20" };
    const rows = (r: Iterable<ComplianceRow>) => [...r].map(({ recordIds: _ids, ...row }) => row);
    const onSqliteRows = [...(await onSqlite.compliance({ period }))];
    expect(onSqliteRows.some((r) => r.done > 0 && r.recordIds.length === 0)).toBe(true);
    expect(rows(onSqliteRows)).toEqual(
      rows(await onMemory.compliance({ period, recordIds: true })),
    );
    expect(await onSqlite.contactCounts({ groupBy: "child" })).toEqual(
      await onMemory.contactCounts({ groupBy: "child" }),
    );
    await sqlite.close();
  });

  it("turns a driver failure into StorageError { adapterId, operation, cause }", async () => {
    const storage = await createSqliteStorage();
    const app = createLiushou({ storage, actor: "t", clock });
    await storage.close();
    const e = await app.getFile("c1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect(e).toMatchObject({ adapterId: "sqlite", operation: "files.get" });
    expect((e as StorageError).cause).toBeDefined();
  });
});
