import { text, type LocalizedText } from "@liushou/core";
import { foldHeader, HEADER_INDEX, type RosterField } from "./fields";
import type { RosterMapping } from "./mapping";

export * from "./fields";
export * from "./mapping";

/** Which column holds which field, and the header problems found. @internal */
export interface ColumnPlan {
  /** Field → column index. */
  readonly columns: ReadonlyMap<RosterField, number>;
  /** Field → the header as written in the file. */
  readonly headers: ReadonlyMap<RosterField, string>;
  readonly problems: readonly { column: string; message: LocalizedText }[];
}

/** The fields every roster must have. */
const REQUIRED: readonly RosterField[] = ["name", "gender", "birthDate", "regionCode"];

/**
 * Matches the header cells to fields: the mapping file first, then the built-in Chinese and
 * English headers. An unknown header, a field given twice and a missing required field are
 * problems (reported with the rows' problems).
 * @internal
 */
export function planColumns(headers: readonly string[], mapping: RosterMapping): ColumnPlan {
  const columns = new Map<RosterField, number>();
  const names = new Map<RosterField, string>();
  const problems: { column: string; message: LocalizedText }[] = [];
  const mapped = new Map(Object.entries(mapping.columns).map(([h, f]) => [foldHeader(h), f]));
  const ignored = new Set(mapping.ignore.map(foldHeader));
  headers.forEach((header, i) => {
    if (header === "" || ignored.has(foldHeader(header))) return;
    const field = mapped.get(foldHeader(header)) ?? HEADER_INDEX.get(foldHeader(header));
    if (field === undefined) {
      problems.push({
        column: header,
        message: text(
          "无法识别的列名：请在映射文件的 columns 中指定其字段，或在 ignore 中列出",
          "unknown column: map it to a field in the mapping file's columns, or list it in ignore",
        ),
      });
    } else if (columns.has(field)) {
      problems.push({
        column: header,
        message: text(
          `与列“${names.get(field)}”重复（都是字段 ${field}）`,
          `duplicates column "${names.get(field)}" (both are field ${field})`,
        ),
      });
    } else {
      columns.set(field, i);
      names.set(field, header);
    }
  });
  for (const field of REQUIRED) {
    if (!columns.has(field)) {
      problems.push({
        column: field,
        message: text(
          `缺少必需的列（字段 ${field}）`,
          `a required column is missing (field ${field})`,
        ),
      });
    }
  }
  return { columns, headers: names, problems };
}
