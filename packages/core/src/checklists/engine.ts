import * as z from "zod";
import { ValidationError } from "../errors/errors";
import { IssueCode } from "../errors/codes";
import { addIssue, describeValue, type FieldIssue } from "../errors/issues";
import { requireObject, validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import {
  AssessmentSchema,
  type Answer,
  type Assessment,
  type AssessmentInput,
  type Informant,
} from "../model/records";
import { isCalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/types";
import { itemScore, itemScoreRange } from "./items";
import {
  ChecklistIssueCode,
  ChecklistSchema,
  type BandRange,
  type Checklist,
  type ChecklistInput,
  type ChecklistItem,
  type ChecklistCondition,
  type ChecklistScale,
  type ScaleCondition,
} from "./schema";
import { deepFreeze } from "../_lib/freeze";

/** A scale with its items resolved to indexes and its declared range. */
interface CompiledScale {
  scale: ChecklistScale;
  index: number;
  items: { index: number; weight: number }[];
  subscales: number[];
  range: { min: number; max: number };
}

/** A checklist prepared for fast scoring. */
interface Compiled {
  checklist: Checklist;
  items: readonly ChecklistItem[];
  itemIndex: ReadonlyMap<string, number>;
  /** For each item, its conditions with the index of the item they read. */
  conditions: ({ cond: ChecklistCondition; index: number }[] | undefined)[];
  scales: CompiledScale[];
  scaleIndex: ReadonlyMap<string, number>;
}

const compiled = new WeakMap<object, Compiled>();

function compile(checklist: Checklist): Compiled {
  const itemIndex = new Map<string, number>();
  checklist.items.forEach((it, i) => itemIndex.set(it.id, i));
  const conditions = checklist.items.map((it) =>
    it.showIf?.map((cond) => ({ cond, index: itemIndex.get(cond.item) ?? -1 })),
  );
  const scaleIndex = new Map<string, number>();
  const scales: CompiledScale[] = [];
  checklist.scales.forEach((scale, index) => {
    const items = scale.items.map((ref) => {
      const id = typeof ref === "string" ? ref : ref.item;
      return { index: itemIndex.get(id) ?? -1, weight: typeof ref === "string" ? 1 : ref.weight };
    });
    const subscales = scale.scales.map((id) => scaleIndex.get(id) ?? -1);
    const range =
      subscales.length > 0
        ? subscales.reduce(
            (acc, s) => ({
              min: acc.min + scales[s]!.range.min,
              max: acc.max + scales[s]!.range.max,
            }),
            { min: 0, max: 0 },
          )
        : itemsRange(checklist, scale, items);
    scales.push({ scale, index, items, subscales, range });
    scaleIndex.set(scale.id, index);
  });
  return {
    checklist,
    items: checklist.items,
    itemIndex,
    conditions,
    scales,
    scaleIndex,
  };
}

/**
 * The declared range of an item scale. Items hidden by a condition may be left out, so a
 * conditional item counts as possibly 0; a prorated sum is the mean times the number of
 * applicable items, so its bounds use the lowest and highest item score.
 */
function itemsRange(
  checklist: Checklist,
  scale: ChecklistScale,
  items: readonly { index: number; weight: number }[],
): { min: number; max: number } {
  const ranges = items.map(({ index, weight }) => {
    const item = checklist.items[index]!;
    const r = itemScoreRange(item);
    return { min: r.min * weight, max: r.max * weight, always: item.showIf === undefined };
  });
  const lo = Math.min(...ranges.map((r) => r.min));
  const hi = Math.max(...ranges.map((r) => r.max));
  if (scale.method === "mean") return { min: lo, max: hi };
  if (scale.prorate) {
    const n = ranges.length;
    const nMin = Math.max(1, ranges.filter((r) => r.always).length);
    return { min: lo >= 0 ? nMin * lo : n * lo, max: hi >= 0 ? n * hi : nMin * hi };
  }
  let min = 0;
  let max = 0;
  for (const r of ranges) {
    min += r.always ? r.min : Math.min(r.min, 0);
    max += r.always ? r.max : Math.max(r.max, 0);
  }
  return { min, max };
}

const SUBJECT = text("检查表", "checklist");

/**
 * Validates a checklist definition and returns it frozen, ready to score. Scoring a defined
 * checklist skips re-validating the definition.
 * @param input - the definition as authored
 * @returns the validated, frozen checklist
 * @throws ValidationError naming each faulty field (`items[3].showIf[0].item`)
 * @example
 * const demo = defineChecklist({
 *   id: "demo", version: "1.0.0", title: { "zh-CN": "示例", en: "Demo" },
 *   items: [{ id: "q1", kind: "likert", min: 0, max: 2, label: { "zh-CN": "问1", en: "Q1" } }],
 *   scales: [{ id: "total", label: { "zh-CN": "总分", en: "Total" }, items: ["q1"] }],
 * });
 * demo.version //=> "1.0.0"
 * @category Checklists
 */
export function defineChecklist(input: ChecklistInput | Checklist): Checklist {
  if (compiled.has(input)) return input as Checklist;
  const checklist = deepFreeze(validate(ChecklistSchema, input, { subject: SUBJECT }));
  compiled.set(checklist, compile(checklist));
  return checklist;
}

function compiledOf(input: ChecklistInput | Checklist): Compiled {
  return compiled.get(defineChecklist(input))!;
}

/**
 * The declared range of every scale of a checklist: scores always lie within it.
 * @example
 * scaleRanges(demo) //=> { total: { min: 0, max: 2 } }
 * @category Checklists
 */
export function scaleRanges(
  checklist: ChecklistInput | Checklist,
): Record<string, { min: number; max: number }> {
  const c = compiledOf(checklist);
  const out: Record<string, { min: number; max: number }> = {};
  for (const s of c.scales) out[s.scale.id] = { ...s.range };
  return out;
}

/**
 * A problem with one answer (or with the assessment's checklist, version or informant): a
 * {@link FieldIssue} with the item and whether it blocks scoring.
 * @category Checklists
 */
export interface ResponseIssue extends FieldIssue {
  /** `error` blocks scoring; `warning` (a hidden item answered) does not. */
  readonly severity: "error" | "warning";
  /** The item concerned, when there is one. */
  readonly itemId?: string;
}

/**
 * Result of {@link validateResponses}.
 * @category Checklists
 */
export interface ResponseCheck {
  /** No error (warnings allowed). */
  readonly valid: boolean;
  readonly issues: readonly ResponseIssue[];
}

function isAnswered(a: Answer | undefined): boolean {
  return a !== null && a !== undefined;
}

function holds(cond: ChecklistCondition, answer: Answer | undefined): boolean {
  const answered = isAnswered(answer);
  if (cond.answered !== undefined && answered !== cond.answered) return false;
  if (cond.equals !== undefined && answer !== cond.equals) return false;
  if (cond.notEquals !== undefined && answer === cond.notEquals) return false;
  if (
    cond.oneOf !== undefined &&
    !(answered && !Array.isArray(answer) && cond.oneOf.includes(answer as string))
  )
    return false;
  if (cond.includes !== undefined && !(Array.isArray(answer) && answer.includes(cond.includes)))
    return false;
  if (cond.atLeast !== undefined && !(typeof answer === "number" && answer >= cond.atLeast))
    return false;
  if (cond.atMost !== undefined && !(typeof answer === "number" && answer <= cond.atMost))
    return false;
  return true;
}

function issue(
  code: ChecklistIssueCode,
  item: ChecklistItem | undefined,
  itemId: string | undefined,
  received: unknown,
  zh: string,
  en: string,
  severity: "error" | "warning" = "error",
  path?: string,
): ResponseIssue {
  const p = path ?? `responses.${itemId ?? ""}`;
  const shown = describeValue(received);
  const label = item ? `（“${item.label["zh-CN"]}”）` : "";
  const labelEn = item ? ` ("${item.label.en}")` : "";
  return {
    path: p,
    code,
    severity,
    received: shown,
    ...(itemId !== undefined ? { itemId } : {}),
    message: {
      "zh-CN": `字段 ${p}${label}：${zh}（收到：${shown}）`,
      en: `${p}${labelEn}: ${en} (received: ${shown})`,
    },
  };
}

/** Records a wrong-type answer (a plain function: no closure per answer on the hot path). */
function wrong(
  out: ResponseIssue[],
  item: ChecklistItem,
  a: unknown,
  zh: string,
  en: string,
): void {
  out.push(issue(ChecklistIssueCode.WRONG_TYPE, item, item.id, a, zh, en));
}

/** Records an answer out of the item's range. */
function range(
  out: ResponseIssue[],
  item: ChecklistItem,
  a: unknown,
  zh: string,
  en: string,
): void {
  out.push(issue(ChecklistIssueCode.OUT_OF_RANGE, item, item.id, a, zh, en));
}

/**
 * Records a number that is not finite (`NaN`, `±Infinity`, often an empty or unparsed input
 * field): what the item expects, and why the value is no answer.
 */
function notFinite(out: ResponseIssue[], item: ChecklistItem, a: number, zh: string, en: string) {
  const shown = describeValue(a);
  wrong(
    out,
    item,
    a,
    `${zh}：${shown} 不是有效答案（未作答的题目请省略或填 null）`,
    `${en}: ${shown} is not an answer (leave an unanswered item out or give null)`,
  );
}

function checkAnswer(item: ChecklistItem, a: Answer, out: ResponseIssue[]): void {
  const id = item.id;
  switch (item.kind) {
    case "yes-no":
      if (typeof a !== "boolean")
        wrong(out, item, a, "应为 true 或 false", "expected true or false");
      return;
    case "likert":
      if (typeof a === "number" && !Number.isFinite(a))
        notFinite(out, item, a, "应为整数", "expected an integer");
      else if (typeof a !== "number" || !Number.isInteger(a))
        wrong(out, item, a, "应为整数", "expected an integer");
      else if (a < item.min || a > item.max)
        range(
          out,
          item,
          a,
          `应为 ${item.min}–${item.max} 的整数`,
          `expected an integer from ${item.min} to ${item.max}`,
        );
      return;
    case "number":
      if (typeof a !== "number") wrong(out, item, a, "应为数字", "expected a number");
      else if (!Number.isFinite(a))
        notFinite(out, item, a, "应为有限的数字", "expected a finite number");
      else if (item.integer && !Number.isInteger(a))
        wrong(out, item, a, "应为整数", "expected an integer");
      else if ((item.min !== undefined && a < item.min) || (item.max !== undefined && a > item.max))
        range(
          out,
          item,
          a,
          `应在 ${item.min ?? "−∞"}–${item.max ?? "∞"} 之间`,
          `expected a number from ${item.min ?? "−∞"} to ${item.max ?? "∞"}`,
        );
      return;
    case "single-choice":
      if (typeof a !== "string") wrong(out, item, a, "应为一个选项值", "expected one option value");
      else if (!item.options.some((o) => o.value === a))
        out.push(
          issue(
            ChecklistIssueCode.UNKNOWN_OPTION,
            item,
            id,
            a,
            `应为以下选项之一：${item.options.map((o) => o.value).join("、")}`,
            `expected one of: ${item.options.map((o) => o.value).join(", ")}`,
          ),
        );
      return;
    case "multiple-choice": {
      if (!Array.isArray(a)) {
        wrong(out, item, a, "应为选项值数组", "expected an array of option values");
        return;
      }
      const seen = new Set<string>();
      for (const v of a) {
        if (!item.options.some((o) => o.value === v))
          out.push(
            issue(
              ChecklistIssueCode.UNKNOWN_OPTION,
              item,
              id,
              v,
              `未知选项，应为：${item.options.map((o) => o.value).join("、")}`,
              `unknown option; expected one of: ${item.options.map((o) => o.value).join(", ")}`,
            ),
          );
        else if (seen.has(v))
          out.push(
            issue(
              ChecklistIssueCode.WRONG_TYPE,
              item,
              id,
              v,
              "选项重复",
              "an option is chosen twice",
            ),
          );
        seen.add(v);
      }
      if (item.minSelected !== undefined && a.length < item.minSelected)
        range(
          out,
          item,
          a,
          `至少选择 ${item.minSelected} 项`,
          `choose at least ${item.minSelected}`,
        );
      if (item.maxSelected !== undefined && a.length > item.maxSelected)
        range(
          out,
          item,
          a,
          `至多选择 ${item.maxSelected} 项`,
          `choose at most ${item.maxSelected}`,
        );
      return;
    }
    case "text":
      if (typeof a !== "string") wrong(out, item, a, "应为文本", "expected text");
      else if (item.maxLength !== undefined && a.length > item.maxLength)
        range(
          out,
          item,
          a,
          `不超过 ${item.maxLength} 字`,
          `expected at most ${item.maxLength} characters`,
        );
      return;
    case "date":
      if (!isCalendarDate(a))
        wrong(out, item, a, "应为真实存在的日期 YYYY-MM-DD", "expected a real date as YYYY-MM-DD");
      return;
  }
}

/** Visibility and effective answers (hidden items read as unanswered), plus issues. */
function evaluate(c: Compiled, responses: Readonly<Record<string, Answer>>) {
  const issues: ResponseIssue[] = [];
  for (const key in responses) {
    if (!c.itemIndex.has(key))
      issues.push(
        issue(
          ChecklistIssueCode.UNKNOWN_ITEM,
          undefined,
          key,
          responses[key],
          `检查表 ${c.checklist.id}@${c.checklist.version} 没有此题目`,
          `checklist ${c.checklist.id}@${c.checklist.version} has no such item`,
        ),
      );
  }
  const n = c.items.length;
  const visible: boolean[] = new Array(n);
  const answers: (Answer | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const item = c.items[i]!;
    const conds = c.conditions[i];
    let shown = true;
    if (conds)
      for (const { cond, index } of conds)
        if (!holds(cond, answers[index])) {
          shown = false;
          break;
        }
    visible[i] = shown;
    const a = Object.prototype.hasOwnProperty.call(responses, item.id)
      ? responses[item.id]
      : undefined;
    if (!shown) {
      answers[i] = undefined;
      if (isAnswered(a))
        issues.push(
          issue(
            ChecklistIssueCode.HIDDEN_ANSWERED,
            item,
            item.id,
            a,
            "此题因条件不成立而不显示，答案不计",
            "this item is hidden by its condition; the answer is ignored",
            "warning",
          ),
        );
      continue;
    }
    answers[i] = a;
    if (!isAnswered(a)) {
      if (item.required)
        issues.push(
          issue(
            ChecklistIssueCode.REQUIRED_MISSING,
            item,
            item.id,
            a,
            "必答题未作答",
            "a required item is not answered",
          ),
        );
      continue;
    }
    checkAnswer(item, a as Answer, issues);
  }
  return { issues, visible, answers };
}

/**
 * Answers are checked item by item against the checklist (stricter than `AnswerSchema`, and
 * with the item's label in the message), so the envelope only needs a record.
 */
const ResponsesSchema = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    addIssue(
      ctx,
      IssueCode.OTHER,
      text("应为以题目编号为键的答案对象", "expected an object of answers keyed by item id"),
      {
        expected: "Record<itemId, answer>",
      },
    );
}) as unknown as z.ZodType<Record<string, unknown>>;

