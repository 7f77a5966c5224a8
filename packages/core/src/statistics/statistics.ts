import * as z from "zod";
import { requireIterable } from "../_lib/iterable";
import {
  classifyValidated,
  DefinitionChoiceSchema,
  builtInDefinitionId,
  resolveDefinition,
  type DefinitionChoice,
} from "../classification/classify";
import { builtInVerdict } from "../classification/definitions";
import { IdIndex } from "../_lib/id-index";
import { IssueCode, ValidationError, validate, type FieldIssue } from "../errors";
import { regionAncestor, type AreaLevel } from "../identity/region-code";
import { text, type LocalizedText } from "../i18n";
import {
  SchoolClassSchema,
  SchoolSchema,
  type ChildFile,
  type ChildFileInput,
  type LivingArrangement,
  type School,
  type SchoolClass,
  type SchoolClassInput,
  type SchoolInput,
} from "../model";
import { AsOfSchema, TimeZoneSchema } from "../model/primitives";
import { resolveAsOf } from "../time/convert";
import type { AsOf, CalendarDate, Instant, TimeZone } from "../time";
import { filesForCounting } from "./_files";

/**
 * How boarding (留守寄宿) is counted. `boarding-overlaps`: boarding is a flag; every left-behind
 * child is counted under their living arrangement (the categories sum to the total) and
 * boarders are counted again under `boarding`. `boarding-separate`: boarding is a category of its
 * own; boarders are counted only there, the other categories exclude them, and all categories
 * together sum to the total. The county table of the work summaries uses the first convention
 * for primary schools and the second for middle schools.
 * @example
 * BoardingConventionSchema.options //=> ["boarding-overlaps", "boarding-separate"]
 * @category Statistics
 */
export const BoardingConventionSchema = z.enum(["boarding-overlaps", "boarding-separate"]);
/** @category Statistics */
export type BoardingConvention = z.infer<typeof BoardingConventionSchema>;

/**
 * School stage derived from the grade: primary 1–6, middle 7–9, high 10–12, `unknown` without
 * a grade.
 * @category Statistics
 */
export type StageKey = "primary" | "middle" | "high" | "unknown";

/**
 * How to group counts: one row for everything, by stage, school, grade, class, or by an area
 * level (the region code's ancestor at that level).
 * @example
 * StatisticsGroupBySchema.parse("township") //=> "township"
 * @category Statistics
 */
export const StatisticsGroupBySchema = z.enum([
  "all",
  "stage",
  "school",
  "grade",
  "class",
  "province",
  "city",
  "county",
  "township",
  "village",
]);
/** @category Statistics */
export type StatisticsGroupBy = z.infer<typeof StatisticsGroupBySchema>;

/**
 * Who is counted, on which day and grouped how: the options the statistics and the completeness
 * report share.
 * @example
 * const scope: CountingScope = { asOf: "2026-09-01", definition: "school", groupBy: "school" };
 * @category Statistics
 */
export interface CountingScope {
  /** The date counted: a calendar date, or an instant or `Date` read in `zone`. */
  asOf: AsOf;
  zone?: TimeZone;
  /** Definition of left-behind. Default `"state-council-2016"`. */
  definition?: DefinitionChoice;
  /** Default `"all"`. */
  groupBy?: StatisticsGroupBy;
  /** For area groups: the child's home region (`home`, default) or the school's (`school`, needs `schools`). */
  areaBy?: "home" | "school";
  /** Schools, for names and for `areaBy: "school"`. */
  schools?: readonly (SchoolInput | School)[];
  /** Classes, for names. */
  classes?: readonly (SchoolClassInput | SchoolClass)[];
  /**
   * `fast` (default for the built-in definitions): files already in validated shape are checked
   * field by field for what is counted; others are parsed by `ChildFileSchema`. `full`
   * (default for a custom definition, which may read any field): every file is parsed.
   */
  validation?: "fast" | "full";
}

/**
 * Options of {@link leftBehindStatistics}.
 * @category Statistics
 */
export interface StatisticsOptions extends CountingScope {
  /** Default `"boarding-overlaps"`. */
  convention?: BoardingConvention;
}

/** Options after validation: `asOf` a calendar date or an instant, schools and classes parsed. @internal */
export type Validated<T extends CountingScope> = Omit<T, "asOf" | "schools" | "classes"> & {
  asOf: CalendarDate | Instant;
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
};

