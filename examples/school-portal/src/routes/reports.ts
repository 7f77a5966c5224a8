import { BUILT_IN_REPORTS } from "@liushou/report";
import { html } from "hono/html";
import { termOf, type PortalContext, type Routes } from "../context";
import { tr } from "../i18n";
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  type RenderedFile,
  type ReportFormat,
  type ReportKind,
} from "../reports";
import { layout } from "../views";

const isKind = (v: string): v is ReportKind => (REPORT_KINDS as readonly string[]).includes(v);
const isFormat = (v: string): v is ReportFormat => Object.hasOwn(REPORT_FORMATS, v);

/** The school's mentors, by id (the record book is one per mentor). */
async function mentorsOf(portal: PortalContext): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const m of portal.storage.mentors.stream({ schoolId: portal.school.schoolId }))
    out.set(m.value.id, m.value.name);
  return out;
}

/**
 * `/reports`: every built-in report of the school in every format, built from the stored data;
 * the record book of this month once per mentor.
 */
export const reportRoutes: Routes = (web, portal) => {
  web.get("/reports", async (c) => {
    const l = c.get("locale");
    const mentors = await mentorsOf(portal);
    // A row per report; the record book, a row per mentor (`?mentor=` in its links).
    const rows = REPORT_KINDS.flatMap((kind) => {
      const title = BUILT_IN_REPORTS[kind].title[l];
      return BUILT_IN_REPORTS[kind].covers === "mentor-month"
        ? [...mentors].map(([id, name]) => ({
            kind,
            title: `${title} · ${name}`,
            query: `mentor=${encodeURIComponent(id)}&`,
          }))
        : [{ kind, title, query: "" }];
    });
    return c.html(
      layout(
        l,
        "/reports",
        tr(l, "报表下载", "Reports"),
        html`<table id="reports">
          <tbody>
            ${rows.map(
              ({ kind, title, query }) =>
                html`<tr data-kind="${kind}">
                  <td>${title}</td>
                  ${Object.keys(REPORT_FORMATS).map(
                    (f) =>
                      html`<td>
                        <a href="/reports/${kind}.${f}?${query}lang=${l}" download
                          >${f.toUpperCase()}</a
                        >
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
    const mentorId = c.req.query("mentor");
    if (kind === "record-book" && !(mentorId && (await mentorsOf(portal)).has(mentorId)))
      return c.notFound();
    const asOf = portal.today();
    const file = (await portal.app.buildReport("school", {
      kind,
      format,
      schoolId: portal.school.schoolId,
      asOf,
      period: termOf(asOf),
      generatedAt: portal.now(),
      locale: c.get("locale"),
      ...(mentorId ? { mentorId } : {}),
    })) as RenderedFile;
    return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body), 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
    });
  });
};
