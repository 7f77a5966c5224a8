import {
  invalidArgument,
  IssueCode,
  MAX_DEPTH,
  text,
  validate,
  type ValidationError,
} from "@liushou/core";
import { ReportSchema } from "./schema";
import type { Report } from "./types";

/**
 * Checks a report against {@link ReportSchema} and returns it; renderers call it first.
 * @param value - A report, perhaps from JSON.
 * @returns The same report, typed.
 * @throws ValidationError naming each field at fault (`body[2].rows[4].cells[1]`), or `body`
 * (code `too_deep`) when sections nest deeper than core's `MAX_DEPTH` or hold themselves, or
 * the first missing item of a list with holes (a sparse array, such as rows whose `length` was
 * set to 1e9), before anything walks the list element by element; `too_big` for more than ten
 * million blocks, a section held in several places counted in each (shared sections nested in
 * each other would have every walk go through billions).
 * @example
 * parseReport(JSON.parse(json)).title //=> "留守儿童统计表"
 * @category Report model
 */
export function parseReport(value: unknown): Report {
  requireDenseLists(value);
  return validate(ReportSchema, value, { subject: text("报告", "report") });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Index of the first hole of a list (an index with no item), or -1; stops at the hole. */
function firstHole(list: readonly unknown[]): number {
  for (let i = 0; i < list.length; i++) if (!(i in list)) return i;
  return -1;
}

/**
 * The error for the missing item at `path` of a list with holes (a sparse array), which any walk
 * would go through element by element, up to a length of billions.
 * @param path - The missing item (`body[0].blocks[1].rows[0]`).
 * @param length - The list's length.
 * @returns The error, to throw.
 * @internal
 */
export function holeError(path: string, length: number): ValidationError {
  return invalidArgument(
    path,
    "invalid_type",
    text(
      `列表不能有空位（稀疏数组，长度 ${length}）：此项不存在`,
      `a list must not have holes (a sparse array of length ${length}): this item is missing`,
    ),
    undefined,
  );
}

/**
 * Refuses a list with holes before anything iterates it. Stops at the first hole, so a sparse
 * array of any length costs no more than the items it holds.
 * @param list - The list (anything but an array passes: a schema names it).
 * @param path - Where the list is, for the message (`blocks`).
 * @throws ValidationError naming the first missing item.
 * @internal
 */
export function requireDenseList(list: unknown, path: string): void {
  if (!Array.isArray(list)) return;
  const hole = firstHole(list);
  if (hole >= 0) throw holeError(`${path}[${hole}]`, list.length);
}

/**
 * What {@link requireShallow} refuses, and a list with holes anywhere the schema goes through a
 * report (footnotes, data sources, the lists of every block: rows, cells, columns, notes, runs,
 * items, categories, series, values, groups, fields), naming the first missing item, before zod
 * walks it element by element. Each list is scanned up to its first hole, so a sparse array
 * costs no more than the items it holds.
 */
function requireDenseLists(value: unknown): void {
  if (!isObject(value)) return;
  requireDenseList(value.footnotes, "footnotes");
  if (isObject(value.meta)) requireDenseList(value.meta.dataSources, "meta.dataSources");
  if (isObject(value.privacy)) {
    requireDenseList(value.privacy.masked, "privacy.masked");
    requireDenseList(value.privacy.revealed, "privacy.revealed");
  }
  forEachBlock(value, requireDenseBlock);
}

/** Each list of a block, and each list inside them, without holes. */
function requireDenseBlock(b: Record<string, unknown>, path: string): void {
  /** Checks the list `b[key]`, and in each of its items the list `item[inner]` (`""`: the item). */
  const lists = (key: string, inner?: string) => {
    const list = b[key];
    requireDenseList(list, `${path}.${key}`);
    if (!Array.isArray(list) || inner === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      const own = inner === "" ? item : isObject(item) ? item[inner] : undefined;
      // The path is spelt out only for a hole: a register has a list of cells per row.
      if (Array.isArray(own) && firstHole(own) >= 0) {
        requireDenseList(own, `${path}.${key}[${i}]${inner === "" ? "" : `.${inner}`}`);
      }
    }
  };
  switch (b.type) {
    case "paragraph":
      return lists("content");
    case "list":
      return lists("items", "");
    case "table":
      lists("columns");
      lists("rows", "cells");
      lists("notes");
      if (isObject(b.totals)) requireDenseList(b.totals.cells, `${path}.totals.cells`);
      return;
    case "key-figures":
      return lists("items");
    case "chart":
      lists("categories");
      return lists("series", "values");
    case "card":
      return lists("groups", "fields");
  }
}

/**
 * Refuses sections nested deeper than `MAX_DEPTH`, or holding themselves, before anything walks
 * the tree recursively (and would overflow the stack), and a list of blocks with holes before
 * anything iterates it.
 */
function requireShallow(value: unknown): void {
  forEachBlock(value, () => {});
}

/**
 * Calls `visit` with every block of a report that is an object, and its path, level by level
 * and each list of blocks once: the one walk of a report not yet checked. Throws `too_deep` when
 * sections nest deeper than `MAX_DEPTH` or hold themselves, and names the first missing block of
 * a list with holes.
 */
function forEachBlock(
  value: unknown,
  visit: (block: Record<string, unknown>, path: string) => void,
): void {
  const body = isObject(value) ? value.body : undefined;
  // The lists of blocks of one level, each with where it is (for the message) and how many
  // times a walk of the tree meets it (a section's list of blocks may be held by several).
  type Level = Map<unknown[], { path: string; times: number }>;
  let level: Level = new Map(Array.isArray(body) ? [[body, { path: "body", times: 1 }]] : []);
  // Blocks a walk of the tree meets, each shared one every time: a few shared sections nested
  // in each other would otherwise make the schema (and every renderer) walk billions.
  let met = 0;
  for (let depth = 0; level.size > 0; depth++) {
    if (depth > MAX_DEPTH) {
      throw invalidArgument(
        "body",
        IssueCode.TOO_DEEP,
        text(
          `章节嵌套不能超过 ${MAX_DEPTH} 层，也不能包含自身`,
          `sections must not nest deeper than ${MAX_DEPTH} levels, nor hold themselves`,
        ),
        undefined,
      );
    }
    const next: Level = new Map();
    for (const [blocks, { path, times }] of level) {
      met += times * blocks.length;
      for (let i = 0; i < blocks.length; i++) {
        if (!(i in blocks)) throw holeError(`${path}[${i}]`, blocks.length);
        const b: unknown = blocks[i];
        if (!isObject(b)) continue;
        visit(b, `${path}[${i}]`);
        if (b.type !== "section" || !Array.isArray(b.blocks)) continue;
        const seen = next.get(b.blocks);
        if (seen) seen.times += times;
        else next.set(b.blocks, { path: `${path}[${i}].blocks`, times });
      }
    }
    level = next;
  }
  // Checked once the walk ends: sections that hold themselves never end, and are `too_deep`.
  if (met > MAX_REPORT_BLOCKS) throw tooManyBlocks();
}

/**
 * The most blocks a report may hold, a section held in several places counted in each: far
 * beyond any real report (a county's child files are about half a million), and a bound on the
 * walk of a report whose shared sections nest in each other.
 */
const MAX_REPORT_BLOCKS = 10_000_000;

/** The error for a report of more than {@link MAX_REPORT_BLOCKS} blocks. */
function tooManyBlocks(): ValidationError {
  return invalidArgument(
    "body",
    "too_big",
    text(
      `报告的块不能超过 ${MAX_REPORT_BLOCKS} 个（被多处引用的章节按每处计）`,
      `a report must not hold more than ${MAX_REPORT_BLOCKS} blocks (a section held in several places counts in each)`,
    ),
    undefined,
  );
}

/** Whether a value is an array without holes (the metadata and privacy lines iterate these). */
function isDenseList(value: unknown): boolean {
  return Array.isArray(value) && firstHole(value) < 0;
}

/**
 * A cheap check of the parts of a report that metadata and traversal read; on a mismatch the
 * full schema names what is wrong.
 * @internal
 */
export function requireReportShape(value: unknown): asserts value is Report {
  requireShallow(value);
  const ok =
    isObject(value) &&
    (value.locale === "zh-CN" || value.locale === "en") &&
    Array.isArray(value.body) &&
    value.body.every(isObject) &&
    isObject(value.meta) &&
    isObject(value.meta.subject) &&
    isObject(value.meta.period) &&
    isDenseList(value.meta.dataSources) &&
    isObject(value.privacy) &&
    isDenseList(value.privacy.masked) &&
    isDenseList(value.privacy.revealed);
  if (!ok) parseReport(value);
}
