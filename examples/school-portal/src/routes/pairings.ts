import { html } from "hono/html";
import { TEACHER_PAIRING_PRESET } from "liushou";
import { childName, filesById, type Routes } from "../context";
import { tr } from "../i18n";
import { layout } from "../views";

/** `/pairings`: the pairing plan of the school (read only), every pair with its reasons. */
export const pairingRoutes: Routes = (web, portal) => {
  web.get("/pairings", async (c) => {
    const l = c.get("locale");
    const plan = await portal.app.planPairings({
      rules: TEACHER_PAIRING_PRESET,
      scope: { schoolId: portal.school.schoolId },
    });
    const files = await filesById(portal);
    const mentors = new Map<string, string>();
    for await (const m of portal.storage.mentors.stream({})) mentors.set(m.value.id, m.value.name);
    return c.html(
      layout(
        l,
        "/pairings",
        tr(l, "结对帮扶", "Pairings"),
        html`<p>
            ${tr(
              l,
              `规则：${TEACHER_PAIRING_PRESET.name}。保留 ${plan.diff.kept.length} 对，新增 ${plan.diff.added.length} 对，未结对 ${plan.unmatched.length} 人。`,
              `Rules: ${TEACHER_PAIRING_PRESET.name}. ${plan.diff.kept.length} kept, ${plan.diff.added.length} added, ${plan.unmatched.length} unmatched.`,
            )}
          </p>
          <table id="pairs">
            <thead>
              <tr>
                <th>${tr(l, "儿童", "Child")}</th>
                <th>${tr(l, "帮扶人", "Mentor")}</th>
                <th>${tr(l, "状态", "Status")}</th>
                <th>${tr(l, "理由", "Why")}</th>
              </tr>
            </thead>
            <tbody>
              ${plan.pairs.map(
                (p) =>
                  html`<tr>
                    <td>${childName(portal, files.get(p.pairing.childId), p.pairing.childId)}</td>
                    <td>${mentors.get(p.pairing.mentorId) ?? p.pairing.mentorId}</td>
                    <td>${p.status === "kept" ? tr(l, "保留", "kept") : tr(l, "新增", "added")}</td>
                    <td>
                      <ul>
                        ${p.breakdown
                          .filter((t) => t.points !== 0)
                          .map((t) => html`<li>${t.explanation[l]}</li>`)}
                      </ul>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${
            plan.unmatched.length > 0
              ? html`<h2>${tr(l, "未能结对", "Not paired")}</h2>
                  <ul id="unmatched">
                    ${plan.unmatched.map(
                      (u) =>
                        html`<li>
                          ${childName(portal, files.get(u.childId), u.childId)}：${u.message[l]}
                        </li>`,
                    )}
                  </ul>`
              : ""
          }`,
      ),
    );
  });
};
