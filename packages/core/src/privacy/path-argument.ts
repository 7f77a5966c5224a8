import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";

/** Checks that a path argument is an array of keys (a ValidationError on `path`). @internal */
export function requirePath(path: unknown): asserts path is readonly PropertyKey[] {
  if (!Array.isArray(path)) {
    throw invalidArgument(
      "path",
      "invalid_type",
      text("应为键名数组", "expected an array of keys"),
      path,
    );
  }
}
