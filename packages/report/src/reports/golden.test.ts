import type { Locale } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { AS_OF, GENERATED_AT, syntheticSchool, TERM } from "../_lib/school.test-helper";
import { csvRenderer } from "../csv/render";
import { markdownRenderer } from "../markdown/render";
import { renderReport } from "../renderer/port";
import { parseReport } from "../model/parse";
import type { Report } from "../model/types";
import { childCardsReport } from "./child-cards";
import { wishAidLedgerReport } from "./ledger";
import { recordBookReport } from "./record-book";
import { registersReport } from "./registers";
import { statisticsReport } from "./statistics";
import { workListReport } from "./work-list";
import { workSummaryReport } from "./work-summary";

const pop = syntheticSchool();
const school = pop.schools[0]!;
const scope = { level: "school", id: school.id } as const;
const common = (locale: Locale) =>
  ({ locale, asOf: AS_OF, period: TERM, generatedAt: GENERATED_AT }) as const;
const subject = { kind: "school", id: school.id, name: school.name } as const;

const builders: Record<string, (l: Locale) => Report> = {
  "work-summary": (l) => workSummaryReport({ ...pop, ...common(l), scope }),
  statistics: (l) =>
    statisticsReport({
      ...common(l),
      files: pop.files,
      schools: pop.schools,
      classes: pop.classes,
      rowsBy: "class",
      subject,
    }),
  registers: (l) =>
    registersReport({ ...common(l), files: pop.files, classes: pop.classes, subject }),
  "child-cards": (l) =>
    childCardsReport({
      ...common(l),
      ...pop,
      childIds: pop.files.slice(0, 3).map((f) => f.id),
      subject,
    }),
  "record-book": (l) =>
    recordBookReport({
      ...pop,
      locale: l,
      asOf: AS_OF,
      generatedAt: GENERATED_AT,
      mentorId: pop.mentors[0]!.id,
      month: "2026-03",
    }),
  "work-list": (l) =>
    workListReport({
      ...pop,
      ...common(l),
      asOf: "2026-06-02",
      period: { from: TERM.from, to: "2026-06-02" },
      scope,
    }),
  "wish-aid-ledger": (l) => wishAidLedgerReport({ ...common(l), ...pop, subject }),
};

describe("golden reports on a fixed synthetic school", () => {
  for (const [kind, build] of Object.entries(builders)) {
    for (const locale of ["zh-CN", "en"] as const) {
      it(`${kind} (${locale}) in Markdown and CSV`, async () => {
        const report = build(locale);
        expect(parseReport(report)).toEqual(report);
        expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
        expect(report.kind).toBe(kind);
        const md = await renderReport(markdownRenderer, report);
        const csv = await renderReport(csvRenderer, report);
        await expect(md).toMatchFileSnapshot(`./__golden__/${kind}.${locale}.md`);
        await expect(csv).toMatchFileSnapshot(`./__golden__/${kind}.${locale}.csv`);
      });
    }
  }
});
