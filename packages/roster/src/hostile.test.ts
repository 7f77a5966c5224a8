/**
 * Malformed arguments from a host get a `ValidationError` naming the option and why, before
 * anything is read or written; never a `TypeError`, and never a problem blamed on the rows.
 */
import { ValidationError } from "@liushou/core";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { garbageFailures } from "../../report/src/_lib/garbage.test-helper";
import { importRoster } from "./import/import";
import * as roster from "./index";
import { readRoster } from "./read";
import { rosterIssue } from "./_lib/issue";
import { goodRows, memoryApp, toCsv, utf8, ZH_HEADERS } from "./_lib/roster.test-helper";

const csv = utf8(toCsv([ZH_HEADERS, ...goodRows()]));

/** The error a call rejects with, checked to be a ValidationError. */
async function refusal(run: () => Promise<unknown>): Promise<ValidationError> {
  const error = await run().then(
    () => expect.unreachable("the call succeeded"),
    (e: unknown) => e,
  );
  expect(error, String(error)).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("readRoster options", () => {
  it.each([
    ["options", null],
    ["options", 5],
    ["zone", { zone: "Mars/Base" }],
    ["zone", { zone: 5 }],
    ["format", { format: "pdf" }],
    ["encoding", { encoding: "latin1" }],
    ["regions", { regions: {} }],
    ["regions", { regions: true }],
    ["onProgress", { onProgress: 5 }],
  ])("refuses a bad %s (%j) with a ValidationError naming it", async (path, options) => {
    const error = await refusal(() => readRoster(csv, options as Parameters<typeof readRoster>[1]));
    expect(error.issues[0]!.path).toBe(path);
    expect(error.issues[0]!.message["zh-CN"]).toBeTruthy();
    expect(error.issues[0]!.message.en).toBeTruthy();
  });

  it("refuses bytes that are not UTF-8 when UTF-8 is asked for", async () => {
    const gbk = new Uint8Array(iconv.encode(toCsv([ZH_HEADERS, ...goodRows()]), "gbk"));
    const error = await refusal(() => readRoster(gbk, { encoding: "utf-8", regions: false }));
    expect(error.issues[0]).toMatchObject({ path: "bytes" });
    expect(error.issues[0]!.message.en).toContain("UTF-8");
  });

  it("every function exported answers garbage with a LiushouError or a clean value", async () => {
    // Not the class (`new` is the caller's), nor the directory loader (tested below: reading
    // every village for each well-formed call takes seconds).
    const { RosterError: _, loadRegionDirectory: __, ...functions } = roster;
    expect(await garbageFailures(functions)).toEqual([]);
  });
});

describe("hostile cells", () => {
  it("reports a date cell Excel cannot date as that row's problem, and reads the others", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("花名册");
    for (const row of [ZH_HEADERS, ...goodRows()]) ws.addRow(row);
    const cell = ws.getCell(2, ZH_HEADERS.indexOf("出生日期") + 1);
    cell.value = 1e20;
    cell.numFmt = "yyyy-mm-dd";
    const read = await readRoster(new Uint8Array(await wb.xlsx.writeBuffer()), { regions: false });
    expect(read.children.map((c) => c.row)).toEqual([3]);
    expect(read.issues).toMatchObject([{ row: 2, column: "出生日期", code: "calendar_date" }]);
  });
});

describe("loadRegionDirectory options", () => {
  async function* asyncCodes() {
    yield "430102";
  }
  it.each([
    ["options", null],
    ["options", 5],
    ["codes", { codes: 5 }],
    ["codes", { codes: null }],
    ["codes", { codes: "430102" }],
    ["codes", { codes: { [Symbol.iterator]: 5 } }],
    ["codes", { codes: asyncCodes() }],
  ])("refuses a bad %s (%s)", async (path, options) => {
    const error = await refusal(() => roster.loadRegionDirectory(options as never));
    expect(error.issues[0]!.path).toBe(path);
  });
});

describe("importRoster arguments", () => {
  it("refuses an app that is not a Liushou app", async () => {
    for (const app of [null, {}, 5]) {
      const error = await refusal(() => importRoster(app as never, csv, { regions: false }));
      expect(error.issues[0]!.path).toBe("app");
    }
  });

  it.each([
    ["asOf", { asOf: "2026-02-30" }],
    ["asOf", { asOf: 5 }],
    ["partial", { partial: "no" }],
    ["onStep", { onStep: 5 }],
    ["reason", { reason: 5 }],
  ])("refuses a bad %s (%j) before writing anything", async (path, options) => {
    const app = memoryApp();
    const error = await refusal(() =>
      importRoster(app, csv, { regions: false, ...(options as object) }),
    );
    expect(error.issues[0]!.path).toBe(path);
    expect((await app.storage.files.query({})).items).toEqual([]);
  });

  it("refuses null options", async () => {
    const error = await refusal(() => importRoster(memoryApp(), csv, null as never));
    expect(error.issues[0]!.path).toBe("options");
  });
});

describe("RosterError built from garbage", () => {
  const good = rosterIssue(5, "出生日期", "birthDate", "2026-02-30", "calendar_date", {
    "zh-CN": "不是有效日期",
    en: "not a date",
  });

  it.each([null, undefined, 5, "x", {}, new Map(), { length: 2 }])(
    "reads issues that are not an array (%s) as none",
    (issues) => {
      const error = new roster.RosterError(issues as never);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.name).toBe("RosterError");
      expect(error.issues).toEqual([]);
      expect(error.rosterIssues).toEqual([]);
      expect(error.messageIn("en")).toBe("Invalid roster (0 issues): ");
    },
  );

  it("keeps an entry that is not a roster issue as a file-level issue describing it", () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    const error = new roster.RosterError([null, {}, { row: "a" }, "x", throwing, good] as never);
    expect(error.rosterIssues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [0, "", "other", "null"],
      [0, "", "other", "object"],
      [0, "", "other", "object"],
      [0, "", "other", '"x"'],
      [0, "", "other", "object"],
      [5, "出生日期", "calendar_date", '"2026-02-30"'],
    ]);
    expect(error.rosterIssues[0]!.message.en).toBe(
      'file, column "": unrecognised issue (received: null)',
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      ...Array(5).fill("rows[0]."),
      "rows[5].出生日期",
    ]);
    expect(error.rosterIssues[5]).toEqual(good);
  });

  it("ignores options that are not an object, and reads an unknown locale as zh-CN", () => {
    for (const options of [null, 5, "en", { locale: 5 }, { locale: "fr" }]) {
      const error = new roster.RosterError([good], options as never);
      expect(error.message.startsWith("花名册校验失败（1 处）")).toBe(true);
    }
    expect(new roster.RosterError([good], { locale: "en" }).message).toMatch(/^Invalid roster/);
  });
});
