import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { ChildFileSchema, type ChildFile } from "../model";
import { thrown } from "../_lib/throws.test-helper";
import { hasCountedShape } from "./_files";
import { leftBehindStatistics } from "./statistics";
import { statisticsTable } from "./table";

/**
 * The fast path of the counters takes a file in validated shape as it is (`hasCountedShape`) and
 * sends anything else through full validation. These tests break one field at a time: a file the
 * fast path wrongly accepted would be counted instead of rejected, and one it wrongly refused
 * would cost a full validation.
 */
const valid: ChildFile = ChildFileSchema.parse({
  id: "k1",
  child: {
    name: "学生",
    gender: "female",
    birthDate: "2014-09-01",
    regionCode: "430626001001",
    grade: 5,
    schoolId: "s1",
    classId: "c1",
    boarding: true,
    schooling: { status: "enrolled", since: "2020-09-01" },
  },
  openedOn: "2024-03-01",
  livingArrangement: "grandparents",
  guardians: [{ id: "g1", name: "奶奶", relation: "grandmother", primary: true }],
  parents: [
    {
      id: "f1",
      role: "father",
      name: "父",
      awayPeriods: [{ from: "2024-02-20", to: "2027-01-01", city: "长沙" }],
    },
    { id: "m1", role: "mother", name: "母", awayPeriods: [{ from: "2024-02-20", city: "长沙" }] },
  ],
});

type Edit = (f: Record<string, any>) => void;
const child: (e: Edit) => Edit = (e) => (f) => e(f["child"]);
const father: (e: Edit) => Edit = (e) => (f) => e(f["parents"][0]);
const away: (e: Edit) => Edit = (e) => (f) => e(f["parents"][0]["awayPeriods"][0]);

/** One broken field each, with the path full validation names. */
const broken: [string, Edit][] = [
  ["id", (f) => (f["id"] = "")],
  ["id", (f) => (f["id"] = "x".repeat(65))],
  ["livingArrangement", (f) => (f["livingArrangement"] = "street")],
  ["child", (f) => (f["child"] = null)],
  ["child.birthDate", child((c) => (c["birthDate"] = "2014-02-30"))],
  ["child.grade", child((c) => (c["grade"] = 0))],
  ["child.grade", child((c) => (c["grade"] = 13))],
  ["child.grade", child((c) => (c["grade"] = 4.5))],
  ["child.schoolId", child((c) => (c["schoolId"] = ""))],
  ["child.schoolId", child((c) => (c["schoolId"] = "s".repeat(65)))],
  ["child.classId", child((c) => (c["classId"] = "c".repeat(65)))],
  ["child.classId", child((c) => (c["classId"] = ["c1"]))],
  ["child.regionCode", child((c) => (c["regionCode"] = "4306"))],
  ["child.boarding", child((c) => (c["boarding"] = "yes"))],
  ["child.schooling", child((c) => (c["schooling"] = null))],
  ["child.schooling.status", child((c) => (c["schooling"] = { status: "away" }))],
  [
    "child.schooling.since",
    child((c) => (c["schooling"] = { status: "transferred", since: "2020-13-01" })),
  ],
  ["openedOn", (f) => (f["openedOn"] = "2024-02-30")],
  ["guardians", (f) => (f["guardians"] = "奶奶")],
  ["guardians[0]", (f) => (f["guardians"] = [null])],
  ["guardians[0].primary", (f) => (f["guardians"][0]["primary"] = "yes")],
  ["parents", (f) => (f["parents"] = "父母")],
  ["parents", (f) => f["parents"].push({ ...f["parents"][0], id: "x1", role: "mother" })],
  ["parents[0]", (f) => (f["parents"][0] = null)],
  ["parents[0].role", father((p) => (p["role"] = "uncle"))],
  ["parents[0].deceased", father((p) => (p["deceased"] = "no"))],
  ["parents[0].guardianshipCapacity", father((p) => (p["guardianshipCapacity"] = "some"))],
  ["parents[0].awayPeriods", father((p) => (p["awayPeriods"] = "长沙"))],
  ["parents[0].awayPeriods[0]", father((p) => (p["awayPeriods"] = [null]))],
  ["parents[0].awayPeriods[0].from", away((a) => (a["from"] = "2024-02-30"))],
  ["parents[0].awayPeriods[0].to", away((a) => (a["to"] = "2024-13-01"))],
  ["parents[0].awayPeriods[0]", away((a) => (a["to"] = "2024-02-19"))],
  ["parents", (f) => (f["parents"][1]["role"] = "father")],
];

