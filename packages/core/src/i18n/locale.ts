/**
 * Locales and bilingual text. Every module uses it, so it runs no code when loaded; the error
 * layer is reached only when {@link text} is given something other than two strings.
 */
import { invalidArgument } from "../errors/validate";

/**
 * A supported locale. zh-CN is the default: reports go to Chinese education bureaus first.
 * @category I18n
 */
export type Locale = "zh-CN" | "en";

/**
 * The locale used when none is given.
 * @example
 * DEFAULT_LOCALE //=> "zh-CN"
 * @category I18n
 */
export const DEFAULT_LOCALE: Locale = "zh-CN";

/**
 * All supported locales.
 * @example
 * LOCALES //=> ["zh-CN", "en"]
 * @category I18n
 */
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

/**
 * A text in every supported locale.
 * @example
 * const t: LocalizedText = { "zh-CN": "家访", en: "home visit" };
 * @category I18n
 */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * Whether a value is a {@link LocalizedText}: a string for every locale.
 * @example
 * isLocalizedText({ "zh-CN": "家访", en: "home visit" }) //=> true
 * isLocalizedText("家访") //=> false
 * @category I18n
 */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value !== "object" || value === null) return false;
  const t = value as Partial<Record<Locale, unknown>>;
  return typeof t["zh-CN"] === "string" && typeof t.en === "string";
}

/**
 * Builds a {@link LocalizedText}.
 * @param zhCN - The Chinese text.
 * @param en - The English text.
 * @returns The text in both locales; a `ValidationError` naming the argument when either is not
 * a string.
 * @example
 * text("家访", "home visit") //=> { "zh-CN": "家访", en: "home visit" }
 * @category I18n
 */
export /*#__NO_SIDE_EFFECTS__*/ function text(zhCN: string, en: string): LocalizedText {
  if (typeof zhCN !== "string" || typeof en !== "string") {
    const [path, received] = typeof zhCN !== "string" ? ["zhCN", zhCN] : ["en", en];
    throw invalidArgument(
      path,
      "invalid_type",
      { "zh-CN": "应为字符串", en: "expected a string" },
      received,
    );
  }
  return { "zh-CN": zhCN, en };
}
