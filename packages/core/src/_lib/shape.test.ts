import fc from "fast-check";
import * as z from "zod";
import { afterEach, describe, expect, it } from "vitest";
import { isId, nonNegativeInt, pick, picker, pickerOf, type Field } from "./shape";

const FIELDS: readonly Field[] = [
  ["id", isId, true],
  ["count", nonNegativeInt],
  ["flag", (v) => v === true || v === false, () => false],
  ["list", Array.isArray, () => []],
  ["note", (v) => typeof v === "string"],
  ["weird key \" '\\n", (v) => v === 1],
];

/** Rows made of the fields' keys and a stray one, with values that pass, fail or are absent. */
const row = fc.dictionary(
  fc.constantFrom(...FIELDS.map(([key]) => key), "stray", "__proto__"),
  fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(true, 1, -1, "", "a", [], null),
    fc.string({ maxLength: 70 }),
  ),
);
const rows = fc.oneof(
  row,
  fc.constantFrom(null, [], new Date(0), Object.create(null), "text", 7, undefined),
);

/** The output with its key order, so both copies are compared key for key. */
const ordered = (v: Record<string, unknown> | undefined) =>
  v === undefined ? undefined : Object.entries(v);

describe("picker", () => {
  afterEach(() => {
    z.config({ jitless: false });
  });

  it("copies every row exactly as pick does: keys, order, defaults, and undefined for a miss", () => {
    const compiled = picker(FIELDS);
    fc.assert(
      fc.property(rows, (r) => {
        expect(ordered(compiled(r))).toStrictEqual(ordered(pick(r, FIELDS)));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives a fresh object with fast properties, and fresh defaults, on every call", () => {
    const compiled = picker(FIELDS);
    const a = compiled({ id: "a", extra: 1 })!;
    const b = compiled({ id: "a", extra: 1 })!;
    expect(a).toStrictEqual({ id: "a", flag: false, list: [] });
    expect(a).not.toBe(b);
    expect(a.list).not.toBe(b.list);
  });

  it("takes each layout's checks when bound, so two lists can check differently", () => {
    const layout = pickerOf(FIELDS);
    const checks = FIELDS.map(([, check]) => check);
    const strict = layout(checks.map((c, i) => (i === 0 ? (v: unknown) => v === "x" : c)));
    expect(layout(checks)({ id: "y" })).toStrictEqual({ id: "y", flag: false, list: [] });
    expect(strict({ id: "y" })).toBeUndefined();
    expect(strict({ id: "x" })).toStrictEqual({ id: "x", flag: false, list: [] });
  });

  it("copies by the loop of pick where zod is told to compile nothing", () => {
    z.config({ jitless: true });
    const loop = picker(FIELDS);
    fc.assert(
      fc.property(rows, (r) => {
        expect(ordered(loop(r))).toStrictEqual(ordered(pick(r, FIELDS)));
      }),
      { numRuns: 500 },
    );
  });
});