/** A stored assessment whose answers are checked against the checklist, not by zod. */
const AssessmentEnvelopeSchema = AssessmentSchema.extend({ responses: ResponsesSchema });

/** Parses on the fast path; on failure, `validate` builds the detailed bilingual error. */
function parseAssessment(input: unknown): Assessment {
  const r = AssessmentEnvelopeSchema.safeParse(input);
  if (r.success) return r.data as Assessment;
  return validate(AssessmentEnvelopeSchema, input, {
    subject: text("评估", "assessment"),
  }) as Assessment;
}

/**
 * Checks answers against a checklist: unknown items, wrong types, values out of range,
 * unknown options, required items missing (only when shown), hidden items answered (warning).
 * Issues are data with bilingual messages naming the field (`responses.q3`).
 * @param checklist - a checklist (defined or as authored)
 * @param responses - answers by item id; `null` or absent means unanswered
 * @example
 * validateResponses(demo, { q1: 5 }).issues[0].code //=> "checklist_out_of_range"
 * @category Checklists
 */
export function validateResponses(
  checklist: ChecklistInput | Checklist,
  responses: Readonly<Record<string, Answer>>,
): ResponseCheck {
  const c = compiledOf(checklist);
  const r = validate(ResponsesSchema, responses, {
    subject: text("答卷", "responses"),
    path: ["responses"],
  });
  const { issues } = evaluate(c, r as Record<string, Answer>);
  return { valid: !issues.some((i) => i.severity === "error"), issues };
}

