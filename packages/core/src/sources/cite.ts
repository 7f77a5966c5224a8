import * as z from "zod";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import { SUMMARY_KIND_TEXT, SummaryKindSchema, summaryAt, type SummaryKind } from "./summaries";

/**
 * A citation of the work summaries: which kind of document, the line, and the words quoted
 * (a quote may leave words out with "……"; each part is on that line). A test holds every
 * built-in citation against the seed file.
 * @example
 * SeedCitationSchema.parse({ source: "school", line: 18, quote: "各教师代理两位留守儿童的家长" }).line //=> 18
 * @category Sources
 */
export const SeedCitationSchema = z.object({
  source: SummaryKindSchema,
  line: z.number().int().positive(),
  quote: z.string().min(1),
});
/** @category Sources */
export type SeedCitation = z.infer<typeof SeedCitationSchema>;

/**
 * Writes a citation of the work summaries, checking that the line belongs to a summary of
 * that kind (the words themselves are checked against the seed file by the test suite).
 * @param source - Who wrote the summary (`"school"`, `"community"`, `"county"`…).
 * @param line - The 1-based line in `work-summaries.zh.txt`.
 * @param quote - The words cited, in Chinese.
 * @returns A frozen {@link SeedCitation}.
 * @throws ValidationError when the line is not in a summary of that kind.
 * @example
 * cite("school", 18, "各教师代理两位留守儿童的家长").source //=> "school"
 * cite("school", 67, quote) // throws: line 67 is in a community summary
 * @category Sources
 */
export function cite(source: SummaryKind, line: number, quote: string): SeedCitation {
  const c = validate(
    SeedCitationSchema,
    { source, line, quote },
    { subject: text("引文", "citation") },
  );
  const at = summaryAt(c.line);
  if (at?.kind !== c.source) {
    const was = at ? SUMMARY_KIND_TEXT[at.kind] : text("（文外）", "(outside the document)");
    throw new ValidationError(
      [
        {
          path: "source",
          code: IssueCode.OTHER,
          received: source,
          message: text(
            `字段 source：第 ${line} 行属于${was["zh-CN"]}，不是${SUMMARY_KIND_TEXT[c.source]["zh-CN"]}`,
            `source: line ${line} is in a ${was.en}, not a ${SUMMARY_KIND_TEXT[c.source].en}`,
          ),
        },
      ],
      { subject: text("引文", "citation") },
    );
  }
  return Object.freeze(c);
}

/**
 * A citation in words, for notes and reports: the quote, the kind of summary and the line.
 * @param citation - A seed citation.
 * @returns The citation in zh-CN and English.
 * @example
 * citationText(cite("school", 18, "各教师代理两位")).en //=> "“各教师代理两位” (school summary, L18)"
 * @category Sources
 */
export function citationText(citation: SeedCitation): { "zh-CN": string; en: string } {
  const c = validate(SeedCitationSchema, citation, { subject: text("引文", "citation") });
  const k = SUMMARY_KIND_TEXT[c.source];
  return text(`“${c.quote}”（${k["zh-CN"]}，L${c.line}）`, `“${c.quote}” (${k.en}, L${c.line})`);
}
