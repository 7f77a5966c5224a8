import * as z from "zod";
import { SeedCitationSchema } from "../sources/cite";
import { IssueCode } from "../errors/codes";
import { repeats } from "../errors/duplicates";
import { addIssue } from "../errors/issues";
import { text } from "../i18n";
import { LivingArrangementSchema, RiskLevelSchema } from "../model/child-file";
import { MentorKindSchema, PairingRoleSchema } from "../model/mentor";
import { CalendarDateSchema, IdSchema } from "../model/primitives";
import { ActivityKindSchema, ContactKindSchema, InitiatorSchema } from "../model/records";

/**
 * Stable issue codes of policy validation, on top of {@link IssueCode}.
 * @example
 * PolicyIssueCode.MIN_ABOVE_MAX //=> "policy_min_above_max"
 * @category Policies
 */
export const PolicyIssueCode = {
  /** `min` is greater than `max`. */
  MIN_ABOVE_MAX: "policy_min_above_max",
  /** The window ends before it starts, or does not contain its due date. */
  WINDOW_ORDER: "policy_window_order",
  /** Consecutive windows of an interval schedule overlap. */
  WINDOW_OVERLAP: "policy_window_overlap",
  /** The requirement can never be met (more distinct days than the bucket has). */
  UNMEETABLE: "policy_unmeetable",
  /** A selector or option that does not apply to the policy's level. */
  LEVEL_MISMATCH: "policy_level_mismatch",
  /** The policy counts no contact kind and no activity kind. */
  COUNTS_NOTHING: "policy_counts_nothing",
  /** `per: "days"` without `days`, or `days` with another `per`. */
  PERIOD_LENGTH: "policy_period_length",
} as const;

/**
 * Whom a policy applies to: each child, each pairing (结对), each mentor, or each school.
 * @example
 * PolicyLevelSchema.parse("pairing") //=> "pairing"
 * @category Policies
 */
export const PolicyLevelSchema = z.enum(["child", "pairing", "mentor", "school"]);
/** @category Policies */
export type PolicyLevel = z.infer<typeof PolicyLevelSchema>;

/**
 * Narrows the subjects of a policy. Every listed condition must hold (AND); within a list any
 * value matches (OR). `leftBehind` keeps a child (or a pairing's child) only on the days the
 * child is left-behind under the named definition (see `classifyLeftBehind`); days outside are
 * "not applicable".
 * @example
 * PolicySelectorSchema.parse({ riskLevels: ["high", "critical"], leftBehind: {} })
 * //=> { riskLevels: ["high", "critical"], leftBehind: { definition: "state-council-2016" } }
 * @category Policies
 */
export const PolicySelectorSchema = z.object({
  /** Mentor kinds (pairing and mentor levels). */
  mentorKinds: z.array(MentorKindSchema).min(1).optional(),
  /** Pairing roles (pairing level). */
  pairingRoles: z.array(PairingRoleSchema).min(1).optional(),
  /** The child's risk level (child and pairing levels); a child without one never matches. */
  riskLevels: z.array(RiskLevelSchema).min(1).optional(),
  /** The child's living arrangement (child and pairing levels). */
  livingArrangements: z.array(LivingArrangementSchema).min(1).optional(),
  /** Only key cases (true) or only other children (false). */
  keyCase: z.boolean().optional(),
  /** Only boarders (true) or only day pupils (false). */
  boarding: z.boolean().optional(),
  /** Only while the child is left-behind under this definition. */
  leftBehind: z
    .object({ definition: z.enum(["state-council-2016", "school"]).default("state-council-2016") })
    .optional(),
});
/** @category Policies */
export type PolicySelector = z.infer<typeof PolicySelectorSchema>;

/**
 * Which contacts count, made by whom, and how they are counted.
 * - `by`: `anyone` (any record naming the subject), or `paired-mentor` (for a pairing: its own
 *   mentor; for a child: a mentor paired with the child on the day of the contact).
 * - `unit`: `contacts` (each record once), `days` (several records on one day count once),
 *   `children` (distinct children reached: "talk with 3–5 children a week").
 * @example
 * PolicyCountsSchema.parse({ contactKinds: ["talk"], unit: "children" }).by //=> "anyone"
 * @category Policies
 */
