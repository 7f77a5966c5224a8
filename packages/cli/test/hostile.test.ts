import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dayNumber, PeriodSchema } from "@liushou/core";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_PERIOD_DAYS } from "../src/_lib/dates";
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

  it("names --region and --area when they are not region codes of the right level", async () => {
    for (const [args, flag] of [
      [["init", "--db", "other.db", "--region", "banana"], "--region"],
      [["init", "--db", "other.db", "--region", "990102"], "--region"],
      [["init", "--db", "other.db", "--region", "430000"], "--region"],
      [["pair", "--area", "banana"], "--area"],
      [["pair", "--area", "430000"], "--area"],
    ] as const) {
      const r = await inProcess(dir, [...args], en);
      expect(r.code, args.join(" ")).toBe(EXIT_CODES.USAGE);
      expect(r.stderr).toContain(`${flag} is not a usable region code`);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    await expect(readdir(dir)).resolves.not.toContain("other.db");
    expect((await inProcess(dir, ["pair", "--area", "430102001"], en)).code).toBe(EXIT_CODES.OK);
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

  /** Runs `args` and checks a usage error (exit 2) naming `flag`, in one line, in text and JSON. */
  async function usage(args: readonly string[], flag: string, message?: RegExp): Promise<void> {
    const r = await inProcess(dir, [...args, "--json"], en);
    const what = args.join(" ");
    expect(r.code, what).toBe(EXIT_CODES.USAGE);
    const error = r.json().error as { exitCode: number; message: string; issues: unknown[] };
    expect(error.exitCode, what).toBe(EXIT_CODES.USAGE);
    expect(error.message, what).toContain(flag);
    if (message) expect(error.message, what).toMatch(message);
    // No name of core's options (withinDays, period.from, asOf, dayNumber, date…).
    expect(error.issues, what).toEqual([]);
    expect(r.stderr, what).not.toMatch(/withinDays|period\.|asOf|dayNumber|\bdate:|month:/);
    expect(
      r.stderr
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("Error")),
      what,
    ).toHaveLength(1);
  }

  it("refuses --within beyond the 366 days the work list takes, naming it with exit 2", async () => {
    for (const within of ["367", "1000000000", "999999999999999"]) {
      await usage(["due", "--within", within], "--within", /whole number from 0 to 366/);
      await usage(["export-ics", "--within", within], "--within", /from 0 to 366/);
    }
    for (const within of ["0", "366"]) {
      expect((await inProcess(dir, ["due", "--within", within], en)).code, within).toBe(
        EXIT_CODES.OK,
      );
    }
  });

  it("names --from, --to and --month when they are not real dates or out of range, with exit 2", async () => {
    for (const [flag, value] of [
      ["--from", "2026-02-30"],
      ["--from", "banana"],
      ["--from", "0001-01-01"],
      ["--to", "banana"],
      ["--to", "9999-12-31"],
      ["--to", "1899-12-31"],
    ] as const) {
      await usage(["report", "statistics", flag, value], flag, /real date as YYYY-MM-DD/);
      await usage(["report", "work-summary", flag, value], flag);
    }
    for (const month of ["2026-13", "banana", "0000-01", "9999-12", "2026-3"]) {
      await usage(["report", "record-book", "--mentor", "t-1", "--month", month], "--month");
    }
  });

  it("names --from and --to when the period is out of order or longer than core takes", async () => {
    await usage(
      ["report", "statistics", "--from", "2026-05-01", "--to", "2026-03-01"],
      "--from (2026-05-01) must not be after --to (2026-03-01)",
    );
    await usage(
      ["report", "statistics", "--from", "2026-03-03", "--today", "2026-03-02"],
      "--from (2026-03-03) must not be after today (2026-03-02)",
    );
    await usage(
      ["report", "work-summary", "--from", "2016-02-21", "--to", "2026-03-01"],
      "spans at most ten years",
    );
    // The longest period the CLI takes is the longest core's PeriodSchema takes.
    const longest = { from: "2016-02-22", to: "2026-03-01" };
    expect(dayNumber(longest.to) - dayNumber(longest.from)).toBe(MAX_PERIOD_DAYS);
    expect(PeriodSchema.safeParse(longest).success).toBe(true);
    expect(PeriodSchema.safeParse({ ...longest, from: "2016-02-21" }).success).toBe(false);
    const ok = await inProcess(
      dir,
      ["report", "statistics", "--from", longest.from, "--to", longest.to, "--out", "p.md"],
      en,
    );
    expect(ok.code).toBe(EXIT_CODES.OK);
  });

  it("names --today and --at when they are not real dates or out of range, with exit 2", async () => {
    for (const today of ["0001-01-01", "9999-12-31", "2200-01-01"]) {
      await usage(["due", "--today", today], "--today", /from 1900-01-01 to 2199-12-31/);
      await usage(["report", "work-list", "--today", today], "--today");
    }
    for (const at of [
      "banana",
      "2026-02-30",
      "2026-03-01 25:00",
      "0001-01-01",
      "9999-12-31 23:59",
    ]) {
      await usage(["record", "--child", "c-1", "--kind", "家访", "--at", at], "--at");
    }
    for (const today of ["1900-01-01", "2199-12-31"]) {
      const r = await inProcess(dir, ["due", "--today", today, "--within", "366"], en);
      expect(r.code, today).toBe(EXIT_CODES.OK);
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
