import * as z from "zod";
import { refusal } from "../_lib/refusal";
import { IssueCode } from "../errors/codes";
import { addIssue } from "../errors/issues";
import { invalidArgument, validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import type { ChildFile, Parent } from "../model";
import { addDays, ageOn, birthdayOfAge, isCalendarDate, type CalendarDate } from "../time";

/**
 * Why a child is, or is not, left-behind under a definition: a stable `code` and a bilingual
 * message. Built-in codes are listed in {@link ReasonCode}; custom definitions add their own.
 * @example
 * const r: ClassificationReason = { code: "under-16", message: text("未满 16 周岁", "under 16") };
 * @category Classification
 */
export interface ClassificationReason {
  readonly code: string;
  readonly message: LocalizedText;
}

/**
 * Stable codes of the reasons the built-in definitions give.
 * @example
 * classifyLeftBehind(file, { asOf }).reasons.some((r) => r.code === ReasonCode.UNDER_16) //=> true
 * @category Classification
 */
export const ReasonCode = {
  NOT_BORN: "not-born",
  UNDER_16: "under-16",
  AGED_16_OR_OVER: "aged-16-or-over",
  BOTH_PARENTS_AWAY: "both-parents-away",
  ONE_PARENT_AWAY: "one-parent-away",
  NO_PARENT_AWAY: "no-parent-away",
  OTHER_PARENT_NO_CAPACITY: "other-parent-no-capacity",
  OTHER_PARENT_DECEASED: "other-parent-deceased",
  OTHER_PARENT_CAPABLE: "other-parent-capable",
  OTHER_PARENT_NOT_ON_FILE: "other-parent-not-on-file",
  COMPULSORY_PUPIL: "compulsory-pupil",
  NOT_ENROLLED: "not-enrolled",
  NOT_IN_GRADES_1_TO_9: "not-in-grades-1-to-9",
  DROPPED_OUT: "dropped-out",
  CARED_BY_OTHERS: "cared-by-others",
  LIVES_WITH_PARENT: "lives-with-parent",
} as const;

/**
 * What a definition's `classify` returns: the verdict and the reasons for it.
 * @category Classification
 */
export interface DefinitionVerdict {
  readonly leftBehind: boolean;
  readonly reasons: readonly ClassificationReason[];
}

/**
 * A definition of "left-behind child" (留守儿童). Two are built in
 * ({@link STATE_COUNCIL_2016_DEFINITION}, {@link SCHOOL_DEFINITION}); a host can supply its own.
 * `classify` must be a pure function of the (validated) file and the date.
 * @example
 * const local: LeftBehindDefinition = {
 *   id: "county-x",
 *   name: text("某县口径", "County X"),
 *   classify: (file, { asOf }) => ({ leftBehind: isParentAway(file.parents[0], asOf), reasons: [] }),
 * };
 * @category Classification
 */
export interface LeftBehindDefinition {
  /** Stable id, written into every result. */
  readonly id: string;
  readonly name: LocalizedText;
  /** The verdict on one date. */
  classify(file: ChildFile, context: { asOf: CalendarDate }): DefinitionVerdict;
  /**
   * Optional: the dates on which the verdict can change (a status holds from such a date on).
   * When absent, {@link leftBehindChanges} uses every birthday and away-period edge of the file.
   */
  changeDates?(file: ChildFile): readonly CalendarDate[];
}

const LocalizedTextSchema = z.object({ "zh-CN": z.string(), en: z.string() });
const isFunction = (v: unknown): boolean => typeof v === "function";

/**
 * Checks each field of a custom definition, every refusal naming its field and saying what the
 * field is for. The refusals do not end the parse, so inside {@link DefinitionChoiceSchema}'s
 * union (an id or an object) they are reported with their paths, not as "matches neither".
 */
function checkDefinitionFields(d: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const refuse = (field: string, zh: string, en: string) =>
    addIssue(ctx, "invalid_type", text(zh, en), { path: [field] });
  const { id } = d;
  if (typeof id !== "string" || id.length < 1 || id.length > 64)
    refuse(
      "id",
      "应为 1–64 个字符的文本：它写入每条认定结果",
      "expected text of 1 to 64 characters: it is written into every result",
    );
  if (!LocalizedTextSchema.safeParse(d.name).success)
    refuse(
      "name",
      '应为中英文名称 { "zh-CN", en }：报告与说明用它称呼这个口径',
      'expected a name in zh-CN and en ({ "zh-CN", en }): reports and explanations call the definition by it',
    );
  if (!isFunction(d.classify))
    refuse(
      "classify",
      "应为函数 (file, { asOf }) => { leftBehind, reasons }：自定义口径用它认定每个儿童",
      "expected a function (file, { asOf }) => { leftBehind, reasons }: a custom definition decides each child with it",
    );
  if (d.changeDates !== undefined && !isFunction(d.changeDates))
    refuse(
      "changeDates",
      "可以省略；给出时应为函数 (file) => 日期数组，列出认定可能变化的日期",
      "may be left out; when given, expected a function (file) => dates on which the verdict can change",
    );
}

/**
 * Shape check for a custom {@link LeftBehindDefinition}: an object with an id, a bilingual name
 * and a `classify` function (`changeDates`, if given, a function too). Each field that is
 * missing or wrong is an issue at its own path (`definition.name`) saying what it is for. The
 * parsed value is the host's object itself, so a definition whose methods use `this` keeps it.
 * @example
 * LeftBehindDefinitionSchema.safeParse({ id: "x", name: text("甲", "x"), classify: 1 }).success //=> false
 * @category Classification
 */
export const LeftBehindDefinitionSchema = z
  .custom<LeftBehindDefinition>(
    (v) => typeof v === "object" && v !== null && !Array.isArray(v),
    // Not an object ends the check: in the union of ids and objects the message lists both.
    {
      ...refusal(
        "应为自定义口径对象 { id, name, classify }",
        "expected a custom definition { id, name, classify }",
      ),
      abort: true,
    },
  )
  .superRefine((d, ctx) => checkDefinitionFields(d as unknown as Record<string, unknown>, ctx));

/**
 * Shape check for what a custom definition's `classify` returns.
 * @example
 * DefinitionVerdictSchema.safeParse({ leftBehind: true, reasons: [] }).success //=> true
 * @category Classification
 */
export const DefinitionVerdictSchema = z.object({
  leftBehind: z.boolean(),
  reasons: z.array(z.object({ code: z.string().min(1), message: LocalizedTextSchema })),
});

/**
 * Whether a parent works away from home on a date: one of their `awayPeriods` contains it
 * (`from ≤ date ≤ to`; no `to` means still away). A deceased parent is never away.
 * @param parent - The parent (their away periods and whether deceased).
 * @param date - A real `YYYY-MM-DD` date.
 * @returns Whether the parent is away on `date`.
 * @throws ValidationError for an impossible date or malformed away periods.
 * @example
 * isParentAway({ ...father, awayPeriods: [{ from: "2024-02-20", to: "2026-01-31", city: "深圳" }] }, "2026-01-31") //=> true
 * isParentAway({ ...father, awayPeriods: [{ from: "2024-02-20", to: "2026-01-31", city: "深圳" }] }, "2026-02-01") //=> false
 * @category Classification
 */
export function isParentAway(
  parent: Pick<Parent, "awayPeriods" | "deceased">,
  date: CalendarDate,
): boolean {
  if (!Array.isArray((parent as Partial<Parent> | null | undefined)?.awayPeriods)) {
    throw invalidArgument(
      "parent.awayPeriods",
      "invalid_type",
      text("应为外出时段数组", "expected an array of away periods"),
      parent,
    );
  }
  if (!isCalendarDate(date)) {
    throw invalidArgument(
      "date",
      IssueCode.CALENDAR_DATE,
      text("应为真实存在的日期，格式 YYYY-MM-DD", "expected a real date as YYYY-MM-DD"),
      date,
    );
  }
  if (parent.deceased) return false;
  for (const p of parent.awayPeriods) {
    if (typeof p?.from !== "string") {
      throw invalidArgument(
        "parent.awayPeriods",
        "invalid_type",
        text("外出时段应含开始日期 from", "each away period needs a from date"),
        p,
      );
    }
    if (p.from <= date && (p.to === undefined || date <= p.to)) return true;
  }
  return false;
}

const ROLE_TEXT = { father: text("父亲", "father"), mother: text("母亲", "mother") } as const;

/** Facts every definition's result reports. @internal */
export interface ParentFacts {
  age: number;
  away: Parent[];
  home: Parent[];
}

/** @internal */
export function parentFacts(file: ChildFile, asOf: CalendarDate): ParentFacts {
  const away: Parent[] = [];
  const home: Parent[] = [];
  for (const p of file.parents) (isParentAway(p, asOf) ? away : home).push(p);
  return { age: ageOn(file.child.birthDate, asOf), away, home };
}

function ageReason(file: ChildFile, age: number, limit: number | undefined): ClassificationReason {
  if (age < 0) {
    return {
      code: ReasonCode.NOT_BORN,
      message: text("该日期尚未出生", "not yet born on that date"),
    };
  }
  if (limit !== undefined && age >= limit) {
    const day = birthdayOfAge(file.child.birthDate, limit);
    return {
      code: ReasonCode.AGED_16_OR_OVER,
      message: text(
        `已满 ${limit} 周岁（${day} 满 ${limit} 周岁），现 ${age} 岁`,
        `aged ${age}: turned ${limit} on ${day}`,
      ),
    };
  }
  return {
    code: ReasonCode.UNDER_16,
    message: text(`${age} 周岁，未满 16 周岁`, `aged ${age}, under 16`),
  };
}

function awayReason(facts: ParentFacts): ClassificationReason {
  if (facts.away.length >= 2) {
    return {
      code: ReasonCode.BOTH_PARENTS_AWAY,
      message: text("父母双方均外出务工", "both parents work away from home"),
    };
  }
  const [p] = facts.away;
  if (p) {
    const r = ROLE_TEXT[p.role];
    return {
      code: ReasonCode.ONE_PARENT_AWAY,
      message: text(`${r["zh-CN"]}外出务工`, `the ${r.en} works away from home`),
    };
  }
  return {
    code: ReasonCode.NO_PARENT_AWAY,
    message: text("父母均未外出务工", "no parent works away from home"),
  };
}

function otherParentReason(facts: ParentFacts): { ok: boolean; reason: ClassificationReason } {
  const other = facts.home[0];
  if (!other) {
    return {
      ok: false,
      reason: {
        code: ReasonCode.OTHER_PARENT_NOT_ON_FILE,
        message: text(
          "档案中没有另一方父母的登记，无法认定其无监护能力",
          "the other parent is not on file, so their lack of guardianship capacity is not established",
        ),
      },
    };
  }
  const r = ROLE_TEXT[other.role];
  if (other.deceased) {
    return {
      ok: true,
      reason: {
        code: ReasonCode.OTHER_PARENT_DECEASED,
        message: text(`${r["zh-CN"]}已故`, `the ${r.en} is deceased`),
      },
    };
  }
  if (other.guardianshipCapacity === "none") {
    return {
      ok: true,
      reason: {
        code: ReasonCode.OTHER_PARENT_NO_CAPACITY,
        message: text(`${r["zh-CN"]}无监护能力`, `the ${r.en} has no guardianship capacity`),
      },
    };
  }
  return {
    ok: false,
    reason: {
      code: ReasonCode.OTHER_PARENT_CAPABLE,
      message: text(
        `${r["zh-CN"]}在家且有监护能力（${other.guardianshipCapacity === "full" ? "完全" : "部分"}）`,
        `the ${r.en} is at home with ${other.guardianshipCapacity} guardianship capacity`,
      ),
    },
  };
}

/**
 * The official definition (国务院 国发〔2016〕13号): under 16, and both parents away, or one away
 * and the other without guardianship capacity (`guardianshipCapacity: "none"` or deceased).
 * A second parent who is not on file does not count as lacking capacity.
 * @example
 * STATE_COUNCIL_2016_DEFINITION.classify(file, { asOf: "2026-03-01" }).leftBehind //=> true
 * @category Classification
 */
export const STATE_COUNCIL_2016_DEFINITION: LeftBehindDefinition =
  Object.freeze<LeftBehindDefinition>({
    id: "state-council-2016",
    name: text("国发〔2016〕13号口径", "State Council 2016 No. 13"),
    classify(file, { asOf }) {
      const facts = parentFacts(file, asOf);
      const reasons: ClassificationReason[] = [ageReason(file, facts.age, 16)];
      const young = facts.age >= 0 && facts.age < 16;
      reasons.push(awayReason(facts));
      let parentsOk = facts.away.length >= 2;
      if (facts.away.length === 1) {
        const other = otherParentReason(facts);
        reasons.push(other.reason);
        parentsOk = other.ok;
      }
      return { leftBehind: young && parentsOk, reasons };
    },
    changeDates(file) {
      return [file.child.birthDate, birthdayOfAge(file.child.birthDate, 16), ...awayEdges(file)];
    },
  });

/**
 * Options of {@link schoolDefinition}: the two readings of the schools' definition the
 * summaries leave open.
 * @category Classification
 */
export interface SchoolDefinitionOptions {
  /**
   * Require that the child is cared for by someone other than a parent (“并且需要其他亲人或委托人
   * 照顾的中小学生” (school summary, L155)): a child living with the parent at home is then not
   * counted. Default `false`, because the county table of the same summaries counts 28,342
   * left-behind primary pupils of whom only 24,922 live with grandparents, relatives, an
   * entrusted guardian or alone.
   */
  requireOtherCarer?: boolean;
  /**
   * Keep a pupil who dropped out of grades 1–9 in scope. Default `true`: the summaries count a
   * dropout as a failure of the work (“没有让一个留守儿童出现辍学退学的现象” (class-teacher summary,
   * L293)), which the enrolment and retention rates must see.
   */
  keepDropouts?: boolean;
}

/** Schooling statuses that keep a pupil in the schools' scope. */
function inSchoolScope(status: string, keepDropouts: boolean): boolean {
  return status === "enrolled" || (keepDropouts && status === "dropped-out");
}

/**
 * Builds the schools' definition with a reading of the open points (see
 * {@link SchoolDefinitionOptions}); {@link SCHOOL_DEFINITION} is the default reading. Another
 * reading gets its own id (`school+other-carer`, `school-enrolled-only`…).
 * @param options - `requireOtherCarer` (default `false`), `keepDropouts` (default `true`).
 * @returns A definition to pass wherever a `definition` is taken.
 * @example
 * classifyLeftBehind(fileWithMotherAtHome, { asOf: "2026-03-01", definition: schoolDefinition({ requireOtherCarer: true }) }).leftBehind //=> false
 * @category Classification
 */
export function schoolDefinition(options: SchoolDefinitionOptions = {}): LeftBehindDefinition {
  const o = validate(
    z.object({ requireOtherCarer: z.boolean().optional(), keepDropouts: z.boolean().optional() }),
    options,
    { subject: text("学校口径选项", "school definition options") },
  );
  const requireOtherCarer = o.requireOtherCarer ?? false;
  const keepDropouts = o.keepDropouts ?? true;
  const id =
    "school" + (requireOtherCarer ? "+other-carer" : "") + (keepDropouts ? "" : "-enrolled-only");
  return Object.freeze<LeftBehindDefinition>({
    id,
    name: text(
      "学校口径（中小学生，父母双方或一方外出务工" +
        (requireOtherCarer ? "，由其他亲人或委托人照顾" : "") +
        (keepDropouts ? "，含辍学学生" : "") +
        "）",
      "School definition (pupil, one or both parents away" +
        (requireOtherCarer ? ", cared for by others" : "") +
        (keepDropouts ? ", dropouts included" : "") +
        ")",
    ),
    classify(file, { asOf }) {
      const facts = parentFacts(file, asOf);
      const reasons: ClassificationReason[] = [];
      const { grade, schooling } = file.child;
      let pupil = true;
      if (facts.age < 0) {
        reasons.push(ageReason(file, facts.age, undefined));
        pupil = false;
      }
      if (!inSchoolScope(schooling.status, keepDropouts)) {
        pupil = false;
        reasons.push({
          code: ReasonCode.NOT_ENROLLED,
          message: text(
            `学籍状态为 ${schooling.status}，不是在校生`,
            `schooling status is ${schooling.status}, not enrolled`,
          ),
        });
      } else if (grade === undefined || grade > 9) {
        pupil = false;
        reasons.push({
          code: ReasonCode.NOT_IN_GRADES_1_TO_9,
          message: text(
            grade === undefined
              ? "未登记年级，无法认定为中小学生"
              : `${grade} 年级不属于义务教育阶段`,
            grade === undefined
              ? "no grade on file, so not known to be a pupil"
              : `grade ${grade} is not grade 1–9`,
          ),
        });
      } else if (schooling.status === "dropped-out") {
        reasons.push({
          code: ReasonCode.DROPPED_OUT,
          message: text(
            `${grade} 年级辍学，仍在关爱范围内（辍学计入工作成效）`,
            `dropped out of grade ${grade}: still in scope (a dropout counts against the work)`,
          ),
        });
      } else {
        reasons.push({
          code: ReasonCode.COMPULSORY_PUPIL,
          message: text(
            `在读 ${grade} 年级（义务教育阶段）`,
            `enrolled in grade ${grade} (compulsory education)`,
          ),
        });
      }
      reasons.push(awayReason(facts));
      let cared = true;
      if (requireOtherCarer) {
        cared = file.livingArrangement !== "parent";
        reasons.push(
          cared
            ? {
                code: ReasonCode.CARED_BY_OTHERS,
                message: text(
                  "由其他亲人或委托人照顾（或独自生活）",
                  "cared for by others (or alone)",
                ),
              }
            : {
                code: ReasonCode.LIVES_WITH_PARENT,
                message: text("与在家的父母一方生活", "lives with the parent at home"),
              },
        );
      }
      return { leftBehind: pupil && facts.away.length >= 1 && cared, reasons };
    },
    changeDates(file) {
      const out = [file.child.birthDate, ...awayEdges(file)];
      if (file.child.schooling.since) out.push(file.child.schooling.since);
      return out;
    },
  });
}

/**
 * The schools' definition in the work summaries: a primary or middle-school pupil (grade 1–9,
 * enrolled or dropped out) whose parents both, or one of them, work away from home. The school
 * status and grade are read as recorded on the file (use `fileAsOf` for a past state). Built by
 * {@link schoolDefinition} with its defaults; see there for the two readings the summaries
 * leave open.
 * @example
 * SCHOOL_DEFINITION.classify(file, { asOf: "2026-03-01" }).leftBehind //=> true
 * @category Classification
 */
export const SCHOOL_DEFINITION: LeftBehindDefinition = /*#__PURE__*/ Object.freeze({
  .../*#__PURE__*/ schoolDefinition(),
  id: "school",
  name: text(
    "学校口径（中小学生，父母双方或一方外出务工）",
    "School definition (pupil, one or both parents away)",
  ),
});

/**
 * The built-in definitions by id.
 * @example
 * LEFT_BEHIND_DEFINITIONS["school"].name.en //=> "School definition (pupil, one or both parents away)"
 * @category Classification
 */
export const LEFT_BEHIND_DEFINITIONS = /*#__PURE__*/ Object.freeze({
  "state-council-2016": STATE_COUNCIL_2016_DEFINITION,
  school: SCHOOL_DEFINITION,
} as const satisfies Record<string, LeftBehindDefinition>);

/**
 * Id of a built-in definition.
 * @category Classification
 */
export type BuiltInDefinitionId = keyof typeof LEFT_BEHIND_DEFINITIONS;

/**
 * The default definition id: the State Council's.
 * @example
 * DEFAULT_DEFINITION //=> "state-council-2016"
 * @category Classification
 */
export const DEFAULT_DEFINITION: BuiltInDefinitionId = "state-council-2016";

/** First day away and first day back of every away period. @internal */
export function awayEdges(file: ChildFile): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (const p of file.parents) {
    for (const a of p.awayPeriods) {
      out.push(a.from);
      if (a.to !== undefined) out.push(addDays(a.to, 1));
    }
  }
  return out;
}

/**
 * The verdict alone of a built-in definition, without building reasons: the statistics' inner
 * loop. Must agree with `classify(...).leftBehind` (a property test checks it).
 * @internal
 */
export function builtInVerdict(
  id: BuiltInDefinitionId,
  file: ChildFile,
  asOf: CalendarDate,
): boolean {
  const birth = file.child.birthDate;
  if (asOf < birth) return false;
  let away = 0;
  let home: Parent | undefined;
  for (const p of file.parents) {
    if (isParentAway(p, asOf)) away++;
    else home ??= p;
  }
  if (id === "school") {
    const { grade, schooling } = file.child;
    return inSchoolScope(schooling.status, true) && grade !== undefined && grade <= 9 && away >= 1;
  }
  if (asOf >= birthdayOfAge(birth, 16)) return false;
  if (away >= 2) return true;
  if (away === 1 && home !== undefined)
    return home.deceased || home.guardianshipCapacity === "none";
  return false;
}
