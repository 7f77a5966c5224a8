import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors";
import { prepareComplianceData } from "./data";
import { evaluateCompliance } from "./evaluate";
import {
  mergeCompliancePartitions,
  summarizeCompliancePartition,
  type CompliancePartitionSummary,
} from "./partition-merge";
import { evaluateCompliancePartitioned } from "./partitioned";
import { rollUpCompliance } from "./rollup";
import { inCounty, PAIRING_HOME_VISIT, scenario, TALK_MONTHLY } from "./scenario.test-helper";
import { workList } from "./worklist";

/**
 * What partitioned compliance refuses, as a hostile caller would try it: summaries of other
 * evaluations or tampered on the way, options out of range, ids shared between partitions,
 * input that is not what it says. Every refusal is a ValidationError naming the field.
 */
const POLICIES = [TALK_MONTHLY, PAIRING_HOME_VISIT];
const OPTIONS = {
  policies: POLICIES,
  period: { from: "2026-03-01", to: "2026-04-30" },
  asOf: "2026-04-03",
} as const;

/** The summary of county `k` (ids prefixed), evaluated with `extra` options. */
function summary(k: number, extra: object = {}): CompliancePartitionSummary {
  return summarizeCompliancePartition({
    ...OPTIONS,
    key: `k${k}`,
    data: inCounty(scenario(), k),
    workList: { withinDays: 30, includeMissed: true },
    ...extra,
  });
}

/** The paths of the issues `call` is refused with (it must throw a ValidationError). */
function paths(call: () => unknown): string[] {
  const e = thrown(call);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues.map((i) => i.path);
}

/** A deep copy of `s` changed by `change`. */
function tampered(s: CompliancePartitionSummary, change: (x: any) => void) {
  const copy = structuredClone(s);
  change(copy);
  return copy;
}

describe("merging summaries of partitions", () => {
  it("refuses summaries of another evaluation, naming what differs", () => {
    const a = summary(1);
    expect(paths(() => mergeCompliancePartitions([a, summary(2, { asOf: "2026-03-20" })]))).toEqual(
      ["summaries[1].asOfDay"],
    );
    const period = { from: "2026-03-01", to: "2026-03-31" };
    expect(paths(() => mergeCompliancePartitions([a, summary(2, { period })]))).toEqual([
      "summaries[1].period",
    ]);
    expect(
      paths(() => mergeCompliancePartitions([a, summary(2, { policies: [TALK_MONTHLY] })])),
    ).toEqual(["summaries[1].policies"]);
    expect(
      paths(() => mergeCompliancePartitions([a, summary(2, { rollUps: ["mentor"] })])),
    ).toEqual(["summaries[1].rollUps"]);
    const e = thrown(() => mergeCompliancePartitions([a, summary(2, { asOf: "2026-03-20" })]));
    expect((e as ValidationError).issues[0]!.message.en).toMatch(/partition k2 .* partition k1/);
    expect((e as ValidationError).issues[0]!.message["zh-CN"]).toMatch(/分区 k2.*分区 k1/);
    // The same evaluation merges whatever the order.
    expect(mergeCompliancePartitions([summary(2), a]).partitions).toBe(2);
  });

  it("refuses tampered summaries instead of merging nonsense", () => {
    const a = summary(1);
    const cases: [(x: any) => void, string][] = [
      [(x) => delete x.rollUps.school[0].met, "summaries[1].rollUps.school[0].met"],
      [(x) => (x.rollUps.county[0].done = "3"), "summaries[1].rollUps.county[0].done"],
      [
        (x) => (x.findings = [{ code: "unknown-child", count: -2, ids: [] }]),
        "summaries[1].findings[0].count",
      ],
      [
        (x) => (x.findings = [{ code: "unknown-child", count: 2, ids: "abc" }]),
        "summaries[1].findings[0].ids",
      ],
      [
        (x) => (x.workList.overdue[0].policyId = "ghost"),
        "summaries[1].workList.overdue[0].policyId",
      ],
      [
        (x) => (x.workList.overdue[0].daysLate = Number.NaN),
        "summaries[1].workList.overdue[0].daysLate",
      ],
      [(x) => (x.policies = []), "summaries[1].countsByPolicy"],
      [(x) => (x.rows += 1), "summaries[1].rows"],
      [(x) => delete x.countsByPolicy[x.policies[0].id], "summaries[1].countsByPolicy"],
      [(x) => (x.ids = "abc"), "summaries[1].ids"],
    ];
    expect(a.workList.overdue.length).toBeGreaterThan(0);
    for (const [change, path] of cases) {
      const bad = tampered(summary(2), change);
      expect(paths(() => mergeCompliancePartitions([a, bad]))).toContain(path);
    }
  });

  it("reads each summary once, as checked", () => {
    let reads = 0;
    const b = summary(2);
    const shifty = { ...b };
    Object.defineProperty(shifty, "rows", {
      get: () => (reads++ === 0 ? b.rows : -1),
      enumerable: true,
    });
    const merged = mergeCompliancePartitions([summary(1), shifty]);
    expect(merged.rows).toBe(summary(1).rows + b.rows);
  });

  it("checks the work-list limit and takes summaries from an iterable only", () => {
    for (const limit of [-1, 0, 2.5, "abc", Number.NaN])
      expect(paths(() => mergeCompliancePartitions([], { workList: { limit } as never }))).toEqual([
        "options.workList.limit",
      ]);
    const later = (async function* () {
      yield summary(1);
    })();
    expect(paths(() => mergeCompliancePartitions(later as never))).toEqual(["summaries"]);
    expect(paths(() => mergeCompliancePartitions({ [Symbol.iterator]: 5 } as never))).toEqual([
      "summaries",
    ]);
  });

  it("refuses a school given by two partitions", () => {
    const school = (name: string) =>
      ({ id: "s-shared", name, stage: "primary", regionCode: "431102001000" }) as const;
    const one = { ...inCounty(scenario(), 1), schools: [school("甲校")] };
    const two = { ...inCounty(scenario(), 2), schools: [school("乙校")] };
    const e = thrown(() =>
      mergeCompliancePartitions(
        [one, two].map((data, k) =>
          summarizeCompliancePartition({ ...OPTIONS, key: `k${k}`, data }),
        ),
      ),
    );
    expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
      "partitions[1].schools[0].id",
    ]);
    expect((e as ValidationError).issues[0]!.message.en).toMatch(/partition k0.*partition k1/);
  });
});

