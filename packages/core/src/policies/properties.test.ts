import fc from "fast-check";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2025_26 } from "../calendar";
import type { ContactRecordInput } from "../model";
import { evaluateCompliance } from "./evaluate";
import { ALL_PRESETS } from "./presets";
import { rollUpCompliance } from "./rollup";
import { COMPLIANCE_STATUSES } from "./statuses";
import { workList } from "./worklist";
import { scenario } from "./scenario.test-helper";

const BASE_MS = Date.parse("2026-03-01T00:00:00Z");
const KINDS = [
  "home-visit",
  "talk",
  "parent-call",
  "family-call",
  "video-call",
  "health-check",
  "symposium",
] as const;

/** The same instant written with another UTC offset (minutes). */
function withOffset(ms: number, offsetMin: number): string {
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const recordArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  minute: fc.integer({ min: 0, max: 100 * 24 * 60 }),
  children: fc.subarray(["c1", "c2", "c3"], { minLength: 1 }),
  mentorId: fc.option(fc.constantFrom("m1", "m2", "m3"), { nil: undefined }),
  initiator: fc.constantFrom("mentor", "parent", "school") as fc.Arbitrary<
    "mentor" | "parent" | "school"
  >,
});
const recordsArb = fc.array(recordArb, { maxLength: 40 }).map((rs) =>
  rs.map((r, i): ContactRecordInput => ({
    id: `g${i}`,
    kind: r.kind,
    at: withOffset(BASE_MS + r.minute * 60_000, 0) as string,
    childIds: r.children,
    ...(r.mentorId ? { mentorId: r.mentorId } : {}),
    initiator: r.initiator,
  })),
);

function run(records: ContactRecordInput[], asOf = "2026-05-20") {
  const s = scenario();
  return evaluateCompliance({
    ...s,
    records,
    calendar: EXAMPLE_CALENDAR_2025_26,
    policies: ALL_PRESETS,
    period: { from: "2026-03-01", to: "2026-05-31" },
    asOf,
  });
}

describe("compliance properties", () => {
  it("rewriting each record's offset without moving the instant changes nothing", () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.array(fc.integer({ min: -12 * 60, max: 14 * 60 }), { minLength: 40, maxLength: 40 }),
        (records, offsets) => {
          const moved = records.map((r, i) => ({
            ...r,
            at: withOffset(Date.parse(r.at as string), offsets[i]!),
          }));
          expect(run(moved).toJSON()).toEqual(run(records).toJSON());
        },
      ),
      { numRuns: propertyRuns(40) },
    );
  });

  it("results do not depend on record order", () => {
    fc.assert(
      fc.property(
        recordsArb.chain((rs) =>
          fc.tuple(
            fc.constant(rs),
            fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }),
          ),
        ),
        ([records, shuffled]) => {
          expect(run(shuffled).toJSON()).toEqual(run(records).toJSON());
        },
      ),
      { numRuns: propertyRuns(40) },
    );
  });

  it("work lists and roll-ups by school hold exactly the rows they are made of, on any day", () => {
    const day = fc.integer({ min: 0, max: 140 }).map((d) => {
      return new Date(Date.parse("2026-02-20T00:00:00Z") + d * 86_400_000)
        .toISOString()
        .slice(0, 10);
    });
    fc.assert(
      fc.property(recordsArb, day, fc.integer({ min: 0, max: 30 }), (records, asOf, within) => {
        const report = run(records, asOf);
        const rows = [...report];
        const key = (r: { policyId: string; subjectId: string; from: string }) =>
          `${r.policyId}|${r.subjectId}|${r.from}`;
        const until = new Date(Date.parse(asOf) + within * 86_400_000).toISOString().slice(0, 10);
        for (const includeMissed of [false, true]) {
          const list = workList(report, { withinDays: within, includeMissed });
          const late = rows.filter(
            (r) => r.status === "overdue" || (includeMissed && r.status === "missed"),
          );
          const soon = rows.filter(
            (r) => (r.status === "due" || r.status === "upcoming") && r.due <= until,
          );
          expect(list.overdue.map(key).sort()).toEqual(late.map(key).sort());
          expect(list.dueSoon.map(key).sort()).toEqual(soon.map(key).sort());
        }
        // Every row counts for its own school, whatever its level.
        const bySchool = new Map<string, Record<string, number>>();
        for (const r of rows) {
          if (r.schoolId === undefined) continue;
          const g = bySchool.get(r.schoolId) ?? { required: 0, done: 0 };
          g[r.status] = (g[r.status] ?? 0) + 1;
          if (r.status === "met" || r.status === "missed" || r.status === "overdue") {
            g.required! += r.required;
            g.done! += Math.min(r.done, r.required);
          }
          bySchool.set(r.schoolId, g);
        }
        const rolled = rollUpCompliance(report, { by: "school" });
        expect(rolled.map((r) => r.key)).toEqual([...bySchool.keys()].sort());
        for (const r of rolled) {
          const g = bySchool.get(r.key)!;
          // Each status's count, in the row's field of that name (`not-applicable`: notApplicable).
          for (const st of COMPLIANCE_STATUSES) {
            const field = st.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
            expect(r[field as keyof typeof r]).toBe(g[st] ?? 0);
          }
          expect([r.required, r.done]).toEqual([g.required, g.done]);
        }
      }),
      { numRuns: propertyRuns(40) },
    );
  });

  it("adding a record never lowers compliance", () => {
    fc.assert(
      fc.property(recordsArb, recordArb, (records, extra) => {
        const added: ContactRecordInput = {
          id: "extra",
          kind: extra.kind,
          at: withOffset(BASE_MS + extra.minute * 60_000, 480) as string,
          childIds: extra.children,
          ...(extra.mentorId ? { mentorId: extra.mentorId } : {}),
          initiator: extra.initiator,
        };
        const before = run(records);
        const after = run([...records, added]);
        expect(after.length).toBe(before.length);
        for (let i = 0; i < before.length; i++) {
          const a = before.row(i);
          const b = after.row(i);
          expect(b.done).toBeGreaterThanOrEqual(a.done);
          if (a.status === "met") expect(b.status).toBe("met");
        }
        for (const by of ["mentor", "school", "county"] as const) {
          const old = new Map(rollUpCompliance(before, { by }).map((r) => [r.key, r]));
          for (const r of rollUpCompliance(after, { by })) {
            const o = old.get(r.key);
            if (o?.rate != null && r.rate != null)
              expect(r.rate).toBeGreaterThanOrEqual(o.rate - 1e-12);
            if (o?.contactRate != null && r.contactRate != null)
              expect(r.contactRate).toBeGreaterThanOrEqual(o.contactRate - 1e-12);
          }
        }
      }),
      { numRuns: propertyRuns(40) },
    );
  });
});
