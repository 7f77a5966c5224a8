import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import type { Answer, Assessment } from "../model/records";
import { defineChecklist, scoreChecklist, validateResponses } from "./engine";
import { createChecklistRegistry } from "./registry";
import type { ChecklistInput } from "./schema";

/**
 * The exact issue of every kind of wrong answer, condition and assessment, in both languages,
 * and the conditions, band sets and flags that decide what is shown and scored.
 */
const t = (zh: string, en: string) => ({ "zh-CN": zh, en });
const opts = (...values: string[]) =>
  values.map((v, i) => ({ value: v, label: t(v, v), score: i }));

const KINDS: ChecklistInput = {
  id: "kinds",
  version: "3",
  title: t("各类题目", "Kinds"),
  informants: ["teacher", "child"],
  items: [
    { id: "yn", kind: "yes-no", label: t("是否", "Yes or no") },
    { id: "lk", kind: "likert", min: 1, max: 3, label: t("量表", "Likert") },
    { id: "nm", kind: "number", min: 0, label: t("下限", "From zero") },
    { id: "mx", kind: "number", max: 9, integer: true, label: t("上限", "Up to nine") },
    { id: "sc", kind: "single-choice", options: opts("a", "b"), label: t("单选", "One") },
    {
      id: "mc",
      kind: "multiple-choice",
      options: opts("x", "y", "z"),
      minSelected: 1,
      maxSelected: 2,
      label: t("多选", "Many"),
    },
    { id: "tx", kind: "text", maxLength: 2, label: t("文本", "Text") },
    { id: "dt", kind: "date", label: t("日期", "Date") },
    { id: "rq", kind: "yes-no", required: true, label: t("必答", "Required") },
  ],
};

/** Issues of one answer set as `[path, code, severity, zh, en]`. */
function issues(responses: Record<string, unknown>) {
  return validateResponses(KINDS, responses as Record<string, Answer>).issues.map((i) => [
    i.path,
    i.code,
    i.severity,
    i.itemId,
    i.message["zh-CN"],
    i.message.en,
  ]);
}

