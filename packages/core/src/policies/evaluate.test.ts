import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { evaluateCompliance } from "./evaluate";
import { POLICY_PRESETS } from "./presets";
import { scenario } from "./scenario.test-helper";

describe("evaluateCompliance", () => {
  it("counts monthly home visits per pairing in Beijing time", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      policies: [POLICY_PRESETS.homeVisitMonthly],
      period: { from: "2026-03-01", to: "2026-04-30" },
      asOf: "2026-04-10",
    });
    const rows = [...report];
    console.log(
      rows.map((r) =>
        [r.subjectId, r.from, r.status, r.required, r.done, r.recordIds.join(",")].join(" "),
      ),
    );
    expect(rows.find((r) => r.subjectId === "p1" && r.from === "2026-03-01")).toMatchObject({
      status: "met",
      done: 1,
      recordIds: ["r1"],
    });
    expect(rows.find((r) => r.subjectId === "p1" && r.from === "2026-04-01")).toMatchObject({
      status: "met",
      recordIds: ["r2"],
    });
  });
});
