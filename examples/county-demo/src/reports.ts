import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  BUILT_IN_REPORTS,
  BUILT_IN_REPORT_KINDS,
  csvRenderer,
  markdownRenderer,
  renderReport,
  type BuiltInReportKind,
  type CareData,
  type Report,
  type ReportRenderer as FormatRenderer,
} from "@liushou/report";
import { docxRenderer } from "@liushou/report-docx";
import { htmlRenderer } from "@liushou/report-html";
import { xlsxRenderer } from "@liushou/report-xlsx";
import {
  classifyLeftBehind,
  EXAMPLE_CALENDAR_2025_26,
  type Area,
  type Liushou,
  type Locale,
  type ReportContext,
  type ReportRenderer,
  type StorageSession,
} from "liushou";
import { SEMESTER } from "./county";
import type { Say } from "./say";
import { seconds } from "./steps";
import { storedValues } from "./stored";

/** The built-in reports of `@liushou/report`, by kind, in the order the demo renders them. */
export const REPORT_KINDS = BUILT_IN_REPORT_KINDS;

/** A kind of {@link REPORT_KINDS}. */
export type ReportKind = BuiltInReportKind;

/** Every format the report packages render: Markdown, CSV, HTML, Excel, Word. */
export const FORMATS: readonly FormatRenderer<object>[] = [
  markdownRenderer,
  csvRenderer,
  htmlRenderer,
  xlsxRenderer,
  docxRenderer,
];

/** What the demo's report builders take from `app.buildReport(kind, options)`. */
export interface DemoReportOptions {
  readonly locale: Locale;
}

/** Everything stored that the care reports read, with the county's areas (reference data). */
async function careData(s: StorageSession, areas: readonly Area[]): Promise<CareData> {
  return {
    files: await storedValues(s.files.stream({})),
    mentors: await storedValues(s.mentors.stream({})),
    pairings: await storedValues(s.pairings.stream({})),
    records: await storedValues(s.contacts.stream({})),
    activities: await storedValues(s.activities.stream({})),
    wishes: await storedValues(s.wishes.stream({})),
    aid: await storedValues(s.aid.stream({})),
    assessments: await storedValues(s.assessments.stream({})),
    schools: await storedValues(s.schools.stream({})),
    classes: await storedValues(s.classes.stream({})),
    areas,
    calendar: EXAMPLE_CALENDAR_2025_26,
  };
}

/**
 * The first school on file with its pupils' files and its classes: the registers, cards and
 * record book are of one school.
 */
async function firstSchool(s: StorageSession) {
  const school = (await s.schools.query({}, { limit: 1 })).items[0]!.value;
  return {
    school,
    files: await storedValues(s.files.stream({ schoolId: school.id })),
    schools: [school],
    classes: await storedValues(s.classes.stream({ schoolId: school.id })),
    subject: { kind: "school", id: school.id, name: school.name } as const,
  };
}

/**
 * The demo's report builders for `createLiushou({ renderers })`: each reads what it needs from
 * storage through `app.buildReport(kind, { locale })` and returns the report model, dated by
 * the app's clock. The work summary, statistics, work list and ledger cover the county; the
 * registers and child cards one school (a county's registers run to thousands of pages); the
 * record book one class teacher's last month.
 * @param areas - The county's areas, for names next to region codes.
 */
