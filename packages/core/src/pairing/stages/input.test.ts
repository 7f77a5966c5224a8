import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors/errors";
import type { FieldIssue } from "../../errors/issues";
import { child, mentor } from "../pairing.test-helper";
import { isActive, isReplanned, parseInput, type PlanPairingsInput } from "./input";

const asOf = "2026-09-01";
const rules = {
  name: "r",
  role: "mentor" as const,
  mentorKinds: ["class-teacher" as const, "subject-teacher" as const],
};

/** The issues of the ValidationError `parseInput` throws: path, code and both texts. */
function issuesOf(input: PlanPairingsInput): [string, string, string, string][] {
  try {
    parseInput(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i: FieldIssue) => [
      i.path,
      i.code,
      i.message.en,
      i.message["zh-CN"],
    ]);
  }
  return expect.unreachable("parseInput did not throw");
}

const explanation = { "zh-CN": "规则", en: "rule" };

describe("parseInput", () => {
  it("refuses children that are not an array, in words", () => {
    expect(issuesOf({ children: "x" as never, mentors: [], rules, asOf })).toEqual([
      [
        "children",
        "invalid_type",
        "children: expected an array of child files",
        "字段 children：应为儿童档案数组",
      ],
    ]);
  });

  it("names the child whose fields are wrong, and stops at 100 problems", () => {
    expect(
      issuesOf({ children: [child("a"), { id: "b" } as never], mentors: [], rules, asOf }),
    ).toEqual([
      [
        "children[1].child",
        "invalid_type",
        "children[1].child: expected object (received: undefined)",
        "字段 children[1].child：应为对象（收到：undefined）",
      ],
    ]);
    const broken = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}` }) as never);
    for (const [n, found] of [
      [99, 99],
      [100, 100],
      [101, 100],
    ]) {
      const issues = issuesOf({ children: broken(n!), mentors: [], rules, asOf });
      expect(issues.length).toBe(found);
    }
  });

  it("reports problems of the other fields with those of the children", () => {
    const issues = issuesOf({
      children: [{ id: "b" } as never],
      mentors: [{ id: "t1" } as never],
      rules,
      asOf,
    });
    expect(issues.map((i) => i[0])).toEqual([
      "mentors[0].kind",
      "mentors[0].name",
      "children[0].child",
    ]);
  });

  it("checks whole files when a definition is given", () => {
    const bad = { ...child("a"), livingArrangement: "elsewhere" } as never;
    const issues = issuesOf({
      children: [bad],
      mentors: [],
      rules,
      asOf,
      definition: "state-council-2016",
    });
    expect(issues.map((i) => i[0])).toEqual(["children[0].livingArrangement"]);
    // Without a definition only the fields pairing reads are checked.
    expect(parseInput({ children: [bad], mentors: [], rules, asOf }).children).toHaveLength(1);
  });

  it("lists every unknown id, second active pairing and taken rule name, in words", () => {
    const issues = issuesOf({
      children: [child("a"), child("b")],
      mentors: [mentor("t1"), mentor("v", { kind: "caring-mother" })],
      rules,
      asOf,
      existing: [
        { id: "p1", childId: "x", mentorId: "y", role: "mentor", start: "2025-01-01" },
        { id: "p2", childId: "a", mentorId: "t1", role: "mentor", start: "2025-01-01" },
        // Ends on the plan date: still active, so a second active pairing of "a".
        { id: "p3", childId: "a", mentorId: "t1", role: "mentor", start: "2025-01-01", end: asOf },
        // Ended the day before, another kind of mentor, another role: not re-planned.
        {
          id: "p4",
          childId: "a",
          mentorId: "t1",
          role: "mentor",
          start: "2025-01-01",
          end: "2026-08-31",
        },
        { id: "p5", childId: "b", mentorId: "v", role: "mentor", start: "2025-01-01" },
        { id: "p6", childId: "b", mentorId: "zz", role: "surrogate-parent", start: "2025-01-01" },
        { id: "p7", childId: "b", mentorId: "t1", role: "mentor", start: "2025-01-01" },
      ],
      exclusions: [
        { childId: "q", mentorId: "w" },
        { childId: "a", mentorId: "t1" },
      ],
      customRules: [
        { kind: "hard", name: "capacity", explanation, test: () => true },
        { kind: "hard", name: "mine", explanation, test: () => true },
        { kind: "soft", name: "mine", weight: 1, explanation, score: () => 1 },
        { kind: "soft", name: "workload", weight: 1, explanation, score: () => 1 },
      ],
    });
    expect(issues).toEqual([
      [
        "existing[0].childId",
        "unknown_id",
        'existing[0].childId: child x of an existing pairing is not in children (set onMissing: "end" if the child left)',
        '字段 existing[0].childId：现有结对中的儿童 x 不在 children 中（如儿童已离开，请设 onMissing: "end"）',
      ],
      [
        "existing[0].mentorId",
        "unknown_id",
        'existing[0].mentorId: mentor y of an existing pairing is not in mentors (set onMissing: "end" if the mentor left)',
        '字段 existing[0].mentorId：现有结对中的导师 y 不在 mentors 中（如导师已离开，请设 onMissing: "end"）',
      ],
      [
        "existing[2].childId",
        "duplicate_id",
        "existing[2].childId: child a has two active pairings in role mentor (existing[1] and existing[2])",
        "字段 existing[2].childId：儿童 a 在角色 mentor 下有两条进行中的结对（existing[1] 与 existing[2]）",
      ],
      [
        "exclusions[0].childId",
        "unknown_id",
        "exclusions[0].childId: child q is not in children",
        "字段 exclusions[0].childId：儿童 q 不在 children 中",
      ],
      [
        "exclusions[0].mentorId",
        "unknown_id",
        "exclusions[0].mentorId: mentor w is not in mentors",
        "字段 exclusions[0].mentorId：导师 w 不在 mentors 中",
      ],
      [
        "customRules[0].name",
        "duplicate_id",
        "customRules[0].name: rule name capacity is already taken",
        "字段 customRules[0].name：规则名 capacity 已被使用",
      ],
      [
        "customRules[2].name",
        "duplicate_id",
        "customRules[2].name: rule name mine is already taken",
        "字段 customRules[2].name：规则名 mine 已被使用",
      ],
      [
        "customRules[3].name",
        "duplicate_id",
        "customRules[3].name: rule name workload is already taken",
        "字段 customRules[3].name：规则名 workload 已被使用",
      ],
    ]);
  });

  it("lets onMissing: end through unknown children and mentors, but not a second active pairing", () => {
    const base = {
      children: [child("a")],
      mentors: [mentor("t1")],
      rules,
      asOf,
      onMissing: "end" as const,
    };
    const existing = [
      { id: "p1", childId: "x", mentorId: "y", role: "mentor" as const, start: "2025-01-01" },
    ];
    expect(parseInput({ ...base, existing }).existing).toHaveLength(1);
    expect(
      issuesOf({
        ...base,
        existing: [
          ...existing,
          { id: "p2", childId: "x", mentorId: "t1", role: "mentor", start: "2025-02-01" },
        ],
      }).map((i) => i[0]),
    ).toEqual(["existing[1].childId"]);
  });

  it("fills the defaults", () => {
    const parsed = parseInput({ children: [child("a")], mentors: [], rules, asOf });
    expect(parsed).toMatchObject({
      asOf,
      existing: [],
      classes: [],
      exclusions: [],
      childLocations: {},
      onMissing: "error",
      idPrefix: "pr-",
      customRules: [],
    });
    expect(parsed.outOfScope.size).toBe(0);
  });
});

describe("isActive and isReplanned", () => {
  const p = {
    id: "p",
    childId: "a",
    mentorId: "t",
    role: "mentor" as const,
    start: "2025-01-01" as const,
  };
  it("counts a pairing as active through its last day", () => {
    expect(isActive(p, asOf)).toBe(true);
    expect(isActive({ ...p, end: "2026-09-02" }, asOf)).toBe(true);
    expect(isActive({ ...p, end: asOf }, asOf)).toBe(true);
    expect(isActive({ ...p, end: "2026-08-31" }, asOf)).toBe(false);
  });

  it("re-plans active pairings of the role with a mentor of the kinds, or one not given", () => {
    const kinds = new Map([
      ["t", "class-teacher"],
      ["v", "caring-mother"],
    ]);
    const r = { role: "mentor", mentorKinds: ["class-teacher"] };
    expect(isReplanned(p, r, asOf, kinds)).toBe(true);
    expect(isReplanned({ ...p, mentorId: "gone" }, r, asOf, kinds)).toBe(true);
    expect(isReplanned({ ...p, mentorId: "v" }, r, asOf, kinds)).toBe(false);
    expect(isReplanned({ ...p, role: "buddy" }, r, asOf, kinds)).toBe(false);
    expect(isReplanned({ ...p, end: "2026-08-31" }, r, asOf, kinds)).toBe(false);
  });
});
