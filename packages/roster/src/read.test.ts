import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readRoster } from "./read";
import type { RosterMappingInput } from "./columns";
import { goodRows, pupil, toCsv, toXlsx, utf8, ZH_HEADERS } from "./_lib/roster.test-helper";

describe("readRoster", () => {
  const csv = toCsv([ZH_HEADERS, ...goodRows()]);

  it("reads UTF-8 CSV with and without BOM, Chinese headers", async () => {
    for (const bom of [true, false]) {
      const r = await readRoster(utf8(csv, bom));
      expect(r.issues).toEqual([]);
      expect(r.encoding).toBe("utf-8");
      expect(r.children.map((c) => c.name)).toEqual(["王小明", "李小红"]);
      expect(r.children[1]).toMatchObject({ birthDate: "2014-09-01", grade: 4, gender: "female" });
      expect(r.children[0]!.guardian).toEqual({
        name: "王奶奶",
        relation: "grandmother",
        phone: "13800138000",
      });
      expect(r.children[1]!.mother).toBeUndefined();
    }
  });

  it("detects GBK", async () => {
    const r = await readRoster(new Uint8Array(iconv.encode(csv, "gbk")));
    expect(r.encoding).toBe("gbk");
    expect(r.issues).toEqual([]);
    expect(r.children[0]!.school).toBe("芙蓉区示范小学");
  });

  it("reads English headers in any case and spacing", async () => {
    const en = [
      "Name",
      "gender",
      "birth_date",
      "ID number",
      "studentNumber",
      "School",
      "Grade",
      "Class",
      "Region code",
      "Father",
      "Mother",
      "Work city",
      "Guardian",
      "Relation",
      "Phone",
    ];
    const rows = goodRows().map((r) =>
      r.map(
        (c) => ({ 男: "male", 女: "female", 奶奶: "grandmother", 爷爷: "grandfather" })[c] ?? c,
      ),
    );
    const r = await readRoster(utf8(toCsv([en, ...rows])));
    expect(r.issues).toEqual([]);
    expect(r.columns.birthDate).toBe("birth_date");
    expect(r.children.map((c) => c.gender)).toEqual(["male", "female"]);
  });

  it("reads an Excel workbook, dates as Excel dates", async () => {
    const r = await readRoster(await toXlsx([ZH_HEADERS, ...goodRows()]));
    expect(r.format).toBe("xlsx");
    expect(r.issues).toEqual([]);
    expect(r.children[0]).toMatchObject({
      name: "王小明",
      birthDate: "2015-03-02",
      className: "2班",
    });
  });

  it("takes other headers and spellings from a mapping file", async () => {
    const headers = ZH_HEADERS.map((h) =>
      h === "姓名" ? "学生名字" : h === "区划代码" ? "户口所在地代码" : h,
    );
    const rows = goodRows();
    rows[0]![13] = "干妈";
    const withNote = [[...headers, "备注"], ...rows.map((r) => [...r, "x"])];
    const mapping = {
      columns: { 学生名字: "name", 户口所在地代码: "regionCode" },
      values: { guardianRelation: { 干妈: "relative" } },
      ignore: ["备注"],
    } satisfies RosterMappingInput;
    const r = await readRoster(utf8(toCsv(withNote)), { mapping });
    expect(r.issues).toEqual([]);
    expect(r.children[0]!.guardian?.relation).toBe("relative");
    const without = await readRoster(utf8(toCsv(withNote)));
    expect(without.issues.map((i) => i.column)).toEqual(
      expect.arrayContaining(["学生名字", "户口所在地代码", "备注"]),
    );
    expect(without.children).toEqual([]);
  });

  it("refuses a bad mapping file with a ValidationError naming the field", async () => {
    expect.assertions(1);
    await expect(
      readRoster(utf8(csv), { mapping: { columns: { 姓名: "nickname" } } as never }),
    ).rejects.toThrow(/columns/);
  });

  it("reports every bad row at once, with row, column, value and reason", async () => {
    const rows = goodRows();
    const born = { 出生日期: "2015-01-01", 区划代码: "430102001001" };
    const bad = [
      pupil({ ...born, 姓名: "赵一", 性别: "男", 出生日期: "2015-02-30", 学籍号: "S003" }),
      pupil({ ...born, 姓名: "钱二", 性别: "未知", 学籍号: "S004" }),
      pupil({ ...born, 姓名: "孙三", 性别: "女" }),
      pupil({ ...born, 姓名: "周四", 性别: "女", 学籍号: "S005", 区划代码: "430102999999" }),
      pupil({ ...born, 姓名: "吴五", 性别: "女", 学籍号: "S001" }),
      pupil({
        ...born,
        姓名: "郑六",
        性别: "女",
        学籍号: "S006",
        年级: "十三年级",
        区划代码: "4301",
      }),
    ];
    const r = await readRoster(utf8(toCsv([ZH_HEADERS, ...rows, ...bad])));
    const found = r.issues.map((i) => [i.row, i.column, i.code]);
    expect(found).toEqual([
      [4, "出生日期", "calendar_date"],
      [5, "性别", "other"],
      [6, "学籍号", "missing_key"],
      [7, "区划代码", "unknown_region"],
      [8, "学籍号", "duplicate_id"],
      [9, "年级", "invalid_type"],
    ]);
    expect(r.issues[0]!.message["zh-CN"]).toBe(
      '第 4 行，列“出生日期”：不是有效的日期（收到："2015-02-30"）',
    );
    expect(r.issues[0]!.message.en).toBe(
      'row 4, column "出生日期": not a valid date (received: "2015-02-30")',
    );
    expect(r.issues[4]!.value).not.toContain("S001");
    expect(r.children.map((c) => c.row)).toEqual([2, 3]);
  });

  it("reports missing required columns and an empty file", async () => {
    const r = await readRoster(utf8("姓名,性别\n"));
    expect(r.issues.map((i) => i.column)).toEqual(
      expect.arrayContaining(["birthDate", "regionCode", ""]),
    );
  });

  it("rejects what is not bytes", async () => {
    expect.assertions(1);
    await expect(readRoster("a,b" as never)).rejects.toThrow(/Uint8Array/);
  });
});
