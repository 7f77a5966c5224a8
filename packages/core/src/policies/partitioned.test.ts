import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { EXAMPLE_CALENDAR_2025_26 } from "../calendar";
import { ValidationError } from "../errors/errors";
import type { ContactRecordInput } from "../model";
import { prepareComplianceData, type ComplianceDataInput } from "./data";
import { evaluateCompliance } from "./evaluate";
import { mergeCompliancePartitions, summarizeCompliancePartition } from "./partition-merge";
import { evaluateCompliancePartitioned } from "./partitioned";
import { ALL_PRESETS } from "./presets";
import { rollUpCompliance, type RollUpBy } from "./rollup";
import { inCounty, scenario } from "./scenario.test-helper";
import { workList } from "./worklist";

const PERIOD = { from: "2026-03-01", to: "2026-05-31" } as const;
const AS_OF = "2026-05-20";
const BY: RollUpBy[] = ["school", "county", "mentor", "class", "bucket"];
const BASE_MS = Date.parse("2026-02-01T00:00:00Z");

const recordArb = fc.record({
  kind: fc.constantFrom("home-visit", "talk", "parent-call", "family-call", "video-call"),
  minute: fc.integer({ min: 0, max: 150 * 24 * 60 }),
  children: fc.subarray(["c1", "c2", "c3", "c9"], { minLength: 1 }),
  mentorId: fc.option(fc.constantFrom("m1", "m2", "m3", "m9"), { nil: undefined }),
});

/** A county: the scenario with random records, every id prefixed with the county number. */
const countyArb = fc.array(recordArb, { maxLength: 25 }).map((rs) => {
  const s = scenario();
  const records: ContactRecordInput[] = rs.map((r, i) => ({
    id: `g${i}`,
    kind: r.kind,
    at: new Date(BASE_MS + r.minute * 60_000).toISOString(),
    childIds: r.children,
    ...(r.mentorId ? { mentorId: r.mentorId } : {}),
  }));
  return { ...s, records };
});

function concat(parts: ComplianceDataInput[]): ComplianceDataInput {
  return {
    children: parts.flatMap((p) => p.children),
    mentors: parts.flatMap((p) => p.mentors),
    pairings: parts.flatMap((p) => p.pairings),
    records: parts.flatMap((p) => [...p.records]),
    calendar: EXAMPLE_CALENDAR_2025_26,
  };
}

async function* asyncly<T>(xs: readonly T[]): AsyncGenerator<T> {
  for (const x of xs) yield await Promise.resolve(x);
}

