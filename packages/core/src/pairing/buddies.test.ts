import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { planBuddies } from "./buddies";
import { child } from "./pairing.test-helper";

describe("planBuddies", () => {
  const kids = [
    child("a", { cls: "k1", gender: "female" }),
    child("b", { cls: "k1" }),
    child("c", { cls: "k2" }),
  ];

  it("gives each child a classmate, preferring one who is not left behind", () => {
    const plan = planBuddies({
      children: kids,
      pupils: [
        { id: "a", classId: "k1", gender: "female", leftBehind: true },
        { id: "p1", classId: "k1", gender: "male", leftBehind: true },
        { id: "p2", classId: "k1", gender: "female" },
        { id: "p3", classId: "k1", gender: "male" },
        { id: "p4", classId: "k2", gender: "female" },
      ],
    });
    const of = Object.fromEntries(
      plan.buddies.map((b) => [b.childId, b.buddies.map((x) => x.pupilId)]),
    );
    expect(of).toEqual({ a: ["p2"], b: ["p3"], c: ["p4"] });
    expect(plan.unmatched).toEqual([]);
    expect(plan.buddies[0]!.buddies[0]!.reasons.map((r) => r.en)).toContain(
      "a classmate who is not left behind",
    );
  });

  it("prefers a good pupil or a class cadre to a classmate who is merely not left behind", () => {
    const plan = planBuddies({
      children: [child("a", { cls: "k1", gender: "female" })],
      pupils: [
        { id: "p1", classId: "k1", gender: "female" },
        { id: "p2", classId: "k1", gender: "female", leftBehind: true, goodPupil: true },
      ],
    });
    expect(plan.buddies[0]!.buddies[0]).toMatchObject({ pupilId: "p2", points: 6 });
    const cadre = planBuddies({
      children: [child("a", { cls: "k1" })],
      pupils: [
        { id: "p1", classId: "k1" },
        { id: "p3", classId: "k1", leftBehind: true, classCadre: true },
      ],
      options: { mode: "several-plus-one", groupSize: 1 },
    });
    expect(cadre.buddies[0]!.buddies.map((b) => b.pupilId)).toEqual(["p3"]);
    // The weights are options: a host that prefers classmates who are not left behind says so.
    const mine = planBuddies({
      children: [child("a", { cls: "k1", gender: "female" })],
      pupils: [
        { id: "p1", classId: "k1", gender: "female" },
        { id: "p2", classId: "k1", gender: "female", leftBehind: true, goodPupil: true },
      ],
      options: { points: { notLeftBehind: 9 } },
    });
    expect(mine.buddies[0]!.buddies[0]!.pupilId).toBe("p1");
  });

  it("explains children left without a buddy", () => {
    const plan = planBuddies({
      children: [...kids, child("d")],
      pupils: [{ id: "p1", classId: "k1", gender: "male" }],
      options: { sameGender: true },
    });
    const why = Object.fromEntries(plan.unmatched.map((u) => [u.childId, u.reason]));
    expect(why).toEqual({ a: "no-classmate", c: "no-classmate", d: "no-class" });
    expect(plan.buddies.map((b) => b.childId)).toEqual(["b"]);
  });

  it("forms several-plus-one groups of good pupils and reports incomplete groups", () => {
    const pupils = ["1", "2", "3", "4", "5"].map((i) => ({
      id: `g${i}`,
      classId: "k1",
      goodPupil: Number(i) <= 4,
    }));
    const plan = planBuddies({
      children: kids.slice(0, 2),
      pupils,
      options: { mode: "several-plus-one", groupSize: 3 },
    });
    const sizes = plan.buddies.map((b) => b.buddies.length).sort();
    expect(sizes).toEqual([2, 2]);
    expect(plan.unmatched.map((u) => u.reason)).toEqual(["incomplete-group", "incomplete-group"]);
    for (const b of plan.buddies) for (const x of b.buddies) expect(x.pupilId).not.toBe("g5");
  });

  it("respects the per-buddy limit, is order-independent, and rejects duplicates", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cls: fc.constantFrom("k1", "k2"),
            g: fc.constantFrom("male", "female") as fc.Arbitrary<"male" | "female">,
          }),
          { maxLength: 8 },
        ),
        fc.array(fc.record({ cls: fc.constantFrom("k1", "k2"), lb: fc.boolean() }), {
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 3 }),
        (cs, ps, k) => {
          const children = cs.map((c, i) => child(`c${i}`, { cls: c.cls, gender: c.g }));
          const pupils = ps.map((p, i) => ({ id: `p${i}`, classId: p.cls, leftBehind: p.lb }));
          const plan = planBuddies({ children, pupils, options: { maxChildrenPerBuddy: k } });
          const load = new Map<string, number>();
          for (const b of plan.buddies)
            for (const x of b.buddies) load.set(x.pupilId, (load.get(x.pupilId) ?? 0) + 1);
          for (const v of load.values()) expect(v).toBeLessThanOrEqual(k);
          expect(plan.buddies.length + plan.unmatched.length).toBe(children.length);
          const again = planBuddies({
            children: [...children].reverse(),
            pupils: [...pupils].reverse(),
            options: { maxChildrenPerBuddy: k },
          });
          expect(again).toEqual(plan);
        },
      ),
    );
    expect(() => planBuddies({ children: [kids[0]!, kids[0]!], pupils: [] })).toThrow(
      ValidationError,
    );
  }, 60_000);
});

