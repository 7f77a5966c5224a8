import { resolve } from "node:path";
import type { Area } from "@liushou/core";
import {
  BUILT_IN_REPORT_KINDS,
  buildBuiltInReport,
  csvRenderer,
  isBuiltInReportKind,
  markdownRenderer,
  renderReport,
  SENSITIVE_FIELDS,
  type BuiltInReportInput,
  type BuiltInReportKind,
  type Report,
  type ReportScope,
  type SensitiveField,
} from "@liushou/report";
import { Command } from "commander";
import { checkPeriod, dateFlag, monthFlag } from "../_lib/dates";
import { UsageError } from "../_lib/exit";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { checkOutputPath, writeOutput } from "../_lib/output";
import { loadCareData, namesOf, type Names } from "../_lib/data";
import { progress } from "../_lib/progress";
import { examples } from "./help";

const FORMATS = ["md", "html", "csv", "xlsx", "docx"] as const;
type Format = (typeof FORMATS)[number];

interface ReportCliOptions extends DbOptions {
  format: string;
  out?: string;
  from?: string;
  to?: string;
  scope?: string;
  mentor?: string;
  month?: string;
  reveal?: string;
}

/** The renderer of a format, loaded when asked (the Office and HTML renderers are heavy). */
async function render(format: Format, report: Report): Promise<string | Uint8Array> {
  if (format === "md") return renderReport(markdownRenderer, report);
  if (format === "csv") return renderReport(csvRenderer, report);
  if (format === "html")
    return renderReport((await import("@liushou/report-html")).htmlRenderer, report);
  if (format === "xlsx")
    return renderReport((await import("@liushou/report-xlsx")).xlsxRenderer, report);
  return renderReport((await import("@liushou/report-docx")).docxRenderer, report);
}

/** `--scope school:<id>` or `county|township:<code>`; default the county of the files. */
function scopeOf(
  session: Session,
  raw: string | undefined,
  counties: readonly string[],
): ReportScope {
  if (raw === undefined) {
    if (counties.length === 1) return { level: "county", code: counties[0]! };
    throw new UsageError(
      session.t(
        `数据涉及多个县（${counties.join("、") || "无"}），请用 --scope 指定，如 --scope county:430102`,
        `the data spans several counties (${counties.join(", ") || "none"}); choose one with --scope, e.g. --scope county:430102`,
      ),
    );
  }
  const [level, id] = raw.split(":");
  if (level === "school" && id) return { level, id };
  if ((level === "county" || level === "township") && id && /^\d{6,12}$/.test(id))
    return { level, code: id };
  throw new UsageError(
    session.t(
      `--scope 应为 school:<编号>、county:<代码> 或 township:<代码>（收到：${raw}）`,
      `--scope must be school:<id>, county:<code> or township:<code> (received: ${raw})`,
    ),
  );
}

/** The areas (with names) of the children's home regions, for tables by area. */
function areasOf(codes: readonly string[], names: Names): Area[] {
  const out = new Map<string, Area>();
  for (const code of codes) {
    for (const [len, level] of [
      [6, "county"],
      [9, "township"],
      [12, "village"],
    ] as const) {
      if (code.length < len) continue;
      const region = names.regions.lookup(code.slice(0, len));
      if (region)
        out.set(region.code, {
          code: region.code,
          name: region.name,
          level,
          ...(len > 6 ? { parentCode: code.slice(0, len === 9 ? 6 : 9) } : {}),
        });
    }
  }
  return [...out.values()];
}

