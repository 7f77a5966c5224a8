import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/_lib/exit";
import { inProcess, workspace } from "./cli.test-helper";

describe("liushou: bad arguments and output paths", () => {
  let dir = "";
  const en = { env: { LANG: "en_US.UTF-8" } };
  beforeAll(async () => {
    dir = await workspace();
    expect((await inProcess(dir, ["init", "--today", "2026-03-02"])).code).toBe(EXIT_CODES.OK);
    expect((await inProcess(dir, ["import", "roster", "roster.csv"])).code).toBe(EXIT_CODES.OK);
  });

  it("refuses numbers that are not plain whole numbers", async () => {
    for (const within of ["", " ", "0x10", "1e2", "+3", "7 "]) {
      const r = await inProcess(dir, ["due", "--within", within], en);
      expect(r.code, within).toBe(EXIT_CODES.USAGE);
      expect(r.stderr).toContain("--within must be a whole number");
    }
  });

  it("refuses --limit 0 rather than listing everything", async () => {
    const r = await inProcess(dir, ["due", "--limit", "0"], en);
    expect(r.code).toBe(EXIT_CODES.USAGE);
    expect(r.stderr).toContain("--limit");
  });

  it("names --today when it is not a real date", async () => {
    for (const today of ["2026-02-30", "banana"]) {
      const r = await inProcess(dir, ["due", "--today", today], en);
      expect(r.code).toBe(EXIT_CODES.USAGE);
      expect(r.stderr).toContain("--today");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("names --db when it is empty", async () => {
    const r = await inProcess(dir, ["due", "--db", ""], en);
    expect(r.code).toBe(EXIT_CODES.USAGE);
    expect(r.stderr).toContain("--db");
  });

  it("never writes a report or calendar over the database", async () => {
    const before = await readFile(join(dir, "liushou.db"));
    for (const args of [
      ["report", "statistics", "--out", "liushou.db"],
      ["report", "statistics", "--out", "./sub/../liushou.db"],
      ["export-ics", "--out", "liushou.db"],
    ]) {
      const r = await inProcess(dir, [...args, "--today", "2026-03-02"], en);
      expect(r.code, args.join(" ")).toBe(EXIT_CODES.USAGE);
      expect(r.stderr).toContain("--out");
    }
    expect(await readFile(join(dir, "liushou.db"))).toEqual(before);
    expect((await inProcess(dir, ["due", "--today", "2026-03-02"])).code).toBe(EXIT_CODES.OK);
  });

  it("names --out in one line when it is a folder or under a file, leaving nothing behind", async () => {
    await mkdir(join(dir, "a folder #%"), { recursive: true });
    await writeFile(join(dir, "plain.txt"), "keep");
    for (const [args, out] of [
      [["report", "statistics"], "a folder #%"],
      [["report", "statistics"], "plain.txt/x.md"],
      [["export-ics"], "a folder #%"],
      [["export-ics"], "plain.txt/x.ics"],
    ] as const) {
      const r = await inProcess(dir, [...args, "--out", out, "--today", "2026-03-02"], en);
      expect(r.code, out).toBe(EXIT_CODES.OUTPUT);
      expect(r.stderr).toMatch(/(^|\n)Error: --out: cannot write [^\n]*\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await readdir(join(dir, "a folder #%"))).toEqual([]);
    expect(await readFile(join(dir, "plain.txt"), "utf8")).toBe("keep");
    expect((await readdir(dir)).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("writes to paths with spaces, # and %", async () => {
    const r = await inProcess(
      dir,
      ["report", "statistics", "--out", "out dir/r #1 %20.md", "--today", "2026-03-02"],
      en,
    );
    expect(r.code).toBe(EXIT_CODES.OK);
    expect(await readFile(join(dir, "out dir/r #1 %20.md"), "utf8")).toContain("#");
    expect(await readdir(join(dir, "out dir"))).toEqual(["r #1 %20.md"]);
  });
});

describe("liushou: bad input files and counts", () => {
  let dir = "";
  const en = { env: { LANG: "en_US.UTF-8" } };
  beforeAll(async () => {
    dir = await workspace();
  });

  it("names the file argument in one line when it is missing or a folder", async () => {
    for (const [args, what] of [
      [["import", "roster", "nope.csv"], "<file>: cannot read nope.csv (no such file)"],
      [["import", "roster", "."], "<file>: cannot read . (it is a folder)"],
      [["import", "mentors", "nope.json"], "<file>: cannot read nope.json"],
      [["import", "roster", "roster.csv", "--mapping", "none.json"], "--mapping: cannot read"],
    ] as const) {
      const r = await inProcess(dir, [...args], en);
      expect(r.code, args.join(" ")).toBe(EXIT_CODES.OUTPUT);
      expect(r.stderr).toContain(what);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("refuses --minutes that are not plain whole numbers", async () => {
    for (const minutes of ["0x10", "1e2", "", "0"]) {
      const r = await inProcess(
        dir,
        ["record", "--child", "c-1", "--kind", "家访", "--minutes", minutes],
        en,
      );
      expect(r.code, minutes).toBe(EXIT_CODES.USAGE);
      expect(r.stderr).toContain("--minutes");
    }
  });
});
