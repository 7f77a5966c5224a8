import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2026_27 } from "../calendar";
import { pupil } from "../_lib/pupil.test-helper";
import { ValidationError } from "../errors";
import type { CalendarDate } from "../time";
import {
  censusStatus,
  CENSUS_PRESETS,
  enrolmentStatistics,
  type CensusRecordInput,
  type CensusTaker,
} from ".";

const both: CensusTaker[] = ["class-teacher", "village-cadre"];

describe("censusStatus (摸底登记)", () => {
  const records: CensusRecordInput[] = [
    { id: "r1", childId: "c1", verifiedOn: "2026-09-03", takers: [...both] },
    { id: "r0", childId: "c1", verifiedOn: "2026-03-05", takers: [...both] },
    { id: "r2", childId: "c2", verifiedOn: "2026-09-04", takers: ["class-teacher"] }, // no cadre
    { id: "r3", childId: "c3", verifiedOn: "2026-03-10", takers: [...both] }, // last term only
    { id: "r4", childId: "c4", verifiedOn: "2026-09-25", takers: [...both] }, // after asOf
  ];
  const base = {
    childIds: ["c1", "c2", "c3", "c4"],
    records,
    policy: CENSUS_PRESETS.termStart,
    calendar: EXAMPLE_CALENDAR_2026_27,
  };

  it("counts a check with the class teacher and a village cadre since the term began", () => {
    const r = censusStatus({ ...base, asOf: "2026-09-20" });
    expect(r.round).toMatchObject({ from: "2026-09-01", deadline: "2026-09-30" });
    expect(r.rows).toEqual([
      { childId: "c1", state: "verified", lastVerifiedOn: "2026-09-03", recordId: "r1" },
      { childId: "c2", state: "due", lastVerifiedOn: null, recordId: null },
      { childId: "c3", state: "due", lastVerifiedOn: "2026-03-10", recordId: null },
      { childId: "c4", state: "due", lastVerifiedOn: null, recordId: null },
    ]);
    expect(r.rate).toBe(0.25);
  });

  it("turns due into overdue after the deadline (30 days, a library default)", () => {
    const r = censusStatus({ ...base, asOf: "2026-10-08" });
    expect(r.rows.map((x) => x.state)).toEqual(["verified", "overdue", "overdue", "verified"]);
    expect([r.verified, r.due, r.overdue]).toEqual([2, 0, 2]);
  });

  it("runs the yearly community census without a calendar", () => {
    const r = censusStatus({
      childIds: ["c1"],
      records: [{ id: "y1", childId: "c1", verifiedOn: "2026-02-01", takers: ["community"] }],
      policy: CENSUS_PRESETS.yearly,
      asOf: "2026-05-01",
    });
    expect(r.round.from).toBe("2026-01-01");
    expect(r.rows[0]!.state).toBe("verified");
    expect(censusStatus({ ...base, childIds: [], asOf: "2026-09-20" }).rate).toBeNull();
  });

  it("needs a calendar for a termly census, and names bad fields", () => {
    expect(() => censusStatus({ ...base, calendar: undefined, asOf: "2026-09-20" })).toThrow(
      ValidationError,
    );
    try {
      censusStatus({
        ...base,
        records: [{ ...records[0]!, verifiedOn: "2026-13-01" as CalendarDate }],
        asOf: "2026-09-20",
      });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toBe("records[0].verifiedOn");
    }
  });
});

describe("enrolmentStatistics (入学率、巩固率)", () => {
  it("counts enrolment, retention and the dropouts since the period began", () => {
    const s = enrolmentStatistics({
      files: [
        pupil("a"),
        pupil("b"),
        pupil("c", { status: "dropped-out", since: "2026-11-02" }),
        pupil("d", { status: "dropped-out", since: "2026-03-01" }), // before the school year
        pupil("e", { status: "not-enrolled" }),
        pupil("f", { status: "transferred" }),
        pupil("g", { home: true }), // no parent away: not left behind
        pupil("h", { status: "dropped-out" }), // no date: counted, never hidden
      ],
      from: "2026-09-01",
      asOf: "2027-01-20",
    });
    expect(s).toMatchObject({ children: 7, enrolled: 2, droppedOut: 3, notEnrolled: 1, left: 1 });
    expect(s.enrolmentRate).toBeCloseTo(2 / 6);
    expect(s.retentionRate).toBeCloseTo(2 / 4);
    expect(s.dropouts).toEqual([
      { childId: "c", since: "2026-11-02" },
      { childId: "h", since: null },
    ]);
  });

  it("gives 100% with no dropout and null with nobody", () => {
    const s = enrolmentStatistics({ files: [pupil("a")], from: "2026-09-01", asOf: "2026-12-01" });
    expect([s.enrolmentRate, s.retentionRate]).toEqual([1, 1]);
    expect(
      enrolmentStatistics({ files: [], from: "2026-09-01", asOf: "2026-12-01" }).retentionRate,
    ).toBeNull();
    expect(() =>
      enrolmentStatistics({ files: [], from: "2027-09-01", asOf: "2026-12-01" }),
    ).toThrow(ValidationError);
    const reversed = {
      files: [],
      from: "2026-09-01",
      asOf: "2026-12-01",
      schoolAge: { from: 15, to: 6 },
    };
    expect(() => enrolmentStatistics(reversed)).toThrow(/schoolAge\.to/);
  });
});
