import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/_lib/exit";
import { inProcess, workspace } from "./cli.test-helper";

const COMMANDS = [
  "init",
  "import",
  "pair",
  "due",
  "record",
  "assess",
  "stats",
  "report",
  "export-ics",
];

describe("liushou: usage, languages and exit codes", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await workspace();
  });

  it("has --help with examples for every command, in Chinese by default and English on request", async () => {
    for (const command of COMMANDS) {
      const zh = await inProcess(dir, [command, "--help"]);
      expect(zh.code).toBe(EXIT_CODES.OK);
      expect(zh.stdout).toContain("示例:");
      expect(zh.stdout).toContain(`$ liushou ${command === "import" ? "import" : command}`);
      const en = await inProcess(dir, [command, "--help"], { env: { LANG: "en_US.UTF-8" } });
      expect(en.stdout).toContain("Examples:");
    }
    const root = await inProcess(dir, ["--help", "--lang", "en"]);
    expect(root.stdout).toContain("Exit codes: 0 ok, 1 validation, 2 usage, 3 storage");
  });

  it("exits 2 on usage errors", async () => {
    expect((await inProcess(dir, [])).code).toBe(EXIT_CODES.USAGE);
    expect((await inProcess(dir, ["frobnicate"])).code).toBe(EXIT_CODES.USAGE);
    expect((await inProcess(dir, ["record", "--kind", "家访"])).code).toBe(EXIT_CODES.USAGE);
    const format = await inProcess(dir, [
      "report",
      "statistics",
      "--format",
      "pdf",
      "--lang",
      "en",
    ]);
    expect(format.code).toBe(EXIT_CODES.USAGE);
    expect(format.stderr).toContain("unknown format: pdf");
    expect((await inProcess(dir, ["import", "pupils", "x.json"])).code).toBe(EXIT_CODES.USAGE);
    expect((await inProcess(dir, ["due", "--within", "-3"])).code).toBe(EXIT_CODES.USAGE);
    expect((await inProcess(dir, ["init", "--db", "redis://localhost"])).code).toBe(
      EXIT_CODES.USAGE,
    );
  });

  it("exits 3 when the database cannot be opened, naming it without a password", async () => {
    const r = await inProcess(dir, ["init", "--db", join(dir, "no/such/dir/x.db"), "--json"]);
    expect(r.code).toBe(EXIT_CODES.STORAGE);
    expect(r.json().error.code).toBe("LIUSHOU_STORAGE");
  });

  it("exits 1 with every bad row listed, writing nothing, and in English with --lang en", async () => {
    const db = join(dir, "errors.db");
    const r = await inProcess(dir, [
      "import",
      "roster",
      "bad.csv",
      "--db",
      db,
      "--lang",
      "en",
      "--json",
    ]);
    expect(r.code).toBe(EXIT_CODES.VALIDATION);
    const issues = r.json().error.issues as { row: number; column: string; message: string }[];
    expect(issues[0]).toMatchObject({
      row: 4,
      column: "出生日期",
      message: 'row 4, column "出生日期": not a valid date (received: "2015-02-30")',
    });
    expect(r.stderr).toContain("Error: Invalid roster");
    const stats = await inProcess(dir, ["stats", "--db", db, "--json"]);
    expect(stats.json().total.totalPupils).toBe(0);
    const partial = await inProcess(dir, [
      "import",
      "roster",
      "bad.csv",
      "--db",
      db,
      "--partial",
      "--json",
    ]);
    expect(partial.code).toBe(EXIT_CODES.OK);
    expect(partial.json()).toMatchObject({ created: 2 });
    expect(partial.json().skipped.map((i: { row: number }) => i.row)).toEqual([4]);
  });

  it("assess: exits 2 on an answers file that is not JSON, 1 for an unknown child", async () => {
    const db = join(dir, "assess.db");
    await writeFile(join(dir, "answers.json"), "{}");
    await writeFile(join(dir, "broken.json"), "{");
    const base = ["assess", "--db", db, "--checklist", "liushou.needs"];
    expect(
      (await inProcess(dir, [...base, "--child", "c-1", "--answers", "broken.json"])).code,
    ).toBe(EXIT_CODES.USAGE);
    const unknown = await inProcess(dir, [
      ...base,
      "--child",
      "nobody",
      "--answers",
      "answers.json",
      "--json",
    ]);
    expect(unknown.code).toBe(EXIT_CODES.VALIDATION);
    expect(unknown.json().error.code).toBe("LIUSHOU_VALIDATION");
  });

  it("draws a progress bar on a terminal", async () => {
    const r = await inProcess(
      dir,
      ["import", "roster", "roster.csv", "--db", join(dir, "tty.db")],
      { tty: true },
    );
    expect(r.code).toBe(EXIT_CODES.OK);
    expect(r.stderr).toMatch(/\r读取 \[#+\] 2\/2 100%/);
  });
});