export function reportBuilders(areas: readonly Area[]): Record<ReportKind, ReportRenderer> {
  const county = areas.find((a) => a.level === "county")!;
  const common = (ctx: ReportContext, options: unknown) => ({
    locale: (options as DemoReportOptions).locale,
    asOf: ctx.asOf,
    period: SEMESTER.period,
    generatedAt: ctx.now,
    timeZone: ctx.timeZone,
  });
  const countySubject = { kind: "area", id: county.code, name: county.name } as const;
  const countyScope = { level: "county", code: county.code } as const;
  return {
    "work-summary": async (ctx, o) =>
      BUILT_IN_REPORTS["work-summary"].build({
        ...(await careData(ctx.storage, areas)),
        ...common(ctx, o),
        scope: countyScope,
      }),
    statistics: async (ctx, o) =>
      BUILT_IN_REPORTS.statistics.build({
        ...common(ctx, o),
        files: await storedValues(ctx.storage.files.stream({})),
        schools: await storedValues(ctx.storage.schools.stream({})),
        areas,
        rowsBy: "school",
        subject: countySubject,
      }),
    registers: async (ctx, o) => {
      const { school: _school, ...roster } = await firstSchool(ctx.storage);
      return BUILT_IN_REPORTS.registers.build({ ...common(ctx, o), ...roster });
    },
    "child-cards": async (ctx, o) => {
      const { school: _school, ...roster } = await firstSchool(ctx.storage);
      const childIds = roster.files
        .filter((f) => classifyLeftBehind(f, { asOf: ctx.asOf }).leftBehind)
        .slice(0, 6)
        .map((f) => f.id);
      return BUILT_IN_REPORTS["child-cards"].build({
        ...common(ctx, o),
        ...roster,
        childIds,
        mentors: await storedValues(ctx.storage.mentors.stream({})),
        pairings: await storedValues(ctx.storage.pairings.stream({})),
      });
    },
    "record-book": async (ctx, o) => {
      const { school, files, schools } = await firstSchool(ctx.storage);
      const mentors = await storedValues(ctx.storage.mentors.stream({ schoolId: school.id }));
      const mentor = mentors.find((m) => m.kind === "class-teacher")!;
      const { period: _period, ...options } = common(ctx, o);
      return BUILT_IN_REPORTS["record-book"].build({
        ...options,
        mentorId: mentor.id,
        month: SEMESTER.months.at(-1)!,
        files,
        mentors,
        pairings: await storedValues(ctx.storage.pairings.stream({ mentorId: mentor.id })),
        records: await storedValues(ctx.storage.contacts.stream({ mentorId: mentor.id })),
        schools,
      });
    },
    "work-list": async (ctx, o) =>
      BUILT_IN_REPORTS["work-list"].build({
        ...(await careData(ctx.storage, areas)),
        ...common(ctx, o),
        scope: countyScope,
        withinDays: 7,
      }),
    "wish-aid-ledger": async (ctx, o) =>
      BUILT_IN_REPORTS["wish-aid-ledger"].build({
        ...common(ctx, o),
        files: await storedValues(ctx.storage.files.stream({})),
        wishes: await storedValues(ctx.storage.wishes.stream({})),
        aid: await storedValues(ctx.storage.aid.stream({})),
        schools: await storedValues(ctx.storage.schools.stream({})),
        subject: countySubject,
      }),
  };
}

/** A file the demo wrote. */
export interface WrittenReport {
  readonly kind: ReportKind;
  readonly format: string;
  readonly path: string;
  readonly bytes: number;
}

/**
 * Builds every report through `app.buildReport` and renders it in every format into
 * `<outDir>/reports/<kind>.<extension>`.
 * @param app - The use cases, with {@link reportBuilders} as `renderers`.
 * @param outDir - Where to write.
 * @param say - Where the story goes.
 * @returns The files written.
 */
export async function renderEveryReport(
  app: Liushou,
  outDir: string,
  say: Say,
): Promise<WrittenReport[]> {
  const dir = join(outDir, "reports");
  await mkdir(dir, { recursive: true });
  const written: WrittenReport[] = [];
  for (const kind of REPORT_KINDS) {
    const started = performance.now();
    const report = (await app.buildReport(kind, { locale: say.locale })) as Report;
    for (const renderer of FORMATS) {
      const output = await renderReport(renderer, report);
      const path = join(dir, `${kind}.${renderer.extension}`);
      await writeFile(path, output);
      written.push({
        kind,
        format: renderer.id,
        path,
        bytes: typeof output === "string" ? Buffer.byteLength(output) : output.byteLength,
      });
    }
    say.line(
      `  ${report.title} → ${kind}.{${FORMATS.map((r) => r.extension).join(",")}} (${seconds(performance.now() - started)})`,
    );
  }
  return written;
}
