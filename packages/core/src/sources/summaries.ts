import * as z from "zod";
import { text, type LocalizedText } from "../i18n";

/**
 * The seed document every built-in citation points into: about twenty work summaries of
 * schools, class teachers, a community, a street office, a township school district, county
 * offices, a city meeting and a city work unit, one after the other.
 * @example
 * SUMMARIES_FILE //=> "work-summaries.zh.txt"
 * @category Sources
 */
export const SUMMARIES_FILE = "work-summaries.zh.txt";

/**
 * Who wrote a work summary: a school (学校), a class teacher (班主任), a community (社区), a
 * street office (街道), a township school district (学区), a county office (县), a city
 * meeting (市) or a city work unit (机关单位). A citation names it, so a reader knows whose
 * practice a rule follows.
 * @example
 * SummaryKindSchema.parse("township") //=> "township"
 * @category Sources
 */
export const SummaryKindSchema = z.enum([
  "school",
  "class-teacher",
  "community",
  "street",
  "township",
  "county",
  "city",
  "work-unit",
]);
/** @category Sources */
export type SummaryKind = z.infer<typeof SummaryKindSchema>;

/**
 * One summary of the seed document: its first and last line and who wrote it.
 * @category Sources
 */
export interface SummaryDocument {
  readonly from: number;
  readonly to: number;
  readonly kind: SummaryKind;
  readonly title: LocalizedText;
}

const doc = (from: number, to: number, kind: SummaryKind, zh: string, en: string) =>
  Object.freeze({ from, to, kind, title: text(zh, en) });

/**
 * The summaries of the seed document by line range, in order (line numbers are 1-based).
 * @example
 * SUMMARY_DOCUMENTS.find((d) => d.from <= 67 && 67 <= d.to)?.kind //=> "community"
 * @category Sources
 */
export const SUMMARY_DOCUMENTS: readonly SummaryDocument[] = Object.freeze([
  doc(1, 23, "school", "学校留守儿童之家工作总结", "a school's summary (children's home)"),
  doc(24, 27, "city", "聊城市关爱保护工作会议报道", "report of a city meeting (Liaocheng)"),
  doc(28, 37, "school", "学校本学年留守孩子工作总结", "a school's year summary"),
  doc(38, 51, "school", "学校关爱留守儿童工作总结", "a school's summary"),
  doc(
    52,
    70,
    "community",
    "兰田社区留守儿童之家工作总结",
    "a community's summary (children's home)",
  ),
  doc(71, 80, "street", "街道关爱留守儿童工作总结", "a street office's summary"),
  doc(81, 88, "class-teacher", "班主任关爱留守儿童工作总结", "a class teacher's summary"),
  doc(89, 98, "class-teacher", "班主任关注留守儿童工作体会", "a class teacher's notes"),
  doc(99, 113, "school", "学校关爱留守儿童工作总结（之九）", "a school's summary (no. 9)"),
  doc(114, 118, "county", "紫阳团县委关爱留守儿童工作报道", "a county Youth League report"),
  doc(119, 129, "class-teacher", "班级留守儿童工作计划", "a class's work plan"),
  doc(130, 154, "school", "学校扶贫助学一学期工作总结", "a school's term summary (with one class)"),
  doc(155, 186, "school", "中心学校留守儿童关爱工程总结", "a central school's summary"),
  doc(187, 192, "work-unit", "市供销社关爱留守儿童“笑脸行动”总结", "a city work unit's summary"),
  doc(193, 203, "school", "学校关工委关爱留守儿童工作总结", "a school's summary"),
  doc(204, 217, "class-teacher", "一年级关爱留守儿童工作总结", "a first-grade class's summary"),
  doc(218, 229, "class-teacher", "高年级班主任德育工作体会", "a class teacher's notes"),
  doc(230, 240, "school", "学校本学期关爱留守儿童工作总结", "a school's term summary"),
  doc(241, 253, "school", "学校本学年留守孩子工作总结", "a school's year summary"),
  doc(
    254,
    287,
    "township",
    "学区关爱留守儿童工作总结（含各校展示）",
    "a school district's summary, with its schools",
  ),
  doc(288, 293, "class-teacher", "教师关爱留守儿童工作总结", "a teacher's summary"),
  doc(294, 304, "school", "学校关爱留守儿童工作总结", "a school's summary"),
  doc(305, 326, "county", "平江县关爱留守儿童工作总结", "a county education bureau's summary"),
]);

/**
 * Kinds of summary in zh-CN and English, for citations in reports and guides.
 * @example
 * SUMMARY_KIND_TEXT.community.en //=> "community summary"
 * @category Sources
 */
export const SUMMARY_KIND_TEXT: Readonly<Record<SummaryKind, LocalizedText>> = Object.freeze({
  school: text("学校总结", "school summary"),
  "class-teacher": text("班主任总结", "class-teacher summary"),
  community: text("社区总结", "community summary"),
  street: text("街道总结", "street summary"),
  township: text("学区总结", "school-district summary"),
  county: text("县级总结", "county summary"),
  city: text("市级报道", "city report"),
  "work-unit": text("机关单位总结", "work-unit summary"),
});

/**
 * The summary a line of the seed document belongs to.
 * @param line - A 1-based line number.
 * @returns The summary, or `undefined` outside the document.
 * @example
 * summaryAt(309)?.kind //=> "county"
 * @category Sources
 */
export function summaryAt(line: number): SummaryDocument | undefined {
  if (typeof line !== "number") return undefined;
  return SUMMARY_DOCUMENTS.find((d) => d.from <= line && line <= d.to);
}