/**
 * The value of one scale in a scored assessment.
 * @category Checklists
 */
export interface ScaleScore {
  readonly id: string;
  readonly label: LocalizedText;
  /** The score; `undefined` when too few items were answered (or a subscale has none). */
  readonly value: number | undefined;
  /** Weighted sum of the answered items (or of the subscales' values). */
  readonly raw: number;
  /** Items answered among the applicable ones (for a total: subscales with a value). */
  readonly answered: number;
  /** Items shown by their conditions (for a total: its subscales). */
  readonly applicable: number;
  /** Whether the value was prorated from fewer answers than applicable items. */
  readonly prorated: boolean;
  /** The declared range: the value always lies in it. */
  readonly range: { readonly min: number; readonly max: number };
  /** The band the value falls in, for the population and informant. */
  readonly band?: { readonly id: string; readonly label: LocalizedText; readonly risk: number };
}

/**
 * A contribution to a child's risk, with the reason in both languages.
 * @category Checklists
 */
export interface ScoreRiskFactor {
  /** Stable code: `<checklist>:<scale>:<band>` or `<checklist>:flag:<flag>`. */
  readonly code: string;
  readonly label: LocalizedText;
  readonly weight: number;
}

/**
 * A scored assessment: scale values and bands, derived flags and the risk contribution.
 * @category Checklists
 */
