import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarizePairingPartition } from "./partition-summary";
import { TEACHER_PAIRING_PRESET } from "./rules";
import { child, mentor } from "./pairing.test-helper";
import { SummarySchema, summaryInShape } from "./summary-shape";

const options = { rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01", onMissing: "end" } as const;

/** A summary with something in every list the merge reads. */
const made = summarizePairingPartition(
  {
    name: "A",
    children: [
      child("c1", { school: "s1" }),
      child("c2", { school: "s-none" }),
      child("c3", { school: "s1" }),
    ],
    mentors: [mentor("m1", { school: "s1" }), mentor("m2", { school: "s1" })],
    exclusions: [{ childId: "c2", mentorId: "m1", reason: { "zh-CN": "回避", en: "recused" } }],
    childLocations: { c2: { lat: 28.2, lng: 112.9 } },
    existing: [
      { id: "p1", childId: "c1", mentorId: "m1", role: "mentor", start: "2025-09-01" },
      { id: "p2", childId: "c9", mentorId: "m1", role: "mentor", start: "2025-09-01" },
    ],
  },
  0,
  options,
);

/** Every path into `v` (objects and arrays), the empty path first. */
function pathsOf(v: unknown, at: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(at);
  if (v !== null && typeof v === "object")
    for (const k of Object.keys(v)) pathsOf((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

/** A deep copy of `v` with the value at `path` replaced (or deleted for `undefined`). */
function withValue(v: unknown, path: readonly PropertyKey[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<PropertyKey, unknown>;
  if (path.length === 0) return value;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<PropertyKey, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy;
}

const strange = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  "",
  "x",
  true,
  [],
  [null],
  [1],
  {},
  { childId: 1 },
  new Date(0),
  Object.create(null),
  { [Symbol("s")]: 1 },
  new Map(),
);

describe("summaryInShape", () => {
  it("passes what summarizePairingPartition makes, and its structured clone", () => {
    expect(made.noEligible.length + made.missing.length).toBeGreaterThan(0);
    expect(summaryInShape(made)).toBe(true);
    expect(summaryInShape(structuredClone(made))).toBe(true);
  });

  it("passes only what the schema passes, wherever a value is replaced", () => {
    const paths = pathsOf(made);
    expect(paths.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), strange, (i, value) => {
        const changed = withValue(made, paths[i]!, value);
        if (summaryInShape(changed)) expect(SummarySchema.safeParse(changed).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses what the schema refuses on the merge's own fields", () => {
    for (const [path, value] of [
      [["name"], ""],
      [["plan", "pairs"], [null]],
      [["plan", "score", "total"], Number.NaN],
      [["plan", "score", "byRule"], { [Symbol("s")]: 1 }],
      [["plan", "stats", "matched"], -1],
      [["ids", "children"], [1]],
      [["missing"], [{ kind: "school", id: "x", pairing: "p" }]],
      [["noEligible"], [{ child: { id: "c" }, priority: "yes" }]],
      [["context", "childLocations"], { c1: 5 }],
    ] as const) {
      const changed = withValue(made, path, value);
      expect(SummarySchema.safeParse(changed).success).toBe(false);
      expect(summaryInShape(changed)).toBe(false);
    }
  });
});
