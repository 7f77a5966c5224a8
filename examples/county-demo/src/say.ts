import { localize, text, type Locale, type LocalizedText } from "liushou";
import { printTable } from "./print";

/**
 * How the demo speaks: in one locale, to one sink (the terminal, or nothing in a test).
 */
export interface Say {
  readonly locale: Locale;
  /** The text in the demo's locale. */
  t(zh: string, en: string): string;
  /** A localized text of the library in the demo's locale. */
  l(value: LocalizedText): string;
  /** Prints a line. */
  line(value: string): void;
  /** Prints a section heading. */
  heading(zh: string, en: string): void;
  /** Prints an aligned table. */
  table(headers: string[], rows: string[][]): void;
}

/** A ratio as a percentage with one decimal, or a dash. */
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`;

/**
 * Makes the demo's voice.
 * @param locale - `zh-CN` or `en`.
 * @param write - Where lines go (default the console).
 */
export function createSay(locale: Locale, write: (line: string) => void = console.log): Say {
  const l = (value: LocalizedText) => localize(value, locale);
  return {
    locale,
    t: (zh, en) => l(text(zh, en)),
    l,
    line: write,
    heading: (zh, en) => write(`\n## ${l(text(zh, en))}\n`),
    table: (headers, rows) => printTable(headers, rows, write),
  };
}
