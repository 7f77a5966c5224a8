/** Locales and bilingual text (no dependencies, so every module can use it). */
/**
 * A supported locale. zh-CN is the default: reports go to Chinese education bureaus first.
 * @category I18n
 */
export type Locale = "zh-CN" | "en";

/**
 * The locale used when none is given.
 * @category I18n
 */
export const DEFAULT_LOCALE: Locale = "zh-CN";

/**
 * All supported locales.
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
 * Builds a {@link LocalizedText}.
 * @example
 * text("家访", "home visit") //=> { "zh-CN": "家访", en: "home visit" }
 * @category I18n
 */
export /*#__NO_SIDE_EFFECTS__*/ function text(zhCN: string, en: string): LocalizedText {
  return { "zh-CN": zhCN, en };
}
