/**
 * The boundary rule, held for the functions a host calls with its own data: they accept input
 * types (`z.input`: plain strings or `Date`s for dates, numbers for ids, defaults optional) and
 * return output types (ids and dates as strings, defaults applied); `asOf` is {@link AsOf}
 * everywhere. Each call below must compile without a cast.
 */
import { expectTypeOf, test } from "vitest";
import {
  addProgress,
  assessRisk,
  checkLegalDuties,
  classifyLeftBehind,
  completenessReport,
  evaluateCompliance,
  fileAsOf,
  fileCompleteness,
  hasCapableCare,
  lateItems,
  leftBehindChanges,
  leftBehindStatistics,
  mentorWorkload,
  nextDue,
  planPairings,
  POLICY_PRESETS,
  prepareComplianceData,
  scoreChecklist,
  NEEDS_CHECKLIST,
  statisticsTable,
  summarizeAssistancePlan,
  TEACHER_PAIRING_PRESET,
  toCalendarDate,
  toId,
  toInstant,
  transitionWish,
  updateChildFile,
  type AsOf,
  type AssessmentInput,
  type AssistancePlan,
  type ChildFile,
  type ChildFileInput,
  type ClassifyOptions,
  type ContactRecordInput,
  type CountingScope,
  type LegalCheckOptions,
  type AssessRiskOptions,
  type ComplianceInput,
  type MentorInput,
  type MicroWishInput,
  type NextDueInput,
  type Pairing,
  type PairingInput,
  type PlanPairingsInput,
  type WorkloadInput,
} from "./index";

// Rows as a database driver returns them: numeric ids, Date columns, strings from a request.
const fromRequest: string = "2026-04-10";
const file: ChildFileInput = {
  id: 1001,
  child: {
    name: "王小明",
    gender: "male",
    birthDate: new Date(),
    regionCode: "430102001001",
    schoolId: 7,
  },
  livingArrangement: "grandparents",
  parents: [
    { id: 6001, role: "father", name: "王大山", awayPeriods: [{ from: new Date(), city: "深圳" }] },
  ],
};
const mentor: MentorInput = { id: 201, kind: "class-teacher", name: "周老师", classIds: [301] };
const pairing: PairingInput = {
  id: 1,
  childId: 1001,
  mentorId: 201,
  role: "mentor",
  start: new Date(),
};
const record: ContactRecordInput = {
  id: "9000",
  kind: "home-visit",
  at: new Date(),
  childIds: [1001],
};
const assessment: AssessmentInput = {
  id: 1,
  childId: 1001,
  checklistId: "liushou.needs",
  checklistVersion: "1.0.0",
  takenAt: "2026-03-01T09:00:00+08:00",
  informant: "teacher",
  responses: {},
};
declare const plan: AssistancePlan;
declare const wish: MicroWishInput;

test("asOf is one type everywhere: a string from a request, an instant or a Date", () => {
  expectTypeOf<ClassifyOptions["asOf"]>().toEqualTypeOf<AsOf>();
  expectTypeOf<CountingScope["asOf"]>().toEqualTypeOf<AsOf>();
  expectTypeOf<PlanPairingsInput["asOf"]>().toEqualTypeOf<AsOf>();
  expectTypeOf<ComplianceInput["asOf"]>().toEqualTypeOf<AsOf>();
  expectTypeOf<NextDueInput["asOf"]>().toEqualTypeOf<AsOf>();
  expectTypeOf<LegalCheckOptions["asOf"]>().toEqualTypeOf<AsOf>();
  expectTypeOf<AssessRiskOptions["asOf"]>().toEqualTypeOf<AsOf>();
  expectTypeOf<NonNullable<WorkloadInput["asOf"]>>().toEqualTypeOf<AsOf>();
  expectTypeOf<Parameters<typeof lateItems>[1]>().toEqualTypeOf<AsOf>();
  expectTypeOf<Parameters<typeof summarizeAssistancePlan>[1]>().toEqualTypeOf<AsOf>();
  expectTypeOf<Parameters<typeof hasCapableCare>[1]>().toEqualTypeOf<AsOf>();
  expectTypeOf<Parameters<typeof fileAsOf>[2]>().toEqualTypeOf<AsOf>();
});

test("every function takes input types and returns output types", () => {
  expectTypeOf(classifyLeftBehind(file, { asOf: fromRequest }).asOf).toEqualTypeOf<string>();
  leftBehindChanges(file, { from: fromRequest, to: fromRequest });
  leftBehindStatistics([file], { asOf: new Date() });
  statisticsTable([file], { asOf: fromRequest });
  fileCompleteness(file, { asOf: fromRequest });
  completenessReport([file], { asOf: fromRequest });
  const planned = planPairings({
    children: [file],
    mentors: [mentor],
    existing: [pairing],
    rules: TEACHER_PAIRING_PRESET,
    asOf: fromRequest,
  });
  expectTypeOf(planned.pairs[0]!.pairing).toEqualTypeOf<Pairing>();
  expectTypeOf(planned.pairs[0]!.pairing.childId).toEqualTypeOf<string>();
  const lists = { children: [file], mentors: [mentor], pairings: [pairing], records: [record] };
  evaluateCompliance({
    ...lists,
    policies: [POLICY_PRESETS.homeVisitMonthly],
    period: { from: fromRequest, to: fromRequest },
    asOf: fromRequest,
  });
  evaluateCompliance({
    data: prepareComplianceData(lists),
    policies: [POLICY_PRESETS.homeVisitMonthly],
    period: { from: fromRequest, to: fromRequest },
    asOf: new Date(),
  });
  mentorWorkload({
    policies: [POLICY_PRESETS.homeVisitMonthly],
    pairings: [pairing],
    mentors: [mentor],
    asOf: new Date(),
  });
  checkLegalDuties(file, { asOf: new Date(), records: [record] });
  assessRisk(file, { asOf: fromRequest, assessments: [assessment] });
  scoreChecklist(NEEDS_CHECKLIST, assessment);
  expectTypeOf(
    updateChildFile(file, (d) => void d, { actor: 1, at: new Date(), reason: "父亲返乡" }).file,
  ).toEqualTypeOf<ChildFile>();
  lateItems(plan, fromRequest);
  addProgress(plan, "domain:study", { on: new Date(), note: "家访一次", by: 201 });
  transitionWish(wish, "approved", { at: new Date(), actorId: 201 });
});

test("nextDue takes the list form, as the policies guide writes it", () => {
  const input = {
    policies: [POLICY_PRESETS.homeVisitMonthly],
    children: [file],
    mentors: [mentor],
    pairings: [pairing],
    records: [record],
  };
  nextDue({ ...input, asOf: fromRequest, subject: { childId: "1001" } });
  nextDue({ ...input, asOf: new Date(), subject: { mentorId: "201" }, horizonDays: 30 });
});

test("the mapping helpers take what a driver returns", () => {
  expectTypeOf(toCalendarDate).parameter(0).toEqualTypeOf<Date | string>();
  expectTypeOf(toInstant).parameter(0).toEqualTypeOf<Date | string>();
  expectTypeOf(toId).parameter(0).toEqualTypeOf<string | number | bigint>();
  expectTypeOf(toId(1)).toEqualTypeOf<string>();
});
