import { invalidArgument, text } from "@liushou/core";

/** Throws a ValidationError naming `path` unless `value` is a string. @internal */
export function requireString(value: unknown, path: string): asserts value is string {
  if (typeof value !== "string") {
    throw invalidArgument(path, "invalid_type", text("应为字符串", "expected a string"), value);
  }
}
