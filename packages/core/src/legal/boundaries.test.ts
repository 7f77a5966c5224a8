import { describe, expect, it } from "vitest";
import type { ChildFileInput } from "../model/child-file";
import type { ContactRecordInput } from "../model/records";
import { checkLegalDuties } from "./check";
import { certainlyMinor, hasCapableCare, LegalCode, weekStart } from "./rules";

const asOf = "2026-03-04"; // a Wednesday; its week starts Monday 2 March

/** A child born on `birthDate` living as said, parents both away, one entrusted grandmother. */
function file(birthDate: string, over: Partial<ChildFileInput> = {}): ChildFileInput {
  return {
    id: "c1",
    child: { name: "儿童", gender: "female", birthDate, regionCode: "430102001001" },
    livingArrangement: "grandparents",
    guardians: [
      {
        id: "g1",
        name: "祖母",
        relation: "grandmother",
        entrusted: true,
        primary: true,
        birthYear: 1960,
        writtenNoticeOn: "2025-09-01",
      },
    ],
    parents: [
      { id: "p1", role: "father", name: "父", awayPeriods: [{ from: "2025-02-20", city: "深圳" }] },
      { id: "p2", role: "mother", name: "母", awayPeriods: [{ from: "2025-02-20", city: "东莞" }] },
    ],
    consent: { givenOn: "2025-09-01", guardianId: "g1" },
    ...over,
  };
}

const codes = (f: ChildFileInput, o: Partial<Parameters<typeof checkLegalDuties>[1]> = {}) =>
  checkLegalDuties(f, { asOf, ...o }).map((x) => x.code);

/** Born so that `asOf` is the day before, the day of, and the day after the birthday of `age`. */
const around = (age: number) => {
  const y = 2026 - age;
  return { before: `${y}-03-05`, on: `${y}-03-04`, after: `${y}-03-03` } as const;
};

describe("checkLegalDuties: every age boundary, at and either side", () => {
  it("Art. 21 living alone: under 16 only", () => {
    const b = around(16);
    const alone = (birth: string) => codes(file(birth, { livingArrangement: "alone" }));
    expect(alone(b.before)).toContain(LegalCode.UNDER_16_LIVING_ALONE);
    expect(alone(b.on)).not.toContain(LegalCode.UNDER_16_LIVING_ALONE);
    expect(alone(b.after)).not.toContain(LegalCode.UNDER_16_LIVING_ALONE);
  });

  it("Art. 21 unattended under 8, then without a capable guardian from 8 to 15", () => {
    const noCarer = (birth: string) =>
      codes(
        file(birth, {
          guardians: [
            {
              id: "g1",
              name: "祖母",
              relation: "grandmother",
              entrusted: true,
              primary: true,
              guardianshipCapacity: "limited",
              birthYear: 1960,
              writtenNoticeOn: "2025-09-01",
            },
          ],
        }),
      );
    const eight = around(8);
    expect(noCarer(eight.before)).toContain(LegalCode.UNDER_8_UNATTENDED);
    expect(noCarer(eight.before)).not.toContain(LegalCode.NO_CAPABLE_GUARDIAN);
    for (const birth of [eight.on, eight.after]) {
      expect(noCarer(birth)).not.toContain(LegalCode.UNDER_8_UNATTENDED);
      expect(noCarer(birth)).toContain(LegalCode.NO_CAPABLE_GUARDIAN);
    }
    const sixteen = around(16);
    expect(noCarer(sixteen.before)).toContain(LegalCode.NO_CAPABLE_GUARDIAN);
    expect(noCarer(sixteen.on)).not.toContain(LegalCode.NO_CAPABLE_GUARDIAN);
    expect(noCarer(sixteen.after)).not.toContain(LegalCode.NO_CAPABLE_GUARDIAN);
  });

  it("PIPL Art. 31 consent: under 14 only, and consent given on asOf counts", () => {
    const b = around(14);
    const noConsent = (birth: string) => codes(file(birth, { consent: undefined as never }));
    expect(noConsent(b.before)).toContain(LegalCode.NO_GUARDIAN_CONSENT);
    expect(noConsent(b.on)).not.toContain(LegalCode.NO_GUARDIAN_CONSENT);
    expect(noConsent(b.after)).not.toContain(LegalCode.NO_GUARDIAN_CONSENT);
    const consentOn = (givenOn: string) =>
      codes(file("2016-05-10", { consent: { givenOn, guardianId: "g1" } }));
    expect(consentOn("2026-03-04")).not.toContain(LegalCode.NO_GUARDIAN_CONSENT);
    expect(consentOn("2026-03-05")).toContain(LegalCode.NO_GUARDIAN_CONSENT);
  });

  it("Art. 23 written notice: on asOf counts, the day after does not", () => {
    const noticeOn = (writtenNoticeOn: string) =>
      codes(
        file("2016-05-10", {
          guardians: [
            {
              id: "g1",
              name: "祖母",
              relation: "grandmother",
              entrusted: true,
              primary: true,
              birthYear: 1960,
              writtenNoticeOn,
            },
          ],
        }),
      );
    expect(noticeOn("2026-03-04")).not.toContain(LegalCode.NO_WRITTEN_NOTICE);
    expect(noticeOn("2026-03-05")).toContain(LegalCode.NO_WRITTEN_NOTICE);
  });

  it("a carer is certainly a minor only when the birth year makes them under 18", () => {
    expect(certainlyMinor(2009, "2026-12-31")).toBe(true); // 17 at most
    expect(certainlyMinor(2008, "2026-01-01")).toBe(false); // 17 or 18
    expect(certainlyMinor(2007, "2026-06-01")).toBe(false);
    expect(certainlyMinor(undefined, "2026-06-01")).toBe(false);
    const carer = (birthYear: number) =>
      codes(
        file("2016-05-10", {
          guardians: [
            {
              id: "g1",
              name: "姐姐",
              relation: "relative",
              entrusted: true,
              primary: true,
              birthYear,
              writtenNoticeOn: "2025-09-01",
            },
          ],
        }),
      );
    expect(carer(2009)).toContain(LegalCode.CARER_NOT_CAPABLE_ADULT);
    expect(carer(2008)).not.toContain(LegalCode.CARER_NOT_CAPABLE_ADULT);
  });

  it("capable care: a parent at home with full capacity, or a capable adult primary guardian", () => {
    const f = file("2016-05-10");
    expect(hasCapableCare(f, asOf)).toBe(true);
    expect(hasCapableCare({ ...f, livingArrangement: "alone" }, asOf)).toBe(false);
    const notPrimary = { ...f, guardians: [{ ...f.guardians![0]!, primary: false }] };
    expect(hasCapableCare(notPrimary, asOf)).toBe(false);
    const fatherHome = {
      ...notPrimary,
      parents: [
        {
          id: "p1",
          role: "father" as const,
          name: "父",
          awayPeriods: [{ from: "2025-02-20", to: "2026-03-03", city: "深圳" }],
        },
      ],
    };
    expect(hasCapableCare(fatherHome, asOf)).toBe(true);
    expect(hasCapableCare(fatherHome, "2026-03-03")).toBe(false);
  });
});

