import { text, validate } from "@liushou/core";
import * as z from "zod";
import { ValueTypeSchema } from "./schema";
import type { CellValue, ValueType } from "./types";

const ArgsSchema = z.tuple([
  z.union([z.string(), z.number().refine(Number.isFinite, "a finite number"), z.null()]),
  ValueTypeSchema,
  z.object({ decimals: z.number().int().min(0).max(10).optional() }),
]);

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A finite number as `String` prints it, but never in exponent notation: `1e+21` becomes
 * `1000000000000000000000` and `1e-7` becomes `0.0000001` (the same shortest digits, placed).
 */
function plain(value: number): string {
  const s = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? "");
  // Where the point goes in `digits`: after the first digit, moved by the exponent.
  const point = 1 + Number(m[4]);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * `|value| × 10^scale` to `decimals` places, in plain digits. Beyond the safe integers every
 * double is an integer: its shortest digits (as `String` and JSON give them) are shifted, not
 * rounded, where `toFixed` would print binary noise (`…683,968`) or, from 1e21, exponent notation.
 */
function unsignedFixed(value: number, decimals: number, scale: 0 | 2): string {
  const abs = Math.abs(value);
  if (abs <= Number.MAX_SAFE_INTEGER) return (scale === 2 ? abs * 100 : abs).toFixed(decimals);
  return plain(abs) + "0".repeat(scale) + (decimals > 0 ? `.${"0".repeat(decimals)}` : "");
}

function fixed(value: number, decimals: number, grouped: boolean, scale: 0 | 2 = 0): string {
  const s = unsignedFixed(value, decimals, scale);
  const [int, frac] = s.split(".") as [string, string | undefined];
  // A tiny negative number rounds to zero, which prints without a sign ("0.00", not "-0.00").
  const sign = value < 0 && Number(s) !== 0 ? "-" : "";
  return sign + (grouped ? group(int) : int) + (frac === undefined ? "" : `.${frac}`);
}

/**
 * A number as the renderers print it, in plain digits whatever its size (never `1e+21`,
 * never `1e-7`): `grouped` with thousands separators and the yuan sign, as {@link formatValue}
 * prints it for people; without, as a spreadsheet reads it (the CSV renderer).
 * @param value - A finite number.
 * @param type - The value type.
 * @param decimals - Digits after the point for `decimal` (default 2) and `percent` (default 1).
 * @param grouped - Thousands separators and `¥`.
 * @returns The printed number.
 * @internal
 */
export function printNumber(
  value: number,
  type: ValueType,
  decimals: number | undefined,
  grouped: boolean,
): string {
  switch (type) {
    case "integer":
      return fixed(value, 0, grouped);
    case "decimal":
      return fixed(value, decimals ?? 2, grouped);
    case "percent":
      return `${fixed(value, decimals ?? 1, grouped, 2)}%`;
    case "money-fen": {
      const fen = Math.round(value);
      const digits = plain(Math.abs(fen)).padStart(3, "0");
      const yuan = digits.slice(0, -2);
      const sign = fen < 0 ? "-" : "";
      return grouped
        ? `${sign}¥${group(yuan)}.${digits.slice(-2)}`
        : `${sign}${yuan}.${digits.slice(-2)}`;
    }
    default:
      return plain(value);
  }
}

/**
 * Prints a value the way every renderer prints it: integers and decimals with thousands
 * separators, percents from a ratio (0.952 → 95.2%), money from integer fen (123450 → ¥1,234.50),
 * dates and text as they are, and `null` as an empty string. Numbers print in plain digits
 * whatever their size, never in exponent notation (1e21 → 1,000,000,000,000,000,000,000, and
 * 1e-7 as a decimal → 0.00). The same output in both locales, so that figures in a Chinese and
 * an English report agree character for character.
 * @param value - The cell value.
 * @param type - The value type of the column or figure.
 * @param options - `decimals` for `decimal` (default 2) and `percent` (default 1).
 * @returns The printed text.
 * @example
 * formatValue(28342, "integer") //=> "28,342"
 * formatValue(0.9523, "percent") //=> "95.2%"
 * formatValue(123450, "money-fen") //=> "¥1,234.50"
 * formatValue(1e21, "integer") //=> "1,000,000,000,000,000,000,000"
 * @category Report model
 */
export function formatValue(
  value: CellValue,
  type: ValueType,
  options: { decimals?: number } = {},
): string {
  validate(ArgsSchema, [value, type, options], { subject: text("数值格式", "value format") });
  if (value === null) return "";
  if (typeof value === "string") return value;
  return printNumber(value, type, options.decimals, true);
}
