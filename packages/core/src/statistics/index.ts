/**
 * Left-behind statistics: counts and ratios by area, school, grade, class and stage, by living
 * arrangement under an explicit boarding convention, and the county-style table.
 * @module
 */
export {
  BoardingConventionSchema,
  StatisticsGroupBySchema,
  STAGE_TEXT,
  leftBehindStatistics,
  leftBehindStatisticsPartitioned,
  type BoardingConvention,
  type StageKey,
  type StatisticsGroupBy,
  type StatisticsOptions,
  type CountingScope,
  type ArrangementCounts,
  type StatisticsRow,
  type LeftBehindStatistics,
} from "./statistics";
export * from "./table";
