import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "./evaluate";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";

/**
 * The day limits of a monthly requirement (window start, due day, grace) and the count limit,
 * each tried at the limit and on either side, through `evaluateCompliance` only.
 */
const MARCH = { from: "2026-03-01", to: "2026-03-31" } as const;

/** Status, done and required of pairing p1 in March (paired mentor m1, monthly visit, 3 days' grace). */
function march(asOf: string, records = scenario().records.filter((r) => r.id === "r1")) {
  const row = [
    ...evaluateCompliance({
      ...scenario(),
      records,
      policies: [PAIRING_HOME_VISIT],
      period: MARCH,
      asOf: asOf as "2026-03-01",
    }),
  ].find((r) => r.subjectId === "p1")!;
  return [row.status, row.done, row.required];
}

describe("a monthly requirement at its day limits", () => {
  it("is upcoming the day before its window and due from the first day to the last", () => {
    expect(march("2026-02-28", [])[0]).toBe("upcoming");
    expect(march("2026-03-01", [])[0]).toBe("due");
    expect(march("2026-03-31", [])[0]).toBe("due");
  });

  it("is overdue from the day after the window to the last day of grace, then missed", () => {
    expect(march("2026-04-01", [])[0]).toBe("overdue");
    expect(march("2026-04-03", [])[0]).toBe("overdue"); // 31 March + 3 days
    expect(march("2026-04-04", [])[0]).toBe("missed");
  });

  it("is met as soon as done reaches required, on the day of the visit and not before", () => {
    // r1: 5 March, 10:00 Beijing time
    expect(march("2026-03-04")).toEqual(["due", 0, 1]);
    expect(march("2026-03-05")).toEqual(["met", 1, 1]);
    expect(march("2026-04-10")).toEqual(["met", 1, 1]);
  });
});
