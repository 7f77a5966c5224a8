import { describe, expect, it } from "vitest";
import { planPairings } from "./plan";
import { TEACHER_PAIRING_PRESET } from "./rules";
import { child, mentor } from "./pairing.test-helper";

/**
 * The date and count limits of the pairing rules, each tried at the limit and on either side,
 * through the public planner only.
 */
const rules = {
  ...TEACHER_PAIRING_PRESET,
  hard: { sameSchoolKinds: [], sameGenderFromAge: 10, maxDistance: null, availability: true },
};

/** `mentorId` of the single child's pair, or `undefined` with the rules that excluded it. */
function pairedWith(asOf: string, m: ReturnType<typeof mentor>, c = child("c")) {
  const p = planPairings({ children: [c], mentors: [m], rules, asOf });
  return (
    p.pairs[0]?.pairing.mentorId ??
    p.unmatched[0]!.excluded.flatMap((e) => e.violations.map((v) => v.rule))
  );
}

describe("pairing limits, at and on either side", () => {
  it("a mentor is available from availableFrom itself, not the day before", () => {
    const m = mentor("m", { gender: "male", from: "2026-09-01" });
    expect(pairedWith("2026-08-31", m)).toEqual(["availability"]);
    expect(pairedWith("2026-09-01", m)).toBe("m");
    expect(pairedWith("2026-09-02", m)).toBe("m");
  });

  it("a mentor is available up to availableTo itself, not the day after", () => {
    const m = mentor("m", { gender: "male", to: "2026-09-01" });
    expect(pairedWith("2026-08-31", m)).toBe("m");
    expect(pairedWith("2026-09-01", m)).toBe("m");
    expect(pairedWith("2026-09-02", m)).toEqual(["availability"]);
  });

  it("the same-gender rule starts on the birthday of the named age", () => {
    const girl = child("c", { gender: "female", birth: "2016-09-01" }); // 10 on 2026-09-01
    const man = mentor("m", { gender: "male" });
    expect(pairedWith("2026-08-31", man, girl)).toBe("m");
    expect(pairedWith("2026-09-01", man, girl)).toEqual(["same-gender"]);
    expect(pairedWith("2026-09-02", man, girl)).toEqual(["same-gender"]);
    expect(pairedWith("2026-09-01", mentor("w", { gender: "female" }), girl)).toBe("w");
  });

  it("the same-gender rule starts on 1 March for a child born on 29 February, in a common year", () => {
    const girl = child("c", { gender: "female", birth: "2016-02-29" }); // 10 on 2026-03-01
    const man = mentor("m", { gender: "male" });
    expect(pairedWith("2026-02-28", man, girl)).toBe("m");
    expect(pairedWith("2026-03-01", man, girl)).toEqual(["same-gender"]);
    expect(pairedWith("2028-02-29", man, girl)).toEqual(["same-gender"]);
  });

  it("a mentor takes exactly max children: max − 1, max and max + 1 children", () => {
    for (const n of [1, 2, 3]) {
      const children = Array.from({ length: n }, (_, i) => child(`c${i}`));
      const p = planPairings({
        children,
        mentors: [mentor("m", { gender: "male", min: 0, max: 2 })],
        rules,
        asOf: "2026-09-01",
      });
      expect([p.stats.matched, p.unmatched.length]).toEqual([Math.min(n, 2), Math.max(n - 2, 0)]);
    }
  });
});
