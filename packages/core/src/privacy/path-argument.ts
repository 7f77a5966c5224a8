import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";

/** Whether a value is a property key as written (a key of another kind is converted to text). */
const isKey = (k: unknown): k is PropertyKey =>
  typeof k === "string" || typeof k === "number" || typeof k === "symbol";

/**
 * Checks that a path argument is an array of keys, each a string, number or symbol (a
 * ValidationError on `path` or `path[i]`): any other key would be turned into text, which for a
 * deeply nested array overflows the stack.
 * @internal
 */
export function requirePath(path: unknown): asserts path is readonly PropertyKey[] {
  if (!Array.isArray(path)) {
    throw invalidArgument(
      "path",
      "invalid_type",
      text("应为键名数组", "expected an array of keys"),
      path,
    );
  }
  for (let i = 0; i < path.length; i++) {
    if (!isKey(path[i])) {
      throw invalidArgument(
        `path[${i}]`,
        "invalid_type",
        text("应为键名（字符串、数字或 symbol）", "expected a key (a string, number or symbol)"),
        path[i],
      );
    }
  }
}