export interface ChecklistScore {
  readonly assessmentId: string;
  readonly childId: string;
  readonly checklistId: string;
  readonly checklistVersion: string;
  readonly informant: Informant;
  readonly takenAt: Instant;
  readonly scales: Readonly<Record<string, ScaleScore>>;
  /** Flags raised, in definition order. */
  readonly flags: readonly {
    readonly id: string;
    readonly label: LocalizedText;
    readonly tags: readonly string[];
    readonly risk: number;
  }[];
  /** Sum of the band and flag risk weights. */
  readonly riskContribution: number;
  /** Every weight that makes up `riskContribution`. */
  readonly riskFactors: readonly ScoreRiskFactor[];
  /** Warnings (hidden items answered); errors throw instead. */
  readonly warnings: readonly ResponseIssue[];
}

/**
 * A set of checklist versions to score stored assessments with (see `createChecklistRegistry`).
 * @category Checklists
 */
export interface ChecklistSource {
  get(id: string, version: string): Checklist | null;
  versions(id: string): readonly string[];
}

/**
 * Options of {@link scoreChecklist}.
 * @category Checklists
 */
export interface ScoreOptions {
  /** Population key selecting band norms (`"cn-rural"`); absent = the default bands. */
  population?: string;
}

function isSource(x: unknown): x is ChecklistSource {
  return typeof x === "object" && x !== null && typeof (x as ChecklistSource).get === "function";
}

