import { generatePopulation } from "@liushou/fixtures";
import { markdownRenderer, renderReport, type Report } from "@liushou/report";
import { rollUpCompliance, ValidationError } from "liushou";
import { describe, expect, it } from "vitest";
import { createSchoolDb } from "@liushou/example-custom-adapter";
import { plainTextFormat, schoolLiushou, weeklyCallWhenAlone } from "./index";

const pop = generatePopulation({
  preset: "class",
  seed: "embedding",
  asOf: "2026-03-01",
  records: false,
});
const clock = () => "2026-03-31T18:00:00+08:00" as const;

async function app() {
  const db = createSchoolDb();
  const app = schoolLiushou(db, clock);
  await app.importEntities("mentors", pop.mentors);
  await app.importFiles(pop.files);
  return { app, db };
}

describe("embedding Liushou in a school system", () => {
  it("keeps the files in the school's own student table", async () => {
    const { db } = await app();
    expect(db.students.size).toBe(pop.files.length);
  });

  it("checks the county's own weekly policy beside the presets", async () => {
    const { app: liushou } = await app();
    const child = pop.files.find((f) => f.livingArrangement === "grandparents")!;
    await liushou.updateFile(child.id, (d) => void (d.livingArrangement = "alone"), {
      reason: "祖母住院，独自生活",
    });
    await liushou.recordContact({
      kind: "family-call",
      at: "2026-03-03T20:00:00+08:00",
      childIds: [child.id],
      initiator: "parent",
    });
    const period = { from: "2026-03-02", to: "2026-03-29" } as const;
    const report = await liushou.compliance({ period });
    const weekly = rollUpCompliance(report, {
      by: "county",
      policyIds: [weeklyCallWhenAlone.id],
    })[0]!;
    const alone = pop.files.filter((f) => f.livingArrangement === "alone").length + 1;
    expect(weekly).toMatchObject({ assessed: 4 * alone, met: 1 });
    expect(weekly.missed).toBeGreaterThan(0);
    const monthly = rollUpCompliance(report, {
      by: "county",
      policyIds: ["home-visit-monthly"],
    })[0]!;
    expect(monthly.assessed + monthly.due + monthly.overdue).toBeGreaterThan(0);
  });

  it("scores the school's own checklist and refuses answers out of range", async () => {
    expect.assertions(3);
    const { app: liushou } = await app();
    const childId = pop.files[0]!.id;
    const r = await liushou.assessChild({
      childId,
      checklistId: "school.wellbeing",
      informant: "teacher",
      responses: { sleep: 2, meals: 1, mood: 2 },
    });
    expect(r.score.scales.total?.value).toBe(5);
    expect(r.score.scales.total?.band?.id).toBe("watch");
    try {
      await liushou.assessChild({
        childId,
        checklistId: "school.wellbeing",
        informant: "teacher",
        responses: { sleep: 9 },
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
    }
  });

  it("builds its own report and renders it in its own format and in Markdown", async () => {
    const { app: liushou } = await app();
    const report = (await liushou.buildReport("boarding-note")) as Report;
    const text = await renderReport(plainTextFormat, report);
    expect(text.split("\n")[0]).toBe("留守儿童住校情况说明");
    expect(text).toContain(`在册学生 ${pop.files.length} 名`);
    const md = await renderReport(markdownRenderer, report);
    expect(md).toContain("# 留守儿童住校情况说明");
  });
});
