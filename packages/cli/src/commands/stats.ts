import {
  leftBehindStatistics,
  StatisticsGroupBySchema,
  type StatisticsGroupBy,
} from "@liushou/core";
import { Command } from "commander";
import { UsageError } from "../_lib/exit";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { loadCareData, namesOf } from "../_lib/data";
import { examples } from "./help";

interface StatsOptions extends DbOptions {
  by: string;
}

const AREA_LEVELS = new Set(["province", "city", "county", "township", "village"]);

/** `liushou stats`: left-behind children counted by area, school, grade, class or stage. @internal */
export function statsCommand(session: Session): Command {
  const { t } = session;
  const groups = StatisticsGroupBySchema.options;
  return new Command("stats")
    .description(
      t(
        "统计：留守儿童人数、占比、按居住情况分类",
        "statistics: left-behind children, their share and how they live",
      ),
    )
    .option(
      "--by <group>",
      t(`分组：${groups.join("、")}`, `rows by: ${groups.join(", ")}`),
      "township",
    )
    .addHelpText(
      "after",
      examples(session, [
        ["liushou stats", t("按乡镇统计（显示区划名称）", "by township (with region names)")],
        ["liushou stats --by school --json", t("按学校，JSON 输出", "by school, as JSON")],
      ]),
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<StatsOptions>();
      if (!groups.includes(o.by as StatisticsGroupBy)) {
        throw new UsageError(
          t(
            `--by 应为 ${groups.join("、")} 之一（收到：${o.by}）`,
            `--by must be one of ${groups.join(", ")} (received: ${o.by})`,
          ),
        );
      }
      await withApp(session, o, async ({ storage, today }) => {
        const data = await loadCareData(storage);
        const names = await namesOf(data);
        const s = leftBehindStatistics(data.files, {
          asOf: today,
          groupBy: o.by as StatisticsGroupBy,
          schools: data.schools,
          classes: data.classes,
        });
        const label = (r: (typeof s.rows)[number]) =>
          AREA_LEVELS.has(o.by) ? names.region(r.key) : r.label[session.locale];
        const rows = s.rows.map((r) => ({
          key: r.key,
          name: label(r),
          totalPupils: r.totalPupils,
          leftBehind: r.leftBehind,
          ratio: r.ratio,
          boarding: r.boarding,
          byArrangement: r.byArrangement,
        }));
        const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
        session.result(
          {
            asOf: s.asOf,
            groupBy: s.groupBy,
            convention: s.convention,
            definition: s.definition,
            rows,
            total: s.total,
          },
          () => [
            t(
              `统计（${s.asOf}，按 ${o.by}）：在册 ${s.total.totalPupils} 人，留守儿童 ${s.total.leftBehind} 人（${pct(s.total.ratio)}）`,
              `Statistics (${s.asOf}, by ${o.by}): ${s.total.totalPupils} pupils, ${s.total.leftBehind} left behind (${pct(s.total.ratio)})`,
            ),
            ...rows.map((r) => `  ${r.name}: ${r.leftBehind}/${r.totalPupils} (${pct(r.ratio)})`),
          ],
        );
      });
    });
}
