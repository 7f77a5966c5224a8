import { invalidArgument } from "../errors/validate";
import { text as t } from "../i18n/locale";

/** Runs of 11 or more digits, with a check character: mobile, ID and bank card numbers. */
const LONG_NUMBER = /\d{11,}[\dXx]?/g;

function requireText(value: unknown): string {
  if (typeof value === "string") return value;
  throw invalidArgument("text", "invalid_type", t("应为文本", "expected text"), value);
}

/**
 * Masks a value of a classed field: two characters kept at each end, at most 16 stars between
 * (all stars for four characters or fewer).
 * @param value - The value to show.
 * @returns The masked text.
 * @throws ValidationError when `value` is not a string.
 * @example
 * maskValue("110105194912310021") //=> "11**************21"
 * maskValue("王小明") //=> "***"
 * @category Privacy
 */
export function maskValue(value: string): string {
  const s = requireText(value);
  if (s.length <= 4) return "*".repeat(s.length);
  const head = Array.from(s.slice(0, 4)).slice(0, 2).join("");
  const tail = Array.from(s.slice(-4)).slice(-2).join("");
  return `${head}${"*".repeat(Math.min(s.length - 4, 16))}${tail}`;
}

/**
 * Masks every run of 11 or more digits in a text (a mobile or resident ID number typed into free
 * text, or used as an id), as {@link maskValue} does. Every Liushou error passes its texts
 * through it, so no error shows such a number in full whatever field it came from.
 * @param text - Any text.
 * @returns The text with long numbers masked.
 * @throws ValidationError when `text` is not a string.
 * @example
 * maskLongNumbers("call 13800138000 after 6") //=> "call 13*******00 after 6"
 * @category Privacy
 */
export function maskLongNumbers(text: string): string {
  return requireText(text).replace(LONG_NUMBER, maskValue);
}
