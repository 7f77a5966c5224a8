import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { PolicyFindingCode } from "./data";
import { evaluateCompliance } from "./evaluate";
import { evaluateCompliancePartitioned } from "./partitioned";
import { definePolicy } from "./presets";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";

/**
 * The days an evaluation covers (every bucket of a count policy, every window of an interval
 * policy, even with no subject), read by the finding on records outside them; interval
 * subjects with no due day in scope; input that is not an object.
 */
const outside = (report: ReturnType<typeof evaluateCompliance>) =>
  report.findings.filter((f) => f.code === PolicyFindingCode.RECORD_OUTSIDE_PERIOD);

const finding = (ids: string[], from: string, to: string) => ({
  code: PolicyFindingCode.RECORD_OUTSIDE_PERIOD,
  count: ids.length,
  ids,
  path: "records",
  message: {
    "zh-CN": `${ids.length} 条记录不在评估期间的任何周期内（${from} 至 ${to}），未计入`,
    en: `${ids.length} records fall outside every evaluated bucket (${from} to ${to}) and counted for nothing`,
  },
});

/** Fortnightly windows of 3 days either side of a due day, from 2 March, for the paired mentor. */
const FORTNIGHTLY = definePolicy({
  ...PAIRING_HOME_VISIT,
  id: "fortnightly",
  requirement: {
    type: "interval",
    everyDays: 14,
    windowStart: -3,
    windowEnd: 3,
    anchor: "2026-03-02",
  },
});

describe("evaluateCompliance: the days it covers", () => {
  it("covers every month of a count policy's period", () => {
    const report = evaluateCompliance({
      ...scenario(),
      policies: [PAIRING_HOME_VISIT],
      period: { from: "2026-02-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    // r2 is at 01:00 on 1 April, Beijing time
    expect(outside(report)).toEqual([finding(["r2"], "2026-02-01", "2026-03-31")]);
  });

  it("merges the covered days of partitions into the records-outside finding", async () => {
    const merged = await evaluateCompliancePartitioned({
      policies: [PAIRING_HOME_VISIT],
      period: { from: "2026-02-01", to: "2026-03-31" },
      asOf: "2026-04-10",
      partitions: [{ key: "a", data: scenario() }],
    });
    expect(
      merged.findings.filter((f) => f.code === PolicyFindingCode.RECORD_OUTSIDE_PERIOD),
    ).toEqual([finding(["r2"], "2026-02-01", "2026-03-31")]);
  });

  it("covers a count policy's buckets even when it has no subject", () => {
    const nobody = definePolicy({
      ...PAIRING_HOME_VISIT,
      id: "nobody",
      selector: { mentorKinds: ["peer-buddy"] },
    });
    const report = evaluateCompliance({
      ...scenario(),
      policies: [nobody],
      period: { from: "2026-03-09", to: "2026-03-10" },
      asOf: "2026-04-10",
    });
    expect([...report]).toEqual([]);
    expect(outside(report)).toEqual([finding(["r2"], "2026-03-01", "2026-03-31")]);
  });

  it("covers the windows of an interval policy, not the whole period", () => {
    const report = evaluateCompliance({
      ...scenario(),
      policies: [FORTNIGHTLY],
      period: { from: "2026-03-01", to: "2026-03-15" },
      asOf: "2026-04-10",
    });
    // the window due on 2 March runs from 27 February to 5 March; 16 March is after the period
    expect(outside(report)).toEqual([finding(["r2", "r3", "r4"], "2026-02-27", "2026-03-05")]);
  });

  it("gives no rows to an interval subject with no due day in scope", () => {
    const report = evaluateCompliance({
      ...scenario(),
      policies: [FORTNIGHTLY],
      period: { from: "2026-03-01", to: "2026-03-15" },
      asOf: "2026-04-10",
    });
    // p2 starts on 20 March: its only due day in the period, 2 March, is before it
    expect([...report].map((r) => [r.subjectId, r.due, r.status, r.recordIds])).toEqual([
      ["p1", "2026-03-02", "met", ["r1"]],
    ]);
    const later = evaluateCompliance({
      ...scenario(),
      policies: [FORTNIGHTLY],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    expect([...later].map((r) => [r.subjectId, r.due, r.status])).toEqual([
      ["p1", "2026-03-02", "met"],
      ["p1", "2026-03-16", "missed"],
      ["p1", "2026-03-30", "met"],
      ["p2", "2026-03-02", "not-applicable"],
      ["p2", "2026-03-16", "not-applicable"],
      ["p2", "2026-03-30", "missed"],
    ]);
  });
});

describe("evaluateCompliance: input that is not an object", () => {
  it("names the input", () => {
    expect.assertions(3);
    try {
      evaluateCompliance(null as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issue = (e as ValidationError).issues[0]!;
      expect(issue.path).toBe("input");
      expect(issue.received).toBe("null");
    }
  });

  it("reports a missing calendar as received undefined", () => {
    expect.assertions(2);
    try {
      evaluateCompliance({
        ...scenario(),
        policies: [definePolicy({ ...PAIRING_HOME_VISIT, calendar: "school" })],
        period: { from: "2026-03-01", to: "2026-03-31" },
        asOf: "2026-04-10",
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => [i.path, i.received])).toEqual([
        ["calendar", "undefined"],
      ]);
    }
  });
});
