import type { Locale, LocalizedText } from "liushou";

/** Picks the text of a locale. */
export function tr(locale: Locale, zh: string, en: string): string {
  return locale === "en" ? en : zh;
}

/** The text of a library message (a `LocalizedText`) in a locale. */
export function say(locale: Locale, message: LocalizedText): string {
  return message[locale];
}

/** Reads the locale of a request: `?lang=` first, then the `lang` cookie; zh-CN by default. */
export function localeOf(query: string | undefined, cookie: string | undefined): Locale {
  const v = query ?? cookie;
  return v === "en" ? "en" : "zh-CN";
}

/**
 * Masks a person's name for the screen: the first character stays, the rest become stars
 * (王小明 → 王**), so a list on a classroom screen does not name children in full.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`;
}
