import { createRandom, streamContactRecords, type Random } from "@liushou/fixtures";
import {
  addDays,
  builtinChecklistRegistry,
  daysInMonth,
  type Activity,
  type Aid,
  type Answer,
  type CalendarDate,
  type ChecklistItem,
  type ChildFile,
  type Instant,
  type Liushou,
  type MicroWish,
  type Pairing,
  type SchoolClass,
  type StorageAdapter,
} from "liushou";
import type { Clock } from "./clock";
import { SEMESTER } from "./county";
import type { Say } from "./say";
import { storedValues } from "./stored";

/** What the semester added to storage. */
export interface SemesterStep {
  readonly contacts: number;
  readonly activities: number;
  readonly wishes: number;
  readonly aid: number;
  readonly assessments: number;
}

/** The last day of a month `YYYY-MM`. */
function lastDay(month: string): CalendarDate {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, mon)).padStart(2, "0")}` as CalendarDate;
}

/**
 * The school's own work each term: the weekly check of the record books (a week missed now
 * and then), the monthly appraisal of the mentors, and a Children's Day fair.
 */
function schoolWork(schoolIds: readonly string[], random: Random): Activity[] {
  const out: Activity[] = [];
  for (const schoolId of schoolIds) {
    for (let week = 0; week < 17; week++) {
      if (random.chance(0.12)) continue;
      out.push({
        id: `${schoolId}-check-${week}`,
        kind: "record-book-check",
        title: "帮扶记录册周检查",
        date: addDays("2026-03-06", 7 * week),
        schoolId,
        childIds: [],
        mentorIds: [],
      });
    }
    for (const date of ["2026-03-31", "2026-04-30", "2026-05-29"] as const) {
      out.push({
        id: `${schoolId}-appraisal-${date}`,
        kind: "teacher-appraisal",
        title: "帮扶教师月考核",
        date,
        schoolId,
        childIds: [],
        mentorIds: [],
      });
    }
    out.push({
      id: `${schoolId}-childrens-day`,
      kind: "festival",
      festival: "childrens-day",
      title: "六一游园会",
      date: "2026-06-01",
      schoolId,
      childIds: [],
      mentorIds: [],
    });
  }
  return out;
}

const WISHES = [
  ["一个新书包", 8_000],
  ["一套彩笔", 2_500],
  ["一本《西游记》", 3_000],
  ["一双运动鞋", 12_000],
  ["和妈妈视频一次", 0],
  ["一本字典", 3_500],
] as const;
const STATUSES = ["submitted", "approved", "claimed", "fulfilled", "thanked"] as const;

/** Micro-wishes of the key cases (微心愿), at various stages, and the term's aid by school. */
function wishesAndAid(keyCases: readonly ChildFile[], random: Random) {
  const wishes: MicroWish[] = keyCases.map((f, i) => {
    const [title, costFen] = WISHES[i % WISHES.length]!;
    const status = STATUSES[random.int(0, STATUSES.length - 1)]!;
    const at = `2026-0${random.int(3, 6)}-1${random.int(0, 9)}T10:00:00+08:00` as Instant;
    return {
      id: `wish-${f.id}`,
      childId: f.id,
      title,
      ...(costFen > 0 ? { costFen } : {}),
      status,
      ...(status === "submitted" || status === "approved"
        ? {}
        : { donor: { name: `爱心企业${(i % 7) + 1}`, kind: "company" as const } }),
      history: [{ status, at }],
    };
  });
  const bySchool = new Map<string, string[]>();
  for (const f of keyCases) {
    const school = f.child.schoolId;
    if (school !== undefined) bySchool.set(school, [...(bySchool.get(school) ?? []), f.id]);
  }
  const aid: Aid[] = [...bySchool].flatMap(([schoolId, childIds]) => [
    {
      id: `${schoolId}-books`,
      kind: "donation",
      form: "goods",
      goods: [{ item: "书包和图书", quantity: childIds.length, valueFen: childIds.length * 6_000 }],
      donor: { name: "县爱心协会", kind: "organisation" },
      date: "2026-03-15",
      childIds,
      schoolId,
    },
    {
      id: `${schoolId}-subsidy`,
      kind: "subsidy",
      form: "money",
      amountFen: childIds.length * 62_500,
      goods: [],
      date: "2026-04-01",
      childIds,
      schoolId,
    },
  ]);
  return { wishes, aid };
}

/** An answer to a checklist item: mostly unremarkable, now and then a need. */
function answer(item: ChecklistItem, random: Random): Answer | undefined {
  switch (item.kind) {
    case "yes-no":
      return random.chance(0.2);
    case "likert":
      return random.chance(0.7) ? item.min : random.int(item.min, item.max);
    case "single-choice":
      return random.pick(item.options).value;
    case "multiple-choice":
      return [random.pick(item.options).value];
    case "number":
      return item.min ?? 0;
    default:
      return undefined;
  }
}

/** Answers to every item of a checklist, as a mentor fills it in on a home visit. */
function answers(items: readonly ChecklistItem[], random: Random): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const item of items) {
    const a = answer(item, random);
    if (a !== undefined) out[item.id] = a;
  }
  return out;
}

/**
 * Plays the spring term, month by month, through the use cases: each month's visits, calls and
 * talks (as the mentors' record books give them, from the pairings now in force) are entered
 * in one batch at the month's end; the key cases get a home visit with a needs assessment, which
 * may change their risk level; the schools' own work, the micro-wishes and the aid are entered.
 * The clock moves with the term.
 * @param app - The use cases.
 * @param clock - The demo's clock.
 * @param seed - The county's seed.
 * @param say - Where the story goes.
 */
export async function playSemester(
  app: Liushou,
  clock: Clock,
  seed: string,
  say: Say,
): Promise<SemesterStep> {
  const storage: StorageAdapter = app.storage;
  const files = await storedValues(storage.files.stream({}));
  const source = {
    seed,
    files,
    mentors: await storedValues(storage.mentors.stream({})),
    pairings: await storedValues<Pairing>(storage.pairings.stream({})),
    classes: await storedValues<SchoolClass>(storage.classes.stream({})),
  };
  const random = createRandom(seed, 20260302);
  let contacts = 0;
  for (const month of SEMESTER.months) {
    const to = lastDay(month);
    clock.set(`${to}T18:00:00+08:00`);
    const records = [...streamContactRecords(source, { from: `${month}-01` as CalendarDate, to })];
    const result = await app.importEntities("contacts", records, {
      reason: say.t(`${month} 走访记录录入`, `contact records of ${month}`),
    });
    contacts += result.created + result.updated;
    say.line(
      say.t(
        `${month}：录入走访、电话、谈心等记录 ${records.length} 条`,
        `${month}: ${records.length} visits, calls and talks recorded`,
      ),
    );
  }

  const keyCases = files.filter((f) => f.keyCase);
  const needs = builtinChecklistRegistry().latest("liushou.needs")?.items ?? [];
  const mentorOf = new Map<string, string>();
  for (const r of await storedValues<Pairing>(storage.pairings.stream({ activeOn: SEMESTER.asOf })))
    mentorOf.set(r.childId, r.mentorId);
  let assessments = 0;
  let raised = 0;
  for (const [i, file] of keyCases.entries()) {
    const at = `2026-05-${String(6 + (i % 20)).padStart(2, "0")}T16:00:00+08:00` as Instant;
    clock.set(at);
    const mentorId = mentorOf.get(file.id);
    await app.recordContact({
      kind: "home-visit",
      at,
      childIds: [file.id],
      ...(mentorId === undefined ? {} : { mentorId }),
      summary: "重点对象家访，填写需求评估表",
    });
    const result = await app.assessChild({
      childId: file.id,
      checklistId: "liushou.needs",
      informant: "teacher",
      responses: answers(needs, random),
      ...(mentorId === undefined ? {} : { assessorId: mentorId }),
    });
    assessments++;
    if (result.file.value.riskLevel !== file.riskLevel) raised++;
  }
  say.line(
    say.t(
      `重点对象 ${keyCases.length} 名：家访并填写需求评估表，${raised} 名风险等级随之改变并记入档案历史。`,
      `${keyCases.length} key cases visited at home and assessed; ${raised} changed risk level, recorded in their file history.`,
    ),
  );

  clock.set(`${SEMESTER.asOf}T17:00:00+08:00`);
  const schoolIds = [...new Set(files.map((f) => f.child.schoolId).filter((s) => s !== undefined))];
  const activities = schoolWork(schoolIds, random);
  await app.importEntities("activities", activities);
  const { wishes, aid } = wishesAndAid(keyCases, random);
  await app.importEntities("wishes", wishes);
  await app.importEntities("aid", aid);
  say.line(
    say.t(
      `学校工作：记录册周检查、教师月考核、六一活动共 ${activities.length} 项；微心愿 ${wishes.length} 个，资助 ${aid.length} 笔。`,
      `School work: ${activities.length} record-book checks, mentor appraisals and Children's Day fairs; ${wishes.length} micro-wishes, ${aid.length} aid entries.`,
    ),
  );
  return {
    contacts: contacts + keyCases.length,
    activities: activities.length,
    wishes: wishes.length,
    aid: aid.length,
    assessments,
  };
}
