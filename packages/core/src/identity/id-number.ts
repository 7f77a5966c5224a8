import { IssueCode } from "../errors/codes";
import { FieldClass } from "../privacy/field-class";
import { invalidArgument } from "../errors/validate";
import { type LocalizedText, text } from "../i18n/locale";
import { isCalendarDate } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";
import { isProvincePrefix } from "./region-code";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/**
 * Sex as encoded in a resident ID number (17th digit odd: male).
 * @category Identity
 */
export type Sex = "male" | "female";

/**
 * What an 18-digit resident ID number encodes.
 * @category Identity
 */
export interface IdNumberInfo {
  /** The 6-digit region code of the place of first registration. */
  regionCode: string;
  birthDate: CalendarDate;
  sex: Sex;
  /** The 18th character, `0`–`9` or `X`. */
  checkDigit: string;
}

/**
 * A problem found in an identity value.
 * @category Identity
 */
export interface IdentityIssue {
  code: IssueCode;
  message: LocalizedText;
}

/**
 * Result of {@link checkIdNumber}.
 * @category Identity
 */
export type IdNumberResult =
  { valid: true; info: IdNumberInfo } | { valid: false; issue: IdentityIssue };

/**
 * The GB 11643-1999 check character for the first 17 digits of a resident ID number.
 * @example
 * idCheckDigit("11010519491231002") //=> "X"
 * @category Identity
 */
export function idCheckDigit(first17: string): string {
  if (typeof first17 !== "string" || !/^\d{17}$/.test(first17)) {
    throw invalidArgument(
      "first17",
      IssueCode.ID_NUMBER_FORMAT,
      text("应为 17 位数字", "expected 17 digits"),
      first17,
      { fieldClass: FieldClass.IDENTIFYING },
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Checks an 18-digit resident ID number: format, province, birth date and the GB 11643 check
 * character (a lower-case `x` is accepted). Returns what it encodes, or the first problem.
 * @example
 * checkIdNumber("11010519491231002X") //=> { valid: true, info: { regionCode: "110105", birthDate: "1949-12-31", sex: "female", checkDigit: "X" } }
 * checkIdNumber("110105194912310021").valid //=> false
 * @category Identity
 */
export function checkIdNumber(value: string): IdNumberResult {
  const id = typeof value === "string" ? value.toUpperCase() : "";
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail(
      IssueCode.ID_NUMBER_FORMAT,
      text(
        "身份证号应为 17 位数字加 1 位数字或 X，共 18 位",
        "a resident ID number has 17 digits then a digit or X, 18 characters in all",
      ),
    );
  }
  if (!isProvincePrefix(id.slice(0, 2))) {
    return fail(
      IssueCode.ID_NUMBER_REGION,
      text(
        `身份证号前两位 ${id.slice(0, 2)} 不是有效的省级代码`,
        `the first two digits ${id.slice(0, 2)} are not a valid province code`,
      ),
    );
  }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birth) || birth < "1900-01-01") {
    return fail(
      IssueCode.ID_NUMBER_BIRTH_DATE,
      text(
        "身份证号第 7–14 位不是 1900 年以后的真实出生日期",
        "characters 7–14 of the ID number are not a real birth date from 1900 on",
      ),
    );
  }
  const expected = idCheckDigit(id.slice(0, 17));
  if (expected !== id[17]) {
    return fail(
      IssueCode.ID_NUMBER_CHECK_DIGIT,
      text(
        `身份证号校验位应为 ${expected}，实为 ${id[17]}`,
        `the check character should be ${expected}, not ${id[17]}`,
      ),
    );
  }
  return {
    valid: true,
    info: {
      regionCode: id.slice(0, 6),
      birthDate: birth,
      sex: Number(id[16]) % 2 === 1 ? "male" : "female",
      checkDigit: expected,
    },
  };
}

function fail(code: IssueCode, message: LocalizedText): IdNumberResult {
  return { valid: false, issue: { code, message } };
}