describe("validateResponses: the issue of every wrong answer, worded", () => {
  it("wrong types, values out of range and unknown options of every kind", () => {
    expect(
      issues({
        yn: "yes",
        lk: 2.5,
        nm: -0.5,
        mx: 9.5,
        sc: "c",
        mc: ["x", "w", "x"],
        tx: "abc",
        dt: "2026-13-01",
        rq: true,
      }),
    ).toMatchInlineSnapshot(`
      [
        [
          "responses.yn",
          "checklist_wrong_type",
          "error",
          "yn",
          "字段 responses.yn（“是否”）：应为 true 或 false（收到："yes"）",
          "responses.yn ("Yes or no"): expected true or false (received: "yes")",
        ],
        [
          "responses.lk",
          "checklist_wrong_type",
          "error",
          "lk",
          "字段 responses.lk（“量表”）：应为整数（收到：2.5）",
          "responses.lk ("Likert"): expected an integer (received: 2.5)",
        ],
        [
          "responses.nm",
          "checklist_out_of_range",
          "error",
          "nm",
          "字段 responses.nm（“下限”）：应在 0–∞ 之间（收到：-0.5）",
          "responses.nm ("From zero"): expected a number from 0 to ∞ (received: -0.5)",
        ],
        [
          "responses.mx",
          "checklist_wrong_type",
          "error",
          "mx",
          "字段 responses.mx（“上限”）：应为整数（收到：9.5）",
          "responses.mx ("Up to nine"): expected an integer (received: 9.5)",
        ],
        [
          "responses.sc",
          "checklist_unknown_option",
          "error",
          "sc",
          "字段 responses.sc（“单选”）：应为以下选项之一：a、b（收到："c"）",
          "responses.sc ("One"): expected one of: a, b (received: "c")",
        ],
        [
          "responses.mc",
          "checklist_unknown_option",
          "error",
          "mc",
          "字段 responses.mc（“多选”）：未知选项，应为：x、y、z（收到："w"）",
          "responses.mc ("Many"): unknown option; expected one of: x, y, z (received: "w")",
        ],
        [
          "responses.mc",
          "checklist_wrong_type",
          "error",
          "mc",
          "字段 responses.mc（“多选”）：选项重复（收到："x"）",
          "responses.mc ("Many"): an option is chosen twice (received: "x")",
        ],
        [
          "responses.mc",
          "checklist_out_of_range",
          "error",
          "mc",
          "字段 responses.mc（“多选”）：至多选择 2 项（收到：array(3)）",
          "responses.mc ("Many"): choose at most 2 (received: array(3))",
        ],
        [
          "responses.tx",
          "checklist_out_of_range",
          "error",
          "tx",
          "字段 responses.tx（“文本”）：不超过 2 字（收到："abc"）",
          "responses.tx ("Text"): expected at most 2 characters (received: "abc")",
        ],
        [
          "responses.dt",
          "checklist_wrong_type",
          "error",
          "dt",
          "字段 responses.dt（“日期”）：应为真实存在的日期 YYYY-MM-DD（收到："2026-13-01"）",
          "responses.dt ("Date"): expected a real date as YYYY-MM-DD (received: "2026-13-01")",
        ],
      ]
    `);
  });

  it("a Likert item past either end, numbers past one bound, choices in wrong shapes", () => {
    expect(
      issues({ lk: 4, nm: Number.NaN, mx: 10, sc: 1, mc: "x", tx: 12, dt: 20260101, rq: false }),
    ).toMatchInlineSnapshot(`
      [
        [
          "responses.lk",
          "checklist_out_of_range",
          "error",
          "lk",
          "字段 responses.lk（“量表”）：应为 1–3 的整数（收到：4）",
          "responses.lk ("Likert"): expected an integer from 1 to 3 (received: 4)",
        ],
        [
          "responses.nm",
          "checklist_wrong_type",
          "error",
          "nm",
          "字段 responses.nm（“下限”）：应为有限的数字：NaN 不是有效答案（未作答的题目请省略或填 null）（收到：NaN）",
          "responses.nm ("From zero"): expected a finite number: NaN is not an answer (leave an unanswered item out or give null) (received: NaN)",
        ],
        [
          "responses.mx",
          "checklist_out_of_range",
          "error",
          "mx",
          "字段 responses.mx（“上限”）：应在 −∞–9 之间（收到：10）",
          "responses.mx ("Up to nine"): expected a number from −∞ to 9 (received: 10)",
        ],
        [
          "responses.sc",
          "checklist_wrong_type",
          "error",
          "sc",
          "字段 responses.sc（“单选”）：应为一个选项值（收到：1）",
          "responses.sc ("One"): expected one option value (received: 1)",
        ],
        [
          "responses.mc",
          "checklist_wrong_type",
          "error",
          "mc",
          "字段 responses.mc（“多选”）：应为选项值数组（收到："x"）",
          "responses.mc ("Many"): expected an array of option values (received: "x")",
        ],
        [
          "responses.tx",
          "checklist_wrong_type",
          "error",
          "tx",
          "字段 responses.tx（“文本”）：应为文本（收到：12）",
          "responses.tx ("Text"): expected text (received: 12)",
        ],
        [
          "responses.dt",
          "checklist_wrong_type",
          "error",
          "dt",
          "字段 responses.dt（“日期”）：应为真实存在的日期 YYYY-MM-DD（收到：20260101）",
          "responses.dt ("Date"): expected a real date as YYYY-MM-DD (received: 20260101)",
        ],
      ]
    `);
    expect(issues({ lk: 0, nm: Infinity, mx: "9", mc: [], rq: true })).toMatchInlineSnapshot(`
      [
        [
          "responses.lk",
          "checklist_out_of_range",
          "error",
          "lk",
          "字段 responses.lk（“量表”）：应为 1–3 的整数（收到：0）",
          "responses.lk ("Likert"): expected an integer from 1 to 3 (received: 0)",
        ],
        [
          "responses.nm",
          "checklist_wrong_type",
          "error",
          "nm",
          "字段 responses.nm（“下限”）：应为有限的数字：Infinity 不是有效答案（未作答的题目请省略或填 null）（收到：Infinity）",
          "responses.nm ("From zero"): expected a finite number: Infinity is not an answer (leave an unanswered item out or give null) (received: Infinity)",
        ],
        [
          "responses.mx",
          "checklist_wrong_type",
          "error",
          "mx",
          "字段 responses.mx（“上限”）：应为数字（收到："9"）",
          "responses.mx ("Up to nine"): expected a number (received: "9")",
        ],
        [
          "responses.mc",
          "checklist_out_of_range",
          "error",
          "mc",
          "字段 responses.mc（“多选”）：至少选择 1 项（收到：array(0)）",
          "responses.mc ("Many"): choose at least 1 (received: array(0))",
        ],
      ]
    `);
    expect(issues({ lk: "1", mc: ["x", "y", "z"], rq: true })).toMatchInlineSnapshot(`
      [
        [
          "responses.lk",
          "checklist_wrong_type",
          "error",
          "lk",
          "字段 responses.lk（“量表”）：应为整数（收到："1"）",
          "responses.lk ("Likert"): expected an integer (received: "1")",
        ],
        [
          "responses.mc",
          "checklist_out_of_range",
          "error",
          "mc",
          "字段 responses.mc（“多选”）：至多选择 2 项（收到：array(3)）",
          "responses.mc ("Many"): choose at most 2 (received: array(3))",
        ],
      ]
    `);
  });

  it("a number that is not finite (NaN, ±Infinity) is named and refused with the reason", () => {
    const check = validateResponses(KINDS, {
      nm: Number.NaN,
      lk: Number.NaN,
      mx: Number.NEGATIVE_INFINITY,
      rq: true,
    });
    expect(check.valid).toBe(false);
    expect(check.issues.map((i) => [i.path, i.code, i.itemId, i.received])).toEqual([
      ["responses.lk", "checklist_wrong_type", "lk", "NaN"],
      ["responses.nm", "checklist_wrong_type", "nm", "NaN"],
      ["responses.mx", "checklist_wrong_type", "mx", "-Infinity"],
    ]);
    expect(check.issues.map((i) => i.message)).toEqual([
      {
        "zh-CN":
          "字段 responses.lk（“量表”）：应为整数：NaN 不是有效答案（未作答的题目请省略或填 null）（收到：NaN）",
        en: 'responses.lk ("Likert"): expected an integer: NaN is not an answer (leave an unanswered item out or give null) (received: NaN)',
      },
      {
        "zh-CN":
          "字段 responses.nm（“下限”）：应为有限的数字：NaN 不是有效答案（未作答的题目请省略或填 null）（收到：NaN）",
        en: 'responses.nm ("From zero"): expected a finite number: NaN is not an answer (leave an unanswered item out or give null) (received: NaN)',
      },
      {
        "zh-CN":
          "字段 responses.mx（“上限”）：应为有限的数字：-Infinity 不是有效答案（未作答的题目请省略或填 null）（收到：-Infinity）",
        en: 'responses.mx ("Up to nine"): expected a finite number: -Infinity is not an answer (leave an unanswered item out or give null) (received: -Infinity)',
      },
    ]);
  });

  it("unknown items, a required item missing, hidden items answered", () => {
    expect(issues({ ghost: 1, rq: null })).toMatchInlineSnapshot(`
      [
        [
          "responses.ghost",
          "checklist_unknown_item",
          "error",
          "ghost",
          "字段 responses.ghost：检查表 kinds@3 没有此题目（收到：1）",
          "responses.ghost: checklist kinds@3 has no such item (received: 1)",
        ],
        [
          "responses.rq",
          "checklist_required_missing",
          "error",
          "rq",
          "字段 responses.rq（“必答”）：必答题未作答（收到：null）",
          "responses.rq ("Required"): a required item is not answered (received: null)",
        ],
      ]
    `);
    const hidden: ChecklistInput = {
      ...KINDS,
      items: [
        { id: "gate", kind: "yes-no", label: t("门", "Gate") },
        {
          id: "then",
          kind: "yes-no",
          required: true,
          showIf: [{ item: "gate", equals: true }],
          label: t("随后", "Then"),
        },
      ],
    };
    expect(
      validateResponses(hidden, { gate: false, then: true }).issues.map((i) => [
        i.path,
        i.code,
        i.severity,
        i.message.en,
      ]),
    ).toMatchInlineSnapshot(`
      [
        [
          "responses.then",
          "checklist_hidden_answered",
          "warning",
          "responses.then ("Then"): this item is hidden by its condition; the answer is ignored (received: true)",
        ],
      ]
    `);
    // hidden and unanswered, or answered null: no warning
    expect(validateResponses(hidden, { gate: false, then: null })).toEqual({
      valid: true,
      issues: [],
    });
    expect(validateResponses(hidden, { gate: false })).toEqual({ valid: true, issues: [] });
    // warnings are kept on the score
    const score = scoreChecklist(hidden, {
      id: "h1",
      childId: "c1",
      checklistId: "kinds",
      checklistVersion: "3",
      takenAt: "2026-05-01T10:00:00+08:00",
      informant: "child",
      responses: { gate: false, then: true },
    });
    expect(score.warnings.map((w) => [w.path, w.code])).toEqual([
      ["responses.then", "checklist_hidden_answered"],
    ]);
    // an inherited property is not an answer
    const inherited = Object.create({ gate: true }) as Record<string, Answer>;
    expect(validateResponses(hidden, inherited)).toEqual({ valid: true, issues: [] });
  });

  it("refuses responses that are not an object of answers", () => {
    expect.assertions(8);
    for (const bad of [null, [true], "yes", 3]) {
      try {
        validateResponses(KINDS, bad as never);
        expect.unreachable();
      } catch (e) {
        expect((e as ValidationError).messages.en).toMatch(/^Invalid responses \(1 issue\)/);
        expect((e as ValidationError).issues.map((i) => [i.path, i.message.en])).toEqual([
          [
            "responses",
            `responses: expected an object of answers keyed by item id (received: ${
              bad === null ? "null" : Array.isArray(bad) ? "array(1)" : JSON.stringify(bad)
            })`,
          ],
        ]);
      }
    }
  });
});

