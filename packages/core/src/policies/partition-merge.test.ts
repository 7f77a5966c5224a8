import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2025_26 } from "../calendar";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors";
import type { ContactRecordInput } from "../model";
import { evaluateCompliance } from "./evaluate";
import { mergeCompliancePartitions, summarizeCompliancePartition } from "./partition-merge";
import { evaluateCompliancePartitioned } from "./partitioned";
import { definePolicy } from "./presets";
import { rollUpCompliance, type RollUpBy } from "./rollup";
import { inCounty, PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";
import { workList } from "./worklist";

/**
 * Three fixed counties merged, checked against one evaluation of all of them: counts, every
 * roll-up, the work list cut at a limit (ties of risk, deadline and shortage across counties),
 * and the findings (unknown ids and records after asOf in two counties, a policy with no
 * subject anywhere). Then the errors of the merge.
 */
const talkMonthly = definePolicy({
  id: "talk-monthly",
  name: { "zh-CN": "每月谈心", en: "Monthly talk" },
  level: "child",
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 2, per: "month" },
  graceDays: 5,
});
const nobody = definePolicy({
  id: "nobody",
  name: { "zh-CN": "无对象", en: "Nobody" },
  level: "child",
  selector: { riskLevels: ["critical"] },
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 1, per: "month" },
});
const POLICIES = [talkMonthly, PAIRING_HOME_VISIT, nobody];
const PERIOD = { from: "2026-03-01", to: "2026-04-30" } as const;
const AS_OF = "2026-04-03";
const BY: RollUpBy[] = ["school", "county", "township", "mentor", "class", "bucket"];
const OPTIONS = { withinDays: 30, includeMissed: true, limit: 7 };

/** County 1 as the scenario; 2 without records, c2 a key case; 3 with strays and late records. */
function counties() {
  const one = inCounty(scenario(), 1);
  const two = inCounty({ ...scenario(), records: [] }, 2);
  two.children[1]!.keyCase = true;
  const three = inCounty(scenario(), 3);
  const strays: ContactRecordInput[] = [
    { id: "x1", kind: "talk", at: "2026-03-09T10:00:00+08:00", childIds: ["ghost"] },
    { id: "x2", kind: "talk", at: "2026-04-09T10:00:00+08:00", childIds: ["3-c3"] },
    { id: "x3", kind: "talk", at: "2026-03-09T10:00:00+08:00", childIds: ["3-c3"], mentorId: "m9" },
    { id: "x4", kind: "talk", at: "2026-02-10T10:00:00+08:00", childIds: ["3-c3"] },
  ];
  three.records = [...three.records, ...strays];
  one.records = [
    ...one.records,
    { id: "a1", kind: "talk", at: "2026-04-09T10:00:00+08:00", childIds: ["1-c1"] },
    { id: "a0", kind: "talk", at: "2026-03-09T10:00:00+08:00", childIds: ["nobody"] },
    { id: "a2", kind: "talk", at: "2026-02-11T10:00:00+08:00", childIds: ["1-c2"] },
  ];
  return [one, two, three];
}

