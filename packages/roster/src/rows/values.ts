import type { EnumValue } from "@liushou/core";

/** Spellings of the guardian relation that rosters use beside Liushou's labels. @internal */
export const RELATION_ALIASES: Readonly<Record<string, EnumValue<"guardianRelation">>> = {
  爷爷: "grandfather",
  祖父: "grandfather",
  外公: "grandfather",
  外祖父: "grandfather",
  奶奶: "grandmother",
  祖母: "grandmother",
  外婆: "grandmother",
  外祖母: "grandmother",
  姥姥: "grandmother",
  姥爷: "grandfather",
  父子: "father",
  父女: "father",
  母子: "mother",
  母女: "mother",
  舅舅: "relative",
  舅妈: "relative",
  姑姑: "relative",
  姑父: "relative",
  姨妈: "relative",
  阿姨: "relative",
  叔叔: "relative",
  婶婶: "relative",
  伯伯: "relative",
  伯母: "relative",
  哥哥: "relative",
  姐姐: "relative",
  亲戚: "relative",
  亲属: "relative",
  受委托人: "entrusted-carer",
  委托照护人: "entrusted-carer",
  代管家长: "entrusted-carer",
};

/** Spellings of how the child lives. @internal */
export const LIVING_ALIASES: Readonly<Record<string, EnumValue<"livingArrangement">>> = {
  祖辈: "grandparents",
  隔代监护: "grandparents",
  随祖辈: "grandparents",
  祖父母: "grandparents",
  亲戚: "relatives",
  亲友: "relatives",
  随其他亲戚: "relatives",
  父亲: "parent",
  母亲: "parent",
  单亲: "parent",
  随父亲: "parent",
  随母亲: "parent",
  代管家长: "entrusted",
  随代管家长: "entrusted",
  委托照护: "entrusted",
  独居: "alone",
  独自生活: "alone",
};

/** Spellings of the gender. @internal */
export const GENDER_ALIASES: Readonly<Record<string, EnumValue<"gender">>> = {
  男性: "male",
  女性: "female",
  m: "male",
  f: "female",
  boy: "male",
  girl: "female",
};

/** How the child lives, as implied by who the guardian is. @internal */
export const LIVING_BY_RELATION: Readonly<
  Record<EnumValue<"guardianRelation">, EnumValue<"livingArrangement">>
> = {
  father: "parent",
  mother: "parent",
  grandfather: "grandparents",
  grandmother: "grandparents",
  relative: "relatives",
  "entrusted-carer": "entrusted",
  other: "entrusted",
};

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓", "住校", "寄宿", "重点"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "走读", "不住校", "非重点"]);

/** `是`/`否`, yes/no, 1/0 as a boolean; `undefined` for anything else. @internal */
export function parseYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : undefined;
}

const DIGIT = new Map([..."一二三四五六七八九"].map((c, i) => [c, i + 1]));
const STAGE_OFFSET: Readonly<Record<string, number>> = { 小: 0, 初: 6, 高: 9 };

/**
 * A grade 1–12 from `3`, `三年级`, `3年级`, `七年级`, `初一` (7), `高二` (11), `Grade 3`;
 * `undefined` for anything else. @internal
 */
export function parseGrade(value: string): number | undefined {
  const v = value
    .replace(/\s+/g, "")
    .replace(/^grade/i, "")
    .replace(/年级$/, "");
  const stage = STAGE_OFFSET[v[0] ?? ""];
  const rest = stage === undefined ? v : v.slice(1);
  const n = /^\d{1,2}$/.test(rest)
    ? Number(rest)
    : rest === "十"
      ? 10
      : rest === "十一"
        ? 11
        : rest === "十二"
          ? 12
          : DIGIT.get(rest);
  if (n === undefined) return undefined;
  const grade = n + (stage ?? 0);
  if (stage !== undefined && n > (stage === 0 ? 6 : 3)) return undefined;
  return grade >= 1 && grade <= 12 ? grade : undefined;
}