/** @internal */
export const CountingScopeSchema = z.object({
  asOf: AsOfSchema,
  zone: TimeZoneSchema.optional(),
  definition: DefinitionChoiceSchema.optional(),
  groupBy: StatisticsGroupBySchema.optional(),
  areaBy: z.enum(["home", "school"]).optional(),
  schools: z.array(SchoolSchema).optional(),
  classes: z.array(SchoolClassSchema).optional(),
  validation: z.enum(["fast", "full"]).optional(),
});

/** @internal */
export const CountOptionsSchema = CountingScopeSchema.extend({
  convention: BoardingConventionSchema.optional(),
});

/**
 * Counts by living arrangement (see {@link BoardingConvention} for how boarders are counted).
 * @category Statistics
 */
export type ArrangementCounts = Record<LivingArrangement, number>;

/**
 * One row of {@link leftBehindStatistics}: a group and its counts.
 * @category Statistics
 */
export interface StatisticsRow {
  /** Group key: a stage, school id, grade, class id or region code; `all` for the total. */
  readonly key: string;
  readonly label: LocalizedText;
  /** Files in the group (pass the roster of pupils to get "all pupils"). */
  readonly totalPupils: number;
  readonly leftBehind: number;
  /** `leftBehind / totalPupils`, or `null` for an empty group. */
  readonly ratio: number | null;
  /** Left-behind boarders. */
  readonly boarding: number;
  /** Left-behind children by living arrangement (boarders excluded under `boarding-separate`). */
  readonly byArrangement: Readonly<ArrangementCounts>;
}

/**
 * Result of {@link leftBehindStatistics}.
 * @category Statistics
 */
export interface LeftBehindStatistics {
  readonly convention: BoardingConvention;
  readonly definition: string;
  readonly asOf: CalendarDate;
  readonly groupBy: StatisticsGroupBy;
  /** One row per group, sorted by key. */
  readonly rows: readonly StatisticsRow[];
  readonly total: StatisticsRow;
}

/** The stage of a grade. @internal */
export function stageOfGrade(grade: number | undefined): StageKey {
  if (grade === undefined) return "unknown";
  if (grade <= 6) return "primary";
  if (grade <= 9) return "middle";
  return "high";
}

/**
 * Names of the stages.
 * @example
 * STAGE_TEXT.middle["zh-CN"] //=> "初中"
 * @category Statistics
 */
export const STAGE_TEXT: Readonly<Record<StageKey, LocalizedText>> = /*#__PURE__*/ Object.freeze({
  primary: text("小学", "primary"),
  middle: text("初中", "middle school"),
  high: text("高中", "high school"),
  unknown: text("未登记年级", "grade not recorded"),
});

const STAGE_ORDER: Record<string, number> = { primary: 0, middle: 1, high: 2, unknown: 3 };
const NONE = "(none)";

interface Acc {
  key: string;
  total: number;
  left: number;
  boarding: number;
  arr: ArrangementCounts;
}

function newAcc(key: string): Acc {
  return {
    key,
    total: 0,
    left: 0,
    boarding: 0,
    arr: { parent: 0, grandparents: 0, relatives: 0, entrusted: 0, alone: 0 },
  };
}

/** Groups and labels for a grouping. @internal */
export interface Grouper {
  keyOf(file: ChildFile): string;
  label(key: string): LocalizedText;
  compare(a: string, b: string): number;
}