describe("merging partitions", () => {
  it("gives the counts, roll-ups, work list and findings of one evaluation", async () => {
    const parts = counties();
    const merged = await evaluateCompliancePartitioned({
      policies: POLICIES,
      period: PERIOD,
      asOf: AS_OF,
      // A number is taken as a key and written out.
      partitions: parts.map((data, i) => ({ key: (430110 + i) as unknown as string, data })),
      rollUps: BY,
      workList: OPTIONS,
    });
    const single = evaluateCompliance({
      policies: POLICIES,
      period: PERIOD,
      asOf: AS_OF,
      children: parts.flatMap((p) => p.children),
      mentors: parts.flatMap((p) => p.mentors),
      pairings: parts.flatMap((p) => p.pairings),
      records: parts.flatMap((p) => p.records),
    });
    expect(merged.partitions).toBe(3);
    expect(merged.rows).toBe(single.length);
    expect(merged.counts).toEqual(single.counts());
    for (const p of POLICIES) expect(merged.countsByPolicy[p.id]).toEqual(single.counts(p.id));
    for (const by of BY) expect(merged.rollUps[by]).toEqual(rollUpCompliance(single, { by }));
    const list = workList(single, OPTIONS);
    expect(merged.workList.overdue).toEqual(list.overdue);
    expect(merged.workList.dueSoon).toEqual(list.dueSoon);
    // High risk first: county 2's c1 is two talks short, the others one (partition order); then
    // the key case c2 of county 2 before the other medium-risk children.
    expect(merged.workList.overdue.map((w) => w.subjectId)).toEqual([
      "2-c1",
      "1-c1",
      "3-c1",
      "2-p1",
      "2-c2",
      "1-c2",
      "3-c2",
    ]);
    expect(merged.findings).toEqual(single.findings);
    expect(merged.findings.map((f) => [f.code, f.count, f.ids])).toEqual([
      ["unknown-child", 2, ["a0", "x1"]],
      ["unknown-mentor", 1, ["x3"]],
      ["no-subject", 1, ["nobody"]],
      ["record-after-as-of", 2, ["a1", "x2"]],
      ["record-outside-period", 2, ["a2", "x4"]],
    ]);
  });

  it("merges summaries in partition order, cutting the work list at the limit", () => {
    const parts = counties();
    const summaries = parts.map((data, i) =>
      summarizeCompliancePartition({
        key: String(i),
        data,
        policies: POLICIES,
        period: PERIOD,
        asOf: AS_OF,
        rollUps: [],
        workList: OPTIONS,
      }),
    );
    const all = mergeCompliancePartitions(summaries);
    const cut = mergeCompliancePartitions(summaries, { workList: { limit: 2 } });
    expect(cut.workList.overdue).toEqual(all.workList.overdue.slice(0, 2));
    expect(cut.workList.dueSoon).toEqual(all.workList.dueSoon.slice(0, 2));
    expect(all.rollUps).toEqual({});
    expect(() =>
      mergeCompliancePartitions([summaries[0]!, { ...summaries[1]!, rows: -1 }]),
    ).toThrow(/summaries\[1\]\.rows/);
  });

  it("sorts merged roll-ups by key whatever the partition order, and merges no partition", async () => {
    const parts = counties().reverse();
    const merged = await evaluateCompliancePartitioned({
      policies: POLICIES,
      period: PERIOD,
      asOf: AS_OF,
      partitions: parts.map((data, i) => ({ key: String(i), data })),
      rollUps: ["county", "mentor"],
    });
    expect(merged.rollUps.county!.map((r) => r.key)).toEqual([
      "431102",
      "431103",
      "431202",
      "431203",
      "431302",
      "431303",
    ]);
    expect(merged.rollUps.mentor!.map((r) => r.key)).toEqual([
      "1-m1",
      "1-m2",
      "2-m1",
      "2-m2",
      "3-m1",
      "3-m2",
    ]);
    const none = await evaluateCompliancePartitioned({
      policies: POLICIES,
      period: PERIOD,
      asOf: AS_OF,
      partitions: [],
    });
    expect(none).toMatchObject({
      partitions: 0,
      rows: 0,
      rollUps: { school: [], county: [] },
      workList: { overdue: [], dueSoon: [] },
    });
    // No partition is no data: as one empty partition, every policy matched no subject.
    const empty = await evaluateCompliancePartitioned({
      policies: POLICIES,
      period: PERIOD,
      asOf: AS_OF,
      partitions: [{ key: "a", data: { children: [], mentors: [], pairings: [], records: [] } }],
    });
    expect(none.findings).toEqual(empty.findings);
    expect(none.findings.map((f) => f.code)).toEqual(POLICIES.map(() => "no-subject"));
    expect(mergeCompliancePartitions([]).findings).toEqual([]);
    for (const partition of [null, { key: "a", data: null }]) {
      await expect(
        evaluateCompliancePartitioned({
          policies: POLICIES,
          period: PERIOD,
          asOf: AS_OF,
          partitions: [partition as never],
        }),
      ).rejects.toThrow(/partitions\[0\]\.data/);
    }
  });

  it("prepares raw partitions in the input's zone", async () => {
    const utc = await evaluateCompliancePartitioned({
      policies: POLICIES,
      period: PERIOD,
      asOf: AS_OF,
      timeZone: "UTC",
      partitions: [{ key: "a", data: scenario() }],
    });
    const single = evaluateCompliance({
      ...scenario(),
      policies: POLICIES,
      period: PERIOD,
      asOf: AS_OF,
      timeZone: "UTC",
    });
    expect(utc.countsByPolicy).toEqual(
      Object.fromEntries(POLICIES.map((p) => [p.id, single.counts(p.id)])),
    );
    // r2, 17:00 UTC on 31 March, is a March home visit in UTC (April in Beijing).
    expect(utc.countsByPolicy["home-visit-monthly"]).toMatchObject({ met: 1 });
  });

  it("keeps the calendar findings of the partitions", async () => {
    const lessons = definePolicy({
      id: "lessons",
      name: { "zh-CN": "每周课", en: "Weekly lesson" },
      level: "school",
      counts: { activityKinds: ["mental-health-lesson"], unit: "days" },
      requirement: { type: "count", min: 1, per: "week" },
      calendar: "school",
    });
    const period = { from: "2026-06-01", to: "2026-09-30" } as const;
    const parts = counties().map((c) => ({ ...c, calendar: EXAMPLE_CALENDAR_2025_26 }));
    const merged = await evaluateCompliancePartitioned({
      policies: [lessons],
      period,
      asOf: "2026-10-10",
      partitions: parts.map((data, i) => ({ key: String(i), data })),
    });
    const single = evaluateCompliance({
      policies: [lessons],
      period,
      asOf: "2026-10-10",
      calendar: EXAMPLE_CALENDAR_2025_26,
      children: parts.flatMap((p) => p.children),
      mentors: parts.flatMap((p) => p.mentors),
      pairings: parts.flatMap((p) => p.pairings),
      records: parts.flatMap((p) => p.records),
    });
    expect(merged.findings).toEqual(single.findings);
    expect(merged.findings.map((f) => f.code)).toContain("calendar-not-covering");
  });

  it("lists at most 20 ids found in an earlier partition", async () => {
    const one = scenario();
    const many = {
      ...one,
      children: Array.from({ length: 25 }, (_, i) => ({ ...one.children[0]!, id: `c${i}` })),
      pairings: [],
      records: [],
    };
    expect.assertions(3);
    try {
      await evaluateCompliancePartitioned({
        policies: POLICIES,
        period: PERIOD,
        asOf: AS_OF,
        partitions: [
          { key: "a", data: many },
          { key: "b", data: many },
        ],
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issues = (e as ValidationError).issues;
      expect(issues).toHaveLength(20);
      expect(issues[19]!.message.en).toBe(
        "partitions[1].children[19].id: c19 is already in an earlier partition (partition a), and again in partition b",
      );
    }
  });
});

/** Path, code and both texts of each issue a call is refused with, and its subject. */
function refusal(call: () => unknown) {
  const e = thrown(call);
  expect(e).toBeInstanceOf(ValidationError);
  const { issues, messages } = e as ValidationError;
  return {
    issues: issues.map((i) => [i.path, i.code, i.message["zh-CN"], i.message.en]),
    subject: [
      messages["zh-CN"].replace(/校验失败（.*$/s, ""),
      messages.en.replace(/ \(\d+ issues?\): .*$/s, ""),
    ],
  };
}

describe("a partition's summary and the merge of summaries", () => {
  const options = { policies: POLICIES, period: PERIOD, asOf: AS_OF } as const;

  it("prepare raw data that carries fields named like the prepared data's", () => {
    const plain = summarizeCompliancePartition({ ...options, key: "a", data: scenario() });
    // A host's loader may keep its own `index` or `events` field on a county's raw data.
    for (const extra of [{ index: 3 }, { events: [] }]) {
      const data = { ...scenario(), ...extra } as Parameters<
        typeof summarizeCompliancePartition
      >[0]["data"];
      expect(summarizeCompliancePartition({ ...options, key: "a", data })).toEqual(plain);
    }
  });

  it("name what is wrong with the input of a summary", () => {
    const data = scenario();
    expect(refusal(() => summarizeCompliancePartition(null as never))).toEqual({
      issues: [
        [
          "input",
          "invalid_type",
          "字段 input：应为对象（收到：null）",
          "input: expected an object (received: null)",
        ],
      ],
      subject: ["输入", "Invalid input"],
    });
    expect(
      refusal(() => summarizeCompliancePartition({ ...options, key: {} as never, data })),
    ).toEqual({
      issues: [
        [
          "key",
          "invalid_type",
          "字段 key：分区键应为字符串（如县级区划代码）（收到：object）",
          "key: a partition key must be a string (a county code, say) (received: object)",
        ],
      ],
      subject: ["输入", "Invalid input"],
    });
    expect(
      refusal(() =>
        summarizeCompliancePartition({ ...options, key: "a", rollUps: ["town"] as never, data }),
      ),
    ).toEqual({
      issues: [
        [
          "rollUps[0]",
          "invalid_value",
          '字段 rollUps[0]：应为以下之一：mentor、class、school、township、county、bucket（收到："town"）',
          'rollUps[0]: expected one of: mentor, class, school, township, county, bucket (received: "town")',
        ],
      ],
      subject: ["汇总方式", "Invalid roll-ups"],
    });
    expect(
      refusal(() => summarizeCompliancePartition({ ...options, key: "a", data: null as never }))
        .issues,
    ).toEqual([
      [
        "data",
        "invalid_type",
        "字段 data：应为对象（收到：null）",
        "data: expected an object (received: null)",
      ],
    ]);
    // A finite number is a key; NaN is not.
    expect(summarizeCompliancePartition({ ...options, key: 7 as never, data }).key).toBe("7");
    expect(
      refusal(() => summarizeCompliancePartition({ ...options, key: Number.NaN as never, data }))
        .issues[0]![0],
    ).toBe("key");
  });

  it("name what is wrong with the summaries merged", () => {
    const summary = summarizeCompliancePartition({ ...options, key: "a", data: scenario() });
    expect(refusal(() => mergeCompliancePartitions(5 as never))).toEqual({
      issues: [
        [
          "summaries",
          "invalid_type",
          "字段 summaries：应为分区汇总的可迭代对象（数组、生成器）（收到：5）",
          "summaries: expected an iterable of partition summaries (an array, a generator) (received: 5)",
        ],
      ],
      subject: ["输入", "Invalid input"],
    });
    expect(refusal(() => mergeCompliancePartitions([], null as never)).issues).toEqual([
      [
        "options",
        "invalid_type",
        "字段 options：应为对象（收到：null）",
        "options: expected an object (received: null)",
      ],
    ]);
    const malformed = refusal(() =>
      mergeCompliancePartitions([summary, { ...summary, key: 3 } as never]),
    );
    expect(malformed.subject).toEqual(["分区汇总", "Invalid partition summary"]);
    expect(malformed.issues).toEqual([
      [
        "summaries[1].key",
        "invalid_type",
        "字段 summaries[1].key：应为文本（收到：3）",
        "summaries[1].key: expected text (received: 3)",
      ],
    ]);
    const twice = refusal(() => mergeCompliancePartitions([summary, { ...summary, key: "b" }]));
    expect(twice.subject).toEqual(["分区", "Invalid partitions"]);
    expect(twice.issues[0]).toEqual([
      "partitions[1].children[0].id",
      "duplicate_id",
      "字段 partitions[1].children[0].id：c1 已出现在前面的分区中（分区 a），又见于分区 b",
      "partitions[1].children[0].id: c1 is already in an earlier partition (partition a), and again in partition b",
    ]);
  });
});
