import { createMemoryStorage } from "@liushou/storage-memory";
import { createLiushou, encryptFields, FieldClassSchema } from "liushou";
import { describe, expect, it } from "vitest";
import { importRoster } from "./import";
import { RosterError } from "../_lib/issue";
import { loadRegionDirectory } from "../regions/directory";
import {
  goodRows,
  memoryApp,
  pupil,
  toCsv,
  toXlsx,
  utf8,
  ZH_HEADERS,
} from "../_lib/roster.test-helper";

const regions = await loadRegionDirectory({ codes: ["430102"] });
const csv = (rows: string[][]) => utf8(toCsv([ZH_HEADERS, ...rows]), true);
const asOf = "2026-03-02";

describe("importRoster", () => {
  it("refuses an actor who does not see every field class, writing nothing", async () => {
    expect.assertions(2);
    const storage = createMemoryStorage();
    const app = createLiushou({
      storage,
      actor: "admin",
      clock: () => "2026-03-02T09:00:00+08:00",
    });
    await expect(importRoster(app, csv(goodRows()), { regions, asOf })).rejects.toMatchObject({
      name: "ForbiddenError",
      message: expect.stringMatching(/identifying/),
    });
    expect((await storage.files.query({})).items).toEqual([]);
  });

  it("creates files, schools and classes; ids hold no student or ID number", async () => {
    const app = memoryApp();
    const r = await importRoster(app, csv(goodRows()), { regions, asOf });
    expect(r).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(r.schools.created).toBe(1);
    expect(r.classes.created).toBe(2);
    const id = r.files[0]!.id;
    expect(id).not.toContain("S001");
    const file = (await app.getFile(id))!.value;
    expect(file.child).toMatchObject({ name: "王小明", studentNumber: "S001", grade: 3 });
    expect(file.livingArrangement).toBe("grandparents");
    expect(file.parents.map((p) => [p.role, p.awayPeriods])).toEqual([
      ["father", [{ from: asOf, city: "广东深圳" }]],
      ["mother", [{ from: asOf, city: "广东深圳" }]],
    ]);
    expect(r.read.regions?.nameOf(file.child.regionCode)).toBe(
      "湖南省 长沙市 芙蓉区 文艺路街道 识字里社区居委会",
    );
  });

  it("is idempotent: the same roster again changes nothing, an Excel copy neither", async () => {
    const app = memoryApp();
    await importRoster(app, csv(goodRows()), { regions, asOf });
    const again = await importRoster(app, csv(goodRows()), { regions, asOf: "2026-04-01" });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.schools).toEqual({ created: 0, updated: 0, unchanged: 0 });
    const xlsx = await importRoster(app, await toXlsx([ZH_HEADERS, ...goodRows()]), {
      regions,
      asOf,
    });
    expect(xlsx).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const ids = new Set([...again.files, ...xlsx.files].map((f) => f.id));
    expect(ids.size).toBe(2);
  });

  it("matches by ID number when the student number is new, and keeps what the roster does not hold", async () => {
    const app = memoryApp();
    const first = await importRoster(app, csv(goodRows()), { regions, asOf });
    const id = first.files[0]!.id;
    await app.updateFile(id, (d) => void (d.riskLevel = "high"), { reason: "评估" });
    const rows = goodRows();
    rows[0]![4] = "S001-NEW";
    const r = await importRoster(app, csv(rows), { regions, asOf });
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(r.files[0]!.id).toBe(id);
    const file = (await app.getFile(id))!.value;
    expect(file.riskLevel).toBe("high");
    expect(file.child.studentNumber).toBe("S001-NEW");
  });

  it("matches by student and ID number over encrypted storage, which holds neither in clear", async () => {
    const raw = createMemoryStorage();
    const key = (seed: number) => Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + seed) & 255);
    const storage = encryptFields(raw, { keys: [{ id: "k1", key: key(1) }], indexKey: key(2) });
    const app = createLiushou({
      storage,
      actor: "admin",
      visibility: { administrator: FieldClassSchema.options },
      clock: () => "2026-03-02T09:00:00+08:00",
    });
    const first = await importRoster(app, csv(goodRows()), { regions, asOf });
    expect(await importRoster(app, csv(goodRows()), { regions, asOf })).toMatchObject({
      unchanged: 2,
    });
    const rows = goodRows();
    rows[0]![4] = "S001-NEW";
    const r = await importRoster(app, csv(rows), { regions, asOf });
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(r.files[0]!.id).toBe(first.files[0]!.id);
    const stored: unknown[] = [];
    for await (const f of raw.files.stream({})) stored.push(f.value);
    const json = JSON.stringify(stored);
    for (const row of rows) {
      expect(json).not.toContain(row[3]!);
      expect(json).not.toContain(row[4]!);
      expect(json).not.toContain(row[14]!);
    }
  });

  it("puts the changes between two imports into the file's history", async () => {
    const app = memoryApp();
    const first = await importRoster(app, csv(goodRows()), { regions, asOf });
    const id = first.files[0]!.id;
    const rows = goodRows();
    rows[0]![11] = "上海";
    rows[0]![14] = "13700137000";
    app.now = "2026-05-10T09:00:00+08:00";
    const r = await importRoster(app, csv(rows), {
      regions,
      asOf: "2026-05-10",
      reason: "春季花名册",
    });
    expect(r).toMatchObject({ updated: 1, unchanged: 1 });
    const history = await app.fileHistory(id);
    expect(history).toHaveLength(1);
    expect(history[0]!.reason).toBe("春季花名册");
    const paths = history[0]!.patches.map((p) => p.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["guardians.0.phone"]));
    const father = (await app.getFile(id))!.value.parents[0]!;
    expect(father.awayPeriods).toEqual([
      { from: asOf, to: "2026-05-09", city: "广东深圳" },
      { from: "2026-05-10", city: "上海" },
    ]);
    const before = await app.fileAsOf(id, "2026-03-03");
    expect(before?.guardians[0]?.phone).toBe("13800138000");
  });

  it("writes nothing when a row is bad, listing every bad row; partial import takes the good ones", async () => {
    expect.assertions(6);
    const app = memoryApp();
    const rows = goodRows();
    const area = { 出生日期: "2015-01-01", 区划代码: "430102001001" };
    const grandma = { 监护人: "王奶奶", 与儿童关系: "奶奶" };
    rows.push(
      pupil({ ...area, 姓名: "赵一", 性别: "男", 出生日期: "2015-02-30", 学籍号: "S003" }),
      pupil({ ...area, ...grandma, 姓名: "钱二", 性别: "男", 学籍号: "S004", 联系电话: "12345" }),
      pupil({
        ...area,
        ...grandma,
        姓名: "孙三",
        性别: "女",
        学籍号: "S005",
        身份证号: goodRows()[0]![3]!,
      }),
      pupil({ ...area, 姓名: "李四", 性别: "女", 学籍号: "S006", 区划代码: "110101999999" }),
    );
    try {
      await importRoster(app, csv(rows), { regions, asOf });
    } catch (error) {
      expect(error).toBeInstanceOf(RosterError);
      const e = error as RosterError;
      expect(e.rosterIssues.map((i) => [i.row, i.column])).toEqual([
        [4, "出生日期"],
        [5, "联系电话"],
        [6, "身份证号"],
        [7, "区划代码"],
      ]);
      expect(e.issues[0]!.path).toBe("rows[4].出生日期");
      expect(e.messages.en).toMatch(/^Invalid roster \(4 issues\)/);
    }
    expect((await app.storage.files.query({})).items).toHaveLength(0);
    const partial = await importRoster(app, csv(rows), { regions, asOf, partial: true });
    expect([partial.created, partial.skipped.length]).toEqual([2, 4]);
  });

  it("reports a row whose living arrangement cannot be told", async () => {
    const app = memoryApp();
    const rows = [
      pupil({
        姓名: "周五",
        性别: "女",
        出生日期: "2015-01-01",
        学籍号: "S009",
        区划代码: "430102001001",
      }),
    ];
    const r = await importRoster(app, csv(rows), { regions, asOf, partial: true });
    expect(r.skipped.map((i) => i.field)).toEqual(["livingArrangement"]);
    expect(r.created).toBe(0);
  });
});