export const PolicyCountsSchema = z.object({
  contactKinds: z.array(ContactKindSchema).default([]),
  /** Activities of these kinds count too (a mental-health lesson, a symposium). */
  activityKinds: z.array(ActivityKindSchema).default([]),
  by: z.enum(["anyone", "paired-mentor"]).default("anyone"),
  /** Only contact records with one of these initiators (activities ignore this). */
  initiators: z.array(InitiatorSchema).min(1).optional(),
  unit: z.enum(["contacts", "days", "children"]).default("contacts"),
});
/** @category Policies */
export type PolicyCounts = z.infer<typeof PolicyCountsSchema>;

/**
 * "At least `min` (and at most `max`) per week, month, term, year or `days`-day block".
 * Weeks run Monday to Sunday; `days` blocks start at `anchor` (default the policy's
 * `effectiveFrom`, else 1970-01-01). `max` is the upper end of a range such as "3–5 children":
 * reaching it is never a failure, it only caps what workload plans count.
 * @example
 * CountRequirementSchema.parse({ type: "count", min: 3, max: 5, per: "week" }).max //=> 5
 * @category Policies
 */
export const CountRequirementSchema = z.object({
  type: z.literal("count"),
  min: z.number().int().min(1),
  max: z.number().int().min(1).optional(),
  per: z.enum(["week", "month", "term", "year", "days"]),
  days: z.number().int().min(1).max(366).optional(),
  anchor: CalendarDateSchema.optional(),
});
/** @category Policies */
export type CountRequirement = z.infer<typeof CountRequirementSchema>;

/**
 * "Every `everyDays` days", as a fixed schedule with windows in the manner of DHIS2 and
 * CommCare visit schedules: due dates fall at `anchor + k × everyDays` (anchor: the later of
 * the subject's start and the policy's `effectiveFrom`, unless given), and a contact counts for
 * a due date when it falls in `[due + windowStart, due + windowEnd]` (offsets in days,
 * `windowStart ≤ 0 ≤ windowEnd`). Fixed, not rolling from the last visit: a visit never moves
 * later due dates, so adding a record can only raise compliance.
 * @example
 * IntervalRequirementSchema.parse({ type: "interval", everyDays: 14 }).windowEnd //=> 0
 * @category Policies
 */
export const IntervalRequirementSchema = z.object({
  type: z.literal("interval"),
  everyDays: z.number().int().min(1).max(366),
  windowStart: z.number().int().max(366).min(-366).default(0),
  windowEnd: z.number().int().max(366).min(-366).default(0),
  anchor: CalendarDateSchema.optional(),
});
/** @category Policies */
export type IntervalRequirement = z.infer<typeof IntervalRequirementSchema>;

/**
 * What a policy requires: a count per period, or a schedule of windows.
 * @example
 * RequirementSchema.parse({ type: "count", min: 1, per: "month" }).type //=> "count"
 * @category Policies
 */
export const RequirementSchema = z.discriminatedUnion("type", [
  CountRequirementSchema,
  IntervalRequirementSchema,
]);
/** @category Policies */
export type Requirement = z.infer<typeof RequirementSchema>;

/**
 * Where a cadence comes from: the Chinese wording and the document (a work summary, a law
 * article), so that every finding can cite it.
 * @example
 * PolicySourceSchema.parse({ wording: "每月进行一次家访", document: "a work summary" }).wording //=> "每月进行一次家访"
 * @category Policies
 */
export const PolicySourceSchema = z.object({
  /** The original wording, in Chinese. */
  wording: z.string().min(1),
  /** The document: "Minors Protection Law (2020) Art. 23", "a school's work summary"… */
  document: z.string().min(1),
  /** The document's Chinese title, when it has one. */
  documentZh: z.string().min(1).optional(),
  /** The lines of the work summaries the cadence follows, checkable against the seed file. */
  citations: z.array(SeedCitationSchema).optional(),
});
/** @category Policies */
export type PolicySource = z.infer<typeof PolicySourceSchema>;

/** A text in zh-CN and English. */
const LocalizedTextSchema = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });

/**
 * A visit-frequency policy, as serialisable data: whom it applies to, which contacts count,
 * the requirement, the calendar it follows, grace days and the dates it is in force.
 *
 * - `calendar: "calendar"` counts every day (home visits go on in the holidays);
 *   `"school"` counts school days only: buckets with no school day are `exempt` and partial
 *   buckets are prorated (no school talks in the summer holiday).
 * - `graceDays`: records are often entered late in the record book; for this many days after a
 *   deadline a short bucket is `overdue` (still open), then `missed`.
 * - `exemptions`: extra date ranges that do not count (a local epidemic closure…).
 * @example
 * PolicySchema.parse({
 *   id: "home-visit-monthly", level: "pairing",
 *   name: { "zh-CN": "每月家访一次", en: "Monthly home visit" },
 *   counts: { contactKinds: ["home-visit"], by: "paired-mentor" },
 *   requirement: { type: "count", min: 1, per: "month" },
 * }).calendar //=> "calendar"
 * @category Policies
 */
