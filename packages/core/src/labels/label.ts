import { DEFAULT_LOCALE, type Locale, type LocalizedText } from "../i18n/locale";
import { invalidArgument } from "../errors/validate";
import { ENUM_LABELS, type EnumValue, type LabelledEnum } from "./enum-labels";

const LOCALE_TEXT = { "zh-CN": "zh-CN", en: "en" } as const;

function labelsOf(kind: unknown): Readonly<Record<string, LocalizedText>> {
  if (typeof kind !== "string" || !Object.hasOwn(ENUM_LABELS, kind)) {
    throw invalidArgument(
      "kind",
      "invalid_value",
      { "zh-CN": "不是已知的枚举名称", en: "not a known enum name" },
      kind,
    );
  }
  return ENUM_LABELS[kind as LabelledEnum] as Readonly<Record<string, LocalizedText>>;
}

/**
 * The label of one enum value in a locale.
 * @param kind - the enum, a key of {@link ENUM_LABELS}
 * @param value - one of its values
 * @param locale - `zh-CN` (default) or `en`
 * @returns the label; throws a `ValidationError` for an unknown enum, value or locale
 * @example
 * labelOf("contactKind", "home-visit") //=> "家访"
 * labelOf("contactKind", "home-visit", "en") //=> "home visit"
 * @category Labels
 */
export function labelOf<K extends LabelledEnum>(
  kind: K,
  value: EnumValue<K>,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const labels = labelsOf(kind);
  if (typeof value !== "string" || !Object.hasOwn(labels, value)) {
    throw invalidArgument(
      "value",
      "invalid_value",
      { "zh-CN": `不是 ${kind} 的取值`, en: `not a value of ${kind}` },
      value,
    );
  }
  if (typeof locale !== "string" || !Object.hasOwn(LOCALE_TEXT, locale)) {
    throw invalidArgument(
      "locale",
      "invalid_value",
      { "zh-CN": "应为 zh-CN 或 en", en: "expected zh-CN or en" },
      locale,
    );
  }
  return (labels[value] as LocalizedText)[locale];
}

/** Folds a label for matching: trimmed, lower case, full-width letters, digits and parentheses made half-width, inner spaces removed. */
function fold(s: string): string {
  return s
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "")
    .replace(/[-]/g, "");
}

/**
 * Reads an enum value from text as a spreadsheet or form gives it: the value itself
 * (`"home-visit"`), its Chinese label (`"家访"`) or its English label (`"home visit"`), ignoring
 * case, surrounding and inner spaces, hyphens and full-width characters. Alternative spellings a
 * host meets (`"爷爷"` for a grandfather) can be passed as `aliases`.
 * @param kind - the enum, a key of {@link ENUM_LABELS}
 * @param input - the text to read
 * @param aliases - extra spellings, mapping text to a value
 * @returns the value, or `undefined` when nothing matches; throws a `ValidationError` for an unknown enum
 * @example
 * parseLabel("gender", "女") //=> "female"
 * parseLabel("livingArrangement", "With grandparents") //=> "grandparents"
 * parseLabel("guardianRelation", "爷爷", { 爷爷: "grandfather" }) //=> "grandfather"
 * parseLabel("gender", "unknown") //=> undefined
 * @category Labels
 */
export function parseLabel<K extends LabelledEnum>(
  kind: K,
  input: unknown,
  aliases: Readonly<Record<string, EnumValue<K>>> = {},
): EnumValue<K> | undefined {
  const labels = labelsOf(kind);
  if (typeof input !== "string" && typeof input !== "number") return undefined;
  const wanted = fold(String(input));
  if (wanted === "") return undefined;
  for (const [spelling, value] of Object.entries(aliases)) {
    if (fold(spelling) === wanted && Object.hasOwn(labels, value)) return value;
  }
  for (const [value, label] of Object.entries(labels)) {
    if (fold(value) === wanted || fold(label["zh-CN"]) === wanted || fold(label.en) === wanted) {
      return value as EnumValue<K>;
    }
  }
  return undefined;
}
