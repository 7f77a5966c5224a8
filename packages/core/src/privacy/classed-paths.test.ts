import { describe, expect, it } from "vitest";
import { ChildFileSchema } from "../model/child-file";
import { ValidationError } from "../errors/errors";
import { changedFieldClasses, classedPaths, valueAt } from "./classed-paths";
import { fieldClassAt } from "./field-class";

const file = ChildFileSchema.parse({
  id: "c1",
  child: {
    name: "王小明",
    gender: "male",
    birthDate: "2015-03-02",
    regionCode: "430102001001",
    address: "某村 3 组",
    health: "哮喘",
  },
  livingArrangement: "grandparents",
  guardians: [{ id: "g1", name: "王奶奶", relation: "grandmother", phone: "13912345678" }],
  parents: [{ id: "p1", role: "father", name: "王大山", monthlyIncomeFen: 500_000 }],
});

describe("classedPaths", () => {
  it("finds every classed value of a file by its schema", () => {
    const found = classedPaths(ChildFileSchema, file).map(
      (p) => `${p.path.join(".")}:${p.fieldClass}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "child.address:identifying",
        "child.health:health",
        "guardians.0.phone:identifying",
        "parents.0.monthlyIncomeFen:financial",
      ]),
    );
    expect(found.some((p) => p.startsWith("child.birthDate"))).toBe(false);
  });
});

describe("changedFieldClasses", () => {
  it("names the classes a change touches, and nothing for an unclassed change", () => {
    const health = { ...file, child: { ...file.child, health: "已康复" } };
    expect(changedFieldClasses(ChildFileSchema, file, health)).toEqual(["health"]);
    const name = { ...file, child: { ...file.child, interests: "画画" } };
    expect(changedFieldClasses(ChildFileSchema, file, name)).toEqual([]);
    const { address: _gone, ...child } = file.child;
    expect(changedFieldClasses(ChildFileSchema, file, { ...file, child })).toEqual(["identifying"]);
  });
  it("names every class present in a new entity", () => {
    expect(changedFieldClasses(ChildFileSchema, undefined, file)).toEqual([
      "identifying",
      "health",
      "financial",
    ]);
  });
});

describe("valueAt", () => {
  it("reads a value by path through objects and arrays", () => {
    expect(valueAt(file, ["guardians", 0, "phone"])).toBe("13912345678");
    expect(valueAt(file, [])).toBe(file);
    expect(valueAt(file, ["guardians", 3, "phone"])).toBeUndefined();
    expect(valueAt(file, ["child", "name", "length"])).toBeUndefined();
  });
  it("reads own properties only", () => {
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(valueAt({}, [key])).toBeUndefined();
      expect(valueAt(file, ["child", key])).toBeUndefined();
    }
    const own = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(valueAt(own, ["__proto__", "x"])).toBe(1);
  });
  it("refuses a path that is not an array", () => {
    expect(() => valueAt(file, "child.name" as never)).toThrow(ValidationError);
  });
  it("refuses a key that is not a string, number or symbol, naming it, however deep it nests", () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const sparse: unknown[] = [];
    sparse.length = 1e9;
    for (const [path, at] of [
      [["child", deep], "path[1]"],
      [[{ toString: () => "child" }], "path[0]"],
      [sparse, "path[0]"],
    ] as const) {
      for (const call of [
        () => valueAt(file, path as never),
        () => fieldClassAt(ChildFileSchema, path as never),
      ]) {
        expect(call).toThrow(
          expect.objectContaining({ issues: [expect.objectContaining({ path: at })] }),
        );
      }
    }
    expect(valueAt(file, ["child", Symbol("x")] as never)).toBeUndefined();
  });
});
