import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Locale } from "liushou";
import { tr } from "./i18n";

/** A page fragment: Hono's escaped HTML (every interpolated value is escaped). */
export type View = HtmlEscapedString | Promise<HtmlEscapedString>;

const NAV = [
  ["/", "概览", "Dashboard"],
  ["/work", "待办", "Work list"],
  ["/visits/new", "记录走访", "Record a visit"],
  ["/pairings", "结对", "Pairings"],
  ["/wishes", "微心愿", "Micro-wishes"],
  ["/reports", "报表", "Reports"],
] as const;

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222}
header{background:#8b1a1a;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header a[aria-current]{text-decoration:underline}
main{padding:1rem;max-width:60rem}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}
.figures{display:flex;gap:1rem;flex-wrap:wrap;list-style:none;padding:0}
.figures li{border:1px solid #ddd;padding:.5rem 1rem;min-width:8rem}.figures b{display:block;font-size:1.6rem}
label{display:block;margin-top:.6rem}.error{color:#b00020;margin-left:.5rem}
.notice{background:#eef7ee;padding:.5rem}.privacy{color:#666;font-size:.85rem}
`;

/** The page frame: navigation, language switch, the privacy line. */
export function layout(locale: Locale, path: string, title: string, body: View): View {
  const other = locale === "en" ? "zh-CN" : "en";
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${tr(locale, "留守儿童关爱", "Left-behind children care")}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <strong>${tr(locale, "留守儿童关爱", "Left-behind children care")}</strong>
          <nav>
            ${NAV.map(
              ([href, zh, en]) =>
                html`<a href="${href}" ${path === href ? raw('aria-current="page"') : ""}
                  >${tr(locale, zh, en)}</a
                > `,
            )}
          </nav>
          <a href="${path}?lang=${other}">${other === "en" ? "English" : "中文"}</a>
        </header>
        <main>
          <h1>${title}</h1>
          ${body}
          <p class="privacy">
            ${tr(
              locale,
              "个人信息默认遮蔽：姓名只显示首字，报表中证件号、电话、住址和健康信息均已遮蔽。",
              "Personal data is masked by default: names show their first character only; ID numbers, phones, addresses and health notes are masked in reports.",
            )}
          </p>
        </main>
      </body>
    </html>`;
}
