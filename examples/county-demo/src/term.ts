import {
  appraiseSchool,
  censusStatus,
  checkOrganisation,
  CENSUS_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  type CalendarDate,
  type ComplianceReport,
  type Liushou,
  type Mentor,
} from "liushou";
import { SEMESTER } from "./county";
import { pct, type Say } from "./say";
import { storedValues } from "./stored";

/**
 * The census at the term's start (开学初摸底), synthetic: most children verified in the first
 * weeks with a village cadre, a few without one, one in nine not at all.
 */
function censusRecords(childIds: readonly string[]) {
  return childIds.flatMap((id, i) =>
    i % 9 === 8
      ? []
      : [
          {
            id: `census-${id}`,
            childId: id,
            verifiedOn: `2026-03-${String(3 + (i % 20)).padStart(2, "0")}` as CalendarDate,
            takers:
              i % 7 === 6
                ? ["class-teacher" as const]
                : ["class-teacher" as const, "village-cadre" as const],
          },
        ],
  );
}

/** The school's organisation: the principal heads it, every class teacher for their classes. */
function organisationOf(schoolId: string, mentors: readonly Mentor[], classIds: readonly string[]) {
  const teachers = mentors.filter((m) => m.kind === "class-teacher" && m.schoolId === schoolId);
  return checkOrganisation(
    {
      schoolId,
      head: "principal",
      members: [
        { personId: "principal", role: "principal" },
        { personId: "deputy", role: "deputy-principal" },
        ...teachers.map((m) => ({
          personId: m.id,
          role: "class-teacher" as const,
          classIds: m.classIds,
        })),
      ],
    },
    classIds,
  );
}

/**
 * The work of the term for the first school: the census at the term's start, enrolment and
 * retention, the school's own weekly checks and monthly appraisals (`supervision.compliance`,
 * the same use case under the supervision policies), its organisation, and its appraisal
 * line by line.
 * @param supervision - The use cases configured with `SUPERVISION_PRESETS`.
 * @param visits - The term's visit compliance.
 * @param say - Where the story goes.
 */
export async function appraiseFirstSchool(
  supervision: Liushou,
  visits: ComplianceReport,
  say: Say,
): Promise<void> {
  const asOf = SEMESTER.asOf;
  say.heading("开学初摸底与学校考评", "The census at the term's start and the school's appraisal");
  const school = (await supervision.storage.schools.query({}, { limit: 1 })).items[0]!.value;
  const scope = { schoolId: school.id };
  // Classified by the library on the stored files; the app reads them only masked.
  const leftBehind = (
    await supervision.assessRisks({ asOf, scope, definition: "school", leftBehindOnly: true })
  ).map((r) => r.childId);
  const census = censusStatus({
    childIds: leftBehind,
    records: censusRecords(leftBehind),
    policy: CENSUS_PRESETS.termStart,
    calendar: EXAMPLE_CALENDAR_2025_26,
    asOf,
  });
  say.line(
    say.t(
      `${school.name}，${say.l(census.round.label)}开学初摸底（班主任联系村委干部，${census.round.deadline} 前）：已核实 ${census.verified}，逾期 ${census.overdue}，核实率 ${pct(census.rate)}`,
      `${school.name}, census of ${say.l(census.round.label)} (class teacher with village cadres, by ${census.round.deadline}): verified ${census.verified}, overdue ${census.overdue}, rate ${pct(census.rate)}`,
    ),
  );
  const late = census.rows.find((r) => r.state === "overdue");
  if (late)
    say.line(
      say.t(
        `  例：${late.childId} 上次核实 ${late.lastVerifiedOn ?? "从未"}`,
        `  e.g. ${late.childId} last verified ${late.lastVerifiedOn ?? "never"}`,
      ),
    );
  const enrolment = await supervision.enrolment({ from: "2025-09-01", asOf, scope });
  say.line(
    say.t(
      `入学率 ${pct(enrolment.enrolmentRate)}，巩固率 ${pct(enrolment.retentionRate)}，本学年辍学 ${enrolment.dropouts.length} 人`,
      `Enrolment ${pct(enrolment.enrolmentRate)}, retention ${pct(enrolment.retentionRate)}, dropouts this school year: ${enrolment.dropouts.length}`,
    ),
  );
  const supervised = await supervision.compliance({
    period: { from: SEMESTER.period.from, to: asOf },
    asOf,
    scope: { schoolId: school.id },
  });
  const files = await storedValues(supervision.storage.files.stream(scope));
  const classIds = [...new Set(files.map((f) => f.child.classId).filter((k) => k !== undefined))];
  const mentors = await storedValues(supervision.storage.mentors.stream({ schoolId: school.id }));
  const organisation = organisationOf(school.id, mentors, classIds);
  for (const f of organisation) say.line(`  - ${say.l(f.message)}`);
  const appraisal = appraiseSchool({
    schoolId: school.id,
    completeness: await supervision.completeness({
      asOf,
      scope,
      definition: "school",
      groupBy: "school",
      details: false,
    }),
    census,
    visits,
    supervision: supervised,
    enrolment,
    organisation,
  });
  say.line(
    say.t(
      `${school.name} 考评：${appraisal.score ?? "—"} 分（${appraisal.band ? say.l(appraisal.band.label) : "—"}）`,
      `Appraisal of ${school.name}: ${appraisal.score ?? "—"} points (${appraisal.band ? say.l(appraisal.band.label) : "—"})`,
    ),
  );
  say.table(
    [
      say.t("项目", "criterion"),
      say.t("权重", "weight"),
      say.t("实测", "measured"),
      say.t("得分", "points"),
    ],
    appraisal.lines.map((line) => [
      say.l(line.name),
      String(line.weight),
      pct(line.value),
      line.points === null ? "—" : line.points.toFixed(1),
    ]),
  );
}
