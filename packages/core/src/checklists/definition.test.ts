import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { defineChecklist, scaleRanges } from "./engine";
import { ChecklistIssueCode, isScorable, type ChecklistInput, type ChecklistItem } from "./schema";

/**
 * Every check of `ChecklistSchema`'s cross-field rules, with its exact path, code and wording
 * in both languages, and every limit tried at it and on either side of it.
 */
const t = (s: string) => ({ "zh-CN": s, en: s });

const base = (over: Partial<ChecklistInput>): ChecklistInput => ({
  id: "def",
  version: "1",
  title: t("def"),
  items: [{ id: "q1", kind: "likert", min: 0, max: 2, label: t("q1") }],
  ...over,
});

/** The issues `defineChecklist` throws for a definition, as `[path, code, zh, en]`. */
function issuesOf(input: ChecklistInput): [string, string, string, string][] {
  try {
    defineChecklist(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).messages["zh-CN"]).toMatch(/^检查表校验失败/);
    expect((e as ValidationError).messages.en).toMatch(/^Invalid checklist \(/);
    const issues = (e as ValidationError).issues;
    expect(issues.length).toBeGreaterThan(0);
    return issues.map((i) => [i.path, i.code, i.message["zh-CN"], i.message.en]);
  }
  return expect.unreachable("the definition was accepted");
}

const likert = (id: string, extra: object = {}) => ({
  id,
  kind: "likert" as const,
  min: 0,
  max: 2,
  label: t(id),
  ...extra,
});

const options = (...values: string[]) => values.map((v) => ({ value: v, label: t(v), score: 1 }));