/** @internal */
export function makeGrouper(
  groupBy: StatisticsGroupBy,
  areaBy: "home" | "school",
  schools: readonly School[],
  classes: readonly SchoolClass[],
): Grouper {
  const schoolById = new Map(schools.map((s) => [s.id, s]));
  const classById = new Map(classes.map((c) => [c.id, c]));
  const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const none = text("未登记", "not recorded");
  switch (groupBy) {
    case "all":
      return { keyOf: () => "all", label: () => text("合计", "total"), compare: byString };
    case "stage":
      return {
        keyOf: (f) => stageOfGrade(f.child.grade),
        label: (k) => STAGE_TEXT[k as StageKey],
        compare: (a, b) => (STAGE_ORDER[a] ?? 9) - (STAGE_ORDER[b] ?? 9),
      };
    case "school":
      return {
        keyOf: (f) => f.child.schoolId ?? NONE,
        label: (k) => {
          const s = schoolById.get(k);
          return s ? text(s.name, s.name) : k === NONE ? none : text(k, k);
        },
        compare: byString,
      };
    case "grade":
      return {
        keyOf: (f) => (f.child.grade === undefined ? NONE : String(f.child.grade)),
        label: (k) => (k === NONE ? none : text(`${k} 年级`, `grade ${k}`)),
        compare: (a, b) => (a === NONE ? 99 : Number(a)) - (b === NONE ? 99 : Number(b)),
      };
    case "class":
      return {
        keyOf: (f) => f.child.classId ?? NONE,
        label: (k) => {
          const c = classById.get(k);
          if (!c) return k === NONE ? none : text(k, k);
          const s = schoolById.get(c.schoolId);
          return s ? text(`${s.name} ${c.name}`, `${s.name} ${c.name}`) : text(c.name, c.name);
        },
        compare: byString,
      };
    default: {
      const level: AreaLevel = groupBy;
      return {
        keyOf: (f) => {
          const code =
            areaBy === "school"
              ? schoolById.get(f.child.schoolId ?? "")?.regionCode
              : f.child.regionCode;
          return (code !== undefined ? regionAncestor(code, level) : undefined) ?? NONE;
        },
        label: (k) => (k === NONE ? none : text(k, k)),
        compare: byString,
      };
    }
  }
}

function toRow(acc: Acc, label: LocalizedText): StatisticsRow {
  return {
    key: acc.key,
    label,
    totalPupils: acc.total,
    leftBehind: acc.left,
    ratio: acc.total === 0 ? null : acc.left / acc.total,
    boarding: acc.boarding,
    byArrangement: { ...acc.arr },
  };
}

/**
 * A validated scope made ready to count: the definition, the files, the day, the grouping and
 * the left-behind test (the fast built-in verdict where the definition allows it).
 * @param definitionChoice - The host's own choice, not zod's copy, so a definition keeps `this`.
 * @internal
 */
export function resolveScope(
  files: unknown,
  scope: Validated<CountingScope>,
  definitionChoice: DefinitionChoice | undefined,
) {
  const definition = resolveDefinition(definitionChoice);
  const builtInId = builtInDefinitionId(definition);
  const asOf = resolveAsOf(scope.asOf, scope.zone);
  const groupBy = scope.groupBy ?? "all";
  return {
    definition,
    asOf,
    groupBy,
    list: filesForCounting(files, (scope.validation ?? (builtInId ? "fast" : "full")) === "full"),
    grouper: makeGrouper(groupBy, scope.areaBy ?? "home", scope.schools ?? [], scope.classes ?? []),
    isLeftBehind: (file: ChildFile): boolean =>
      builtInId !== undefined
        ? builtInVerdict(builtInId, file, asOf)
        : classifyValidated(file, asOf, definition).leftBehind,
  };
}

/** The single counting pass shared by the statistics and the table. @internal */
export function countLeftBehind(files: unknown, options: StatisticsOptions): LeftBehindStatistics {
  const counter = new LeftBehindCounter(options);
  counter.add(files);
  return counter.result();
}

/**
 * Counts left-behind children batch by batch (a county at a time): `add` each batch of files,
 * then `result()` gives what one count of all the files would.
 * @internal
 */
export class LeftBehindCounter {
  private readonly opts: Validated<StatisticsOptions>;
  private readonly definitionChoice: DefinitionChoice | undefined;
  private readonly groups = new Map<string, Acc>();
  private readonly total = newAcc("all");
  private scope: ReturnType<typeof resolveScope> | undefined;

  constructor(options: StatisticsOptions) {
    this.opts = validate(CountOptionsSchema, options, {
      subject: text("统计选项", "statistics options"),
    }) as Validated<StatisticsOptions>;
    this.definitionChoice = options.definition;
  }