function pickBand(
  scale: ChecklistScale,
  value: number,
  informant: Informant,
  population: string | undefined,
): BandRange | undefined {
  let best: { rank: number; ranges: readonly BandRange[] } | undefined;
  for (const set of scale.bands) {
    if (set.population !== undefined && set.population !== population) continue;
    if (set.informant !== undefined && set.informant !== informant) continue;
    const rank = (set.informant !== undefined ? 2 : 0) + (set.population !== undefined ? 1 : 0);
    if (!best || rank > best.rank) best = { rank, ranges: set.ranges };
  }
  if (!best) return undefined;
  return best.ranges.find(
    (r) => (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max),
  );
}

function scaleHolds(cond: ScaleCondition, s: ScaleScore | undefined): boolean {
  if (!s || s.value === undefined) return false;
  if (cond.atLeast !== undefined && s.value < cond.atLeast) return false;
  if (cond.atMost !== undefined && s.value > cond.atMost) return false;
  if (cond.bands !== undefined && !(s.band && cond.bands.includes(s.band.id))) return false;
  return true;
}

function wrongAssessment(
  code: ChecklistIssueCode,
  path: string,
  received: unknown,
  zh: string,
  en: string,
): never {
  throw new ValidationError([issue(code, undefined, undefined, received, zh, en, "error", path)], {
    subject: text("评估", "assessment"),
  });
}