export const PolicySchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    level: PolicyLevelSchema,
    selector: PolicySelectorSchema.default({}),
    counts: PolicyCountsSchema,
    requirement: RequirementSchema,
    calendar: z.enum(["calendar", "school"]).default("calendar"),
    graceDays: z.number().int().min(0).max(366).default(0),
    exemptions: z
      .array(
        z.object({
          from: CalendarDateSchema,
          to: CalendarDateSchema,
          reason: z.string().optional(),
        }),
      )
      .default([]),
    effectiveFrom: CalendarDateSchema.optional(),
    effectiveTo: CalendarDateSchema.optional(),
    source: PolicySourceSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const issue = (code: string, zh: string, en: string, path: PropertyKey[], input: unknown) =>
      addIssue(ctx, code, text(zh, en), { path, input });
    const r = p.requirement;
    if (r.type === "count") {
      if (r.max !== undefined && r.min > r.max) {
        issue(
          PolicyIssueCode.MIN_ABOVE_MAX,
          `最少次数 ${r.min} 大于最多次数 ${r.max}`,
          `min ${r.min} is greater than max ${r.max}`,
          ["requirement", "min"],
          r.min,
        );
      }
      if (r.per === "days" && r.days === undefined) {
        issue(
          PolicyIssueCode.PERIOD_LENGTH,
          "按天数周期计算时须填写 days",
          'per "days" needs the number of days',
          ["requirement", "days"],
          undefined,
        );
      }
      if (r.per !== "days" && r.days !== undefined) {
        issue(
          PolicyIssueCode.PERIOD_LENGTH,
          `周期为 ${r.per} 时不应填写 days`,
          `days is only used with per "days", not "${r.per}"`,
          ["requirement", "days"],
          r.days,
        );
      }
      if (r.anchor !== undefined && r.per !== "days") {
        issue(
          PolicyIssueCode.PERIOD_LENGTH,
          "只有按天数周期才使用起算日 anchor",
          'anchor is only used with per "days"',
          ["requirement", "anchor"],
          r.anchor,
        );
      }
      if (p.counts.unit === "days") {
        const longest =
          r.per === "week"
            ? 7
            : r.per === "month"
              ? 31
              : r.per === "days"
                ? (r.days ?? 366)
                : r.per === "year"
                  ? 366
                  : 366;
        if (r.min > longest) {
          issue(
            PolicyIssueCode.UNMEETABLE,
            `要求 ${r.min} 个不同日期，但一个周期最多只有 ${longest} 天`,
            `requires ${r.min} distinct days, but a ${r.per} bucket has at most ${longest}`,
            ["requirement", "min"],
            r.min,
          );
        }
      }
      if (r.per === "term" && p.calendar !== "school") {
        issue(
          PolicyIssueCode.PERIOD_LENGTH,
          '按学期计算须使用校历（calendar: "school"）',
          'per "term" needs calendar: "school"',
          ["calendar"],
          p.calendar,
        );
      }
    } else {
      if (r.windowEnd < r.windowStart) {
        issue(
          PolicyIssueCode.WINDOW_ORDER,
          `窗口结束偏移 ${r.windowEnd} 早于开始偏移 ${r.windowStart}`,
          `the window ends (${r.windowEnd}) before it starts (${r.windowStart})`,
          ["requirement", "windowEnd"],
          r.windowEnd,
        );
      } else if (r.windowStart > 0 || r.windowEnd < 0) {
        issue(
          PolicyIssueCode.WINDOW_ORDER,
          "窗口必须包含应办日期（windowStart ≤ 0 ≤ windowEnd）",
          "the window must contain its due date (windowStart ≤ 0 ≤ windowEnd)",
          ["requirement", r.windowStart > 0 ? "windowStart" : "windowEnd"],
          r.windowStart > 0 ? r.windowStart : r.windowEnd,
        );
      } else if (r.windowEnd - r.windowStart + 1 > r.everyDays) {
        issue(
          PolicyIssueCode.WINDOW_OVERLAP,
          `窗口长 ${r.windowEnd - r.windowStart + 1} 天，超过间隔 ${r.everyDays} 天，相邻窗口会重叠`,
          `a window of ${r.windowEnd - r.windowStart + 1} days is longer than the ${r.everyDays}-day interval: windows would overlap`,
          ["requirement", "windowEnd"],
          r.windowEnd,
        );
      }
      if (p.counts.unit !== "contacts") {
        issue(
          PolicyIssueCode.LEVEL_MISMATCH,
          "间隔型要求只按次数计算（unit: contacts）",
          'an interval requirement counts contacts (unit: "contacts")',
          ["counts", "unit"],
          p.counts.unit,
        );
      }
    }
    if (p.counts.contactKinds.length === 0 && p.counts.activityKinds.length === 0) {
      issue(
        PolicyIssueCode.COUNTS_NOTHING,
        "未指定计入的联系类型或活动类型",
        "no contact kind and no activity kind counts",
        ["counts", "contactKinds"],
        p.counts.contactKinds,
      );
    }
    const s = p.selector;
    const childSel = (
      ["riskLevels", "livingArrangements", "keyCase", "boarding", "leftBehind"] as const
    ).filter((k) => s[k] !== undefined);
    if (p.level === "mentor" || p.level === "school") {
      for (const k of childSel) {
        issue(
          PolicyIssueCode.LEVEL_MISMATCH,
          `${p.level === "mentor" ? "帮扶人" : "学校"}级政策不能按儿童条件 ${k} 筛选`,
          `a ${p.level}-level policy cannot select on the child's ${k}`,
          ["selector", k],
          s[k],
        );
      }
    }
    if (s.mentorKinds && (p.level === "child" || p.level === "school")) {
      issue(
        PolicyIssueCode.LEVEL_MISMATCH,
        "只有结对级和帮扶人级政策可以按帮扶人类型筛选",
        "only pairing- and mentor-level policies select on mentorKinds",
        ["selector", "mentorKinds"],
        s.mentorKinds,
      );
    }
    if (s.pairingRoles && p.level !== "pairing") {
      issue(
        PolicyIssueCode.LEVEL_MISMATCH,
        "只有结对级政策可以按结对角色筛选",
        "only pairing-level policies select on pairingRoles",
        ["selector", "pairingRoles"],
        s.pairingRoles,
      );
    }
    if (p.counts.by === "paired-mentor" && (p.level === "mentor" || p.level === "school")) {
      issue(
        PolicyIssueCode.LEVEL_MISMATCH,
        '"结对帮扶人"条件只适用于儿童级和结对级政策',
        'by "paired-mentor" only applies to child- and pairing-level policies',
        ["counts", "by"],
        p.counts.by,
      );
    }
    if (p.counts.unit === "children" && (p.level === "child" || p.level === "pairing")) {
      issue(
        PolicyIssueCode.LEVEL_MISMATCH,
        "按儿童人数计算只适用于帮扶人级和学校级政策",
        'unit "children" only applies to mentor- and school-level policies',
        ["counts", "unit"],
        p.counts.unit,
      );
    }
    if (p.effectiveFrom && p.effectiveTo && p.effectiveTo < p.effectiveFrom) {
      addIssue(
        ctx,
        IssueCode.DATE_ORDER,
        text(
          `生效截止日 ${p.effectiveTo} 早于生效日 ${p.effectiveFrom}`,
          `effectiveTo ${p.effectiveTo} is before effectiveFrom ${p.effectiveFrom}`,
        ),
        { path: ["effectiveTo"], input: p.effectiveTo },
      );
    }
    p.exemptions.forEach((e, i) => {
      if (e.to < e.from) {
        addIssue(
          ctx,
          IssueCode.DATE_ORDER,
          text(
            `豁免期结束日 ${e.to} 早于开始日 ${e.from}`,
            `exemption end ${e.to} is before its start ${e.from}`,
          ),
          { path: ["exemptions", i, "to"], input: e.to },
        );
      }
    });
  });
/** A validated policy. @category Policies */
export type Policy = z.infer<typeof PolicySchema>;
/** A policy as written by a host (defaults not yet applied). @category Policies */
export type PolicyInput = z.input<typeof PolicySchema>;

/**
 * A list of policies with unique ids.
 * @example
 * PolicySetSchema.parse(ALL_PRESETS).length //=> 11
 * @category Policies
 */
export const PolicySetSchema = z.array(PolicySchema).superRefine((list, ctx) => {
  for (const { index, key } of repeats(list, (p) => p.id)) {
    addIssue(
      ctx,
      IssueCode.DUPLICATE_ID,
      text(`政策编号 ${key} 重复`, `policy id ${key} is used twice`),
      { path: [index, "id"], input: key },
    );
  }
});
