import { idCheckDigit } from "@liushou/core";
import { createMemoryStorage } from "@liushou/storage-memory";
import ExcelJS from "exceljs";
import { createLiushou, FieldClassSchema, type Liushou } from "liushou";

/** Synthetic ID number (fake sequence) that passes the check digit. */
export function idNumber(birthDate: string, male: boolean, seq = 1): string {
  const first17 = `430102${birthDate.replaceAll("-", "")}${String(seq * 2 + (male ? 1 : 0)).padStart(3, "0")}`;
  return first17 + idCheckDigit(first17);
}

/** The Chinese headers of a typical roster. */
export const ZH_HEADERS = [
  "姓名",
  "性别",
  "出生日期",
  "身份证号",
  "学籍号",
  "学校",
  "年级",
  "班级",
  "区划代码",
  "父亲姓名",
  "母亲姓名",
  "务工地",
  "监护人",
  "与儿童关系",
  "联系电话",
];

/** Two synthetic pupils, in the order of {@link ZH_HEADERS}. */
export function goodRows(): string[][] {
  return [
    [
      "王小明",
      "男",
      "2015-03-02",
      idNumber("2015-03-02", true),
      "S001",
      "芙蓉区示范小学",
      "三年级",
      "2班",
      "430102001001",
      "王大山",
      "李春花",
      "广东深圳",
      "王奶奶",
      "奶奶",
      "13800138000",
    ],
    [
      "李小红",
      "女",
      "2014/9/1",
      idNumber("2014-09-01", false),
      "S002",
      "芙蓉区示范小学",
      "4",
      "1班",
      "430102001002",
      "李大海",
      "",
      "浙江杭州",
      "李爷爷",
      "爷爷",
      "13900139000",
    ],
  ];
}

/** A row in the order of {@link ZH_HEADERS}: the cells named by header, the others blank. */
export function pupil(cells: Readonly<Record<string, string>>): string[] {
  return ZH_HEADERS.map((header) => cells[header] ?? "");
}

/** CSV text with quoting where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

/** UTF-8 bytes, with a BOM if asked. */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
}

/** An .xlsx with one sheet holding `rows`; cells that look like dates become Excel dates. */
export async function toXlsx(rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("花名册");
  for (const row of rows) {
    sheet.addRow(row.map((c) => (/^\d{4}-\d{2}-\d{2}$/.test(c) ? new Date(`${c}T00:00:00Z`) : c)));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An app over a fresh memory storage with a clock the test sets (`app.now = …`). */
export function memoryApp(): Liushou & { now: string } {
  const clock = { now: "2026-03-02T09:00:00+08:00" };
  const app = createLiushou({
    storage: createMemoryStorage(),
    actor: "admin",
    // Matching and merging a roster read the stored files in full.
    visibility: { administrator: FieldClassSchema.options },
    clock: () => clock.now,
  });
  return Object.assign(clock, app);
}
