import { LiushouError, ValidationError } from "@liushou/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../core/src/_lib/fuzz.test-helper";
import { readRoster } from "./read";
import { goodRows, toCsv, toXlsx, utf8, ZH_HEADERS } from "./_lib/roster.test-helper";

/** Reads and returns the result, or the error it threw; any error but a `ValidationError` fails. */
async function readOrRefuse(bytes: Uint8Array): Promise<unknown> {
  try {
    return await readRoster(bytes, { regions: false });
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ValidationError);
    return error;
  }
}

/** Strings a school never typed: formulas, markup, SQL, controls, bidi marks, astral characters. */
const hostileCell = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2",
    "@SUM(1)",
    "\t=1",
    "<script>alert(1)</script>",
    "'; DROP TABLE files; --",
    '"',
    '""',
    "\r\n",
    "\u202e\u200b",
    "__proto__",
    "constructor",
    "2015-02-30",
    "9".repeat(40),
  ),
);

describe("readRoster under hostile input", () => {
  it("never crashes on arbitrary bytes: a result or a ValidationError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        await readOrRefuse(bytes);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it("refuses a broken Excel file with a ValidationError, not the unzipper's error", async () => {
    const xlsx = await toXlsx([ZH_HEADERS, ...goodRows()]);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: xlsx.length - 1 }),
        fc.integer({ min: 1, max: 4_000 }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        async (at, cut, noise) => {
          const broken = new Uint8Array([...xlsx.slice(0, at), ...noise, ...xlsx.slice(at + cut)]);
          await readOrRefuse(broken);
        },
      ),
      { numRuns: fuzzRuns(40) },
    );
  });

  it("reads any grid of hostile cells: every row is a child or has its issues, values verbatim", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(hostileCell, { minLength: 15, maxLength: 15 }), { maxLength: 12 }),
        async (bad) => {
          const rows = [...goodRows(), ...bad];
          const result = await readOrRefuse(utf8(toCsv([ZH_HEADERS, ...rows])));
          if (result instanceof LiushouError) return;
          const r = result as Awaited<ReturnType<typeof readRoster>>;
          const withIssues = new Set(r.issues.map((i) => i.row));
          for (const child of r.children) expect(withIssues.has(child.row)).toBe(false);
          const accounted = new Set([...r.children.map((c) => c.row), ...withIssues]);
          expect(accounted.size).toBeLessThanOrEqual(r.rowCount + 1);
          for (const issue of r.issues) {
            expect(issue.message["zh-CN"].length).toBeGreaterThan(0);
            expect(issue.message.en.length).toBeGreaterThan(0);
          }
          // A name is kept exactly as written, formulas and markup included: the renderers defuse it.
          for (const child of r.children) {
            const written = rows[child.row - 2]![0]!.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
            expect(child.name).toBe(written);
          }
        },
      ),
      { numRuns: fuzzRuns(100) },
    );
  });
});
