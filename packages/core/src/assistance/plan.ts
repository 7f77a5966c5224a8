import { produce } from "immer";
import * as z from "zod";
import { NeedsProfileSchema, type NeedsProfile } from "../checklists/needs-profile";
import { IssueCode } from "../errors/codes";
import { ConflictError, ValidationError } from "../errors/errors";
import { describeValue } from "../errors/issues";
import { validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import { LegalSeveritySchema } from "../legal/types";
import { AsOfSchema, CalendarDateSchema, IdSchema } from "../model/primitives";
import { refusal } from "../_lib/refusal";
import { resolveAsOf } from "../time/convert";
import { addDays, daysBetween } from "../time/calendar-date";
import type { AsOf, CalendarDate } from "../time/types";
import {
  AssistancePlanSchema,
  ProgressEntrySchema,
  type AssistanceItem,
  type AssistanceItemStatus,
  type AssistanceOwner,
  type AssistancePlan,
  type AssistancePlanInput,
  type AssistanceRole,
  type PlanText,
  type ProgressEntry,
  type ProgressEntryInput,
} from "./schema";
import {
  ASSISTANCE_TEMPLATES,
  AssistanceTemplateSchema,
  type AssistanceTemplate,
  type AssistanceTemplateInput,
} from "./templates";

const FindingSchema = z.looseObject({
  code: z.string().min(1),
  severity: LegalSeveritySchema.optional(),
  mandatoryReport: z.boolean().default(false),
});

const ProposeSchema = z
  .object({
    planId: IdSchema,
    startOn: CalendarDateSchema,
    childId: IdSchema.optional(),
    profile: NeedsProfileSchema.optional(),
    findings: z.array(FindingSchema).default([]),
    templates: z.array(AssistanceTemplateSchema).optional(),
    owners: z.record(z.string(), IdSchema).default({}),
    reviewOn: CalendarDateSchema.optional(),
  })
  .refine(
    (o) => o.reviewOn === undefined || o.reviewOn >= o.startOn,
    refusal("复查日期不能早于计划开始日期", "reviewOn must not be before startOn", ["reviewOn"]),
  );

/**
 * Inputs of {@link proposeAssistancePlan}.
 * @category Assistance
 */
export interface ProposeAssistancePlanInput {
  /** Id of the new plan (the host's key). */
  planId: string;
  /** The day the plan starts; due dates count from it. */
  startOn: CalendarDate;
  /** The child; default the profile's child. */
  childId?: string;
  /** The needs profile (from `needsProfile`). */
  profile?: NeedsProfile;
  /** Findings (from `checkLegalDuties`, or any with a `code`). */
  findings?: readonly { code: string; severity?: string; mandatoryReport?: boolean }[];
  /** Templates to use instead of {@link ASSISTANCE_TEMPLATES}. */
  templates?: readonly AssistanceTemplateInput[];
  /** The person for each role, e.g. `{ "class-teacher": "m1", mentor: "m7" }`. */
  owners?: Partial<Record<AssistanceRole, string>>;
  /** When the plan is to be reviewed. */
  reviewOn?: CalendarDate;
}

const SUBJECT = text("帮扶计划", "assistance plan");

function issue(path: string, code: string, received: unknown, zh: string, en: string) {
  const shown = describeValue(received);
  return {
    path,
    code,
    received: shown,
    message: text(`字段 ${path}：${zh}（收到：${shown}）`, `${path}: ${en} (received: ${shown})`),
  };
}

/**
 * Proposes an assistance plan (帮扶计划) from a needs profile and findings: for each legal
 * finding, flag, domain with some or high need, and lack found, the matching template gives
 * an item — what, who, by when, and the staged results expected. Legal items come first (in
 * the findings' order), then flags, then domains of high need, then some need, then the five
 * lacks; a need without a template is left out.
 * @param input - plan id, start date, profile, findings, templates, owners
 * @returns a new plan with every item `planned`
 * @throws ValidationError naming the faulty field
 * @example
 * const plan = proposeAssistancePlan({ planId: "p1", startOn: "2026-03-02", profile, findings });
 * plan.items.map((i) => i.need) //=> ["mpl23.no-written-notice", "domain:study", "lack:tutoring"]
 * @category Assistance
 */
export function proposeAssistancePlan(input: ProposeAssistancePlanInput): AssistancePlan {
  const o = validate(ProposeSchema, input, { subject: SUBJECT });
  const childId = o.childId ?? o.profile?.childId;
  if (childId === undefined)
    throw new ValidationError(
      [
        issue(
          "childId",
          "invalid_type",
          undefined,
          "须给出 childId 或需求画像",
          "give childId or a needs profile",
        ),
      ],
      { subject: SUBJECT },
    );
  if (o.profile && o.profile.childId !== childId)
    throw new ValidationError(
      [
        issue(
          "profile.childId",
          "mismatch",
          o.profile.childId,
          `需求画像属于其他儿童，应为 ${childId}`,
          `the profile is of another child; expected ${childId}`,
        ),
      ],
      { subject: SUBJECT },
    );
  const templates: readonly AssistanceTemplate[] = o.templates ?? ASSISTANCE_TEMPLATES;
  const byNeed = new Map<string, AssistanceTemplate>();
  for (const tpl of templates) if (!byNeed.has(tpl.need)) byNeed.set(tpl.need, tpl);

  const wanted: { need: string; high: boolean; mandatoryReport: boolean }[] = [];
  for (const f of o.findings)
    wanted.push({
      need: f.code,
      high: f.severity === "critical" || f.severity === "high",
      mandatoryReport: f.mandatoryReport,
    });
  if (o.profile) {
    for (const flag of o.profile.flags)
      wanted.push({ need: `flag:${flag}`, high: true, mandatoryReport: false });
    const domains = Object.entries(o.profile.domains);
    for (const level of ["high", "some"] as const)
      for (const [d, v] of domains)
        if (v.level === level)
          wanted.push({ need: `domain:${d}`, high: level === "high", mandatoryReport: false });
    for (const lack of o.profile.fiveLacks)
      wanted.push({ need: `lack:${lack}`, high: false, mandatoryReport: false });
  }
  const items: AssistanceItem[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const tpl = byNeed.get(w.need);
    if (!tpl || seen.has(w.need)) continue;
    seen.add(w.need);
    const personId = o.owners[tpl.owner];
    const owner: AssistanceOwner =
      personId === undefined ? { role: tpl.owner } : { role: tpl.owner, personId };
    items.push({
      id: w.need,
      domain: tpl.domain,
      need: w.need,
      what: tpl.what,
      owner,
      startOn: o.startOn,
      due: addDays(o.startOn, w.high ? (tpl.dueInDaysIfHigh ?? tpl.dueInDays) : tpl.dueInDays),
      stages: tpl.stages.map((s) => ({
        by: addDays(o.startOn, s.afterDays),
        expected: s.expected,
      })),
      status: "planned",
      progress: [],
      mandatoryReport: w.mandatoryReport,
    });
  }
  return {
    id: o.planId,
    childId,
    createdOn: o.startOn,
    basedOn: {
      ...(o.profile ? { assessmentId: o.profile.assessmentId } : {}),
      findingCodes: [...new Set(o.findings.map((f) => f.code))],
    },
    ...(o.reviewOn ? { reviewOn: o.reviewOn } : {}),
    items,
  };
}

/**
 * Adds a dated progress entry to a plan item and returns a new, frozen plan (the input is
 * unchanged). The entry may change the item's status and mark a stage reached; a planned item
 * with progress becomes in progress.
 * @param plan - the plan
 * @param itemId - the item's id
 * @param entry - `{ on, note, by?, status?, stageReached? }`
 * @returns the updated plan
 * @throws ValidationError for an unknown item, an entry dated before the item's start or its
 *   last entry, or a stage that does not exist; ConflictError for an item already done or dropped
 * @example
 * const next = addProgress(plan, "domain:study", { on: "2026-04-01", note: "作业按时完成", stageReached: 0 });
 * next.items[0].status //=> "in-progress"
 * @category Assistance
 */
export function addProgress(
  plan: AssistancePlanInput | AssistancePlan,
  itemId: string,
  entry: ProgressEntryInput | ProgressEntry,
): AssistancePlan {
  const p = validate(AssistancePlanSchema, plan, { subject: SUBJECT, path: ["plan"] });
  const e = validate(ProgressEntrySchema, entry, {
    subject: text("进展记录", "progress entry"),
    path: ["entry"],
  });
  const index = p.items.findIndex((i) => i.id === itemId);
  if (index < 0)
    throw new ValidationError(
      [
        issue(
          "itemId",
          IssueCode.UNKNOWN_ID,
          itemId,
          `计划 ${p.id} 中没有此条目`,
          `plan ${p.id} has no such item`,
        ),
      ],
      { subject: SUBJECT },
    );
  const item = p.items[index]!;
  if (item.status === "done" || item.status === "dropped")
    throw new ConflictError(
      text(
        `条目 ${itemId} 已${item.status === "done" ? "完成" : "取消"}，不能再记录进展`,
        `item ${itemId} is ${item.status}; no more progress can be recorded`,
      ),
    );
  const last = item.progress.at(-1);
  if (e.on < item.startOn || (last && e.on < last.on))
    throw new ValidationError(
      [
        issue(
          "entry.on",
          IssueCode.DATE_ORDER,
          e.on,
          `进展日期不得早于${last && last.on > item.startOn ? `上一条记录 ${last.on}` : `开始日期 ${item.startOn}`}`,
          `progress may not be dated before ${last && last.on > item.startOn ? `the last entry ${last.on}` : `the start ${item.startOn}`}`,
        ),
      ],
      { subject: SUBJECT },
    );
  if (e.stageReached !== undefined && e.stageReached >= item.stages.length)
    throw new ValidationError(
      [
        issue(
          "entry.stageReached",
          IssueCode.UNKNOWN_ID,
          e.stageReached,
          `条目只有 ${item.stages.length} 个阶段`,
          `the item has ${item.stages.length} stage(s)`,
        ),
      ],
      { subject: SUBJECT },
    );
  return produce(p, (draft) => {
    const d = draft.items[index]!;
    d.progress.push(e);
    if (e.stageReached !== undefined && d.stages[e.stageReached]!.reachedOn === undefined)
      d.stages[e.stageReached]!.reachedOn = e.on;
    d.status = e.status ?? (d.status === "planned" ? "in-progress" : d.status);
  });
}

/**
 * Something late in a plan: an item past its due date, or a stage past its date not reached.
 * @category Assistance
 */
export interface LateItem {
  readonly itemId: string;
  readonly kind: "item" | "stage";
  /** For a stage, its index. */
  readonly stageIndex?: number;
  readonly due: CalendarDate;
  /** Days from the due date to `asOf`. */
  readonly daysLate: number;
  readonly owner: AssistanceOwner;
  readonly mandatoryReport: boolean;
  readonly message: LocalizedText;
}

function plain(t: PlanText): LocalizedText {
  return typeof t === "string" ? text(t, t) : t;
}

const LateSchema = z.object({ asOf: AsOfSchema });

/**
 * What is late in a plan on a date: open items (planned or in progress) past their due date,
 * and stages past their date not reached, latest first. Done and dropped items are never late.
 * @param plan - the plan
 * @param asOf - the day to judge on (a due date is late from the day after)
 * @example
 * lateItems(plan, "2026-06-01")
 * //=> [{ itemId: "domain:study", kind: "stage", stageIndex: 0, due: "2026-04-01", daysLate: 61, … }, …]
 * @category Assistance
 */
export function lateItems(plan: AssistancePlanInput | AssistancePlan, asOf: AsOf): LateItem[] {
  const p = validate(AssistancePlanSchema, plan, { subject: SUBJECT, path: ["plan"] });
  const day = resolveAsOf(validate(LateSchema, { asOf }, { subject: SUBJECT }).asOf, undefined);
  const out: LateItem[] = [];
  for (const item of p.items) {
    if (item.status === "done" || item.status === "dropped") continue;
    const what = plain(item.what);
    if (item.due < day) {
      const daysLate = daysBetween(item.due, day);
      out.push({
        itemId: item.id,
        kind: "item",
        due: item.due,
        daysLate,
        owner: item.owner,
        mandatoryReport: item.mandatoryReport,
        message: text(
          `逾期 ${daysLate} 天（期限 ${item.due}）：${what["zh-CN"]}`,
          `${daysLate} day(s) late (due ${item.due}): ${what.en}`,
        ),
      });
    }
    item.stages.forEach((s, i) => {
      if (s.reachedOn !== undefined || s.by >= day) return;
      const daysLate = daysBetween(s.by, day);
      const expected = plain(s.expected);
      out.push({
        itemId: item.id,
        kind: "stage",
        stageIndex: i,
        due: s.by,
        daysLate,
        owner: item.owner,
        mandatoryReport: item.mandatoryReport,
        message: text(
          `阶段性效果逾期 ${daysLate} 天（期限 ${s.by}）：${expected["zh-CN"]}`,
          `staged result ${daysLate} day(s) late (due ${s.by}): ${expected.en}`,
        ),
      });
    });
  }
  return out.sort(
    (a, b) =>
      b.daysLate - a.daysLate ||
      (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0) ||
      (a.stageIndex ?? -1) - (b.stageIndex ?? -1),
  );
}

/**
 * A plan's state on a date, for a progress report.
 * @category Assistance
 */
export interface AssistancePlanSummary {
  readonly planId: string;
  readonly childId: string;
  readonly asOf: CalendarDate;
  readonly items: number;
  readonly byStatus: Readonly<Record<AssistanceItemStatus, number>>;
  readonly stagesReached: number;
  readonly stages: number;
  readonly late: readonly LateItem[];
}

/**
 * Summarises a plan on a date: items by status, stages reached, and what is late.
 * @example
 * summarizeAssistancePlan(plan, "2026-06-01").byStatus //=> { planned: 1, "in-progress": 2, done: 1, dropped: 0 }
 * @category Assistance
 */
export function summarizeAssistancePlan(
  plan: AssistancePlanInput | AssistancePlan,
  asOfInput: AsOf,
): AssistancePlanSummary {
  const p = validate(AssistancePlanSchema, plan, { subject: SUBJECT, path: ["plan"] });
  const asOf = resolveAsOf(
    validate(LateSchema, { asOf: asOfInput }, { subject: SUBJECT }).asOf,
    undefined,
  );
  const byStatus: Record<AssistanceItemStatus, number> = {
    planned: 0,
    "in-progress": 0,
    done: 0,
    dropped: 0,
  };
  let stages = 0;
  let stagesReached = 0;
  for (const item of p.items) {
    byStatus[item.status]++;
    stages += item.stages.length;
    stagesReached += item.stages.filter(
      (s) => s.reachedOn !== undefined && s.reachedOn <= asOf,
    ).length;
  }
  return {
    planId: p.id,
    childId: p.childId,
    asOf,
    items: p.items.length,
    byStatus,
    stagesReached,
    stages,
    late: lateItems(p, asOf),
  };
}