describe("defineChecklist: cross-field checks, worded in both languages", () => {
  it("sections and items: duplicates, unknown sections, conditions on later items", () => {
    expect(
      issuesOf(
        base({
          sections: [
            { id: "s", title: t("s") },
            { id: "s", title: t("s") },
          ],
          items: [
            likert("q1", { section: "s" }),
            likert("q1", { section: "nope" }),
            likert("q3", { showIf: [{ item: "q1" }, { item: "q4" }] }),
            likert("q4"),
          ],
        }),
      ),
    ).toEqual([
      [
        "sections[1].id",
        ChecklistIssueCode.DUPLICATE,
        '字段 sections[1].id：分节 s 重复（收到："s"）',
        'sections[1].id: section s is defined twice (received: "s")',
      ],
      [
        "items[1].id",
        ChecklistIssueCode.DUPLICATE,
        '字段 items[1].id：题目 q1 重复（收到："q1"）',
        'items[1].id: item q1 is defined twice (received: "q1")',
      ],
      [
        "items[1].section",
        ChecklistIssueCode.BAD_REFERENCE,
        '字段 items[1].section：未定义的分节 nope（收到："nope"）',
        'items[1].section: unknown section nope (received: "nope")',
      ],
      [
        "items[2].showIf[1].item",
        ChecklistIssueCode.BAD_REFERENCE,
        '字段 items[2].showIf[1].item：条件须引用此前定义的题目，q4 不是（收到："q4"）',
        'items[2].showIf[1].item: a condition must name an earlier item; q4 is not one (received: "q4")',
      ],
    ]);
  });

  it("choices: options listed twice, in single and multiple choice", () => {
    expect(
      issuesOf(
        base({
          items: [
            { id: "one", kind: "single-choice", options: options("a", "b", "a"), label: t("one") },
            { id: "many", kind: "multiple-choice", options: options("x", "x"), label: t("many") },
          ],
        }),
      ),
    ).toEqual([
      [
        "items[0].options[2].value",
        ChecklistIssueCode.DUPLICATE,
        '字段 items[0].options[2].value：选项 a 重复（收到："a"）',
        'items[0].options[2].value: option a is listed twice (received: "a")',
      ],
      [
        "items[1].options[1].value",
        ChecklistIssueCode.DUPLICATE,
        '字段 items[1].options[1].value：选项 x 重复（收到："x"）',
        'items[1].options[1].value: option x is listed twice (received: "x")',
      ],
    ]);
  });

  it("minSelected above maxSelected is refused; equal is allowed", () => {
    const multiple = (minSelected: number, maxSelected: number) =>
      base({
        items: [
          {
            id: "m",
            kind: "multiple-choice",
            options: options("a", "b", "c"),
            minSelected,
            maxSelected,
            label: t("m"),
          },
        ],
      });
    expect(issuesOf(multiple(3, 2))).toEqual([
      [
        "items[0].minSelected",
        ChecklistIssueCode.DEFINITION,
        "字段 items[0].minSelected：最少选择数大于最多选择数（收到：3）",
        "items[0].minSelected: minSelected exceeds maxSelected (received: 3)",
      ],
    ]);
    expect(defineChecklist(multiple(2, 2)).items[0]).toMatchObject({
      minSelected: 2,
      maxSelected: 2,
    });
    expect(defineChecklist(multiple(1, 2)).items[0]).toMatchObject({
      minSelected: 1,
      maxSelected: 2,
    });
    // either bound alone is fine
    expect(
      defineChecklist(
        base({
          items: [
            {
              id: "m",
              kind: "multiple-choice",
              options: options("a"),
              minSelected: 5,
              label: t("m"),
            },
          ],
        }),
      ).items,
    ).toHaveLength(1);
  });

  it("a Likert item needs max above min: equal and reversed are refused, one apart is allowed", () => {
    const issue = (i: number) => [
      `items[${i}].max`,
      ChecklistIssueCode.DEFINITION,
      `字段 items[${i}].max：量表题的 max 须大于 min（收到：2）`,
      `items[${i}].max: a Likert item needs max above min (received: 2)`,
    ];
    expect(
      issuesOf(base({ items: [likert("a", { min: 2, max: 2 }), likert("b", { min: 3, max: 2 })] })),
    ).toEqual([issue(0), issue(1)]);
    expect(defineChecklist(base({ items: [likert("a", { min: 1, max: 2 })] })).items).toHaveLength(
      1,
    );
  });

  it("anchors must label every point: one too few and one too many are refused", () => {
    const anchored = (n: number) =>
      base({
        items: [
          likert("a", {
            min: 1,
            max: 3,
            anchors: Array.from({ length: n }, (_, i) => t(String(i))),
          }),
        ],
      });
    const issue = (n: number) => [
      "items[0].anchors",
      ChecklistIssueCode.DEFINITION,
      `字段 items[0].anchors：锚点标签数须等于量表点数（收到：array(${n})）`,
      `items[0].anchors: anchors must label every point of the scale (received: array(${n}))`,
    ];
    expect(issuesOf(anchored(2))).toEqual([issue(2)]);
    expect(issuesOf(anchored(4))).toEqual([issue(4)]);
    expect(defineChecklist(anchored(3)).items).toHaveLength(1);
  });

  it("a number item with min above max is refused; equal bounds or one bound are allowed", () => {
    const num = (min: number | undefined, max: number | undefined) =>
      base({
        items: [
          {
            id: "n",
            kind: "number",
            ...(min !== undefined ? { min } : {}),
            ...(max !== undefined ? { max } : {}),
            label: t("n"),
          },
        ],
      });
    expect(issuesOf(num(5, 4))).toEqual([
      [
        "items[0].min",
        ChecklistIssueCode.DEFINITION,
        "字段 items[0].min：数值题的 min 大于 max（收到：5）",
        "items[0].min: a number item has min above max (received: 5)",
      ],
    ]);
    expect(defineChecklist(num(4, 4)).items).toHaveLength(1);
    expect(defineChecklist(num(5, undefined)).items).toHaveLength(1);
    expect(defineChecklist(num(undefined, -5)).items).toHaveLength(1);
  });

  it("scales: duplicates, items and subscales together or neither, repeated and unknown items, unscorable items, later subscales", () => {
    expect(
      issuesOf(
        base({
          items: [likert("q1"), likert("q2"), { id: "note", kind: "text", label: t("note") }],
          scales: [
            { id: "s", label: t("s"), items: ["q1", { item: "q1", weight: 2 }, "ghost", "note"] },
            { id: "s", label: t("s"), items: ["q2"], scales: ["s"] },
            { id: "empty", label: t("empty") },
            { id: "tot", label: t("tot"), scales: ["s", "later"] },
            { id: "later", label: t("later"), items: ["q2"] },
          ],
        }),
      ),
    ).toEqual([
      [
        "scales[0].items[1]",
        ChecklistIssueCode.DUPLICATE,
        "字段 scales[0].items[1]：题目 q1 在分量表中重复（收到：object）",
        "scales[0].items[1]: item q1 is listed twice in the scale (received: object)",
      ],
      [
        "scales[0].items[2]",
        ChecklistIssueCode.BAD_REFERENCE,
        '字段 scales[0].items[2]：未定义的题目 ghost（收到："ghost"）',
        'scales[0].items[2]: unknown item ghost (received: "ghost")',
      ],
      [
        "scales[0].items[3]",
        ChecklistIssueCode.DEFINITION,
        '字段 scales[0].items[3]：题目 note 不可计分（文本、日期、无分值的选项或无上下限的数值）（收到："note"）',
        'scales[0].items[3]: item note cannot be scored (text, date, options without scores, or a number without min and max) (received: "note")',
      ],
      [
        "scales[1].id",
        ChecklistIssueCode.DUPLICATE,
        '字段 scales[1].id：分量表 s 重复（收到："s"）',
        'scales[1].id: scale s is defined twice (received: "s")',
      ],
      [
        "scales[1]",
        ChecklistIssueCode.DEFINITION,
        "字段 scales[1]：分量表须且只能由题目或此前的分量表构成（收到：object）",
        "scales[1]: a scale is made of items or of earlier scales, not both and not neither (received: object)",
      ],
      [
        "scales[2]",
        ChecklistIssueCode.DEFINITION,
        "字段 scales[2]：分量表须且只能由题目或此前的分量表构成（收到：object）",
        "scales[2]: a scale is made of items or of earlier scales, not both and not neither (received: object)",
      ],
      [
        "scales[3].scales[1]",
        ChecklistIssueCode.BAD_REFERENCE,
        '字段 scales[3].scales[1]：须引用此前定义的分量表，later 不是（收到："later"）',
        'scales[3].scales[1]: must name an earlier scale; later is not one (received: "later")',
      ],
    ]);
  });

  it("prorate.minAnswered above the number of items is refused; equal is allowed", () => {
    const prorated = (minAnswered: number) =>
      base({
        items: [likert("q1"), likert("q2")],
        scales: [{ id: "s", label: t("s"), items: ["q1", "q2"], prorate: { minAnswered } }],
      });
    expect(issuesOf(prorated(3))).toEqual([
      [
        "scales[0].prorate.minAnswered",
        ChecklistIssueCode.DEFINITION,
        "字段 scales[0].prorate.minAnswered：按比例计分所需作答数超过题目数（收到：3）",
        "scales[0].prorate.minAnswered: prorate.minAnswered exceeds the number of items (received: 3)",
      ],
    ]);
    expect(defineChecklist(prorated(2)).scales[0]!.prorate).toEqual({ minAnswered: 2 });
  });

  it("a band with min above max is refused; a one-point band is allowed", () => {
    const banded = (min: number, max: number) =>
      base({
        scales: [
          {
            id: "s",
            label: t("s"),
            items: ["q1"],
            bands: [
              { ranges: [{ id: "ok", label: t("ok") }] },
              { informant: "child", ranges: [{ id: "b", label: t("b"), min, max }] },
            ],
          },
        ],
      });
    expect(issuesOf(banded(2, 1))).toEqual([
      [
        "scales[0].bands[1].ranges[0].min",
        ChecklistIssueCode.DEFINITION,
        "字段 scales[0].bands[1].ranges[0].min：分段的 min 大于 max（收到：2）",
        "scales[0].bands[1].ranges[0].min: a band has min above max (received: 2)",
      ],
    ]);
    expect(defineChecklist(banded(1, 1)).scales[0]!.bands[1]!.ranges[0]).toMatchObject({
      min: 1,
      max: 1,
    });
  });

  it("flags: duplicates, unknown scales and items", () => {
    expect(
      issuesOf(
        base({
          scales: [{ id: "s", label: t("s"), items: ["q1"] }],
          flags: [
            {
              id: "f",
              label: t("f"),
              when: [
                { scale: "s", atLeast: 1 },
                { item: "q1", equals: 1 },
              ],
            },
            { id: "f", label: t("f"), when: [{ scale: "ghost" }, { item: "phantom" }] },
          ],
        }),
      ),
    ).toEqual([
      [
        "flags[1].id",
        ChecklistIssueCode.DUPLICATE,
        '字段 flags[1].id：标记 f 重复（收到："f"）',
        'flags[1].id: flag f is defined twice (received: "f")',
      ],
      [
        "flags[1].when[0].scale",
        ChecklistIssueCode.BAD_REFERENCE,
        '字段 flags[1].when[0].scale：未定义的分量表 ghost（收到："ghost"）',
        'flags[1].when[0].scale: unknown scale ghost (received: "ghost")',
      ],
      [
        "flags[1].when[1].item",
        ChecklistIssueCode.BAD_REFERENCE,
        '字段 flags[1].when[1].item：未定义的题目 phantom（收到："phantom"）',
        'flags[1].when[1].item: unknown item phantom (received: "phantom")',
      ],
    ]);
  });
});

