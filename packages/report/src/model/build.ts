import {
  invalidArgument,
  localize,
  text,
  validate,
  type Locale,
  type LocalizedText,
} from "@liushou/core";
import * as z from "zod";
import { requireString } from "../_lib/guard";
import { InlineSchema, ValueTypeSchema } from "./schema";
import { formatValue } from "./format";
import { requireDenseList } from "./parse";
import type { Block, FigureRun, FootnoteRef, Inline, Paragraph, Section, ValueType } from "./types";

const FigureArgs = z.tuple([
  z.number().refine(Number.isFinite, "a finite number"),
  ValueTypeSchema,
  z.string().optional(),
]);
const SectionArgs = z.tuple([
  z.string().min(1),
  z.string(),
  // Shallow: the blocks were built by these helpers, and the report is checked as a whole.
  z.array(z.object({ type: z.string() }).loose()),
  z.number().int().min(1).max(6),
]);

/**
 * Picks the text of a locale from a bilingual pair (a builder writes both languages side by
 * side and prints one).
 * @param locale - The report's locale.
 * @param t - The text in both languages.
 * @returns The text in `locale`.
 * @example
 * pick("en", { "zh-CN": "基本情况", en: "Basic situation" }) //=> "Basic situation"
 * @category Report builders
 */
export function pick(locale: Locale, t: LocalizedText): string {
  return localize(t, locale);
}

/**
 * A number in a sentence, printed with {@link formatValue} and tagged with where it came from.
 * @param value - The number.
 * @param valueType - How it is printed (default `integer`).
 * @param source - The function and field that computed it.
 * @returns A figure run.
 * @example
 * figure(0.95, "percent", "completenessReport.total.archiveRate").text //=> "95.0%"
 * @category Report builders
 */
export function figure(
  value: number,
  valueType: ValueType = "integer",
  source?: string,
): FigureRun {
  validate(FigureArgs, [value, valueType, source], { subject: text("数字", "figure") });
  return {
    type: "figure",
    value,
    valueType,
    text: formatValue(value, valueType),
    ...(source !== undefined ? { source } : {}),
  };
}

/**
 * A reference to a footnote.
 * @param id - The footnote's id.
 * @returns A footnote reference run.
 * @example
 * footnoteRef("convention") //=> { type: "footnote-ref", id: "convention" }
 * @category Report builders
 */
export function footnoteRef(id: string): FootnoteRef {
  requireString(id, "id");
  return { type: "footnote-ref", id };
}

/**
 * Builds inline runs from a template: text stays text, figures and footnote references stay
 * data, plain numbers become integer figures.
 * @param strings - The text around the values (a tagged template).
 * @param values - Text, plain numbers, figures or footnote references.
 * @returns The runs of one sentence.
 * @example
 * sentence`共有留守儿童 ${54} 名。`
 * //=> [{ type: "text", text: "共有留守儿童 " }, { type: "figure", value: 54, valueType: "integer", text: "54" }, { type: "text", text: " 名。" }]
 * @category Report builders
 */
export function sentence(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | FigureRun | FootnoteRef)[]
): Inline[] {
  requireDenseList(strings, "strings");
  if (!Array.isArray(strings) || !strings.every((x) => typeof x === "string")) {
    throw invalidArgument(
      "strings",
      "invalid_type",
      text("应为模板字符串", "expected a template literal"),
      strings,
    );
  }
  values.forEach((v, i) => {
    const ok =
      typeof v === "string" ||
      (typeof v === "number" && Number.isFinite(v)) ||
      InlineSchema.safeParse(v).success;
    if (!ok) {
      throw invalidArgument(
        `values[${i}]`,
        "invalid_type",
        text(
          "应为文本、有限数字、数字或脚注引用",
          "expected text, a finite number, a figure or a footnote reference",
        ),
        v,
      );
    }
  });
  const out: Inline[] = [];
  const push = (s: string) => {
    if (s === "") return;
    const last = out[out.length - 1];
    if (last?.type === "text") out[out.length - 1] = { type: "text", text: last.text + s };
    else out.push({ type: "text", text: s });
  };
  strings.forEach((s, i) => {
    push(s);
    if (i >= values.length) return;
    const v = values[i]!;
    if (typeof v === "string") push(v);
    else if (typeof v === "number") out.push(figure(v));
    else out.push(v);
  });
  return out;
}

/**
 * A paragraph of sentences.
 * @param sentences - The runs of each sentence, in order.
 * @returns The paragraph block.
 * @example
 * paragraph(sentence`共有留守儿童 ${54} 名。`, sentence`建档 ${54} 份。`)
 * @category Report builders
 */
export function paragraph(...sentences: readonly (readonly Inline[])[]): Paragraph {
  sentences.forEach((s, i) => requireDenseList(s, `[${i}]`));
  validate(z.array(z.array(InlineSchema)), sentences, { subject: text("段落", "paragraph") });
  return { type: "paragraph", content: sentences.flat() };
}

/**
 * A section with a heading.
 * @param id - Unique id in the report.
 * @param title - The heading.
 * @param blocks - Its contents.
 * @param level - 1 for a top section (default), 2 below it…
 * @returns The section block.
 * @example
 * section("basic", "一、基本情况", [paragraph(sentence`…`)])
 * @category Report builders
 */
export function section(id: string, title: string, blocks: readonly Block[], level = 1): Section {
  requireDenseList(blocks, "[2]");
  validate(SectionArgs, [id, title, blocks, level], { subject: text("章节", "section") });
  return { type: "section", id, title, level, blocks };
}

/**
 * The plain text of inline runs (figures as printed, footnote references as `[n]` given their
 * numbers).
 * @param runs - The runs.
 * @param footnoteNumber - Number of a footnote id (default: none printed).
 * @returns The text.
 * @example
 * inlineText(sentence`共 ${54} 名。`) //=> "共 54 名。"
 * @category Report builders
 */
export function inlineText(
  runs: readonly Inline[],
  footnoteNumber?: (id: string) => number | undefined,
): string {
  requireDenseList(runs, "runs");
  validate(z.array(InlineSchema), runs, { path: ["runs"], subject: text("文字", "runs") });
  let out = "";
  for (const r of runs) {
    if (r.type === "footnote-ref") {
      const n = footnoteNumber?.(r.id);
      if (n !== undefined) out += `[${n}]`;
    } else out += r.text;
  }
  return out;
}