describe("checkLegalDuties: weekly parent contact", () => {
  const call = (id: string, at: string): ContactRecordInput => ({
    id,
    kind: "parent-call",
    at,
    childIds: ["c1"],
    initiator: "parent",
  });

  it("weeks start on Monday", () => {
    expect(weekStart("2026-03-02")).toBe("2026-03-02");
    expect(weekStart("2026-03-08")).toBe("2026-03-02");
    expect(weekStart("2026-03-01")).toBe("2026-02-23");
  });

  it("one missed week is medium, two are high; a call on Sunday night in Beijing counts for that week", () => {
    const f = file("2016-05-10");
    const three = [
      call("a", "2026-02-02T20:00:00+08:00"),
      call("b", "2026-02-11T20:00:00+08:00"),
      call("c", "2026-03-01T23:30:00+08:00"), // Sunday 1 March, 15:30 UTC
    ];
    const one = checkLegalDuties(f, { asOf, records: three }).find(
      (x) => x.code === LegalCode.NO_WEEKLY_CONTACT,
    )!;
    expect(one.severity).toBe("medium");
    expect(one.evidence).toMatchObject({
      missedWeeks: [{ from: "2026-02-16", to: "2026-02-22" }],
      weeksChecked: 4,
      lookbackWeeks: 4,
    });
    expect(one.message).toMatchSnapshot();
    const two = checkLegalDuties(f, { asOf, records: three.slice(0, 2) }).find(
      (x) => x.code === LegalCode.NO_WEEKLY_CONTACT,
    )!;
    expect(two.severity).toBe("high");
    expect((two.evidence as { missedWeeks: unknown[] }).missedWeeks).toHaveLength(2);
  });

  it("skips weeks that end before the file was opened, or when no parent was away", () => {
    const opened = file("2016-05-10", { openedOn: "2026-02-22" });
    const r = checkLegalDuties(opened, { asOf, records: [] }).find(
      (x) => x.code === LegalCode.NO_WEEKLY_CONTACT,
    )!;
    expect((r.evidence as { weeksChecked: number }).weeksChecked).toBe(2); // weeks from 16 and 23 Feb
    const openedMonday = file("2016-05-10", { openedOn: "2026-02-23" });
    const r2 = checkLegalDuties(openedMonday, { asOf, records: [] }).find(
      (x) => x.code === LegalCode.NO_WEEKLY_CONTACT,
    )!;
    expect((r2.evidence as { weeksChecked: number }).weeksChecked).toBe(1);
    const home = file("2016-05-10", {
      parents: [
        {
          id: "p1",
          role: "father",
          name: "父",
          awayPeriods: [{ from: "2026-02-23", city: "深圳" }],
        },
      ],
    });
    const r3 = checkLegalDuties(home, { asOf, records: [] }).find(
      (x) => x.code === LegalCode.NO_WEEKLY_CONTACT,
    )!;
    expect((r3.evidence as { weeksChecked: number }).weeksChecked).toBe(1);
  });
});

describe("checkLegalDuties: the texts of every finding", () => {
  it("names the law, the child and what to do, in both languages", () => {
    const f = file("2020-03-05", {
      livingArrangement: "alone",
      consent: undefined as never,
      guardians: [
        {
          id: "g1",
          name: "照护人",
          relation: "entrusted-carer",
          entrusted: true,
          primary: true,
          birthYear: 2010,
          disqualifications: [
            "abuse-or-violence",
            "addiction",
            "neglected-care-duties",
            "otherwise-unsuitable",
          ],
        },
      ],
    });
    expect(checkLegalDuties(f, { asOf, records: [] })).toMatchSnapshot();
  });
});
