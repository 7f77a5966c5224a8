import { generatePopulation } from "@liushou/fixtures";
import {
  MicroWishSchema,
  WishStatusSchema,
  addDays,
  type CalendarDate,
  type Liushou,
} from "liushou";

/** What was seeded: the school and its counts. */
export interface SeededSchool {
  readonly schoolId: string;
  readonly schoolName: string;
  readonly children: number;
}

const WISHES = [
  "一个新书包",
  "一套彩笔",
  "一本《西游记》",
  "一双运动鞋",
  "和妈妈视频一次",
  "一个篮球",
];

/**
 * Seeds a synthetic school (one class of `@liushou/fixtures`, seed `school-portal`) into the
 * storage behind `app`: files, schools, classes, mentors, pairings, a term of visit records up
 * to `asOf` and a few micro-wishes. Every name and number is generated; no real child.
 * @param app - Liushou over the portal's storage.
 * @param asOf - The day the data describes (the portal's today).
 * @returns The school.
 */
export async function seedSchool(app: Liushou, asOf: CalendarDate): Promise<SeededSchool> {
  const pop = generatePopulation({
    preset: "class",
    seed: "school-portal",
    asOf,
    records: { to: asOf },
  });
  // Leave the last weeks unvisited so the work list has overdue visits to show.
  const cutoff = addDays(asOf, -40);
  await app.importEntities("schools", pop.schools);
  await app.importEntities("classes", pop.classes);
  await app.importFiles(pop.files);
  await app.importEntities("mentors", pop.mentors);
  await app.importEntities("pairings", pop.pairings);
  await app.importEntities(
    "contacts",
    pop.records.filter((r) => r.at.slice(0, 10) < cutoff),
  );
  const statuses = WishStatusSchema.options;
  await app.importEntities(
    "wishes",
    pop.files.slice(0, WISHES.length).map((f, i) =>
      MicroWishSchema.parse({
        id: `wish-${i + 1}`,
        childId: f.id,
        title: WISHES[i],
        costFen: [8000, 2500, 3000, 12000, 0, 6000][i],
        status: statuses[i % statuses.length],
        ...(i % statuses.length >= 2 && i % statuses.length <= 4
          ? { donor: { name: `爱心企业${i + 1}`, kind: "company" } }
          : {}),
        history: [{ status: statuses[i % statuses.length], at: `${cutoff}T10:00:00+08:00` }],
      }),
    ),
  );
  const school = pop.schools[0]!;
  return { schoolId: school.id, schoolName: school.name, children: pop.files.length };
}
