import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors";
import { ChildFileSchema, ParentSchema } from "../model";
import { maskFields } from "../privacy/field-class";
import { intersectStorageScopes } from "../ports/storage/match";
import { inScope, outOfScope, pairedChildIds, storageScopeOf } from "./scope";
import { visibleClasses } from "./visibility";

const file = ChildFileSchema.parse({
  id: "c1",
  child: {
    name: "王小明",
    gender: "male",
    birthDate: "2015-03-02",
    regionCode: "430102001001",
    schoolId: "s1",
    classId: "k1",
    health: "哮喘",
    address: "长沙市芙蓉区某街道 12 号",
  },
  livingArrangement: "grandparents",
  parents: [
    { id: "p1", role: "father", name: "王大山", phone: "13800000001", monthlyIncomeFen: 500000 },
  ],
});

describe("scopes", () => {
  it("each level reaches its children only", () => {
    const a = (scope: object) => ({ id: "x", role: "teacher", scope }) as never;
    expect(inScope(a({ level: "class", classIds: ["k1"] }), file)).toBe(true);
    expect(inScope(a({ level: "class", classIds: ["k2"] }), file)).toBe(false);
    expect(inScope(a({ level: "school", schoolIds: ["s1"] }), file)).toBe(true);
    expect(inScope(a({ level: "township", regionCode: "430102001" }), file)).toBe(true);
    expect(inScope(a({ level: "county", regionCode: "430103" }), file)).toBe(false);
    expect(inScope(a({ level: "all" }), file)).toBe(true);
    expect(inScope(a({ level: "pairings", mentorId: "m1" }), file, ["c1"])).toBe(true);
    expect(inScope(a({ level: "pairings", mentorId: "m1" }), file, [])).toBe(false);
  });

  it("a pairings scope needs the paired children; a bad actor is a ValidationError", () => {
    expect.assertions(2);
    expect(() =>
      storageScopeOf({ id: "v", role: "volunteer", scope: { level: "pairings", mentorId: "v" } }),
    ).toThrow(/paired/);
    expect(() =>
      storageScopeOf({ id: "v", role: "boss", scope: { level: "all" } } as never),
    ).toThrow(/actor|操作人/);
  });

  it("paired children are those with a pairing active on the day", () => {
    const p = (childId: string, start: string, end?: string) =>
      ({ id: childId, childId, mentorId: "m1", role: "mentor", start, end }) as never;
    expect(
      pairedChildIds(
        "m1",
        [p("c2", "2026-01-01"), p("c1", "2026-01-01", "2026-02-01"), p("c3", "2026-09-02")],
        "2026-09-01",
      ),
    ).toEqual(["c2"]);
  });

  it("paired children: a mentor id that is not a string, or a pairing that is not an object, is refused by name", () => {
    const refused = (call: () => unknown, path: string) => {
      const e = thrown(call);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe(path);
    };
    refused(() => pairedChildIds(undefined as never, [null as never], "2026-09-01"), "mentorId");
    refused(() => pairedChildIds("m1", [{} as never, null as never], "2026-09-01"), "pairings[1]");
    refused(() => pairedChildIds("m1", [7 as never], "2026-09-01"), "pairings[0]");
  });

  it("scopes intersect: lists by value, regions by the longer code under the other", () => {
    expect(
      intersectStorageScopes(
        { regionCode: "430102" },
        { regionCode: "430102001", schoolIds: ["s1"] },
      ),
    ).toEqual({
      regionCode: "430102001",
      schoolIds: ["s1"],
    });
    expect(intersectStorageScopes({ regionCode: "430102" }, { regionCode: "430103" })).toEqual({
      childIds: [],
    });
    expect(intersectStorageScopes({ schoolIds: ["s1", "s2"] }, { schoolIds: ["s2"] })).toEqual({
      schoolIds: ["s2"],
    });
    expect(intersectStorageScopes(undefined, undefined)).toBeUndefined();
  });
});

describe("masking by role", () => {
  it("hides every class the role does not see, texts masked and amounts left out", () => {
    const teacher = maskFields(ChildFileSchema, file, visibleClasses("teacher"));
    expect(teacher.child.health).toBe("哮喘");
    expect(teacher.child.address).toMatch(/^长沙\*+ 号$/);
    expect(teacher.parents[0]!.phone).toBe("13*******01");
    expect(teacher.parents[0]!.monthlyIncomeFen).toBeUndefined();
    const officer = maskFields(ChildFileSchema, file, visibleClasses("county-officer"));
    expect(officer.parents[0]!.monthlyIncomeFen).toBe(500000);
    expect(officer.child.health).toBe("**");
    expect(file.child.health).toBe("哮喘");
    expect(maskFields(ParentSchema, file.parents[0]!, [], []).name).toBe("王大山");
  });

  it("a host's table replaces the default for the roles it names", () => {
    expect(visibleClasses("principal", { principal: ["health"] })).toEqual(["health"]);
    expect(visibleClasses("teacher", { principal: ["health"] })).toEqual(["health"]);
    expect(() => visibleClasses("teacher", { teacher: ["everything"] } as never)).toThrow();
  });
});

describe("outOfScope", () => {
  it("names the actor and what it reached, and describes values that are not strings", () => {
    expect(outOfScope("t7", "files c9").messages.en).toBe(
      "t7 may not reach files c9: it is outside the access scope",
    );
    const bare = Object.create(null) as never;
    const e = outOfScope(bare, bare);
    expect(e.code).toBe("LIUSHOU_FORBIDDEN");
    expect(e.messages.en).toMatch(/may not reach/);
    expect(outOfScope("x".repeat(500) as never, "w").messages.en.indexOf(" may")).toBe(200);
  });
});
