import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { BUILT_IN_REPORTS, BUILT_IN_REPORT_KINDS } from "@liushou/report";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, needs } from "../../../vitest.programs";
import { createPortal, type Portal } from "./app";

// The third day of July: June's monthly visits are overdue (three days' grace), and the seed
// left the last weeks unvisited.
const clock = () => "2026-07-02T10:00:00+08:00";

describe.skipIf(!CHROMIUM)(needs("the portal in headless Chromium", CHROMIUM, "chromium"), () => {
  let portal: Portal;
  let server: ServerType;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([
      createPortal({ clock }),
      chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS }),
    ]);
    server = serve({ fetch: portal.web.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await portal?.close();
  });

  it("shows the dashboard, records a visit, shrinks the work list and downloads a report", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const overdue = async () => page.locator("#overdue tbody tr").count();

    // Dashboard: counts and the compliance chart (ECharts SVG), in Chinese by default.
    await page.goto(`${base}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const figure = (id: string) => page.locator(`[data-figure="${id}"] b`).innerText();
    expect(Number(await figure("left-behind"))).toBeGreaterThan(0);
    const overdueOnDashboard = Number(await figure("overdue"));
    expect(overdueOnDashboard).toBeGreaterThan(0);
    expect(
      await page.locator("#compliance-chart svg rect, #compliance-chart svg path").count(),
    ).toBeGreaterThan(0);
    // Names are masked: no full name of a pupil appears on any page.
    const firstFile = (await portal.app.storage.files.query({}, { limit: 1 })).items[0]!.value;
    expect(await page.content()).not.toContain(firstFile.child.name);

    // The work list: one row per overdue item, as the dashboard counted.
    await page.click('nav a[href="/work"]');
    const before = await overdue();
    expect(before).toBe(overdueOnDashboard);
    expect(await page.content()).not.toContain(firstFile.child.name);

    // A bad form: the errors are shown next to their fields, in Chinese.
    await page.goto(`${base}/visits/new`);
    await page.fill('input[name="at"]', "");
    await page.click('button[type="submit"]');
    expect(await page.locator("#child-error").innerText()).toContain("childIds");
    expect(await page.locator("#at-error").innerText()).toMatch(/时区|时间/);
    expect(await page.locator('select[name="child"]').getAttribute("aria-invalid")).toBe("true");

    // Record the first overdue visit from its row (child and mentor filled in), dated in June.
    await page.goto(`${base}/work`);
    const row = page.locator("#overdue tbody tr").first();
    const childId = await row.getAttribute("data-child");
    await row.locator("a.record").click();
    expect(await page.locator('select[name="child"]').inputValue()).toBe(childId);
    expect(await page.locator('select[name="mentor"]').inputValue()).not.toBe("");
    await page.fill('input[name="at"]', "2026-06-28T15:00");
    await page.fill('textarea[name="summary"]', "家访：与祖母交流学习和生活情况");
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/work\?recorded=/);
    expect(await page.locator('[role="status"]').count()).toBe(1);
    const after = await overdue();
    expect(after).toBe(before - 1);

    // English on request, remembered.
    await page.goto(`${base}/reports?lang=en`);
    expect(await page.locator("h1").innerText()).toBe("Reports");

    // Download the work list as CSV (in English, as chosen): UTF-8 with BOM, the new count.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('a[href^="/reports/work-list.csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe("work-list-2026-07-02.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`Overdue,${after},`);

    // Every built-in report is offered under its title; the record book once per mentor, for
    // this month, and only for a mentor of the school.
    for (const kind of BUILT_IN_REPORT_KINDS)
      expect(await page.locator(`tr[data-kind="${kind}"]`).count(), kind).toBeGreaterThan(0);
    expect(await page.locator('tr[data-kind="statistics"] td').first().innerText()).toBe(
      BUILT_IN_REPORTS.statistics.title.en,
    );
    const book = page.locator('tr[data-kind="record-book"]').first();
    const mentorName = (await book.locator("td").first().innerText()).split(" · ").at(-1)!;
    const href = (await book.locator('a[href^="/reports/record-book.md?"]').getAttribute("href"))!;
    const md = await page.request.get(`${base}${href}`);
    expect(md.status()).toBe(200);
    expect(await md.text()).toContain(`Visit record book · ${mentorName} · 2026-07`);
    expect((await page.request.get(`${base}/reports/record-book.md`)).status()).toBe(404);
    expect((await page.request.get(`${base}/reports/record-book.md?mentor=nobody`)).status()).toBe(
      404,
    );
    await page.close();
  });

  it("pairing board and micro-wish board", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/pairings`);
    expect(await page.locator("#pairs tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#pairs tbody li").count()).toBeGreaterThan(0);
    await page.goto(`${base}/wishes`);
    expect(await page.locator("#wish-board li").count()).toBe(6);
    await page.close();
  });
});
