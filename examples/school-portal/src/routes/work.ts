import { html } from "hono/html";
import { labelOf } from "liushou";
import { childName, filesById, type Routes } from "../context";
import { tr } from "../i18n";
import { layout } from "../views";

/** `/work`: the overdue visits and calls, highest risk first, each with a link to record it. */
export const workRoutes: Routes = (web, portal) => {
  web.get("/work", async (c) => {
    const l = c.get("locale");
    const due = await portal.app.listDue({ withinDays: 14 });
    const files = await filesById(portal);
    const recorded = c.req.query("recorded");
    // Each child's own mentor (role `mentor`, in force today) fills the form's mentor field.
    const today = portal.today();
    const mentorOf = new Map<string, string>();
    for await (const { value: p } of portal.storage.pairings.stream({})) {
      if (p.role === "mentor" && p.start <= today && (p.end === undefined || p.end >= today))
        mentorOf.set(p.childId, p.mentorId);
    }
    const rowsOf = (items: typeof due.overdue) =>
      items.map((item) => {
        const childId = item.childId ?? item.subjectId;
        const kind = item.policyId.includes("call") ? "parent-call" : "home-visit";
        const mentor = item.mentorId ?? mentorOf.get(childId);
        const link = `/visits/new?child=${encodeURIComponent(childId)}${
          mentor ? `&mentor=${encodeURIComponent(mentor)}` : ""
        }&kind=${kind}`;
        return html`<tr data-child="${childId}" data-policy="${item.policyId}">
          <td>${childName(portal, files.get(childId), childId)}</td>
          <td>${item.policyName[l]}</td>
          <td>${item.due}</td>
          <td>${item.daysLate}</td>
          <td>${item.risk ? labelOf("riskLevel", item.risk, l) : "—"}</td>
          <td>${item.done} / ${item.required}</td>
          <td><a class="record" href="${link}">${tr(l, "记录", "Record")}</a></td>
        </tr>`;
      });
    const table = (id: string, items: typeof due.overdue) =>
      html`<table id="${id}">
        <thead>
          <tr>
            <th>${tr(l, "儿童", "Child")}</th>
            <th>${tr(l, "要求", "Policy")}</th>
            <th>${tr(l, "应完成日", "Due")}</th>
            <th>${tr(l, "逾期天数", "Days late")}</th>
            <th>${tr(l, "风险", "Risk")}</th>
            <th>${tr(l, "已完成", "Done")}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rowsOf(items)}
        </tbody>
      </table>`;
    return c.html(
      layout(
        l,
        "/work",
        tr(l, "逾期待办", "Overdue work"),
        html`${
            recorded
              ? html`<p class="notice" role="status">
                  ${tr(l, "走访已记录。", "The visit was recorded.")}
                </p>`
              : ""
          }
          <p>
            ${tr(
              l,
              `逾期 ${due.overdue.length} 项，两周内到期 ${due.dueSoon.length} 项。`,
              `${due.overdue.length} overdue, ${due.dueSoon.length} due within two weeks.`,
            )}
          </p>
          <h2>${tr(l, "逾期", "Overdue")}</h2>
          ${table("overdue", due.overdue)}
          <h2>${tr(l, "两周内到期", "Due within two weeks")}</h2>
          ${table("due-soon", due.dueSoon)}`,
      ),
    );
  });
};
