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

function fixed(value: number, decimals: number): string {
  const s = Math.abs(value).toFixed(decimals);
  const [int, frac] = s.split(".") as [string, string | undefined];
  const sign = value < 0 && Number(s) !== 0 ? "-" : "";
  return sign + group(int) + (frac === undefined ? "" : `.${frac}`);
}

/**
 * Prints a value the way every renderer prints it: integers and decimals with thousands
 * separators, percents from a ratio (0.952 → 95.2%), money from integer fen (123450 → ¥1,234.50),
 * dates and text as they are, and `null` as an empty string. The same output in both locales,
 * so that figures in a Chinese and an English report agree character for character.
 * @param value - The cell value.
 * @param type - The value type of the column or figure.
 * @param options - `decimals` for `decimal` (default 2) and `percent` (default 1).
 * @returns The printed text.
 * @example
 * formatValue(28342, "integer") //=> "28,342"
 * formatValue(0.9523, "percent") //=> "95.2%"
 * formatValue(123450, "money-fen") //=> "¥1,234.50"
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
  switch (type) {
    case "integer":
      return fixed(value, 0);
    case "decimal":
      return fixed(value, options.decimals ?? 2);
    case "percent":
      return `${fixed(value * 100, options.decimals ?? 1)}%`;
    case "money-fen": {
      const fen = Math.round(value);
      const abs = Math.abs(fen);
      const yuan = group(String(Math.floor(abs / 100)));
      return `${fen < 0 ? "-" : ""}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
    }
    default:
      return String(value);
  }
}
