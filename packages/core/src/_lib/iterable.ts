import { invalidArgument } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";

/**
 * Throws a ValidationError naming `field` unless `value` is an iterable or async iterable (the
 * batches or partitions a streamed evaluation reads): an object whose `Symbol.iterator` or
 * `Symbol.asyncIterator` is a function.
 * @param what - What the items are, as in "expected an iterable or async iterable of {what}".
 * @param sync - Only a (synchronous) iterable will do: an array, a generator.
 * @internal
 */
export function requireIterable(
  value: unknown,
  field: string,
  what: LocalizedText,
  sync = false,
): void {
  const o = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null;
  if (
    typeof o === "object" &&
    o !== null &&
    (typeof o[Symbol.iterator] === "function" ||
      (!sync && typeof o[Symbol.asyncIterator] === "function"))
  )
    return;
  throw invalidArgument(
    field,
    "invalid_type",
    sync
      ? text(
          `应为${what["zh-CN"]}的可迭代对象（数组、生成器）`,
          `expected an iterable of ${what.en} (an array, a generator)`,
        )
      : text(
          `应为${what["zh-CN"]}的（异步）可迭代对象`,
          `expected an iterable or async iterable of ${what.en}`,
        ),
    value,
  );
}