  /** Counts one batch of files (validated as `files` would be). */
  add(files: unknown): void {
    const scope = resolveScope(files, this.opts, this.definitionChoice);
    this.scope = scope;
    const separate = (this.opts.convention ?? "boarding-overlaps") === "boarding-separate";
    const { groups, total } = this;
    for (const file of scope.list) {
      const key = scope.grouper.keyOf(file);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = newAcc(key)));
      acc.total++;
      total.total++;
      if (!scope.isLeftBehind(file)) continue;
      acc.left++;
      total.left++;
      const boards = file.child.boarding;
      if (boards) {
        acc.boarding++;
        total.boarding++;
      }
      if (!(separate && boards)) {
        acc.arr[file.livingArrangement]++;
        total.arr[file.livingArrangement]++;
      }
    }
  }

  /** The statistics of every file added. */
  result(): LeftBehindStatistics {
    const scope = this.scope ?? resolveScope([], this.opts, this.definitionChoice);
    const { grouper } = scope;
    const rows = [...this.groups.values()]
      .sort((a, b) => grouper.compare(a.key, b.key))
      .map((a) => toRow(a, grouper.label(a.key)));
    return {
      convention: this.opts.convention ?? "boarding-overlaps",
      definition: scope.definition.id,
      asOf: scope.asOf,
      groupBy: scope.groupBy,
      rows,
      total: toRow(this.total, text("合计", "total")),
    };
  }
}

/**
 * {@link leftBehindStatistics} over files read in batches (a county at a time, from storage):
 * one batch is held at a time, and the result equals that of all the files at once.
 * @param batches - Arrays of files, as an iterable or async iterable.
 * @param options - As for {@link leftBehindStatistics}.
 * @returns Rows per group and a total.
 * @throws ValidationError naming `files[i]…` (the index within its batch), the option at fault,
 * or `batches[b][i].id` for a file id an earlier batch gave.
 * @example
 * const s = await leftBehindStatisticsPartitioned(filesByCounty(), { asOf: "2026-09-01", groupBy: "county" });
 * s.total.leftBehind //=> 880000
 * @category Statistics
 */
export function leftBehindStatisticsPartitioned(
  batches:
    | AsyncIterable<readonly (ChildFile | ChildFileInput)[]>
    | Iterable<readonly (ChildFile | ChildFileInput)[]>,
  options: StatisticsOptions,
): Promise<LeftBehindStatistics> {
  const counter = new LeftBehindCounter(options);
  requireIterable(batches, "batches", text("儿童档案批次", "file batches"));
  return countBatches(counter, batches);
}

/**
 * Counts left-behind children and their share of all pupils, by area (any level), school,
 * grade, class or stage, with counts by living arrangement under the chosen boarding
 * convention. One pass over the files with maps: 100,000 files take a few tens of milliseconds.
 * @param files - The roster to count (all pupils, so that the ratio is left-behind / pupils).
 * @param options - `asOf`, `definition`, `convention`, `groupBy` and names (`schools`, `classes`).
 * @returns Rows per group and a total; every result names its `convention` and `definition`.
 * @throws ValidationError naming `files[i]…` or the option at fault.
 * @example
 * const s = leftBehindStatistics(files, { asOf: "2026-09-01", groupBy: "township", convention: "boarding-separate" });
 * s.total.leftBehind === s.total.boarding + Object.values(s.total.byArrangement).reduce((a, b) => a + b) //=> true
 * @category Statistics
 */
export function leftBehindStatistics(
  files: readonly (ChildFile | ChildFileInput)[],
  options: StatisticsOptions,
): LeftBehindStatistics {
  return countLeftBehind(files, options);
}

/**
 * Adds every batch to the counter, then gives its result (the checks ran before, at the call).
 * A file id already counted in an earlier batch is refused, as one call refuses an id twice.
 * @internal
 */
export async function countBatches<R>(
  counter: { add(files: unknown): void; result(): R },
  batches: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<R> {
  const seen = new IdIndex();
  let b = 0;
  for await (const batch of batches) {
    counter.add(batch);
    refuseSeenIds(seen, batch as readonly { id: string | number | bigint }[], b++);
  }
  return counter.result();
}

/** Records the ids of batch `b` (files already checked), refusing one an earlier batch gave. */
function refuseSeenIds(
  seen: IdIndex,
  files: readonly { id: string | number | bigint }[],
  b: number,
): void {
  const issues: FieldIssue[] = [];
  files.forEach((f, i) => {
    const id = String(f.id);
    const earlier = seen.add(id, b);
    if (earlier < 0 || issues.length >= 20) return;
    const path = `batches[${b}][${i}].id`;
    issues.push({
      path,
      code: IssueCode.DUPLICATE_ID,
      received: JSON.stringify(id),
      message: text(
        `字段 ${path}：${id} 已在第 ${earlier} 批（从 0 起）中`,
        `${path}: ${id} is already in batch ${earlier} (from 0)`,
      ),
    });
  });
  if (issues.length > 0)
    throw new ValidationError(issues, { subject: text("儿童档案批次", "file batches") });
}
