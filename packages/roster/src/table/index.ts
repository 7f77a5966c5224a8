import { decodeText, type RosterEncoding } from "./decode";
import { parseCsv } from "./csv";
import { readXlsx } from "./xlsx";
import { text } from "@liushou/core";
import {
  MAX_ROSTER_BYTES,
  MAX_ROSTER_COLUMNS,
  MAX_ROSTER_ROWS,
  tooBig,
  unreadable,
} from "./limits";
import { checkUnpackedSize } from "./zip";

export type { RosterEncoding } from "./decode";

/** The file formats a roster is read from. @category Roster */
export type RosterFormat = "xlsx" | "csv";

/**
 * A roster as a table: the header cells and every data row with its row number in the file (the
 * header is row 1). @internal
 */
export interface RosterTable {
  readonly format: RosterFormat;
  readonly encoding?: RosterEncoding;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether bytes are a ZIP container (an `.xlsx` is one). */
const isZip = (bytes: Uint8Array): boolean => ZIP.every((b, i) => bytes[i] === b);

/**
 * Reads a roster file into a table: `.xlsx` by its content (a ZIP), anything else as CSV in
 * UTF-8 (with or without BOM) or GBK. Blank rows are skipped; cells are trimmed. A file over the
 * size limits (`MAX_ROSTER_*`) or an unreadable workbook is refused with a `ValidationError`.
 * @internal
 */
export async function readTable(
  bytes: Uint8Array,
  options: { format?: RosterFormat; encoding?: RosterEncoding } = {},
): Promise<RosterTable> {
  if (bytes.length > MAX_ROSTER_BYTES) {
    throw tooBig(text("字节数", "bytes"), MAX_ROSTER_BYTES, bytes.length);
  }
  const format = options.format ?? (isZip(bytes) ? "xlsx" : "csv");
  let raw: string[][];
  let encoding: RosterEncoding | undefined;
  if (format === "xlsx") {
    checkUnpackedSize(bytes);
    raw = await readXlsx(bytes).catch(() => {
      throw unreadable("damaged, or not an Excel workbook");
    });
  } else {
    const decoded = decodeText(bytes, options.encoding);
    encoding = decoded.encoding;
    raw = parseCsv(decoded.text);
  }
  if (raw.length > MAX_ROSTER_ROWS + 1) {
    throw tooBig(text("行数", "rows"), MAX_ROSTER_ROWS, raw.length - 1);
  }
  const widest = raw.reduce((most, cells) => Math.max(most, cells.length), 0);
  if (widest > MAX_ROSTER_COLUMNS)
    throw tooBig(text("列数", "columns"), MAX_ROSTER_COLUMNS, widest);
  const trimmed = raw.map((cells) => cells.map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "")));
  const headerIndex = trimmed.findIndex((cells) => cells.some((c) => c !== ""));
  const headers = headerIndex < 0 ? [] : trimmed[headerIndex]!;
  const rows = trimmed
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter((r, i) => i > headerIndex && r.cells.some((c) => c !== ""));
  return { format, ...(encoding ? { encoding } : {}), headers, rows };
}
