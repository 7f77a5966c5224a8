import { invalidArgument } from "../errors/validate";
import { DEFAULT_LOCALE, LOCALES, type Locale, type LocalizedText } from "./locale";

/**
 * Picks the text of one locale.
 * @example
 * localize(text("家访", "home visit"), "en") //=> "home visit"
 * @category I18n
 */
export function localize(t: LocalizedText, locale: Locale = DEFAULT_LOCALE): string {
  const value = LOCALES.includes(locale)
    ? (t as Partial<LocalizedText> | null | undefined)?.[locale]
    : undefined;
  if (typeof value !== "string" || !LOCALES.includes(locale)) {
    throw invalidArgument(
      LOCALES.includes(locale) ? `text.${locale}` : "locale",
      "invalid_type",
      {
        "zh-CN": `应为含 ${LOCALES.join("、")} 文本的对象`,
        en: `expected a text in ${LOCALES.join(", ")}`,
      },
      LOCALES.includes(locale) ? t : locale,
    );
  }
  return value;
}
