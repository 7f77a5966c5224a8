import { IssueCode } from "../errors/codes";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";
import type { IdentityIssue } from "./id-number";

/** Province-level prefixes of GB/T 2260 (mainland, Taiwan, Hong Kong, Macao). */
const PROVINCES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
]);

/**
 * Administrative levels, from province down to village.
 * @category Identity
 */
export type AreaLevel = "province" | "city" | "county" | "township" | "village";

const LEVELS: readonly AreaLevel[] = ["province", "city", "county", "township", "village"];

/**
 * Whether two digits are a province-level prefix of GB/T 2260.
 * @example
 * isProvincePrefix("43") //=> true
 * @category Identity
 */
export function isProvincePrefix(prefix: string): boolean {
  return PROVINCES.has(prefix);
}

/**
 * Result of {@link checkRegionCode}.
 * @category Identity
 */
export type RegionCodeResult =
  { valid: true; level: AreaLevel } | { valid: false; issue: IdentityIssue };

/**
 * Checks a region code (行政区划代码) of 6 (province/city/county), 9 (township) or 12 (village)
 * digits and tells its level.
 * @example
 * checkRegionCode("430000") //=> { valid: true, level: "province" }
 * checkRegionCode("430102") //=> { valid: true, level: "county" }
 * checkRegionCode("430102001") //=> { valid: true, level: "township" }
 * checkRegionCode("430102001001") //=> { valid: true, level: "village" }
 * @category Identity
 */
export function checkRegionCode(code: string): RegionCodeResult {
  if (typeof code !== "string" || !/^(\d{6}|\d{9}|\d{12})$/.test(code)) {
    return {
      valid: false,
      issue: {
        code: IssueCode.REGION_CODE_FORMAT,
        message: text("行政区划代码应为 6、9 或 12 位数字", "a region code has 6, 9 or 12 digits"),
      },
    };
  }
  if (!PROVINCES.has(code.slice(0, 2))) {
    return {
      valid: false,
      issue: {
        code: IssueCode.REGION_CODE_PROVINCE,
        message: text(
          `前两位 ${code.slice(0, 2)} 不是有效的省级代码`,
          `${code.slice(0, 2)} is not a province code`,
        ),
      },
    };
  }
  return { valid: true, level: levelOf(code) };
}

/**
 * The level of a well-formed region code.
 * @example
 * regionLevel("430100") //=> "city"
 * @category Identity
 */
export function regionLevel(code: string): AreaLevel {
  const r = checkRegionCode(code);
  if (!r.valid) throw invalidArgument("regionCode", r.issue.code, r.issue.message, code);
  return r.level;
}

function levelOf(code: string): AreaLevel {
  if (code.length === 12) return "village";
  if (code.length === 9) return "township";
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return "county";
}

/**
 * The code of the area containing this one at a higher level, or `undefined` if it is above it.
 * @example
 * regionAncestor("430102001001", "county") //=> "430102"
 * regionAncestor("430102001001", "township") //=> "430102001"
 * regionAncestor("430102", "province") //=> "430000"
 * @category Identity
 */
export function regionAncestor(code: string, level: AreaLevel): string | undefined {
  const rank = LEVELS.indexOf(level);
  if (rank < 0) {
    throw invalidArgument(
      "level",
      "invalid_value",
      text(`应为 ${LEVELS.join("、")} 之一`, `expected one of ${LEVELS.join(", ")}`),
      level,
    );
  }
  if (rank > LEVELS.indexOf(regionLevel(code))) return undefined;
  switch (level) {
    case "province":
      return `${code.slice(0, 2)}0000`;
    case "city":
      return `${code.slice(0, 4)}00`;
    case "county":
      return code.slice(0, 6);
    case "township":
      return code.slice(0, 9);
    case "village":
      return code.slice(0, 12);
  }
}
