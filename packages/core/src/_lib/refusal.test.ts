import { describe, expect, it } from "vitest";
import { ScopeSchema } from "../access/actor";
import { enrolmentStatistics } from "../census/enrolment";
import { leftBehindChanges } from "../classification/classify";
import { ValidationError } from "../errors";
import { validate } from "../errors/validate";
import { OCCASION_PRESETS } from "../occasions/presets";
import { OccasionPolicySchema } from "../occasions/schema";
import { SchoolOrganisationSchema } from "../organisation/organisation";
import { PairingCapacitySchema } from "../pairing/rules";
import { refusal } from "./refusal";
import { pupil } from "./pupil.test-helper";
import { thrown } from "./throws.test-helper";

/** `[path, zh-CN, en]` of every issue of a refused call. */
function issues(call: () => unknown): [string, string, string][] {
  const error = thrown(call);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => [i.path, i.message["zh-CN"], i.message.en]);
}

/** The one issue of a refused call, which must carry both texts. */
function only(call: () => unknown, zh: string, en: string, path: string): void {
  const [issue, ...rest] = issues(call);
  expect(rest).toEqual([]);
  expect(issue![0]).toBe(path);
  expect(issue![1]).toContain(zh);
  expect(issue![1]).not.toContain(en);
  expect(issue![2]).toContain(en);
}

describe("refusal", () => {
  it("gives zod the English text and Liushou both", () => {
    expect(refusal("错", "wrong", ["to"])).toEqual({
      message: "wrong",
      params: { text: { "zh-CN": "错", en: "wrong" } },
      path: ["to"],
    });
    expect(refusal("错", "wrong")).not.toHaveProperty("path");
  });
});

/** Every cross-field refusal of core's schemas reads in Chinese as well as English. */
describe("cross-field refusals in both languages", () => {
  const occasion = OCCASION_PRESETS.themeClassMeetingPerTerm;

  it("a pairing capacity whose minimum exceeds its maximum", () => {
    only(
      () => validate(PairingCapacitySchema, { min: 3, max: 2 }),
      "最少人数不能多于最多人数",
      "min must not exceed max",
      "min",
    );
    expect(PairingCapacitySchema.parse({ min: 2, max: 2 })).toEqual({ min: 2, max: 2 });
  });

  it("an enrolment period that starts after its date", () => {
    only(
      () => enrolmentStatistics({ files: [], from: "2026-09-02", asOf: "2026-09-01" }),
      "起始日期不能晚于统计日期",
      "from must not be after asOf",
      "from",
    );
    expect(
      enrolmentStatistics({ files: [], from: "2026-09-01", asOf: "2026-09-01" }).enrolled,
    ).toBe(0);
  });

  it("a span of classification changes that ends before it starts", () => {
    only(
      () => leftBehindChanges(pupil("c1"), { from: "2026-03-02", to: "2026-03-01" }),
      "开始日期不能晚于结束日期",
      "from must not be after to",
      "to",
    );
  });

  it("township and county scopes with a code of the wrong length", () => {
    only(
      () => validate(ScopeSchema, { level: "township", regionCode: "110101" }),
      "乡镇区划代码应为 9 位",
      "a township code has 9 digits",
      "regionCode",
    );
    only(
      () => validate(ScopeSchema, { level: "county", regionCode: "110101001" }),
      "县级区划代码应为 6 位",
      "a county code has 6 digits",
      "regionCode",
    );
  });

  it("a leading group whose head is not a member", () => {
    only(
      () =>
        validate(SchoolOrganisationSchema, {
          schoolId: "s1",
          members: [{ personId: "p1", role: "principal" }],
          head: "p2",
        }),
      "组长应为成员之一",
      "head must be one of the members",
      "head",
    );
  });

  it("an occasion that counts nothing, or uses a field of another level", () => {
    const noCounts = { ...occasion, counts: { ...occasion.counts, activityKinds: [] } };
    only(
      () => validate(OccasionPolicySchema, noCounts),
      "counts 未指定任何要计数的内容",
      "counts names nothing to count",
      "counts",
    );
    only(
      () =>
        validate(OccasionPolicySchema, {
          ...occasion,
          counts: { ...occasion.counts, parentHome: true },
        }),
      "parentHome 只适用于家长层级",
      "parentHome applies to the parent level",
      "counts.parentHome",
    );
    only(
      () => validate(OccasionPolicySchema, { ...occasion, pairedWith: ["class-teacher"] }),
      "pairedWith 只适用于儿童层级",
      "pairedWith applies to the child level",
      "pairedWith",
    );
    only(
      () => validate(OccasionPolicySchema, { ...occasion, window: { type: "birthday" } }),
      "生日时段只适用于儿童层级",
      "a birthday window applies to the child level",
      "window",
    );
  });
});
