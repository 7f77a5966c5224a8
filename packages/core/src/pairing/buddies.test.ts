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