function edited(edit: Edit): ChildFile {
  const f = structuredClone(valid) as unknown as Record<string, any>;
  edit(f);
  return f as unknown as ChildFile;
}

describe("counting: files outside the validated shape go through full validation", () => {
  const asOf = "2026-09-01";

  it("counts the valid file on the fast path and under full validation alike", () => {
    const fast = leftBehindStatistics([valid], { asOf, groupBy: "grade" });
    expect(fast.total).toMatchObject({ totalPupils: 1, leftBehind: 1, boarding: 1 });
    expect(leftBehindStatistics([valid], { asOf, groupBy: "grade", validation: "full" })).toEqual(
      fast,
    );
  });

  it("takes a file in validated shape as it is, and not one that only full validation can mend", () => {
    expect(hasCountedShape(valid)).toBe(true);
    // full validation accepts these and fills in or converts the field; the fast path may not
    expect(hasCountedShape(edited((f) => (f["id"] = 7)))).toBe(false);
    expect(hasCountedShape(edited(child((c) => delete c["boarding"])))).toBe(false);
    expect(hasCountedShape(edited(child((c) => delete c["schooling"])))).toBe(false);
    expect(hasCountedShape(edited((f) => delete f["guardians"]))).toBe(false);
    expect(hasCountedShape(edited((f) => delete f["parents"]))).toBe(false);
    expect(hasCountedShape(edited(father((p) => delete p["deceased"])))).toBe(false);
    expect(hasCountedShape(edited(father((p) => delete p["guardianshipCapacity"])))).toBe(false);
    expect(hasCountedShape(edited(father((p) => delete p["awayPeriods"])))).toBe(false);
    expect(hasCountedShape(edited((f) => (f["guardians"][0]["primary"] = undefined)))).toBe(false);
    for (const x of [null, undefined, "k1", 7, []]) expect(hasCountedShape(x)).toBe(false);
  });

  it.each(broken.map(([path, edit], i) => [i, path, edit] as const))(
    "rejects broken field %i (%s) with a ValidationError, in the counters and the table",
    (_, path, edit) => {
      const bad = edited(edit);
      expect(hasCountedShape(bad)).toBe(false);
      for (const count of [
        () => leftBehindStatistics([valid, bad], { asOf }),
        () => statisticsTable([valid, bad], { asOf }),
      ]) {
        const e = thrown(count);
        expect(e).toBeInstanceOf(ValidationError);
        const paths = (e as ValidationError).issues.map((i) => i.path);
        expect(paths.some((p) => p.startsWith(`files[1].${path}`))).toBe(true);
      }
    },
  );

  it("names the list and the file in the error, in both languages", () => {
    const e = thrown(() => leftBehindStatistics([valid, edited((f) => (f["id"] = ""))], { asOf }));
    expect((e as ValidationError).messages["zh-CN"]).toMatch(/^儿童档案列表/);
    expect((e as ValidationError).messages.en).toMatch(/^Invalid child files/);
    const twice = thrown(() => leftBehindStatistics([valid, valid], { asOf }));
    expect((twice as ValidationError).messages["zh-CN"]).toContain("儿童档案");
    expect((twice as ValidationError).messages.en).toContain("child file ");
    expect(thrown(() => statisticsTable([], null as never))).toMatchObject({
      issues: [{ path: "options" }],
    });
  });

  it("accepts every limit itself: ids of 1 and 64 characters, grades 1 and 12, a one-day absence", () => {
    const edges: Edit[] = [
      (f) => (f["id"] = "k"),
      (f) => (f["id"] = "k".repeat(64)),
      child((c) => (c["grade"] = 1)),
      child((c) => (c["grade"] = 12)),
      child((c) => (c["schoolId"] = "s".repeat(64))),
      child((c) => (c["classId"] = "c")),
      away((a) => (a["to"] = a["from"])),
      away((a) => delete a["to"]),
      (f) => delete f["openedOn"],
      (f) => (f["parents"] = [f["parents"][1]]),
      (f) => (f["parents"] = []),
      (f) => (f["guardians"] = []),
      child((c) => delete c["grade"]),
      child((c) => delete c["schoolId"]),
      child((c) => delete c["schooling"]["since"]),
    ];
    for (const edit of edges) {
      const f = edited(edit);
      expect(hasCountedShape(f)).toBe(true);
      const s = leftBehindStatistics([f], { asOf, groupBy: "grade" });
      expect(s.total.totalPupils).toBe(1);
      expect(leftBehindStatistics([f], { asOf, groupBy: "grade", validation: "full" })).toEqual(s);
    }
  });
});