/**
 * Scores a stored assessment. Given a registry, the checklist version is the one the
 * assessment was taken on (`assessment.checklistVersion`), so a stored response always scores
 * the same; given a single checklist, its id and version must match the assessment's.
 * @param source - a checklist, or a registry of checklist versions
 * @param assessment - the stored response (`AssessmentSchema`)
 * @param options - population for band norms
 * @returns scale values with bands, flags, the risk contribution and its factors
 * @throws ValidationError for a malformed assessment, an unknown checklist or version, an
 *   informant not allowed, or invalid answers (each issue names `responses.<item>`)
 * @example
 * const score = scoreChecklist(registry, {
 *   id: "a1", childId: "c1", checklistId: "demo", checklistVersion: "1.0.0",
 *   takenAt: "2026-03-01T09:00:00+08:00", informant: "teacher", responses: { q1: 2 },
 * });
 * score.scales.total.value //=> 2
 * @category Checklists
 */
export function scoreChecklist(
  source: ChecklistSource | ChecklistInput | Checklist,
  assessment: AssessmentInput | Assessment,
  options: ScoreOptions = {},
): ChecklistScore {
  requireObject(options, "options");
  const a = parseAssessment(assessment);
  let checklist: Checklist;
  if (isSource(source)) {
    const found = source.get(a.checklistId, a.checklistVersion);
    if (!found) {
      const known = source.versions(a.checklistId);
      if (known.length === 0)
        wrongAssessment(
          ChecklistIssueCode.WRONG_CHECKLIST,
          "checklistId",
          a.checklistId,
          "登记册中没有此检查表",
          "no such checklist in the registry",
        );
      wrongAssessment(
        ChecklistIssueCode.WRONG_VERSION,
        "checklistVersion",
        a.checklistVersion,
        `检查表 ${a.checklistId} 没有此版本（已有：${known.join("、")}）`,
        `checklist ${a.checklistId} has no such version (known: ${known.join(", ")})`,
      );
    }
    checklist = found;
  } else {
    checklist = defineChecklist(source);
    if (checklist.id !== a.checklistId)
      wrongAssessment(
        ChecklistIssueCode.WRONG_CHECKLIST,
        "checklistId",
        a.checklistId,
        `评估针对的不是检查表 ${checklist.id}`,
        `the assessment was not taken on checklist ${checklist.id}`,
      );
    if (checklist.version !== a.checklistVersion)
      wrongAssessment(
        ChecklistIssueCode.WRONG_VERSION,
        "checklistVersion",
        a.checklistVersion,
        `评估使用的版本与检查表版本 ${checklist.version} 不同；请用登记册按原版本计分`,
        `the assessment was taken on another version than ${checklist.version}; score it through a registry holding that version`,
      );
  }
  if (checklist.informants && !checklist.informants.includes(a.informant))
    wrongAssessment(
      ChecklistIssueCode.INFORMANT,
      "informant",
      a.informant,
      `此检查表只能由 ${checklist.informants.join("、")} 填写`,
      `this checklist is answered only by ${checklist.informants.join(", ")}`,
    );
  return scoreValid(compiledOf(checklist), a, options);
}

