import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import type { ChildFileInput } from "../model/child-file";
import { checkLegalDuties, checkLegalDutiesAll } from "./check";
import { asOf, call, file, weekly } from "./files.test-helper";
import { LegalCode, LEGAL_RULES } from "./rules";
import { LEGAL_SEVERITY_RANK, type LegalRule } from "./types";

const codes = (f: ChildFileInput, o: Partial<Parameters<typeof checkLegalDuties>[1]> = {}) =>
  checkLegalDuties(f, { asOf, ...o }).map((x) => x.code);

describe("checkLegalDuties", () => {
  it("finds nothing for a well-cared-for child with weekly contact", () => {
    expect(checkLegalDuties(file(), { asOf, records: weekly })).toEqual([]);
  });

  it("Art. 21: a child under 16 living alone is a critical mandatory report", () => {
    const [f] = checkLegalDuties(file({ livingArrangement: "alone" }), { asOf });
    expect(f).toMatchObject({
      code: LegalCode.UNDER_16_LIVING_ALONE,
      severity: "critical",
      article: { law: "mpl", article: 21 },
      mandatoryReport: true,
      reportUnder: { article: 11 },
      path: "livingArrangement",
      evidence: { age: 9 },
    });
    expect(f!.message["zh-CN"]).toContain("第十一条");
    expect(f!.message.en).toContain("Art. 11");
    // 16 on the birthday: no longer a finding
    expect(
      codes(
        file({ livingArrangement: "alone", child: { ...file().child, birthDate: "2010-03-04" } }),
      ),
    ).toEqual([]);
    expect(
      codes(
        file({ livingArrangement: "alone", child: { ...file().child, birthDate: "2010-03-05" } }),
      ),
    ).toEqual([LegalCode.UNDER_16_LIVING_ALONE]);
  });

  it("Art. 21: an under-8 with no capable adult is unattended", () => {
    const young = { ...file().child, birthDate: "2019-01-01" };
    // the only carer has no capacity
    const f = file({
      child: young,
      guardians: [{ ...file().guardians![0]!, guardianshipCapacity: "none" }],
    });
    expect(codes(f)).toEqual([LegalCode.UNDER_8_UNATTENDED, LegalCode.CARER_NOT_CAPABLE_ADULT]);
    const [finding] = checkLegalDuties(f, { asOf });
    expect(finding).toMatchObject({
      severity: "critical",
      mandatoryReport: true,
      evidence: { age: 7, parentsAway: ["p1", "p2"] },
    });
    // a mother at home is capable care
    const home = file({
      child: young,
      guardians: [],
      livingArrangement: "parent",
      parents: [{ id: "p2", role: "mother", name: "测试母亲" }],
    });
    expect(codes(home)).toEqual([]);
    // living alone at 7: both Art. 21 findings
    expect(codes(file({ child: young, livingArrangement: "alone" }))).toEqual([
      LegalCode.UNDER_16_LIVING_ALONE,
      LegalCode.UNDER_8_UNATTENDED,
    ]);
  });

  it("Art. 21: a child of 8 to 15 without a capable guardian", () => {
    // same severity: sorted by code
    expect(
      codes(file({ guardians: [{ ...file().guardians![0]!, guardianshipCapacity: "limited" }] })),
    ).toEqual([LegalCode.NO_CAPABLE_GUARDIAN, LegalCode.CARER_NOT_CAPABLE_ADULT]);
  });

  it("Art. 22: a disqualified carer; abuse makes it critical and a mandatory report", () => {
    const g = file().guardians![0]!;
    const addicted = checkLegalDuties(
      file({ guardians: [{ ...g, disqualifications: ["addiction"] }] }),
      { asOf },
    );
    expect(addicted.map((f) => [f.code, f.severity, f.mandatoryReport])).toEqual([
      [LegalCode.NO_CAPABLE_GUARDIAN, "high", false],
      [LegalCode.CARER_DISQUALIFIED, "high", false],
    ]);
    const abuse = checkLegalDuties(
      file({ guardians: [{ ...g, disqualifications: ["abuse-or-violence", "addiction"] }] }),
      { asOf },
    );
    expect(abuse[0]).toMatchObject({
      code: LegalCode.CARER_DISQUALIFIED,
      severity: "critical",
      mandatoryReport: true,
      path: "guardians[0].disqualifications",
      evidence: { guardianId: "g1", disqualifications: ["abuse-or-violence", "addiction"] },
    });
    expect(abuse[0]!.message["zh-CN"]).toContain("吸毒、酗酒、赌博");
  });

  it("Art. 22: an entrusted carer who is certainly a minor", () => {
    const g = { ...file().guardians![0]!, relation: "relative" as const, birthYear: 2010 };
    const f = checkLegalDuties(file({ guardians: [g] }), { asOf });
    expect(f.map((x) => x.code)).toEqual([
      LegalCode.NO_CAPABLE_GUARDIAN,
      LegalCode.CARER_NOT_CAPABLE_ADULT,
    ]);
    expect(f[1]).toMatchObject({ path: "guardians[0].birthYear", evidence: { minor: true } });
    // born in 2008: 17 or 18 in March 2026, not certainly a minor
    expect(codes(file({ guardians: [{ ...g, birthYear: 2008 }] }))).toEqual([]);
  });

  it("Art. 23: no written notice while the parents are away", () => {
    const g = { ...file().guardians![0]! };
    delete (g as { writtenNoticeOn?: string }).writtenNoticeOn;
    expect(codes(file({ guardians: [g] }))).toEqual([LegalCode.NO_WRITTEN_NOTICE]);
    // notice dated after asOf does not count
    expect(codes(file({ guardians: [{ ...g, writtenNoticeOn: "2026-03-05" }] }))).toEqual([
      LegalCode.NO_WRITTEN_NOTICE,
    ]);
    // parents back home: not applicable
    const home = file({
      guardians: [g],
      parents: [
        {
          id: "p1",
          role: "father",
          name: "测试父亲",
          awayPeriods: [{ from: "2025-02-20", to: "2026-01-31", city: "深圳" }],
        },
      ],
    });
    expect(codes(home)).toEqual([]);
  });

  it("Art. 23: lists the weeks without parent contact, bucketed in the zone", () => {
    const missing = [weekly[0]!, weekly[2]!]; // weeks of 9 Feb and 23 Feb missed
    const [f] = checkLegalDuties(file(), { asOf, records: missing });
    expect(f).toMatchObject({
      code: LegalCode.NO_WEEKLY_CONTACT,
      severity: "high",
      article: { article: 23 },
      evidence: {
        missedWeeks: [
          { from: "2026-02-09", to: "2026-02-15" },
          { from: "2026-02-23", to: "2026-03-01" },
        ],
        weeksChecked: 4,
      },
    });
    // a call at 01:00 Beijing time on Monday 23 Feb is still Sunday 22 Feb in UTC
    const edge = [...missing, call("r9", "2026-02-22T17:30:00Z")];
    expect(checkLegalDuties(file(), { asOf, records: edge })[0]!.evidence.missedWeeks).toEqual([
      { from: "2026-02-09", to: "2026-02-15" },
    ]);
    const inUtc = checkLegalDuties(file(), { asOf, records: edge, timeZone: "UTC" })[0]!;
    expect(inUtc.evidence.missedWeeks).toHaveLength(2);
    expect(
      checkLegalDuties(file(), {
        asOf,
        records: [...missing, call("r9", "2026-02-10T12:00:00+08:00")],
      })[0]!.severity,
    ).toBe("medium");
  });

  it("Art. 23: counts only parents' calls and video calls about this child", () => {
    const notParent = [
      call("x1", "2026-02-02T20:00:00+08:00", { initiator: "mentor" }),
      call("x2", "2026-02-10T20:00:00+08:00", { kind: "home-visit" }),
      call("x3", "2026-02-17T20:00:00+08:00", { childIds: ["other"] }),
      call("x4", "2026-02-24T20:00:00+08:00", {
        kind: "video-call",
        initiator: "child",
        parentId: "p2",
      }),
    ];
    expect(
      checkLegalDuties(file(), { asOf, records: notParent })[0]!.evidence.missedWeeks,
    ).toHaveLength(3);
    // without records the rule cannot judge and is skipped
    expect(codes(file())).toEqual([]);
    // the window can be set
    expect(
      checkLegalDuties(file(), { asOf, records: [], lookbackWeeks: 2 })[0]!.evidence.weeksChecked,
    ).toBe(2);
    // weeks before the file was opened are not checked
    expect(
      checkLegalDuties(file({ openedOn: "2026-02-20" }), { asOf, records: [] })[0]!.evidence
        .weeksChecked,
    ).toBe(2);
  });

  it("PIPL Art. 31: no guardian consent under 14", () => {
    const { consent: _c, ...noConsent } = file();
    const [f] = checkLegalDuties(noConsent, { asOf });
    expect(f).toMatchObject({
      code: LegalCode.NO_GUARDIAN_CONSENT,
      article: { law: "pipl", article: 31 },
      path: "consent",
    });
    expect(codes({ ...noConsent, child: { ...file().child, birthDate: "2012-03-04" } })).toEqual(
      [],
    );
  });

  it("sorts findings by severity, mandatory reports first", () => {
    const { consent: _c, ...f } = file({
      livingArrangement: "alone",
      guardians: [{ ...file().guardians![0]!, disqualifications: ["addiction"] }],
    });
    const found = checkLegalDuties(f, { asOf, records: [] });
    const ranks = found.map((x) => LEGAL_SEVERITY_RANK[x.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(found[0]!.code).toBe(LegalCode.UNDER_16_LIVING_ALONE);
    expect(found.map((x) => x.code)).toContain(LegalCode.NO_GUARDIAN_CONSENT);
  });

  it("validates its input with bilingual field paths", () => {
    try {
      checkLegalDuties({ ...file(), livingArrangement: "street" as never }, { asOf: "2026-02-30" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe("livingArrangement");
    }
    try {
      checkLegalDuties(file(), {
        asOf: "2026-02-30",
        records: [{ id: "r", kind: "parent-call", at: "2026-02-01", childIds: ["c1"] }],
      });
      expect.unreachable();
    } catch (e) {
      const paths = (e as ValidationError).issues.map((i) => i.path);
      expect(paths).toEqual(["asOf"]);
      expect((e as ValidationError).messages["zh-CN"]).toContain("法律检查选项");
    }
    try {
      checkLegalDuties(file(), {
        asOf: "2026-03-01",
        records: [
          {
            id: "other",
            kind: "parent-call",
            at: "not validated: another child's",
            childIds: ["c2"],
          },
          { id: "r", kind: "parent-call", at: "2026-02-01", childIds: ["c1"] },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(["records[1].at"]);
      expect((e as ValidationError).messages["zh-CN"]).toContain("走访记录");
    }
  });

  it("accepts a host's own rules", () => {
    const custom = {
      ...LEGAL_RULES[0]!,
      code: "host.always",
      check: () => [{ message: { "zh-CN": "测试", en: "test" }, evidence: {} }],
    };
    expect(codes(file(), { rules: [custom] })).toEqual(["host.always"]);
  });

  it("a county's own rule cites the county's document, not a national article", () => {
    const countyRule: LegalRule = {
      code: "county.monthly-home-visit",
      article: {
        law: "example-county-2024-3",
        article: "第五条",
        level: "county",
        citation: {
          "zh-CN": "《示例县农村留守儿童关爱保护实施办法》第五条",
          en: "Example County care measures (2024), Art. 5",
        },
      },
      severity: "medium",
      mandatoryReport: false,
      title: { "zh-CN": "每月家访", en: "Monthly home visit" },
      check: () => [
        { message: { "zh-CN": "本月未家访", en: "no home visit this month" }, evidence: {} },
      ],
    };
    const [finding] = checkLegalDuties(file(), { asOf, rules: [countyRule] });
    expect(finding?.article).toEqual(countyRule.article);
    expect(finding?.article.level).toBe("county");
  });

  it("refuses a rule whose citation lacks a language, naming the rule", () => {
    const bad = { ...LEGAL_RULES[0]!, article: { law: "x", citation: { "zh-CN": "某办法" } } };
    expect(() => checkLegalDuties(file(), { asOf, rules: [bad as never] })).toThrow(/rules\[0\]/);
  });

  it("takes asOf as a Date and a numeric id, as a database row gives them", () => {
    const byDate = checkLegalDuties(
      { ...file(), id: 1001 },
      { asOf: new Date("2026-03-04T00:00:00+08:00") },
    );
    expect(byDate.map((f) => f.code)).toEqual(codes(file()));
  });

  it("never mutates its input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("grandparents", "alone", "relatives", "entrusted"),
        fc.integer({ min: 2008, max: 2022 }),
        (living, year) => {
          const input = file({
            livingArrangement: living as never,
            child: { ...file().child, birthDate: `${year}-06-15` },
          });
          const before = structuredClone(input);
          checkLegalDuties(input, { asOf, records: weekly });
          expect(input).toEqual(before);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("checkLegalDutiesAll", () => {
  const files = [
    file(),
    file({ id: "c2", livingArrangement: "alone" }),
    file({ id: "c3", consent: undefined }),
  ];
  const records = [...weekly, call("r5", "2026-02-11T20:00:00+08:00", { childIds: ["c2", "c3"] })];

  it("gives each child what checkLegalDuties gives it, in the order of the files", () => {
    const all = checkLegalDutiesAll(files, { asOf, records });
    expect([...all.keys()]).toEqual(["c1", "c2", "c3"]);
    for (const f of files)
      expect(all.get(String(f.id))).toEqual(checkLegalDuties(f, { asOf, records }));
    expect(all.get("c1")).toEqual([]);
    expect(all.get("c2")!.map((x) => x.code)).toContain(LegalCode.UNDER_16_LIVING_ALONE);
    // without records the weekly-contact rule is skipped, as for one child
    const none = checkLegalDutiesAll(files, { asOf });
    for (const f of files) expect(none.get(String(f.id))).toEqual(checkLegalDuties(f, { asOf }));
  });

  it("names every bad file, repeated id and record at once", () => {
    expect.assertions(3);
    const bad = { ...file({ id: "c4" }), child: { ...file().child, birthDate: "2016-02-30" } };
    try {
      checkLegalDutiesAll([...files, bad, file()], {
        asOf,
        records: [...records, { ...call("r9", "nonsense") }],
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const paths = (e as ValidationError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(["files[3].child.birthDate", "files[4].id"]));
      expect(() => checkLegalDutiesAll(files, { asOf, records: [call("r9", "nonsense")] })).toThrow(
        /records\[0\]\.at/,
      );
    }
  });
});