/** `liushou report <kind>`: builds a report and writes it in a format. @internal */
export function reportCommand(session: Session): Command {
  const { t } = session;
  return new Command("report")
    .description(
      t(
        "生成报告并写入文件（md、html、csv、xlsx、docx）",
        "build a report and write it (md, html, csv, xlsx, docx)",
      ),
    )
    .argument("<kind>", BUILT_IN_REPORT_KINDS.join(" | "))
    .option("--format <format>", FORMATS.join(" | "), "md")
    .option(
      "--out <file>",
      t("输出文件（默认 <kind>.<format>）", "output file (default <kind>.<format>)"),
    )
    .option(
      "--from <date>",
      t("统计期起（默认当年 1 月 1 日）", "period start (default 1 January)"),
    )
    .option("--to <date>", t("统计期止（默认今天）", "period end (default today)"))
    .option(
      "--scope <scope>",
      t(
        "范围：school:<编号>、county:<代码>、township:<代码>（默认数据所在县）",
        "scope: school:<id>, county:<code>, township:<code> (default the data's county)",
      ),
    )
    .option("--mentor <id>", t("record-book：帮扶人编号", "record-book: the mentor id"))
    .option("--month <YYYY-MM>", t("record-book：月份", "record-book: the month"))
    .option(
      "--reveal <fields>",
      t(
        `显示完整的敏感字段（逗号分隔：${SENSITIVE_FIELDS.join(",")}），默认全部遮蔽`,
        `show these sensitive fields in full (comma-separated: ${SENSITIVE_FIELDS.join(",")}); all masked by default`,
      ),
    )
    .addHelpText(
      "after",
      examples(session, [
        [
          "liushou report work-summary --format docx --out 总结.docx",
          t("学期工作总结（Word）", "the work summary as Word"),
        ],
        [
          "liushou report statistics --format xlsx",
          t("统计表（Excel），按区划名称", "the statistics table as Excel, with region names"),
        ],
        [
          "liushou report record-book --mentor t-1 --month 2026-03 --format html",
          t("走访记录册", "a mentor's record book"),
        ],
      ]),
    )
    .action(async (kind: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<ReportCliOptions>();
      if (!isBuiltInReportKind(kind))
        throw new UsageError(
          t(
            `未知报告：${kind}（可用：${BUILT_IN_REPORT_KINDS.join("、")}）`,
            `unknown report: ${kind} (known: ${BUILT_IN_REPORT_KINDS.join(", ")})`,
          ),
        );
      if (!(FORMATS as readonly string[]).includes(o.format))
        throw new UsageError(
          t(
            `未知格式：${o.format}（可用：${FORMATS.join("、")}）`,
            `unknown format: ${o.format} (known: ${FORMATS.join(", ")})`,
          ),
        );
      const reveal = (o.reveal ? o.reveal.split(",").map((s) => s.trim()) : []) as SensitiveField[];
      const bad = reveal.find((f) => !SENSITIVE_FIELDS.includes(f));
      if (bad)
        throw new UsageError(
          t(
            `--reveal 中的 ${bad} 不是敏感字段（可用：${SENSITIVE_FIELDS.join(",")}）`,
            `--reveal: ${bad} is not a sensitive field (known: ${SENSITIVE_FIELDS.join(",")})`,
          ),
        );
      if (kind === "record-book" && (!o.mentor || !o.month))
        throw new UsageError(
          t("record-book 需要 --mentor 和 --month", "record-book needs --mentor and --month"),
        );
      const from = dateFlag(session, "--from", o.from);
      const to = dateFlag(session, "--to", o.to);
      const month = monthFlag(session, "--month", o.month);
      if (from && to) checkPeriod(session, from, to, "--to");
      const out = resolve(session.io.cwd, o.out ?? `${kind}.${o.format}`);
      await checkOutputPath(session, "--out", out, o);
      await withApp(session, o, async ({ storage, today, now }) => {
        // Without --to the period ends today (or on --today), known once the app is open.
        if (from && !to) checkPeriod(session, from, today, t("今天", "today"));
        const bar = progress(session);
        const step = t("生成报告", "building the report");
        bar.update(step, 0, 3);
        const data = await loadCareData(storage);
        const names = await namesOf(data);
        bar.update(step, 1, 3);
        const base = {
          locale: session.locale,
          asOf: to ?? today,
          generatedAt: now(),
          reveal,
          ...(from ? { period: { from, to: to ?? today } } : {}),
        };
        const areas = areasOf(
          data.files.map((f) => f.child.regionCode),
          names,
        );
        const counties = [...new Set(data.files.map((f) => f.child.regionCode.slice(0, 6)))];
        const care = () => ({
          ...base,
          ...data,
          areas,
          scope: scopeOf(session, o.scope, counties),
        });
        const roster = {
          ...base,
          files: data.files,
          schools: data.schools,
          classes: data.classes,
        };
        // What each kind's builder takes, built only for the kind asked for.
        const inputs: { [K in BuiltInReportKind]: () => BuiltInReportInput<K> } = {
          "work-summary": care,
          "work-list": care,
          statistics: () => ({ ...roster, areas, rowsBy: "township" }),
          registers: () => roster,
          "child-cards": () => ({ ...base, ...data }),
          "record-book": () => ({ ...base, ...data, mentorId: o.mentor!, month: month! }),
          "wish-aid-ledger": () => ({ ...roster, wishes: data.wishes, aid: data.aid }),
        };
        const report: Report = buildBuiltInReport(kind, inputs[kind]());
        bar.update(step, 2, 3);
        const body = await render(o.format as Format, report);
        await writeOutput(session, "--out", out, body);
        bar.update(step, 3, 3);
        bar.done();
        const bytes = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
        session.result({ kind, format: o.format, out, bytes, title: report.title }, () => [
          t(
            `已写入 ${out}（${report.title}，${bytes} 字节）`,
            `Written ${out} (${report.title}, ${bytes} bytes)`,
          ),
        ]);
      });
    });
}