function scoreValid(c: Compiled, a: Assessment, options: ScoreOptions): ChecklistScore {
  const { issues, visible, answers } = evaluate(c, a.responses);
  let errors: ResponseIssue[] | undefined;
  for (const i of issues) if (i.severity === "error") (errors ??= []).push(i);
  if (errors)
    throw new ValidationError(errors, { subject: text("评估答卷", "assessment responses") });
  const checklist = c.checklist;
  const scales: Record<string, ScaleScore> = {};
  const list: ScaleScore[] = [];
  const riskFactors: ScoreRiskFactor[] = [];
  for (const cs of c.scales) {
    const scale = cs.scale;
    let raw = 0;
    let answered = 0;
    let applicable = 0;
    let value: number | undefined;
    let prorated = false;
    if (cs.subscales.length > 0) {
      let complete = true;
      for (const s of cs.subscales) {
        const v = list[s]!.value;
        applicable++;
        if (v === undefined) complete = false;
        else {
          raw += v;
          answered++;
        }
      }
      value = complete ? raw : undefined;
    } else {
      for (const { index, weight } of cs.items) {
        if (!visible[index]) continue;
        applicable++;
        const s = itemScore(c.items[index]!, answers[index]);
        if (s === undefined) continue;
        answered++;
        raw += s * weight;
      }
      if (applicable > 0 && answered === applicable)
        value = scale.method === "mean" ? raw / answered : raw;
      else if (applicable > 0 && scale.prorate && answered >= scale.prorate.minAnswered) {
        prorated = true;
        value = scale.method === "mean" ? raw / answered : (raw / answered) * applicable;
      }
    }
    const band =
      value === undefined ? undefined : pickBand(scale, value, a.informant, options.population);
    const score: ScaleScore = {
      id: scale.id,
      label: scale.label,
      value,
      raw,
      answered,
      applicable,
      prorated,
      range: cs.range,
      ...(band ? { band: { id: band.id, label: band.label, risk: band.risk } } : {}),
    };
    if (band && band.risk > 0)
      riskFactors.push({
        code: `${checklist.id}:${scale.id}:${band.id}`,
        label: text(
          `${checklist.title["zh-CN"]}：${scale.label["zh-CN"]}为“${band.label["zh-CN"]}”`,
          `${checklist.title.en}: ${scale.label.en} is "${band.label.en}"`,
        ),
        weight: band.risk,
      });
    scales[scale.id] = score;
    list.push(score);
  }
  const flags: ChecklistScore["flags"][number][] = [];
  for (const f of checklist.flags) {
    let raised = f.match === "all";
    for (const w of f.when) {
      const ok =
        "scale" in w ? scaleHolds(w, scales[w.scale]) : holds(w, answers[c.itemIndex.get(w.item)!]);
      if (f.match === "all" ? !ok : ok) {
        raised = !raised;
        break;
      }
    }
    if (!raised) continue;
    flags.push({ id: f.id, label: f.label, tags: f.tags, risk: f.risk });
    if (f.risk > 0)
      riskFactors.push({
        code: `${checklist.id}:flag:${f.id}`,
        label: text(
          `${checklist.title["zh-CN"]}：${f.label["zh-CN"]}`,
          `${checklist.title.en}: ${f.label.en}`,
        ),
        weight: f.risk,
      });
  }
  let riskContribution = 0;
  for (const r of riskFactors) riskContribution += r.weight;
  return {
    assessmentId: a.id,
    childId: a.childId,
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    informant: a.informant,
    takenAt: a.takenAt,
    scales,
    flags,
    riskContribution,
    riskFactors,
    warnings: issues,
  };
}