describe("planBuddies, in words and points", () => {
  const ofChild = (plan: ReturnType<typeof planBuddies>) =>
    Object.fromEntries(plan.buddies.map((b) => [b.childId, b.buddies.map((x) => x.pupilId)]));

  it("gives every reason with its points", () => {
    const plan = planBuddies({
      children: [child("a", { cls: "k1", gender: "female" }), child("b", { cls: "k2" })],
      pupils: [
        { id: "p1", classId: "k1", gender: "female", goodPupil: true, classCadre: true },
        { id: "p2", classId: "k2", gender: "female", leftBehind: true },
      ],
    });
    expect(plan.buddies).toEqual([
      {
        childId: "a",
        mode: "friend",
        buddies: [
          {
            pupilId: "p1",
            points: 10,
            reasons: [
              { "zh-CN": "同班同学", en: "a classmate" },
              { "zh-CN": "品学兼优", en: "a good pupil" },
              { "zh-CN": "学生干部", en: "a class cadre" },
              { "zh-CN": "同性别", en: "same gender" },
              { "zh-CN": "非留守儿童同学", en: "a classmate who is not left behind" },
            ],
          },
        ],
      },
      {
        childId: "b",
        mode: "friend",
        buddies: [
          { pupilId: "p2", points: 0, reasons: [{ "zh-CN": "同班同学", en: "a classmate" }] },
        ],
      },
    ]);
  });

  it("adds the points of the options, each weight on its own", () => {
    const pointsOf = (pupil: { goodPupil?: boolean; classCadre?: boolean; gender?: "male" }) =>
      planBuddies({
        children: [child("a", { cls: "k1" })],
        pupils: [{ id: "p1", classId: "k1", leftBehind: true, ...pupil }],
        options: { points: { goodPupil: 20, classCadre: 30, sameGender: 50, notLeftBehind: 70 } },
      }).buddies[0]!.buddies[0]!.points;
    expect(pointsOf({})).toBe(0);
    expect(pointsOf({ goodPupil: true })).toBe(20);
    expect(pointsOf({ classCadre: true })).toBe(30);
    expect(pointsOf({ gender: "male" })).toBe(50);
    expect(pointsOf({ goodPupil: true, classCadre: true, gender: "male" })).toBe(100);
  });

  it("never makes a child its own buddy", () => {
    const plan = planBuddies({
      children: [child("a", { cls: "k1" })],
      pupils: [
        { id: "a", classId: "k1", goodPupil: true },
        { id: "p1", classId: "k1", leftBehind: true },
      ],
    });
    expect(ofChild(plan)).toEqual({ a: ["p1"] });
  });

  it("explains each shortfall word for word", () => {
    const friends = planBuddies({
      children: [
        child("a", { cls: "k1", gender: "female" }),
        child("b", { cls: "k2" }),
        child("c"),
        child("d", { cls: "k3" }),
        child("e", { cls: "k3" }),
        child("f", { cls: "k3" }),
      ],
      pupils: [
        { id: "p1", classId: "k1", gender: "male" },
        { id: "b", classId: "k2" },
        { id: "p3", classId: "k3", gender: "male" },
        { id: "p4", classId: "k3", gender: "male" },
      ],
      options: { sameGender: true },
    });
    expect(friends.unmatched).toEqual([
      {
        childId: "a",
        reason: "no-classmate",
        found: 0,
        message: {
          "zh-CN": "班上没有符合条件的同学（要求同性别）",
          en: "no classmate fits (same gender required)",
        },
      },
      {
        childId: "b",
        reason: "no-classmate",
        found: 0,
        message: {
          "zh-CN": "班上没有符合条件的同学（班上没有其他学生）",
          en: "no classmate fits (no other pupil in the class)",
        },
      },
      {
        childId: "c",
        reason: "no-class",
        found: 0,
        message: { "zh-CN": "儿童档案未登记班级", en: "the child's class is not recorded" },
      },
      {
        childId: "f",
        reason: "capacity-taken",
        found: 0,
        message: {
          "zh-CN": "2 名符合条件的同学都已结满 1 名儿童",
          en: "the 2 eligible classmate(s) each already have 1 child(ren)",
        },
      },
    ]);
    expect(ofChild(friends)).toEqual({ d: ["p3"], e: ["p4"] });

    const groups = planBuddies({
      children: [child("a", { cls: "k1" }), child("b", { cls: "k2" })],
      pupils: [
        { id: "p1", classId: "k1" },
        { id: "p2", classId: "k2", goodPupil: true },
      ],
      options: { mode: "several-plus-one", groupSize: 2 },
    });
    expect(groups.unmatched).toEqual([
      {
        childId: "a",
        reason: "no-classmate",
        found: 0,
        message: {
          "zh-CN": "班上没有符合条件的同学（只选品学兼优的学生）",
          en: "no classmate fits (good pupils only)",
        },
      },
      {
        childId: "b",
        reason: "incomplete-group",
        found: 1,
        message: { "zh-CN": "只找到 1 名伙伴（需要 2 名）", en: "only 1 buddies found (2 wanted)" },
      },
    ]);
    expect(groups.buddies).toEqual([
      {
        childId: "b",
        mode: "several-plus-one",
        buddies: [
          {
            pupilId: "p2",
            points: 5,
            reasons: [
              { "zh-CN": "同班同学", en: "a classmate" },
              { "zh-CN": "品学兼优", en: "a good pupil" },
              { "zh-CN": "非留守儿童同学", en: "a classmate who is not left behind" },
            ],
          },
        ],
      },
    ]);
  });

  it("takes any classmate into a group when good pupils are not required", () => {
    const plan = planBuddies({
      children: [child("a", { cls: "k1" })],
      pupils: [
        { id: "p1", classId: "k1" },
        { id: "p2", classId: "k1", leftBehind: true },
      ],
      options: { mode: "several-plus-one", groupSize: 2, onlyGoodPupils: false },
    });
    expect(ofChild(plan)).toEqual({ a: ["p1", "p2"] });
    expect(plan.unmatched).toEqual([]);
  });

  it("counts a pupil's children across the rounds of several-plus-one groups", () => {
    const input = {
      children: [child("a", { cls: "k1" }), child("b", { cls: "k1" })],
      pupils: [
        { id: "g1", classId: "k1", goodPupil: true },
        { id: "g2", classId: "k1", goodPupil: true },
      ],
    };
    const one = planBuddies({
      ...input,
      options: { mode: "several-plus-one", groupSize: 2, maxChildrenPerBuddy: 1 },
    });
    expect(ofChild(one)).toEqual({ a: ["g1"], b: ["g2"] });
    expect(one.unmatched.map((u) => [u.childId, u.reason, u.found])).toEqual([
      ["a", "incomplete-group", 1],
      ["b", "incomplete-group", 1],
    ]);
    const two = planBuddies({
      ...input,
      options: { mode: "several-plus-one", groupSize: 2, maxChildrenPerBuddy: 2 },
    });
    expect(ofChild(two)).toEqual({ a: ["g1", "g2"], b: ["g1", "g2"] });
    expect(two.unmatched).toEqual([]);
  });

  it("names repeated children and pupils", () => {
    try {
      planBuddies({
        children: [child("a"), child("a")],
        pupils: [
          { id: "p1", classId: "k1" },
          { id: "p1", classId: "k1" },
        ],
      });
      expect.unreachable("no ValidationError");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
        "children[1].id",
        "pupils[1].id",
      ]);
    }
  });
});