describe("isScorable", () => {
  const item = (x: object) => ({ id: "i", label: t("i"), required: false, ...x }) as ChecklistItem;

  it("yes/no and Likert items always; choices only when every option has a score; numbers only with both bounds", () => {
    expect(isScorable(item({ kind: "yes-no" }))).toBe(true);
    expect(isScorable(item({ kind: "likert", min: 0, max: 1, reverse: false }))).toBe(true);
    for (const kind of ["single-choice", "multiple-choice"]) {
      expect(isScorable(item({ kind, options: options("a", "b") }))).toBe(true);
      expect(
        isScorable(item({ kind, options: [...options("a"), { value: "b", label: t("b") }] })),
      ).toBe(false);
    }
    expect(isScorable(item({ kind: "number", min: 0, max: 1, integer: false }))).toBe(true);
    expect(isScorable(item({ kind: "number", min: 0, integer: false }))).toBe(false);
    expect(isScorable(item({ kind: "number", max: 1, integer: false }))).toBe(false);
    expect(isScorable(item({ kind: "text" }))).toBe(false);
    expect(isScorable(item({ kind: "date" }))).toBe(false);
    expect(isScorable(null as never)).toBe(false);
    expect(isScorable("likert" as never)).toBe(false);
  });
});

describe("scaleRanges: the declared range of every kind of scale", () => {
  it("sums, means, weights, conditional items, proration and totals", () => {
    const c = defineChecklist(
      base({
        items: [
          likert("a", { min: 1, max: 3 }),
          likert("b", { min: -2, max: 2 }),
          likert("c", { min: 1, max: 4, showIf: [{ item: "a", atLeast: 2 }] }),
          likert("d", { min: -3, max: -1, showIf: [{ item: "a", atLeast: 2 }] }),
        ],
        scales: [
          { id: "sum", label: t("sum"), items: ["a", { item: "b", weight: 2 }] },
          { id: "cond", label: t("cond"), items: ["a", "c", "d"] },
          { id: "mean", label: t("mean"), items: ["a", "b", "c"], method: "mean" },
          { id: "pro", label: t("pro"), items: ["a", "c"], prorate: { minAnswered: 1 } },
          { id: "proneg", label: t("proneg"), items: ["b", "d"], prorate: { minAnswered: 1 } },
          { id: "procond", label: t("procond"), items: ["c", "d"], prorate: { minAnswered: 1 } },
          { id: "procpos", label: t("procpos"), items: ["c"], prorate: { minAnswered: 1 } },
          { id: "total", label: t("total"), scales: ["sum", "cond"] },
        ],
      }),
    );
    expect(scaleRanges(c)).toEqual({
      // 1..3 + 2 × (−2..2)
      sum: { min: -3, max: 7 },
      // a always; c and d may be hidden (then 0)
      cond: { min: 1 - 3, max: 3 + 4 },
      mean: { min: -2, max: 4 },
      // lowest item score ≥ 0: at least the one always-shown item, at most both at the top
      pro: { min: 1, max: 8 },
      // lowest < 0: both at the bottom; highest ≥ 0: both at the top
      proneg: { min: -6, max: 4 },
      // neither always shown: at least one answered
      procond: { min: -6, max: 8 },
      // one conditional item, lowest ≥ 0: still at least one answered
      procpos: { min: 1, max: 4 },
      total: { min: -3 + -2, max: 7 + 7 },
    });
  });

  it("a prorated scale of negative items only: at most the fewest applicable at the top", () => {
    const c = defineChecklist(
      base({
        items: [
          likert("a", { min: -3, max: -1 }),
          likert("b", { min: -3, max: -1, showIf: [{ item: "a", atLeast: -2 }] }),
        ],
        scales: [{ id: "neg", label: t("neg"), items: ["a", "b"], prorate: { minAnswered: 1 } }],
      }),
    );
    expect(scaleRanges(c)).toEqual({ neg: { min: -6, max: -1 } });
  });
});
