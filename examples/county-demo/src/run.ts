import { rm } from "node:fs/promises";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createSqliteStorage } from "@liushou/storage-sqlite";
import {
  createLiushou,
  EXAMPLE_CALENDAR_2025_26,
  POLICY_PRESETS,
  SUPERVISION_PRESETS,
  type Instant,
  type Locale,
} from "liushou";
import { createClock } from "./clock";
import { reviewTerm } from "./compliance";
import { COUNTY_SIZES, generateCounty, SEMESTER, type CountySize } from "./county";
import { keepFileHistory } from "./history";
import { pairMentors } from "./pairing";
import { renderEveryReport, reportBuilders, type WrittenReport } from "./reports";
import { importRoster } from "./roster";
import { createSay } from "./say";
import { playSemester } from "./semester";
import { cpuMsSince, createStepRunner, seconds, type StepTiming } from "./steps";
import { appraiseFirstSchool } from "./term";

/** Options of {@link runCountyDemo}. */
export interface CountyDemoOptions {
  /** How big a county. Default `small`. */
  size?: CountySize;
  /** The language of what is printed and of the reports. Default `zh-CN`. */
  locale?: Locale;
  /** Where the database and the reports go. Default `out`. */
  outDir?: string;
  /** The seed of the synthetic county. Default `county-demo`. */
  seed?: string;
  /** Where the lines go. Default the console. */
  write?: (line: string) => void;
}

/** What the demo did. */
export interface CountyDemoResult {
  /** The SQLite database file. */
  readonly database: string;
  readonly reports: readonly WrittenReport[];
  readonly steps: readonly StepTiming[];
  readonly children: number;
}

/** The visit and call policies the county checks its mentors against. */
export const VISIT_POLICIES = [
  POLICY_PRESETS.homeVisitMonthly,
  POLICY_PRESETS.parentCallMonthly,
  POLICY_PRESETS.counsellorVisitTwiceMonthly,
];

/**
 * Runs the whole job on a synthetic county, on the embedded SQLite default: generate, import,
 * pair, play a semester, review it, appraise a school, keep a file's history, and render every
 * report in every format. Starts from an empty database file each time.
 * @param options - Size, language, output folder, seed, where lines go.
 * @returns The database file, the reports written and the time of each step.
 */
export async function runCountyDemo(options: CountyDemoOptions = {}): Promise<CountyDemoResult> {
  const size = options.size ?? "small";
  const seed = options.seed ?? "county-demo";
  const outDir = resolve(options.outDir ?? "out");
  const say = createSay(options.locale ?? "zh-CN", options.write);
  const steps = createStepRunner(say);
  const database = join(outDir, "county.db");
  const started = performance.now();
  const cpu = process.cpuUsage();

  say.line(
    say.t(
      `Liushou 县级演示：合成的县（${COUNTY_SIZES[size].children} 名学生，无真实数据），嵌入式 SQLite：${database}`,
      `Liushou county demo: a synthetic county (${COUNTY_SIZES[size].children} pupils, no real data), embedded SQLite: ${database}`,
    ),
  );
  const county = await steps.run("生成合成县", "Generate the synthetic county", () => {
    const c = generateCounty(size, seed);
    say.line(
      say.t(
        `${c.areas.length} 个行政区划，${c.schools.length} 所学校，${c.classes.length} 个班，${c.files.length} 名学生，${c.mentors.length} 名帮扶人，上学期结对 ${c.pairings.length} 对`,
        `${c.areas.length} areas, ${c.schools.length} schools, ${c.classes.length} classes, ${c.files.length} pupils, ${c.mentors.length} mentors, ${c.pairings.length} pairings from last term`,
      ),
    );
    return c;
  });

  await mkdir(outDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) await rm(database + suffix, { force: true });
  const storage = await createSqliteStorage({ filename: database, region: county.areas[0]!.code });
  try {
    const clock = createClock(`${SEMESTER.period.from}T08:30:00+08:00` as Instant);
    const base = {
      storage,
      actor: "county-office",
      clock: clock.now,
      calendar: EXAMPLE_CALENDAR_2025_26,
    };
    const app = createLiushou({
      ...base,
      policies: VISIT_POLICIES,
      renderers: reportBuilders(county.areas),
    });
    const supervision = createLiushou({
      ...base,
      policies: [
        SUPERVISION_PRESETS.recordBookCheckWeekly,
        SUPERVISION_PRESETS.teacherAppraisalMonthly,
      ],
    });

    await steps.run("导入花名册", "Import the roster", async () => {
      const imported = await importRoster(
        app,
        county,
        say.t("开学初导入花名册", "roster import at the term's start"),
      );
      for (const [kind, r] of Object.entries(imported))
        say.line(
          `  ${kind}: ${say.t(`新建 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}`, `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`)}`,
        );
    });
    await steps.run("结对帮扶：规划并保存", "Pair mentors: plan and apply", () =>
      pairMentors(app, say),
    );
    await steps.run(
      "模拟一学期：走访、电话、评估",
      "Play a semester: visits, calls, assessments",
      () => playSemester(app, clock, seed, say),
    );
    const review = await steps.run(
      "期末：统计、考核、法律检查",
      "End of term: statistics, compliance, legal checks",
      () => reviewTerm(app, say),
    );
    await steps.run("学校考评", "The school's appraisal", () =>
      appraiseFirstSchool(supervision, review.visits, say),
    );
    await steps.run("动态档案", "The dynamic file", () =>
      keepFileHistory(app, say, review.leftBehind[0]?.childId),
    );
    clock.set(SEMESTER.reportAt);
    const reports = await steps.run(
      "生成全部报告（md、csv、html、xlsx、docx）",
      "Render every report (md, csv, html, xlsx, docx)",
      () => renderEveryReport(app, outDir, say),
    );

    say.heading("完成", "Done");
    say.table(
      [say.t("步骤", "step"), say.t("用时", "time"), "CPU"],
      [
        ...steps.timings.map((s) => [s.step, seconds(s.ms), seconds(s.cpuMs)]),
        [say.t("合计", "total"), seconds(performance.now() - started), seconds(cpuMsSince(cpu))],
      ],
    );
    say.line(say.t(`数据库：${database}`, `Database: ${database}`));
    say.line(
      say.t(
        `报告（${reports.length} 个文件）：${join(outDir, "reports")}`,
        `Reports (${reports.length} files): ${join(outDir, "reports")}`,
      ),
    );
    return { database, reports, steps: steps.timings, children: county.files.length };
  } finally {
    await storage.close();
  }
}
