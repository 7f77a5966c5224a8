import { describe, expect, it } from "vitest";
import { completenessReport } from "../completeness";
import { ValidationError } from "../errors";
import type { ChildFileInput } from "../model";
import { leftBehindStatistics } from "./statistics";
import { statisticsTable } from "./table";

function file(id: string): ChildFileInput {
  return {
    id,
    child: { name: "学生", gender: "male", birthDate: "2014-09-01", regionCode: "430626001001" },
    livingArrangement: "grandparents",
    parents: [
      {
        id: `${id}-f`,
        role: "father",
        name: "父亲",
        awayPeriods: [{ from: "2024-02-20", city: "长沙" }],
      },
    ],
  };
}

const asOf = "2026-09-01";
const entries = [
  ["leftBehindStatistics", (fs: unknown[]) => leftBehindStatistics(fs as never, { asOf })],
  ["statisticsTable", (fs: unknown[]) => statisticsTable(fs as never, { asOf })],
  ["completenessReport", (fs: unknown[]) => completenessReport(fs as never, { asOf })],
] as const;

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => `${i.path} ${i.code}`);
  }
  throw new Error("expected a ValidationError");
}

describe.each(entries)("%s", (_name, run) => {
  it("refuses a file listed twice instead of counting the child twice", () => {
    const f1 = file("c1");
    expect(issuesOf(() => run([f1, file("c2"), f1]))).toEqual(["files[2].id duplicate_id"]);
  });

  it("names every bad file and every repeated id in one error", () => {
    const bad = { ...file("c2"), child: { ...file("c2").child, birthDate: "2014-02-30" } };
    const worse = { ...file("c4"), livingArrangement: "moon" };
    const issues = issuesOf(() => run([file("c1"), bad, file("c3"), worse, file("c1")]));
    expect(issues).toEqual([
      "files[1].child.birthDate calendar_date",
      "files[3].livingArrangement invalid_value",
      "files[4].id duplicate_id",
    ]);
  });
});
