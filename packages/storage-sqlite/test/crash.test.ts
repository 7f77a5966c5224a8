import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { generatePopulation } from "@liushou/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteStorage } from "../src/index";

const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx");
const child = fileURLToPath(new URL("./import-child.ts", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "liushou-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IMPORT = 20_000;
const KILLS = 8;

/** Runs the importer and kills it `delayMs` after it starts importing; says whether it had finished. */
function importAndKill(filename: string, delayMs: number): Promise<{ finished: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ["--import", tsx, "--conditions=@liushou/source", child, filename, String(IMPORT)],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => {
      const before = out;
      out += d.toString();
      if (!before.includes("started") && out.includes("started")) {
        setTimeout(() => p.kill("SIGKILL"), delayMs);
      }
    });
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("error", reject);
    p.on("exit", (code, signal) => {
      if (signal !== "SIGKILL" && code !== 0) reject(new Error(`importer failed: ${err}`));
      else resolve({ finished: out.includes("done") });
    });
  });
}

describe("SQLite under SIGKILL during a large import", () => {
  it("always reopens intact, with all of the import or none of it", async () => {
    const filename = join(dir, "county.db");
    // Data committed before the crashes must survive every one of them.
    const pop = generatePopulation({ preset: "class", seed: "base", asOf: "2026-06-30" });
    const base = await createSqliteStorage({ filename, region: "430102" });
    await base.files.upsertMany(pop.files, { at: "2026-06-30T08:00:00+08:00" });
    await base.close();

    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const { finished } = await importAndKill(filename, 20 + i * 40);
      const db = new Database(filename);
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        const contacts = db.prepare("select count(*) as n from ls_contact").get() as { n: number };
        const links = db.prepare("select count(*) as n from ls_contact_child").get() as {
          n: number;
        };
        const files = db.prepare("select count(*) as n from ls_file").get() as { n: number };
        expect(files.n).toBe(pop.files.length);
        expect([0, IMPORT]).toContain(contacts.n);
        if (finished) expect(contacts.n).toBe(IMPORT);
        expect(links.n === 0).toBe(contacts.n === 0);
        outcomes.push(contacts.n === 0 ? "none" : "all");
        // Start the next round from an empty import again.
        db.exec("delete from ls_contact; delete from ls_contact_child");
      } finally {
        db.close();
      }
    }
    // The kills must have struck mid-import at least once, or the test proved nothing.
    expect(outcomes).toContain("none");
  }, 240_000);
});
