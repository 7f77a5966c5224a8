/**
 * Freezes a plain data value (objects and arrays) in place, recursively; parts already frozen
 * are skipped. Returns the value.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
