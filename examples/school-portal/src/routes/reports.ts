import { html } from "hono/html";
import { termOf, type Routes } from "../context";
import { tr } from "../i18n";
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  type RenderedFile,
  type ReportFormat,
  type ReportKind,
} from "../reports";
import { layout } from "../views";

const TITLES: Record<ReportKind, [string, string]> = {
  "work-summary": ["学期工作总结", "Semester work summary"],
  "work-list": ["合规与待办清单", "Compliance and work list"],
  statistics: ["留守儿童统计表", "Statistics table"],
  registers: ["三本台账（儿童、监护人、父母）", "Registers (children, guardians, parents)"],
  "child-cards": ["儿童档案卡与联系卡", "Child file and contact cards"],
  "wish-aid-ledger": ["微心愿与资助台账", "Micro-wish and aid ledger"],
};

const isKind = (v: string): v is ReportKind => (REPORT_KINDS as readonly string[]).includes(v);
const isFormat = (v: string): v is ReportFormat => Object.hasOwn(REPORT_FORMATS, v);

/** `/reports`: every report of the school in every format, built from the stored data. */
export const reportRoutes: Routes = (web, portal) => {
  web.get("/reports", (c) => {
    const l = c.get("locale");
    return c.html(
      layout(
        l,
        "/reports",
        tr(l, "报表下载", "Reports"),
        html`<table id="reports">
          <tbody>
            ${REPORT_KINDS.map(
              (kind) =>
                html`<tr>
                  <td>${tr(l, ...TITLES[kind])}</td>
                  ${Object.keys(REPORT_FORMATS).map(
                    (f) =>
                      html`<td>
                        <a href="/reports/${kind}.${f}?lang=${l}" download>${f.toUpperCase()}</a>
                      </td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>`,
      ),
    );
  });

  web.get("/reports/:file", async (c) => {
    const [kind = "", format = ""] = c.req.param("file").split(".");
    if (!isKind(kind) || !isFormat(format)) return c.notFound();
    const asOf = portal.today();
    const file = (await portal.app.buildReport("school", {
      kind,
      format,
      schoolId: portal.school.schoolId,
      asOf,
      period: termOf(asOf),
      generatedAt: portal.now(),
      locale: c.get("locale"),
    })) as RenderedFile;
    return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body), 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
    });
  });
};
