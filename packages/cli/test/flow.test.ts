import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/_lib/exit";
import { inProcess, spawnCli, workspace } from "./cli.test-helper";

/** The whole job, spawning the executable on a temporary SQLite file, as a script would. */
describe("liushou, end to end on SQLite", () => {
  let dir = "";
  let today = "2026-03-02";
  const args = (list: string[]) => [...list, "--db", "county.db", "--today", today, "--json"];
  /** The main steps spawn the executable; the checks between them run in-process (faster). */
  const run = (...list: string[]) => spawnCli(dir, args(list));
  const check = (...list: string[]) => inProcess(dir, args(list));
  beforeAll(async () => {
    dir = await workspace();
  });

  it("init → import → pair --apply → due → record → report → export-ics", async () => {
    const init = await run("init");
    expect(init.code).toBe(EXIT_CODES.OK);
    expect(init.json()).toMatchObject({ migrated: true, adapter: "sqlite" });

    const bad = await check("import", "roster", "bad.csv");
    expect(bad.code).toBe(EXIT_CODES.VALIDATION);
    const issues = bad.json().error.issues as { row: number; column: string }[];
    expect(issues.map((i) => [i.row, i.column])).toEqual([[4, "出生日期"]]);
    expect(bad.stderr).toContain("第 4 行，列“出生日期”");

    const imported = await run("import", "roster", "roster.csv");
    expect(imported.code).toBe(EXIT_CODES.OK);
    expect(imported.json()).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 0,
      encoding: "utf-8",
    });
    const again = await check("import", "roster", "roster.csv");
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await check("import", "mentors", "mentors.json")).json()).toMatchObject({ created: 2 });

    const preview = await check("pair");
    expect(preview.json()).toMatchObject({ applied: false });
    expect(preview.json().added).toHaveLength(2);
    const applied = await run("pair", "--apply");
    expect(applied.json().stored).toEqual({ added: 2, ended: 0, unchanged: 0 });
    expect((await check("pair")).json().added).toHaveLength(0);

    today = "2026-03-30";
    const due = await run("due");
    expect(due.code).toBe(EXIT_CODES.OK);
    const soon = due.json().dueSoon as { childId: string; child: string; region: string }[];
    expect(soon).toHaveLength(4);
    expect(soon[0]!.region).toMatch(/^湖南省 长沙市 芙蓉区 文艺路街道 /);
    const child = soon.find((i) => i.child === "王小明")!.childId;

    const recorded = await run(
      "record",
      "--child",
      child,
      "--mentor",
      "t-1",
      "--kind",
      "家访",
      "--at",
      "2026-03-25 16:30",
    );
    expect(recorded.code).toBe(EXIT_CODES.OK);
    expect(recorded.json().value).toMatchObject({
      kind: "home-visit",
      at: "2026-03-25T16:30:00+08:00",
      childIds: [child],
    });
    expect((await check("due")).json().dueSoon).toHaveLength(3);
    const unknown = await check("record", "--child", "nobody", "--kind", "home-visit");
    expect(unknown.code).toBe(EXIT_CODES.VALIDATION);

    for (const format of ["md", "html", "csv", "xlsx", "docx"]) {
      const out = await (format === "docx" ? run : check)(
        "report",
        "work-summary",
        "--format",
        format,
        "--out",
        `out/summary.${format}`,
      );
      expect(out.code).toBe(EXIT_CODES.OK);
      expect(existsSync(join(dir, "out", `summary.${format}`))).toBe(true);
    }
    expect(readFileSync(join(dir, "out/summary.md"), "utf8")).toContain("工作总结");
    expect(readFileSync(join(dir, "out/summary.docx")).subarray(0, 2).toString()).toBe("PK");
    const stats = await check("report", "statistics", "--out", "out/stats.md");
    expect(stats.code).toBe(EXIT_CODES.OK);
    expect(readFileSync(join(dir, "out/stats.md"), "utf8")).toContain("文艺路街道");

    const ics = await run("export-ics", "--out", "due.ics");
    expect(ics.json()).toMatchObject({ events: 3 });
    const calendar = readFileSync(join(dir, "due.ics"), "utf8");
    expect(calendar.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(3);

    const stats2 = await check("stats", "--by", "township");
    expect(stats2.json().rows[0].name).toBe("湖南省 长沙市 芙蓉区 文艺路街道");
  });

  it("prints plain progress lines when stderr is not a terminal", async () => {
    const r = await spawnCli(dir, ["import", "roster", "roster.csv", "--db", "county.db"]);
    expect(r.code).toBe(EXIT_CODES.OK);
    expect(r.stderr).toContain("读取: 2/2\n");
    expect(r.stderr).not.toContain("\r");
    expect(r.stdout).toContain("未变 2 份");
  });
});
