/**
 * A child process for the crash test: opens the SQLite file named on the command line and
 * imports a large batch of synthetic contact records in one `upsertMany`, printing `started`
 * before and `done` after. The parent kills it with SIGKILL somewhere in between.
 */
import type { ContactRecord } from "@liushou/core";
import { createSqliteStorage } from "../src/index";

const [filename, count] = process.argv.slice(2);
const kinds = ["home-visit", "parent-call", "talk", "tutoring"] as const;
const records: ContactRecord[] = Array.from({ length: Number(count) }, (_, i) => ({
  id: `import-${i}`,
  kind: kinds[i % kinds.length]!,
  at: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString() as ContactRecord["at"],
  childIds: [`c${i % 500}`, `c${(i + 1) % 500}`],
  mentorId: `m${i % 40}`,
  initiator: "mentor",
  summary: `第 ${i} 次走访：一切正常`,
}));
const storage = await createSqliteStorage({ filename: filename!, region: "430102" });
const t0 = performance.now();
process.stdout.write("started\n");
await storage.contacts.upsertMany(records, { at: "2026-07-01T08:00:00+08:00" });
process.stdout.write(`done ${Math.round(performance.now() - t0)} ms\n`);
await storage.close();
