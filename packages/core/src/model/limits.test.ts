import { describe, expect, it } from "vitest";
import { safeValidate, safeValidateList } from "../errors";
import { ChildFileSchema, type ChildFileInput } from "./child-file";
import {
  MAX_ADDRESS_LENGTH,
  MAX_AWAY_PERIODS,
  MAX_EMERGENCY_CONTACTS,
  MAX_GUARDIANS,
  MAX_ISSUES,
  MAX_NAME_LENGTH,
} from "./limits";

const base: ChildFileInput = {
  id: "c1",
  child: { name: "王小明", gender: "male", birthDate: "2014-04-02", regionCode: "430102001001" },
  livingArrangement: "grandparents",
};
const huge = "长".repeat(10_000_000);
const guardian = (i: number) => ({ id: `g${i}`, name: "奶奶", relation: "grandmother" as const });
const contact = { name: "舅舅", relation: "舅舅", phone: "13800138000" };
const parent = (periods: number) => ({
  id: "p1",
  role: "father" as const,
  name: "父亲",
  awayPeriods: Array.from({ length: periods }, () => ({ from: "2024-02-20", city: "深圳" })),
});

function issues(input: ChildFileInput): string[] {
  const r = safeValidate(ChildFileSchema, input);
  return r.success ? [] : r.error.issues.map((i) => `${i.message.en} | ${i.message["zh-CN"]}`);
}

describe("size limits", () => {
  it.each([
    ["parents[0].name", { ...base, parents: [{ ...parent(0), name: huge }] }, MAX_NAME_LENGTH],
    [
      "guardians[0].name",
      { ...base, guardians: [{ ...guardian(0), name: huge }] },
      MAX_NAME_LENGTH,
    ],
    [
      "emergencyContacts[0].name",
      { ...base, emergencyContacts: [{ ...contact, name: huge }] },
      MAX_NAME_LENGTH,
    ],
    ["child.address", { ...base, child: { ...base.child, address: huge } }, MAX_ADDRESS_LENGTH],
    [
      "parents[0].workplace",
      { ...base, parents: [{ ...parent(0), workplace: huge }] },
      MAX_ADDRESS_LENGTH,
    ],
  ])(
    "a 10 MB string in %s is refused, naming the limit in both languages",
    (path, input, limit) => {
      const [issue] = issues(input as ChildFileInput);
      expect(issue).toBe(
        `${path}: must be at most ${limit} characters long (limit ${limit}) (received: ${
          path === "child.address"
            ? `"长长${"*".repeat(16)}长长" (10000000 chars)`
            : `"${"长".repeat(40)}…"`
        }) | 字段 ${path}：长度不能超过 ${limit} 个字符（上限 ${limit}）（收到：${
          path === "child.address"
            ? `"长长${"*".repeat(16)}长长" (10000000 chars)`
            : `"${"长".repeat(40)}…"`
        }）`,
      );
    },
  );

  it.each([
    [
      "guardians",
      { ...base, guardians: Array.from({ length: 100_000 }, (_, i) => guardian(i)) },
      MAX_GUARDIANS,
    ],
    [
      "emergencyContacts",
      { ...base, emergencyContacts: Array.from({ length: 100_000 }, () => contact) },
      MAX_EMERGENCY_CONTACTS,
    ],
    ["parents[0].awayPeriods", { ...base, parents: [parent(100_000)] }, MAX_AWAY_PERIODS],
  ])("100,000 entries in %s are refused", (path, input, limit) => {
    const found = issues(input as ChildFileInput);
    expect(found[0]).toContain(`${path}: must have at most ${limit} items (limit ${limit})`);
    expect(found[0]).toContain(`不能超过 ${limit} 项`);
  });

  it("an error lists at most MAX_ISSUES issues and counts the rest", () => {
    const periods = Array.from({ length: MAX_AWAY_PERIODS }, () => ({}));
    const r = safeValidate(ChildFileSchema, {
      ...base,
      parents: [{ ...parent(0), awayPeriods: periods }],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(MAX_ISSUES + 1);
    const last = r.error.issues[MAX_ISSUES]!;
    expect(last.code).toBe("too_many_issues");
    expect(last.message.en).toMatch(/^and \d+ more issues not listed \(limit 200\)$/);
    const list = safeValidateList(
      ChildFileSchema,
      Array.from({ length: 500 }, () => ({})),
      {
        path: ["files"],
      },
    );
    expect(list.success || list.error.issues.length).toBe(MAX_ISSUES + 1);
  });

  it("inputs at the limits pass", () => {
    const input: ChildFileInput = {
      ...base,
      child: {
        ...base.child,
        name: "名".repeat(MAX_NAME_LENGTH),
        address: "址".repeat(MAX_ADDRESS_LENGTH),
      },
      guardians: Array.from({ length: MAX_GUARDIANS }, (_, i) => guardian(i)),
      emergencyContacts: Array.from({ length: MAX_EMERGENCY_CONTACTS }, () => contact),
      parents: [parent(MAX_AWAY_PERIODS)],
    };
    expect(issues(input)).toEqual([]);
  });
});
