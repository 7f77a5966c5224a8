import {
  IssueCode,
  isLiushouError,
  parseLabel,
  text,
  toCalendarDate,
  type CalendarDate,
  type EnumValue,
  type LocalizedText,
  type TimeZone,
} from "@liushou/core";
import type { ColumnPlan, RosterField, RosterMapping } from "../columns";
import { MISSING_KEY, rosterIssue, type RosterIssue } from "../_lib/issue";
import { GENDER_ALIASES, LIVING_ALIASES, parseGrade, parseYesNo, RELATION_ALIASES } from "./values";

/** A parent as a roster row gives it. @category Roster */
export interface RosterParent {
  readonly name: string;
  readonly phone?: string;
  /** Where the parent works away from home; `""` when the row says the parent is not away. */
  readonly workplace?: string;
}

/**
 * One child as read from a roster row, before it becomes a child file: the row number and what
 * its cells say (absent when the cell or the column is empty).
 * @category Roster
 */
export interface RosterChild {
  readonly row: number;
  readonly name: string;
  readonly gender: EnumValue<"gender">;
  readonly birthDate: CalendarDate;
  readonly idNumber?: string;
  readonly studentNumber?: string;
  readonly school?: string;
  readonly grade?: number;
  readonly className?: string;
  readonly regionCode: string;
  readonly address?: string;
  readonly livingArrangement?: EnumValue<"livingArrangement">;
  readonly boarding?: boolean;
  readonly keyCase?: boolean;
  readonly father?: RosterParent;
  readonly mother?: RosterParent;
  readonly awaySince?: CalendarDate;
  readonly guardian?: {
    readonly name: string;
    readonly relation?: EnumValue<"guardianRelation">;
    readonly phone?: string;
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads one data row; every problem of the row is pushed to `issues`. @internal */
export function parseRow(
  row: number,
  cells: readonly string[],
  plan: ColumnPlan,
  mapping: RosterMapping,
  zone: TimeZone,
  issues: RosterIssue[],
): RosterChild | undefined {
  const before = issues.length;
  const cell = (field: RosterField): string | undefined => {
    const i = plan.columns.get(field);
    const v = i === undefined ? undefined : (cells[i] ?? "");
    return v === "" ? undefined : v;
  };
  const has = (field: RosterField): boolean => plan.columns.has(field);
  const fail = (field: RosterField, value: unknown, code: string, reason: LocalizedText): void => {
    issues.push(rosterIssue(row, plan.headers.get(field) ?? field, field, value, code, reason));
  };
  const required = (field: RosterField): string | undefined => {
    const v = cell(field);
    if (v === undefined && has(field))
      fail(field, "", "too_small", text("不能为空", "must not be empty"));
    return v;
  };
  const enumCell = <K extends "gender" | "livingArrangement" | "guardianRelation">(
    field: RosterField,
    kind: K,
    builtIn: Readonly<Record<string, EnumValue<K>>>,
  ): EnumValue<K> | undefined => {
    const v = cell(field);
    if (v === undefined) return undefined;
    const aliases = { ...builtIn, ...(mapping.values[kind] as Record<string, EnumValue<K>>) };
    const value = parseLabel(kind, v, aliases);
    if (value === undefined) {
      fail(
        field,
        v,
        IssueCode.OTHER,
        text(
          "无法识别的取值（可在映射文件的 values 中补充写法）",
          "unknown value (add the spelling to the mapping file's values)",
        ),
      );
    }
    return value;
  };
  const flag = (field: RosterField): boolean | undefined => {
    const v = cell(field);
    if (v === undefined) return undefined;
    const b = parseYesNo(v);
    if (b === undefined)
      fail(field, v, "invalid_type", text("应为“是”或“否”", "expected yes or no"));
    return b;
  };
  const date = (field: RosterField): CalendarDate | undefined => {
    const v = cell(field);
    if (v === undefined) return undefined;
    try {
      return toCalendarDate(v, zone);
    } catch (error) {
      if (!isLiushouError(error)) throw error;
      fail(field, v, IssueCode.CALENDAR_DATE, text("不是有效的日期", "not a valid date"));
      return undefined;
    }
  };

  const out: Partial<Mutable<RosterChild>> = { row };
  const name = required("name");
  const gender =
    cell("gender") === undefined
      ? (required("gender"), undefined)
      : enumCell("gender", "gender", GENDER_ALIASES);
  const birthDate =
    cell("birthDate") === undefined ? (required("birthDate"), undefined) : date("birthDate");
  const regionCode = required("regionCode");
  const idNumber = cell("idNumber")?.toUpperCase();
  const studentNumber = cell("studentNumber");
  if (idNumber === undefined && studentNumber === undefined) {
    const column =
      plan.headers.get("studentNumber") ?? plan.headers.get("idNumber") ?? "studentNumber";
    issues.push(
      rosterIssue(
        row,
        column,
        "studentNumber",
        "",
        MISSING_KEY,
        text(
          "需要学籍号或身份证号，才能在再次导入时认出这名儿童",
          "needs a student number or an ID number, so a later import finds this child again",
        ),
      ),
    );
  }
  const gradeText = cell("grade");
  const grade = gradeText === undefined ? undefined : parseGrade(gradeText);
  if (gradeText !== undefined && grade === undefined) {
    fail(
      "grade",
      gradeText,
      "invalid_type",
      text("应为 1–12 年级（如“三年级”“初一”）", "expected a grade 1–12 (such as 3 or 初一)"),
    );
  }
  const className = cell("class");
  if (className !== undefined && grade === undefined && gradeText === undefined) {
    fail("grade", "", "too_small", text("填写了班级时需要年级", "a class needs a grade"));
  }
  const parent = (nameField: RosterField, phoneField: RosterField, workField: RosterField) => {
    const parentName = cell(nameField);
    if (parentName === undefined) return undefined;
    const phone = cell(phoneField);
    const own = cell(workField);
    const workplace =
      has(workField) && own !== undefined
        ? own
        : has("workplace")
          ? (cell("workplace") ?? "")
          : has(workField)
            ? ""
            : undefined;
    return {
      name: parentName,
      ...(phone ? { phone } : {}),
      ...(workplace === undefined ? {} : { workplace }),
    };
  };
  const guardianName = cell("guardianName");
  const relation = enumCell("guardianRelation", "guardianRelation", RELATION_ALIASES);
  const phone = cell("phone");
  if (guardianName === undefined && (relation !== undefined || phone !== undefined)) {
    fail(
      "guardianName",
      "",
      "too_small",
      text("填写了关系或电话时需要监护人姓名", "a relation or phone needs the guardian's name"),
    );
  }
  const living = enumCell("livingArrangement", "livingArrangement", LIVING_ALIASES);
  const optional = {
    idNumber,
    studentNumber,
    school: cell("school"),
    grade,
    className,
    address: cell("address"),
    livingArrangement: living,
    boarding: flag("boarding"),
    keyCase: flag("keyCase"),
    father: parent("fatherName", "fatherPhone", "fatherWorkplace"),
    mother: parent("motherName", "motherPhone", "motherWorkplace"),
    awaySince: date("awaySince"),
    guardian:
      guardianName === undefined
        ? undefined
        : { name: guardianName, ...(relation ? { relation } : {}), ...(phone ? { phone } : {}) },
  };
  if (issues.length > before || !name || !gender || !birthDate || !regionCode) return undefined;
  Object.assign(out, { name, gender, birthDate, regionCode });
  for (const [k, v] of Object.entries(optional))
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out as RosterChild;
}
