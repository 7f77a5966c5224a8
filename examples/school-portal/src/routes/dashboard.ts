import { chartToSvg } from "@liushou/report-html";
import { html, raw } from "hono/html";
import { rollUpCompliance } from "liushou";
import { termOf, type Routes } from "../context";
import { tr } from "../i18n";
import { layout } from "../views";

/** `/`: counts of the school and a chart of visit compliance by policy. */
export const dashboardRoutes: Routes = (web, portal) => {
  web.get("/", async (c) => {
    const l = c.get("locale");
    const asOf = portal.today();
    // Counted by the library on the stored files: what the portal reads is masked.
    const stats = await portal.app.statistics({ asOf });
    const due = await portal.app.listDue({ withinDays: 14 });
    const report = await portal.app.compliance({ period: termOf(asOf) });
    const policies = report.policies.map((p) => [p.id, p.name] as const);
    const rates = policies.map(
      ([id]) => rollUpCompliance(report, { by: "school", policyIds: [id] })[0]?.rate ?? null,
    );
    const chart = chartToSvg(
      {
        kind: "bar",
        valueType: "percent",
        categories: policies.map(([, name]) => name[l]),
        series: [{ name: tr(l, "合规率", "Compliance"), values: rates }],
      },
      { width: 640, height: 300, id: "compliance" },
    );
    const paired = new Set<string>();
    for await (const { value: p } of portal.storage.pairings.stream({ activeOn: asOf }))
      paired.add(p.childId);
    const figures: [string, number, string][] = [
      [tr(l, "在校学生", "Pupils"), stats.total.totalPupils, "pupils"],
      [tr(l, "留守儿童", "Left-behind children"), stats.total.leftBehind, "left-behind"],
      [tr(l, "已结对儿童", "Children paired"), paired.size, "paired"],
      [tr(l, "逾期待办", "Overdue"), due.overdue.length, "overdue"],
      [tr(l, "两周内到期", "Due within two weeks"), due.dueSoon.length, "due-soon"],
    ];
    const title = `${portal.school.schoolName} · ${tr(l, "概览", "Dashboard")}`;
    return c.html(
      layout(
        l,
        "/",
        title,
        html`<ul class="figures">
            ${figures.map(
              ([label, n, id]) => html`<li data-figure="${id}">${label}<b>${n}</b></li>`,
            )}
          </ul>
          <h2>${tr(l, "走访合规率（近 120 天）", "Visit compliance (last 120 days)")}</h2>
          <figure id="compliance-chart">${raw(chart)}</figure>`,
      ),
    );
  });
};
