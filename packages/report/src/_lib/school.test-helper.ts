import {
  ActivitySchema,
  AidSchema,
  MicroWishSchema,
  type Activity,
  type Aid,
  type MicroWish,
  type WishStatus,
  WishStatusSchema,
} from "@liushou/core";
import { generatePopulation, type Population } from "@liushou/fixtures";
import type { CareData } from "../care/scope";

/** The fixed dates of the golden reports: the spring term of 2026. */
export const TERM = { from: "2026-02-20", to: "2026-06-30" } as const;
export const AS_OF = "2026-06-30";
export const GENERATED_AT = "2026-07-01T09:00:00+08:00";

const STATUSES: readonly WishStatus[] = WishStatusSchema.options;

/** Micro-wishes, aid and activities for a population: synthetic, fixed, derived from its ids. */
function extras(pop: Population): { wishes: MicroWish[]; aid: Aid[]; activities: Activity[] } {
  const school = pop.schools[0]!.id;
  const kids = pop.files.slice(0, 8);
  const wishes = kids.map((f, i) =>
    MicroWishSchema.parse({
      id: `w${i + 1}`,
      childId: f.id,
      title: [
        "一个新书包",
        "一套彩笔",
        "一本《西游记》",
        "一双运动鞋",
        "和妈妈视频一次",
        "一个篮球",
        "一本字典",
        "一盒积木",
      ][i],
      costFen: [8000, 2500, 3000, 12000, 0, 6000, 3500, 9000][i],
      status: STATUSES[i % STATUSES.length],
      ...(i % STATUSES.length >= 2 && i % STATUSES.length <= 4
        ? { donor: { name: `爱心企业${i + 1}`, kind: i % 2 ? "company" : "person" } }
        : {}),
      history: [
        { status: STATUSES[i % STATUSES.length], at: `2026-0${3 + (i % 4)}-1${i}T10:00:00+08:00` },
      ],
    }),
  );
  const aid = [
    AidSchema.parse({
      id: "a1",
      kind: "donation",
      form: "goods",
      goods: [
        { item: "书包", quantity: 10, valueFen: 80000 },
        { item: "图书", quantity: 24, valueFen: 72000 },
      ],
      donor: { name: "县爱心协会", kind: "organisation" },
      date: "2026-03-15",
      childIds: kids.slice(0, 5).map((f) => f.id),
      schoolId: school,
    }),
    AidSchema.parse({
      id: "a2",
      kind: "subsidy",
      form: "money",
      amountFen: 125000,
      date: "2026-04-01",
      childIds: kids.slice(2, 4).map((f) => f.id),
      schoolId: school,
      notes: "=两免一补",
    }),
    AidSchema.parse({
      id: "a3",
      kind: "hardship-relief",
      form: "money",
      amountFen: 50000,
      date: "2026-01-10",
      childIds: [kids[0]!.id],
      schoolId: school,
    }),
  ];
  const activities = [
    ActivitySchema.parse({
      id: "act1",
      kind: "festival",
      festival: "childrens-day",
      title: "六一游园会",
      date: "2026-06-01",
      schoolId: school,
      childIds: kids.map((f) => f.id),
    }),
    ActivitySchema.parse({
      id: "act2",
      kind: "theme-class-meeting",
      title: "“爸爸妈妈我想对你说”主题班会",
      date: "2026-04-20",
      schoolId: school,
    }),
    ActivitySchema.parse({
      id: "act3",
      kind: "mental-health-lesson",
      title: "心理健康课：认识我的情绪",
      date: "2026-05-12",
      schoolId: school,
    }),
  ];
  return { wishes, aid, activities };
}

/** A synthetic school with a term of records, micro-wishes, aid and activities. */
export function syntheticSchool(
  seed = "report-golden",
  preset: "class" | "township" = "class",
): Population & Required<Pick<CareData, "wishes" | "aid" | "activities">> {
  const pop = generatePopulation({ preset, seed, asOf: AS_OF, records: TERM });
  return { ...pop, ...extras(pop) };
}
