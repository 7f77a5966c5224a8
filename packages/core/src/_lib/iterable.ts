import { invalidArgument } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";

/**
 * Throws a ValidationError naming `field` unless `value` is an iterable or async iterable (the
 * batches or partitions a streamed evaluation reads).
 * @param what - What the items are, as in "expected an iterable or async iterable of {what}".
 * @internal
 */
export function requireIterable(value: unknown, field: string, what: LocalizedText): void {
  if (
    typeof value === "object" &&
    value !== null &&
    (Symbol.asyncIterator in value || Symbol.iterator in value)
  )
    return;
  throw invalidArgument(
    field,
    "invalid_type",
    text(
      `应为${what["zh-CN"]}的（异步）可迭代对象`,
      `expected an iterable or async iterable of ${what.en}`,
    ),
    value,
  );
}