describe("evaluateCompliancePartitioned", () => {
  it("merges partitions into the counts, roll-ups, work list and findings of one evaluation", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(countyArb, { minLength: 1, maxLength: 4 }), async (counties) => {
        const parts = counties.map((c, k) => ({
          ...inCounty(c, k),
          calendar: EXAMPLE_CALENDAR_2025_26,
        }));
        const single = evaluateCompliance({
          ...concat(parts),
          policies: ALL_PRESETS,
          period: PERIOD,
          asOf: AS_OF,
        });
        const merged = await evaluateCompliancePartitioned({
          policies: ALL_PRESETS,
          period: PERIOD,
          asOf: AS_OF,
          rollUps: BY,
          workList: { withinDays: 10, includeMissed: true },
          partitions: asyncly(parts.map((data, k) => ({ key: `county ${k}`, data }))),
        });
        expect(merged.partitions).toBe(parts.length);
        expect(merged.rows).toBe(single.length);
        expect(merged.counts).toEqual(single.counts());
        for (const p of ALL_PRESETS)
          expect(merged.countsByPolicy[p.id]).toEqual(single.counts(p.id));
        for (const by of BY) expect(merged.rollUps[by]).toEqual(rollUpCompliance(single, { by }));
        expect(merged.workList).toEqual(workList(single, { withinDays: 10, includeMissed: true }));
        expect(merged.findings).toEqual(single.findings);
      }),
      { numRuns: propertyRuns(25) },
    );
  });

  it("merges summaries made apart (structured-cloned, as from worker threads) into the same result", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(countyArb, { minLength: 1, maxLength: 3 }), async (counties) => {
        const parts = counties.map((c, k) => ({
          ...inCounty(c, k),
          calendar: EXAMPLE_CALENDAR_2025_26,
        }));
        const options = {
          policies: ALL_PRESETS,
          period: PERIOD,
          asOf: AS_OF,
          rollUps: BY,
          workList: { withinDays: 10, limit: 5 },
        };
        const inOneThread = await evaluateCompliancePartitioned({
          ...options,
          partitions: parts.map((data, k) => ({ key: `county ${k}`, data })),
        });
        const summaries = parts.map((data, k) =>
          structuredClone(summarizeCompliancePartition({ ...options, key: `county ${k}`, data })),
        );
        expect(mergeCompliancePartitions(summaries, options)).toEqual(inOneThread);
      }),
      { numRuns: propertyRuns(15) },
    );
    const one = { ...scenario(), calendar: EXAMPLE_CALENDAR_2025_26 };
    const base = { policies: ALL_PRESETS, period: PERIOD, asOf: AS_OF, data: one };
    const twice = [0, 1].map((k) => summarizeCompliancePartition({ ...base, key: `c${k}` }));
    expect(() => mergeCompliancePartitions(twice)).toThrow(/partitions\[1\]\.children\[0\]\.id/);
  });

  it("takes prepared partitions and shows each partition's report once", async () => {
    const parts = [0, 1].map((k) =>
      prepareComplianceData({ ...inCounty(scenario(), k), calendar: EXAMPLE_CALENDAR_2025_26 }),
    );
    const seen: [string, number][] = [];
    const merged = await evaluateCompliancePartitioned({
      policies: ALL_PRESETS,
      period: PERIOD,
      asOf: AS_OF,
      workList: { limit: 2 },
      partitions: parts.map((data, k) => ({ key: `c${k}`, data })),
      onPartition: (report, key) => void seen.push([key, report.length]),
    });
    expect(seen.map(([k]) => k)).toEqual(["c0", "c1"]);
    expect(seen[0]![1] + seen[1]![1]).toBe(merged.rows);
    expect(merged.workList.overdue.length).toBeLessThanOrEqual(2);
    expect(Object.keys(merged.rollUps)).toEqual(["school", "county"]);
  });

  it("rejects a child in two partitions, naming the partition and field", async () => {
    expect.assertions(3);
    const one = { ...scenario(), calendar: EXAMPLE_CALENDAR_2025_26 };
    try {
      await evaluateCompliancePartitioned({
        policies: ALL_PRESETS,
        period: PERIOD,
        asOf: AS_OF,
        partitions: [
          { key: "a", data: one },
          { key: "b", data: one },
        ],
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issues = (e as ValidationError).issues;
      expect(issues[0]!.path).toBe("partitions[1].children[0].id");
      expect(issues[0]!.message.en).toContain("partition b");
    }
  });

  it("rejects partitions that are not iterable, or a partition without data", async () => {
    const base = { policies: ALL_PRESETS, period: PERIOD, asOf: AS_OF };
    expect(() => evaluateCompliancePartitioned({ ...base, partitions: 3 as never })).toThrow(
      /partitions/,
    );
    await expect(
      evaluateCompliancePartitioned({ ...base, partitions: [{ key: "a" } as never] }),
    ).rejects.toThrow(/partitions\[0\]\.data/);
    expect(() =>
      evaluateCompliancePartitioned({ ...base, partitions: [], rollUps: ["galaxy" as never] }),
    ).toThrow(ValidationError);
    expect(() => mergeCompliancePartitions([], null as never)).toThrow(ValidationError);
    for (const key of [Object.create(null), undefined, Number.NaN]) {
      await expect(
        evaluateCompliancePartitioned({ ...base, partitions: [{ key, data: {} } as never] }),
      ).rejects.toThrow(/partitions\[0\]\.key/);
      expect(() => summarizeCompliancePartition({ ...base, key, data: {} } as never)).toThrow(
        /分区键|partition key/,
      );
    }
  });
  it("says what is wrong with the partitions and roll-ups in both languages", async () => {
    const base = { policies: ALL_PRESETS, period: PERIOD, asOf: AS_OF };
    const messages = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).messages;
      }
      return expect.unreachable("accepted");
    };
    expect(
      await messages(async () =>
        evaluateCompliancePartitioned({ ...base, partitions: 3 as never }),
      ),
    ).toEqual({
      "zh-CN": "输入校验失败（1 处）：字段 partitions：应为分区的（异步）可迭代对象（收到：3）",
      en: "Invalid input (1 issue): partitions: expected an iterable or async iterable of partitions (received: 3)",
    });
    expect(
      await messages(async () =>
        evaluateCompliancePartitioned({ ...base, partitions: [], rollUps: ["galaxy" as never] }),
      ),
    ).toEqual({
      "zh-CN":
        '汇总方式校验失败（1 处）：字段 rollUps[0]：应为以下之一：mentor、class、school、township、county、bucket（收到："galaxy"）',
      en: 'Invalid roll-ups (1 issue): rollUps[0]: expected one of: mentor, class, school, township, county, bucket (received: "galaxy")',
    });
    const refused = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => [i.path, i.code]);
      }
      return expect.unreachable("accepted");
    };
    expect(await refused(async () => evaluateCompliancePartitioned(null as never))).toEqual([
      ["input", "invalid_type"],
    ]);
    expect(
      await refused(() =>
        evaluateCompliancePartitioned({ ...base, partitions: [{ key: "a" }] as never }),
      ),
    ).toEqual([["partitions[0].data", "invalid_type"]]);
    for (const partition of [{ key: "a" }, null]) {
      const received = partition === null ? "null" : "object";
      expect(
        await messages(() =>
          evaluateCompliancePartitioned({ ...base, partitions: [partition as never] }),
        ),
      ).toEqual({
        "zh-CN": `输入校验失败（1 处）：字段 partitions[0].data：应为分区数据 { key, data }（收到：${received}）`,
        en: `Invalid input (1 issue): partitions[0].data: expected a partition { key, data } (received: ${received})`,
      });
    }
  });
});