describe("planBuddies, texts of its errors and of several rules at once", () => {
  it("names the repeated child and pupil under the buddy input's subject", () => {
    try {
      planBuddies({
        children: [child("a"), child("a")],
        pupils: [
          { id: "p1", classId: "k1" },
          { id: "p1", classId: "k1" },
        ],
      });
      expect.unreachable("no ValidationError");
    } catch (e) {
      const err = e as ValidationError;
      expect(err.issues.map((i) => i.message)).toEqual([
        {
          "zh-CN": "字段 children[1].id：儿童编号 a 重复（已见于 children[0]）",
          en: "children[1].id: child id a is listed twice (first at children[0])",
        },
        {
          "zh-CN": "字段 pupils[1].id：学生编号 p1 重复（已见于 pupils[0]）",
          en: "pupils[1].id: pupil id p1 is listed twice (first at pupils[0])",
        },
      ]);
      expect(err.messages["zh-CN"].startsWith("同伴结对输入校验失败（2 处）")).toBe(true);
      expect(err.messages.en.startsWith("Invalid buddy plan input (2 issues)")).toBe(true);
    }
    try {
      planBuddies({ children: "x" as never, pupils: [] });
      expect.unreachable("no ValidationError");
    } catch (e) {
      expect((e as ValidationError).messages).toEqual({
        "zh-CN": '同伴结对输入校验失败（1 处）：字段 children：应为数组（收到："x"）',
        en: 'Invalid buddy plan input (1 issue): children: expected array (received: "x")',
      });
    }
  });

  it("lists every rule in force when no classmate passes them", () => {
    const plan = planBuddies({
      children: [child("a", { cls: "k1", gender: "female" })],
      pupils: [{ id: "p1", classId: "k1", gender: "male" }],
      options: { mode: "several-plus-one", sameGender: true },
    });
    expect(plan.unmatched.map((u) => u.message)).toEqual([
      {
        "zh-CN": "班上没有符合条件的同学（要求同性别，只选品学兼优的学生）",
        en: "no classmate fits (same gender required, good pupils only)",
      },
    ]);
  });

  it("sorts many children given out of order by id, the first taking a shared buddy", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c${String(i).padStart(2, "0")}`);
    const shuffled = [...ids].sort((a, b) =>
      a.slice(-1) < b.slice(-1) ? -1 : a.slice(-1) > b.slice(-1) ? 1 : 0,
    );
    const pupils = Array.from({ length: 40 }, (_, i) => ({
      id: `p${String(39 - i).padStart(2, "0")}`,
      classId: "k1",
      leftBehind: i % 2 === 0,
    }));
    const plan = planBuddies({
      children: shuffled.map((id) => child(id, { cls: "k1" })),
      pupils: [...pupils].reverse(),
    });
    expect(plan.buddies.map((b) => b.childId)).toEqual(ids);
    const sorted = planBuddies({ children: ids.map((id) => child(id, { cls: "k1" })), pupils });
    expect(plan).toEqual(sorted);
  });
});
