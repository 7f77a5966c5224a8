import { ValidationError } from "../../errors";
import { describe, expect, it } from "vitest";
import { ChildFileSchema } from "../../model/child-file";
import { storageVersionConflict } from "./conflict";
import { storageAuditPatches } from "./patches";
import {
  inStorageDateRange,
  inStorageInstantRange,
  storageChildIdsOf,
  storageChildrenInScope,
  matchesStorageQuery,
  storagePeopleOf,
} from "./match";

const file = ChildFileSchema.parse({
  id: "c1",
  child: {
    name: "王小明",
    gender: "male",
    birthDate: "2015-03-02",
    regionCode: "430102001001",
    schoolId: "s1",
    classId: "k1",
  },
  livingArrangement: "grandparents",
  riskLevel: "high",
  guardians: [{ id: "g2", name: "王奶奶", relation: "grandmother", phone: "13900000001" }],
  parents: [
    { id: "p2", role: "mother", name: "李红", phone: "13800000002" },
    { id: "p1", role: "father", name: "王大山", phone: "13800000001" },
  ],
});

describe("matchesStorageQuery", () => {
  it("area codes match the area and every area under it", () => {
    expect(matchesStorageQuery("files", file, { regionCode: "430102" })).toBe(true);
    expect(matchesStorageQuery("files", file, { regionCode: "430102001001" })).toBe(true);
    expect(matchesStorageQuery("files", file, { regionCode: "430103" })).toBe(false);
  });

  it("every condition must hold; a list matches any of its values", () => {
    expect(matchesStorageQuery("files", file, { schoolId: "s1", riskLevels: ["high"] })).toBe(true);
    expect(matchesStorageQuery("files", file, { schoolId: "s1", classId: "k2" })).toBe(false);
    expect(matchesStorageQuery("files", file, { keyCase: false, schooling: ["enrolled"] })).toBe(
      true,
    );
    expect(matchesStorageQuery("files", file, { ids: ["c2"] })).toBe(false);
    const noRisk = { ...file, riskLevel: undefined };
    expect(matchesStorageQuery("files", noRisk, { riskLevels: ["low"] })).toBe(false);
  });

  it("a pairing is active on its first and last day", () => {
    const p = {
      id: "pr1",
      childId: "c1",
      mentorId: "m1",
      role: "mentor" as const,
      start: "2026-03-01" as const,
      end: "2026-06-30" as const,
    };
    expect(matchesStorageQuery("pairings", p, { activeOn: "2026-03-01" })).toBe(true);
    expect(matchesStorageQuery("pairings", p, { activeOn: "2026-06-30" })).toBe(true);
    expect(matchesStorageQuery("pairings", p, { activeOn: "2026-07-01" })).toBe(false);
    expect(matchesStorageQuery("pairings", p, { ended: true })).toBe(true);
  });
});

describe("ranges", () => {
  it("instant ranges are half-open and zone-independent", () => {
    const r = { from: "2026-03-01T00:00:00+08:00", to: "2026-03-01T16:00:00Z" } as const;
    expect(inStorageInstantRange("2026-02-28T16:00:00Z", r)).toBe(true);
    expect(inStorageInstantRange("2026-03-02T00:00:00+08:00", r)).toBe(false);
    expect(inStorageInstantRange("2026-03-01T23:59:59.999+08:00", r)).toBe(true);
  });

  it("date ranges include both ends", () => {
    expect(inStorageDateRange("2026-03-31", { from: "2026-03-01", to: "2026-03-31" })).toBe(true);
    expect(inStorageDateRange("2026-04-01", { to: "2026-03-31" })).toBe(false);
  });
});

describe("storagePeopleOf", () => {
  it("lists a file's people by id, filtered", () => {
    expect(storagePeopleOf(file, "parents", {}).map((p) => p.id)).toEqual(["p1", "p2"]);
    expect(storagePeopleOf(file, "parents", { phone: "13800000002" }).map((p) => p.id)).toEqual([
      "p2",
    ]);
    expect(storagePeopleOf(file, "guardians", { fileId: "c2" })).toEqual([]);
    expect(file.parents.map((p) => p.id)).toEqual(["p2", "p1"]);
  });
});

describe("storageVersionConflict", () => {
  it("names the entity, the id and both versions in both languages", () => {
    const e = storageVersionConflict("files", "c1", 2, 3);
    expect(e.name).toBe("ConflictError");
    expect(e.messages.en).toContain("files c1: expected version 2, but the stored version is 3");
    expect(e.messages["zh-CN"]).toContain("当前版本为 3");
    expect(storageVersionConflict("files", "c1", null, 1).messages.en).toContain(
      "expected to create it",
    );
  });
});

describe("storageAuditPatches", () => {
  it("records a create, a delete and the minimal patches of an update", () => {
    const before = { id: "s1", name: "A", tags: ["x", "y"], extra: 1 };
    const after = { id: "s1", name: "B", tags: ["x"] };
    expect(storageAuditPatches(undefined, after)).toEqual([{ op: "add", path: [], value: after }]);
    expect(storageAuditPatches(before, undefined)).toEqual([{ op: "remove", path: [] }]);
    const patches = storageAuditPatches(before, after);
    expect(patches).toContainEqual({ op: "replace", path: ["name"], value: "B" });
    expect(patches).toContainEqual({ op: "remove", path: ["extra"] });
    expect(before).toEqual({ id: "s1", name: "A", tags: ["x", "y"], extra: 1 });
    expect(storageAuditPatches(before, before)).toEqual([]);
    expect(storageAuditPatches([], { a: 1 })).toEqual([
      { op: "replace", path: [], value: { a: 1 } },
    ]);
    expect(() => storageAuditPatches(before, JSON.parse('{"__proto__":{"polluted":1}}'))).toThrow(
      ValidationError,
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("storageChildrenInScope", () => {
  it("refuses child ids that are not a list, and a scope that is not an object", () => {
    expect.assertions(3);
    const fileOf = () => file;
    expect(() => storageChildrenInScope({ length: 1 } as never, {}, fileOf)).toThrow(
      ValidationError,
    );
    expect(() => storageChildrenInScope("c1" as never, {}, fileOf)).toThrow(ValidationError);
    expect(() => storageChildrenInScope(["c1"], 5 as never, fileOf)).toThrow(ValidationError);
  });
});

describe("storageChildIdsOf", () => {
  it("reads the children of a child-linked entity, and none of a school", () => {
    expect(storageChildIdsOf("files", file)).toEqual(["c1"]);
    expect(storageChildIdsOf("schools", { id: "s1" } as never)).toBeUndefined();
  });

  it("refuses a kind it does not know, inherited names included, and a value that is no entity", () => {
    expect.assertions(5);
    for (const kind of [Object.create(null), "constructor", "__proto__", 7])
      expect(() => storageChildIdsOf(kind as never, file as never)).toThrow(ValidationError);
    expect(() => storageChildIdsOf("contacts", null as never)).toThrow(ValidationError);
  });
});
