import { html } from "hono/html";
import { formatValue } from "@liushou/report";
import { WishStatusSchema, labelOf, type MicroWish } from "liushou";
import { childName, filesById, type Routes } from "../context";
import { tr } from "../i18n";
import { layout } from "../views";

/** `/wishes`: the micro-wish board, a column per status. */
export const wishRoutes: Routes = (web, portal) => {
  web.get("/wishes", async (c) => {
    const l = c.get("locale");
    const files = await filesById(portal);
    const wishes: MicroWish[] = [];
    for await (const w of portal.storage.wishes.stream({})) wishes.push(w.value);
    return c.html(
      layout(
        l,
        "/wishes",
        tr(l, "微心愿", "Micro-wishes"),
        html`<div id="wish-board" style="display:flex;gap:1rem;flex-wrap:wrap">
          ${WishStatusSchema.options.map(
            (status) =>
              html`<section data-status="${status}" style="min-width:10rem">
                <h2>${labelOf("wishStatus", status, l)}</h2>
                <ul>
                  ${wishes
                    .filter((w) => w.status === status)
                    .map(
                      (w) =>
                        html`<li>
                          <b>${w.title}</b> · ${childName(portal, files.get(w.childId), w.childId)}
                          ${w.costFen !== undefined ? html` · ${formatValue(w.costFen, "money-fen")}` : ""}
                          ${w.donor ? html` · ${tr(l, "认领：", "by ")}${w.donor.name}` : ""}
                        </li>`,
                    )}
                </ul>
              </section>`,
          )}
        </div>`,
      ),
    );
  });
};
