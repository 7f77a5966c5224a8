import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import type { FieldIssue } from "../errors/issues";
import { text, type LocalizedText } from "../i18n";

/** A field issue for an id that names nothing in the input. @internal */
export function unknownIdIssue(
  path: string,
  id: string,
  zhWhat: string,
  enWhat: string,
): FieldIssue {
  return {
    path,
    code: IssueCode.UNKNOWN_ID,
    received: JSON.stringify(id),
    message: text(
      `字段 ${path}：${zhWhat} ${id} 不在输入数据中（收到："${id}"）`,
      `${path}: ${enWhat} ${id} is not in the input (received: "${id}")`,
    ),
  };
}

/** Throws a {@link ValidationError} when there are issues. @internal */
export function throwIfIssues(issues: readonly FieldIssue[], subject: LocalizedText): void {
  if (issues.length > 0) throw new ValidationError(issues, { subject });
}