describe("evaluating partitions", () => {
  it("checks the options the partitions share before reading any", async () => {
    let read = 0;
    const partitions = (function* () {
      read++;
      yield { key: "a", data: scenario() };
    })();
    const bad: object[] = [
      { policies: "x" },
      { period: { from: "2026-04-30", to: "2026-03-01" } },
      { workList: { limit: -5 } },
      { onPartition: 5 },
    ];
    for (const extra of bad)
      expect(() =>
        evaluateCompliancePartitioned({ ...OPTIONS, partitions, ...extra } as never),
      ).toThrow(ValidationError);
    expect(read).toBe(0);
    expect(() =>
      evaluateCompliancePartitioned({ ...OPTIONS, partitions: { [Symbol.iterator]: 5 } as never }),
    ).toThrow(ValidationError);
  });

  it("names the partition of a bad child, in the path and in both languages", async () => {
    const data = inCounty(scenario(), 1);
    (data.children[0] as { child: unknown }).child = 5;
    const e = await evaluateCompliancePartitioned({
      ...OPTIONS,
      partitions: [
        { key: "ok", data: inCounty(scenario(), 2) },
        { key: "430103", data },
      ],
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    const issue = (e as ValidationError).issues[0]!;
    expect(issue.path).toBe("partitions[1].data.children[0].child");
    expect(issue.message.en).toMatch(/^partition 430103: /);
    expect(issue.message["zh-CN"]).toMatch(/^分区 430103：/);
  });
});

describe("input that is not what it says", () => {
  it("records that are not an iterable are refused on the field", () => {
    const s = scenario();
    const later = (async function* () {})();
    for (const records of [undefined, null, 5, {}, later])
      expect(paths(() => prepareComplianceData({ ...s, records } as never))).toEqual(["records"]);
    expect(paths(() => evaluateCompliance({ ...OPTIONS, ...s, records: 5 } as never))).toEqual([
      "records",
    ]);
  });

  it("data that was not prepared is refused on the field", () => {
    const s = scenario();
    for (const data of [s, null, 5, { events: 1, index: 2 }])
      expect(paths(() => evaluateCompliance({ ...OPTIONS, data } as never))).toEqual(["data"]);
    // A structured clone of prepared data is still prepared data.
    const prepared = prepareComplianceData(s);
    expect(evaluateCompliance({ ...OPTIONS, data: structuredClone(prepared) }).length).toBe(
      evaluateCompliance({ ...OPTIONS, data: prepared }).length,
    );
  });

  it("roll-ups and work lists refuse what is not a report or options", () => {
    const report = evaluateCompliance({ ...OPTIONS, ...scenario() });
    for (const r of [null, {}, 5])
      expect(paths(() => rollUpCompliance(r as never, { by: "school" }))).toEqual(["report"]);
    expect(paths(() => rollUpCompliance(report, undefined as never))).toEqual(["options"]);
    expect(paths(() => workList(report, null as never))).toEqual(["options"]);
  });
});