describe("conditions: each field at, and on either side of, what it asks", () => {
  const gated = (cond: Record<string, unknown>, first: ChecklistInput["items"][number]) =>
    defineChecklist({
      id: "gated",
      version: "1",
      title: t("条件", "Conditions"),
      items: [
        first,
        {
          id: "then",
          kind: "yes-no",
          required: true,
          showIf: [{ item: "first", ...cond }],
          label: t("随后", "Then"),
        },
      ],
    });
  /** Whether `then` is shown (so required) for an answer to `first`. */
  const shown = (c: ReturnType<typeof gated>, first: Answer | undefined) =>
    !validateResponses(c, first === undefined ? {} : { first }).valid;
  const yesNo = { id: "first", kind: "yes-no" as const, label: t("一", "first") };
  const single = {
    id: "first",
    kind: "single-choice" as const,
    options: opts("a", "b", "c"),
    label: t("一", "first"),
  };
  const multiple = { ...single, kind: "multiple-choice" as const };
  const number = { id: "first", kind: "number" as const, label: t("一", "first") };

  it("answered: true or false", () => {
    const yes = gated({ answered: true }, yesNo);
    expect([shown(yes, true), shown(yes, false), shown(yes, null), shown(yes, undefined)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const no = gated({ answered: false }, yesNo);
    expect([shown(no, true), shown(no, false), shown(no, null), shown(no, undefined)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it("equals and notEquals (an unanswered item differs from every value)", () => {
    const eq = gated({ equals: "b" }, single);
    expect([shown(eq, "a"), shown(eq, "b"), shown(eq, null)]).toEqual([false, true, false]);
    const ne = gated({ notEquals: "b" }, single);
    expect([shown(ne, "a"), shown(ne, "b"), shown(ne, null)]).toEqual([true, false, true]);
  });

  it("oneOf: a single answer among the values; never an unanswered item or a list", () => {
    const one = gated({ oneOf: ["a", "c"] }, single);
    expect([shown(one, "a"), shown(one, "b"), shown(one, "c"), shown(one, null)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    const many = gated({ oneOf: ["a"] }, multiple);
    expect([shown(many, ["a"]), shown(many, [])]).toEqual([false, false]);
  });

  it("includes: a multiple-choice answer containing the option", () => {
    const inc = gated({ includes: "b" }, multiple);
    expect([shown(inc, ["a", "b"]), shown(inc, ["a"]), shown(inc, []), shown(inc, null)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const onSingle = gated({ includes: "b" }, single);
    expect(shown(onSingle, "b")).toBe(false);
  });

  it("atLeast and atMost: numeric answers only, bounds included", () => {
    const least = gated({ atLeast: 2 }, number);
    expect([shown(least, 1.9), shown(least, 2), shown(least, 2.1), shown(least, null)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const most = gated({ atMost: 2 }, number);
    expect([shown(most, 1.9), shown(most, 2), shown(most, 2.1), shown(most, null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const onText = gated({ atMost: 2 }, { id: "first", kind: "text", label: t("一", "first") });
    expect(shown(onText, "1")).toBe(false);
  });

  it("every condition of an item must hold", () => {
    const both = gated({ atLeast: 1, notEquals: 3 }, number);
    expect([shown(both, 0), shown(both, 1), shown(both, 3), shown(both, 4)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});

const SCORED: ChecklistInput = {
  id: "scored",
  version: "2",
  title: t("计分", "Scored"),
  informants: ["teacher", "child", "guardian"],
  items: [
    { id: "a", kind: "likert", min: 0, max: 3, label: t("甲", "A") },
    { id: "b", kind: "likert", min: 0, max: 3, label: t("乙", "B") },
  ],
  scales: [
    {
      id: "s",
      label: t("分", "Sum"),
      items: ["a", "b"],
      bands: [
        { ranges: [{ id: "any", label: t("通用", "any"), risk: 1 }] },
        { population: "p", ranges: [{ id: "pop", label: t("人群", "population"), risk: 2 }] },
        { informant: "child", ranges: [{ id: "inf", label: t("本人", "informant"), risk: 3 }] },
        {
          population: "p",
          informant: "child",
          ranges: [{ id: "both", label: t("两者", "both"), risk: 4 }],
        },
      ],
    },
    {
      id: "gap",
      label: t("缺口", "Gap"),
      items: ["a"],
      bands: [
        {
          ranges: [
            { id: "low", label: t("低", "low"), max: 0 },
            { id: "high", label: t("高", "high"), min: 2 },
          ],
        },
      ],
    },
  ],
  flags: [
    {
      id: "any-high",
      label: t("任一高", "Either high"),
      when: [
        { item: "a", atLeast: 3 },
        { item: "b", atLeast: 3 },
      ],
      risk: 2,
    },
    {
      id: "all-high",
      label: t("都高", "Both high"),
      match: "all",
      when: [
        { scale: "s", atLeast: 6 },
        { scale: "gap", bands: ["high"] },
      ],
    },
    {
      id: "no-band",
      label: t("无分段", "No band"),
      when: [{ scale: "gap", atMost: 1, atLeast: 1 }],
    },
  ],
};

function taken(responses: Record<string, Answer>, extra: Partial<Assessment> = {}): Assessment {
  return {
    id: "as1",
    childId: "c9",
    checklistId: "scored",
    checklistVersion: "2",
    takenAt: "2026-05-01T10:00:00+08:00",
    informant: "teacher",
    responses,
    ...extra,
  };
}

describe("scoreChecklist: bands, flags and risk factors", () => {
  it("the most specific band set wins: population and informant, then informant, then population", () => {
    const band = (informant: Assessment["informant"], population?: string) =>
      scoreChecklist(SCORED, taken({ a: 1, b: 1 }, { informant }), population ? { population } : {})
        .scales["s"]!.band;
    expect(band("teacher")).toEqual({ id: "any", label: t("通用", "any"), risk: 1 });
    expect(band("teacher", "p")).toEqual({ id: "pop", label: t("人群", "population"), risk: 2 });
    expect(band("child")).toEqual({ id: "inf", label: t("本人", "informant"), risk: 3 });
    expect(band("child", "p")).toEqual({ id: "both", label: t("两者", "both"), risk: 4 });
    expect(band("child", "q")?.id).toBe("inf");
    expect(band("guardian", "q")?.id).toBe("any");
  });

  it("a value between two bands has none, so adds no risk factor", () => {
    const s = scoreChecklist(SCORED, taken({ a: 1, b: 0 }));
    expect(s.scales["gap"]).toEqual({
      id: "gap",
      label: t("缺口", "Gap"),
      value: 1,
      raw: 1,
      answered: 1,
      applicable: 1,
      prorated: false,
      range: { min: 0, max: 3 },
    });
    expect(s.flags.map((f) => f.id)).toEqual(["no-band"]);
  });

  it("names each risk factor and sums them; any-flags need one condition, all-flags every one", () => {
    const s = scoreChecklist(SCORED, taken({ a: 3, b: 3 }));
    expect(s.flags).toEqual([
      { id: "any-high", label: t("任一高", "Either high"), tags: [], risk: 2 },
      { id: "all-high", label: t("都高", "Both high"), tags: [], risk: 0 },
    ]);
    expect(s.riskFactors).toEqual(
      [
        { code: "scored:s:any", label: t("计分：分为“通用”", 'Scored: Sum is "any"'), weight: 1 },
        {
          code: "scored:gap:high",
          label: t("计分：缺口为“高”", 'Scored: Gap is "high"'),
          weight: 0,
        },
        {
          code: "scored:flag:any-high",
          label: t("计分：任一高", "Scored: Either high"),
          weight: 2,
        },
      ].filter((f) => f.weight > 0),
    );
    expect(s.riskContribution).toBe(3);
    const one = scoreChecklist(SCORED, taken({ a: 3, b: 2 }));
    expect(one.flags.map((f) => f.id)).toEqual(["any-high"]);
    const none = scoreChecklist(SCORED, taken({ a: 2, b: 2 }));
    expect(none.flags).toEqual([]);
    expect(none.riskContribution).toBe(1);
    expect(none).toMatchObject({
      assessmentId: "as1",
      childId: "c9",
      checklistId: "scored",
      checklistVersion: "2",
      informant: "teacher",
      takenAt: "2026-05-01T10:00:00+08:00",
      warnings: [],
    });
  });

  it("a scale with no value raises no flag that reads it, even an all-flag", () => {
    const s = scoreChecklist(SCORED, taken({ b: 3 }));
    expect(s.scales["s"]!.value).toBeUndefined();
    expect(s.scales["s"]!.band).toBeUndefined();
    expect(s.flags.map((f) => f.id)).toEqual(["any-high"]);
  });
});

describe("scoreChecklist: the assessment's checklist, version and informant, worded", () => {
  /** The error's subject, then each issue thrown as `[path, code, zh, en]`. */
  function refusal(run: () => unknown) {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const { messages, issues } = e as ValidationError;
      // what was refused, as the error's headline names it
      const subject = [messages["zh-CN"].split("校验失败")[0], messages.en.split(" (")[0]];
      return [subject, ...issues].map((i) =>
        Array.isArray(i) ? i : [i.path, i.code, i.message["zh-CN"], i.message.en],
      );
    }
    return expect.unreachable("the assessment was scored");
  }
  const registry = createChecklistRegistry([
    defineChecklist(SCORED),
    defineChecklist({ ...SCORED, version: "1" }),
  ]);

  it("through a registry: an unknown checklist, an unknown version with the known ones", () => {
    expect(refusal(() => scoreChecklist(registry, taken({}, { checklistId: "other" }))))
      .toMatchInlineSnapshot(`
        [
          [
            "评估",
            "Invalid assessment",
          ],
          [
            "checklistId",
            "checklist_wrong_checklist",
            "字段 checklistId：登记册中没有此检查表（收到："other"）",
            "checklistId: no such checklist in the registry (received: "other")",
          ],
        ]
      `);
    expect(refusal(() => scoreChecklist(registry, taken({}, { checklistVersion: "9" }))))
      .toMatchInlineSnapshot(`
        [
          [
            "评估",
            "Invalid assessment",
          ],
          [
            "checklistVersion",
            "checklist_wrong_version",
            "字段 checklistVersion：检查表 scored 没有此版本（已有：1、2）（收到："9"）",
            "checklistVersion: checklist scored has no such version (known: 1, 2) (received: "9")",
          ],
        ]
      `);
  });

  it("with one checklist: another checklist, another version, an informant not allowed", () => {
    expect(refusal(() => scoreChecklist(SCORED, taken({}, { checklistId: "other" }))))
      .toMatchInlineSnapshot(`
        [
          [
            "评估",
            "Invalid assessment",
          ],
          [
            "checklistId",
            "checklist_wrong_checklist",
            "字段 checklistId：评估针对的不是检查表 scored（收到："other"）",
            "checklistId: the assessment was not taken on checklist scored (received: "other")",
          ],
        ]
      `);
    expect(refusal(() => scoreChecklist(SCORED, taken({}, { checklistVersion: "1" }))))
      .toMatchInlineSnapshot(`
        [
          [
            "评估",
            "Invalid assessment",
          ],
          [
            "checklistVersion",
            "checklist_wrong_version",
            "字段 checklistVersion：评估使用的版本与检查表版本 2 不同；请用登记册按原版本计分（收到："1"）",
            "checklistVersion: the assessment was taken on another version than 2; score it through a registry holding that version (received: "1")",
          ],
        ]
      `);
    expect(
      refusal(() =>
        scoreChecklist(
          KINDS,
          taken(
            { rq: true },
            { checklistId: "kinds", checklistVersion: "3", informant: "guardian" },
          ),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        [
          "评估",
          "Invalid assessment",
        ],
        [
          "informant",
          "checklist_informant",
          "字段 informant：此检查表只能由 teacher、child 填写（收到："guardian"）",
          "informant: this checklist is answered only by teacher, child (received: "guardian")",
        ],
      ]
    `);
  });

  it("a malformed assessment is refused before its checklist is looked up", () => {
    const refused = refusal(() =>
      scoreChecklist(registry, { ...taken({}), checklistId: "nowhere", takenAt: "yesterday" }),
    );
    expect(refused[0]).toEqual(["评估", "Invalid assessment"]);
    expect(refused.slice(1).map((i) => i[0])).toEqual(["takenAt"]);
  });

  it("invalid answers throw every error together", () => {
    expect(refusal(() => scoreChecklist(SCORED, taken({ a: 4, b: "x" } as never))))
      .toMatchInlineSnapshot(`
        [
          [
            "评估答卷",
            "Invalid assessment responses",
          ],
          [
            "responses.a",
            "checklist_out_of_range",
            "字段 responses.a（“甲”）：应为 0–3 的整数（收到：4）",
            "responses.a ("A"): expected an integer from 0 to 3 (received: 4)",
          ],
          [
            "responses.b",
            "checklist_wrong_type",
            "字段 responses.b（“乙”）：应为整数（收到："x"）",
            "responses.b ("B"): expected an integer (received: "x")",
          ],
        ]
      `);
  });

  it("an answer that is NaN is refused by name with the reason, not scored", () => {
    expect(refusal(() => scoreChecklist(SCORED, taken({ a: Number.NaN, b: 1 })))).toEqual([
      ["评估答卷", "Invalid assessment responses"],
      [
        "responses.a",
        "checklist_wrong_type",
        "字段 responses.a（“甲”）：应为整数：NaN 不是有效答案（未作答的题目请省略或填 null）（收到：NaN）",
        'responses.a ("A"): expected an integer: NaN is not an answer (leave an unanswered item out or give null) (received: NaN)',
      ],
    ]);
  });
});
