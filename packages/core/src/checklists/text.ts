import * as z from "zod";
import type { LocalizedText } from "../i18n";
import { SummaryKindSchema } from "../sources/summaries";

/**
 * A text in zh-CN and English, as stored in checklist, rule and plan data.
 * @internal
 */
export const LocalizedTextSchema = z.object({
  "zh-CN": z.string().min(1),
  en: z.string().min(1),
}) as unknown as z.ZodType<LocalizedText, LocalizedText>;

/**
 * Where a checklist, rule or plan template comes from: a document (a work summary, a law), the
 * line in it when known, and the words quoted.
 * @example
 * SourceCitationSchema.parse({ document: "work-summaries.zh.txt", kind: "class-teacher", line: 83, quote: "生活上缺照顾" })
 * @category Checklists
 */
export const SourceCitationSchema = z.object({
  /** The document cited, e.g. `work-summaries.zh.txt` or `Minors Protection Law (2020) Art. 21`. */
  document: z.string().min(1),
  /** Which kind of work summary (school, community, county…), when the document is the summaries. */
  kind: SummaryKindSchema.optional(),
  /** Line number in the document, when it is a text file. */
  line: z.number().int().positive().optional(),
  /** The words cited, in the original language. */
  quote: z.string().min(1),
  /** What the citation supports, in both languages. */
  note: LocalizedTextSchema.optional(),
});
/** @category Checklists */
export type SourceCitation = z.infer<typeof SourceCitationSchema>;
