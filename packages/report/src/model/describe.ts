import { text, type LocalizedText } from "@liushou/core";
import { requireReportShape } from "./parse";
import type { Report, SensitiveField } from "./types";

const META: Readonly<Record<string, LocalizedText>> = {
  preparedBy: text("填报人（单位）", "Prepared by"),
  subject: text("范围", "Covers"),
  period: text("统计期间", "Period"),
  asOf: text("数据截至", "Data as of"),
  generatedAt: text("生成时间", "Generated at"),
  dataSources: text("数据来源", "Data"),
};

const FIELD_TEXT: Readonly<Record<SensitiveField, LocalizedText>> = {
  idNumber: text("身份证号", "ID numbers"),
  phone: text("电话号码", "phone numbers"),
  address: text("住址", "addresses"),
  health: text("健康状况", "health notes"),
};

/**
 * The metadata of a report as labelled lines in its locale, the same for every renderer:
 * who prepared it, what it covers, the period, the date of the data, when it was generated and
 * from which data.
 * @param report - The report.
 * @returns `{ label, value }` lines, in print order.
 * @example
 * metaLines(report)[1] //=> { label: "统计期间", value: "2026-02-20 至 2026-07-10" }
 * @category Report model
 */
export function metaLines(report: Report): { label: string; value: string }[] {
  requireReportShape(report);
  const l = report.locale;
  const m = report.meta;
  const zh = l === "zh-CN";
  const lines: { label: string; value: string }[] = [];
  if (m.preparedBy !== undefined) lines.push({ label: META.preparedBy![l], value: m.preparedBy });
  lines.push({ label: META.subject![l], value: m.subject.name });
  lines.push({
    label: META.period![l],
    value: zh ? `${m.period.from} 至 ${m.period.to}` : `${m.period.from} to ${m.period.to}`,
  });
  lines.push({ label: META.asOf![l], value: m.asOf });
  lines.push({ label: META.generatedAt![l], value: `${m.generatedAt} (${m.timeZone})` });
  if (m.dataSources.length > 0) {
    lines.push({
      label: META.dataSources![l],
      value: m.dataSources
        .map((d) => {
          const count = d.count === undefined ? "" : zh ? `（${d.count} 条）` : ` (${d.count})`;
          const note = d.note === undefined ? "" : zh ? `，${d.note}` : `, ${d.note}`;
          return `${d.name}${count}${note}`;
        })
        .join(zh ? "；" : "; "),
    });
  }
  return lines;
}

/**
 * The sentence every renderer prints about privacy: which fields were masked and which the
 * caller chose to reveal.
 * @param report - The report.
 * @returns One sentence in the report's locale.
 * @example
 * privacyStatement(report) //=> "隐私保护：身份证号、电话号码、住址、健康状况已遮蔽。"
 * @category Privacy
 */
export function privacyStatement(report: Report): string {
  requireReportShape(report);
  const l = report.locale;
  const zh = l === "zh-CN";
  const names = (fs: readonly SensitiveField[]) =>
    fs.map((f) => FIELD_TEXT[f][l]).join(zh ? "、" : ", ");
  const { masked, revealed } = report.privacy;
  const parts: string[] = [];
  if (masked.length > 0) parts.push(zh ? `${names(masked)}已遮蔽` : `${names(masked)} masked`);
  if (revealed.length > 0)
    parts.push(
      zh
        ? `应调用方要求显示${names(revealed)}`
        : `${names(revealed)} shown in full at the caller's request`,
    );
  if (parts.length === 0)
    return zh
      ? "隐私保护：本报告不含敏感个人信息。"
      : "Privacy: no sensitive personal information.";
  return zh ? `隐私保护：${parts.join("；")}。` : `Privacy: ${parts.join("; ")}.`;
}
