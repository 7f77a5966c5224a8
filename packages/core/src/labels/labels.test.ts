import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CensusTakerSchema } from "../census";
import { DutySchema, ResponsibilityRoleSchema } from "../organisation";
import { SummaryKindSchema } from "../sources";
import { ENUM_LABELS, labelOf, parseLabel, type LabelledEnum } from "./index";
import {
  ActivityKindSchema,
  ContactKindSchema,
  EducationSchema,
  GenderSchema,
  LivingArrangementSchema,
  MentorKindSchema,
  SchoolingStatusSchema,
  WishStatusSchema,
} from "../model";
import { COMPLIANCE_STATUSES } from "../policies/statuses";
import { LiushouError } from "../errors";

const kinds = Object.keys(ENUM_LABELS) as LabelledEnum[];

describe("ENUM_LABELS", () => {
  it("labels every value of the model's enums", () => {
    const cases: [LabelledEnum, readonly string[]][] = [
      ["gender", GenderSchema.options],
      ["livingArrangement", LivingArrangementSchema.options],
      ["schoolingStatus", SchoolingStatusSchema.options],
      ["mentorKind", MentorKindSchema.options],
      ["education", EducationSchema.options],
      ["contactKind", ContactKindSchema.options],
      ["wishStatus", WishStatusSchema.options],
      ["activityKind", ActivityKindSchema.options],
      ["summaryKind", SummaryKindSchema.options],
      ["censusTaker", CensusTakerSchema.options],
      ["responsibilityRole", ResponsibilityRoleSchema.options],
      ["duty", DutySchema.options],
      ["complianceStatus", COMPLIANCE_STATUSES],
    ];
    for (const [kind, options] of cases) {
      expect(Object.keys(ENUM_LABELS[kind]).sort()).toEqual([...options].sort());
    }
  });

  it("has a non-empty Chinese and English label for every value, and no label twice in one enum", () => {
    for (const kind of kinds) {
      const labels = Object.values(ENUM_LABELS[kind]) as { "zh-CN": string; en: string }[];
      for (const l of labels) {
        expect(l["zh-CN"].trim()).not.toBe("");
        expect(l.en.trim()).not.toBe("");
      }
      const zh = labels.map((l) => l["zh-CN"]);
      const en = labels.map((l) => l.en.toLowerCase());
      expect(new Set(zh).size, `${kind} zh-CN`).toBe(zh.length);
      expect(new Set(en).size, `${kind} en`).toBe(en.length);
    }
  });

  it("is frozen", () => {
    expect(Object.isFrozen(ENUM_LABELS)).toBe(true);
  });
});

describe("labelOf", () => {
  it("gives the label in each locale, zh-CN by default", () => {
    expect(labelOf("contactKind", "home-visit")).toBe("家访");
    expect(labelOf("contactKind", "home-visit", "en")).toBe("home visit");
    expect(labelOf("gender", "female", "zh-CN")).toBe("女");
  });

  it("refuses an unknown enum, value or locale with a LiushouError", () => {
    expect(() => labelOf("nope" as LabelledEnum, "x" as never)).toThrow(LiushouError);
    expect(() => labelOf("gender", "other" as never)).toThrow(LiushouError);
    expect(() => labelOf("gender", "__proto__" as never)).toThrow(LiushouError);
    expect(() => labelOf("gender", "male", "fr" as never)).toThrow(LiushouError);
  });
});

describe("parseLabel", () => {
  it("reads the value, the Chinese label and the English label of every value back", () => {
    for (const kind of kinds) {
      for (const [value, label] of Object.entries(ENUM_LABELS[kind]) as [
        string,
        { "zh-CN": string; en: string },
      ][]) {
        expect(parseLabel(kind, value)).toBe(value);
        expect(parseLabel(kind, label["zh-CN"])).toBe(value);
        expect(parseLabel(kind, label.en)).toBe(value);
        expect(parseLabel(kind, `  ${label.en.toUpperCase()} `)).toBe(value);
      }
    }
  });

  it("ignores full-width characters and inner spaces as spreadsheets write them", () => {
    expect(parseLabel("gender", " 男 ")).toBe("male");
    expect(parseLabel("guardianRelation", "祖父／外祖父")).toBe("grandfather");
    expect(parseLabel("livingArrangement", "with　grandparents")).toBe("grandparents");
  });

  it("uses the host's aliases first", () => {
    expect(parseLabel("guardianRelation", "爷爷", { 爷爷: "grandfather" })).toBe("grandfather");
    expect(parseLabel("guardianRelation", "爷爷")).toBeUndefined();
  });

  it("answers undefined for text that is no label, and never throws on any input", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.anything(), (kind, input) => {
        const v = parseLabel(kind, input);
        if (v !== undefined) expect(Object.hasOwn(ENUM_LABELS[kind], v)).toBe(true);
      }),
    );
    expect(parseLabel("gender", "unknown")).toBeUndefined();
    expect(parseLabel("gender", "")).toBeUndefined();
    expect(parseLabel("gender", "toString")).toBeUndefined();
    expect(parseLabel("gender", "__proto__")).toBeUndefined();
  });

  it("refuses an unknown enum name", () => {
    expect(() => parseLabel("__proto__" as LabelledEnum, "x")).toThrow(LiushouError);
  });
});
