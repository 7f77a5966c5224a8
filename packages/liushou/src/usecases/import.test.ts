import { ValidationError, type StorageAdapter } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { testApp } from "../_lib/app.test-helper";

const mentor = { id: "m1", kind: "class-teacher", name: "王老师" };

/** Every mentor and audit entry stored. */
const snapshot = async (storage: StorageAdapter) => ({
  mentors: (await storage.mentors.query({})).items,
  audit: (await storage.audit.query({}, { limit: 1000 })).items,
});

/** The issues of the ValidationError `work` rejects with. */
async function issuesOf(work: Promise<unknown>) {
  const e = await work.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues;
}

describe("importEntities checks its arguments", () => {
  it("refuses an unknown kind, listing the kinds it takes", async () => {
    const { app, storage } = testApp();
    for (const kind of ["__proto__", "toString", "constructor", "files", "nope", 5, null]) {
      const issues = await issuesOf(app.importEntities(kind as never, []));
      expect(issues).toMatchObject([{ path: "kind", code: "invalid_enum_value" }]);
      expect(issues[0]!.message.en).toMatch(/expected one of: schools, classes, mentors/);
    }
    expect(await snapshot(storage)).toEqual({ mentors: [], audit: [] });
  });

  it("refuses options that are not an object and a reason that is not a short string", async () => {
    const { app, storage } = testApp();
    for (const options of [null, 5, "why", []]) {
      const issues = await issuesOf(app.importEntities("mentors", [mentor], options as never));
      expect(issues).toMatchObject([{ path: "options", code: "invalid_type" }]);
    }
    // A reason as importFiles takes it: a string of 1 to 2,000 characters.
    const reasons: unknown[] = [
      5,
      { a: 1 },
      { toString() {} },
      "",
      "x".repeat(2001),
      "x".repeat(100_000),
    ];
    for (const reason of reasons) {
      const issues = await issuesOf(app.importEntities("mentors", [mentor], { reason } as never));
      expect(issues.map((i) => i.path)).toEqual(["reason"]);
    }
    expect(await snapshot(storage)).toEqual({ mentors: [], audit: [] });
    // The longest reason allowed, and none.
    await app.importEntities("mentors", [mentor], { reason: "x".repeat(2000) });
    await app.importEntities("mentors", [{ ...mentor, name: "李老师" }]);
    const audit = (await storage.audit.query({}, { limit: 1000 })).items;
    expect(audit.map((a) => a.reason?.length)).toEqual([2000, undefined]);
  });
});
