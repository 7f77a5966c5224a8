import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors/errors";
import { ChildFileSchema, type ChildFile } from "../model/child-file";
import { addDays } from "../time/calendar-date";
import { leftScopeOn, planRetention } from "./plan";

function file(
  id: string,
  over: { schooling?: object; to?: string; birthDate?: string } = {},
): ChildFile {
  return ChildFileSchema.parse({
    id,
    child: {
      name: "测试",
      gender: "female",
      birthDate: over.birthDate ?? "2014-09-01",
      regionCode: "430102001001",
      ...(over.schooling ? { schooling: over.schooling } : {}),
    },
    livingArrangement: "grandparents",
    parents: [
      {
        id: "p1",
        role: "father",
        name: "测试",
        awayPeriods: [{ from: "2020-02-20", ...(over.to ? { to: over.to } : {}), city: "深圳" }],
      },
    ],
  });
}

describe("leftScopeOn", () => {
  it("dates graduation, transfer, the 16th birthday and the parents' return", () => {
    const grad = file("a", { schooling: { status: "graduated", since: "2026-07-01" } });
    expect(leftScopeOn(grad, "2026-06-30")).toBeUndefined();
    expect(leftScopeOn(grad, "2026-07-01")).toEqual({ on: "2026-07-01", reason: "graduated" });
    expect(leftScopeOn(file("b"), "2030-08-31")).toBeUndefined();
    expect(leftScopeOn(file("b"), "2030-09-01")).toEqual({ on: "2030-09-01", reason: "aged-out" });
    const back = file("c", { to: "2025-12-31" });
    expect(leftScopeOn(back, "2025-12-31")).toBeUndefined();
    expect(leftScopeOn(back, "2026-01-01")).toEqual({
      on: "2026-01-01",
      reason: "parents-returned",
    });
  });
  it("takes the earliest event", () => {
    const both = file("d", {
      to: "2025-12-31",
      schooling: { status: "transferred", since: "2027-01-01" },
    });
    expect(leftScopeOn(both, "2028-01-01")?.reason).toBe("parents-returned");
  });
  it("refuses malformed input with a ValidationError", () => {
    expect(thrown(() => leftScopeOn({} as never, "2026-01-01"))).toBeInstanceOf(ValidationError);
    expect(thrown(() => leftScopeOn(file("a"), "2026-02-30"))).toBeInstanceOf(ValidationError);
  });
});

describe("planRetention", () => {
  const grad = file("g", { schooling: { status: "graduated", since: "2023-07-01" } });
  it("lists a file from the day `years` after it left scope, not the day before", () => {
    const policy = { years: 3, action: "anonymise" } as const;
    expect(planRetention([grad], policy, "2026-06-30")).toMatchObject({ anonymise: [], kept: 1 });
    expect(planRetention([grad], policy, "2026-07-01")).toEqual({
      asOf: "2026-07-01",
      policy,
      anonymise: [
        {
          childId: "g",
          leftScope: { on: "2023-07-01", reason: "graduated" },
          expiredOn: "2026-07-01",
        },
      ],
      delete: [],
      undated: [],
      kept: 0,
    });
    expect(planRetention([grad], { years: 3, action: "delete" }, "2026-07-01").delete).toHaveLength(
      1,
    );
  });
  it("lists an undated graduation apart and keeps children in scope", () => {
    const undated = file("u", { schooling: { status: "graduated" } });
    const plan = planRetention([undated, file("in")], { years: 1, action: "delete" }, "2026-09-01");
    expect(plan).toMatchObject({ undated: ["u"], delete: [], kept: 2 });
  });
  it("never lists a file that left scope less than `years` ago (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 10 }),
        (days, years) => {
          const asOf = addDays("2023-07-01", days);
          const plan = planRetention([grad], { years, action: "anonymise" }, asOf);
          const listed = plan.anonymise.length === 1;
          const expired = asOf >= `${2023 + years}-07-01`;
          expect(listed).toBe(expired);
          expect(plan.kept + plan.anonymise.length).toBe(1);
        },
      ),
    );
  });
  it("refuses a malformed policy", () => {
    expect(
      thrown(() => planRetention([], { years: 0, action: "anonymise" }, "2026-01-01")),
    ).toBeInstanceOf(ValidationError);
    expect(
      thrown(() => planRetention([], { years: 1, action: "burn" } as never, "2026-01-01")),
    ).toBeInstanceOf(ValidationError);
  });
});
