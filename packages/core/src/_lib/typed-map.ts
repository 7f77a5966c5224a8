/**
 * Typed arrays mapped from a list by a plain loop. `Int32Array.from(list, f)` (and any typed
 * array's `from` with a mapping function) walks the list through the iterator protocol, which
 * V8 runs about ten times slower than a loop and with garbage per element: enough to show in a
 * county's roll-ups and work lists.
 * @module
 */

/** `Int32Array.from(list, f)` for an array-like list. @internal */
export function int32Map<T>(list: ArrayLike<T>, f: (x: T, i: number) => number): Int32Array {
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = f(list[i]!, i);
  return out;
}

/** `Uint8Array.from(list, f)` for an array-like list (each value 0–255). @internal */
export function uint8Map<T>(list: ArrayLike<T>, f: (x: T, i: number) => number): Uint8Array {
  const out = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = f(list[i]!, i);
  return out;
}
