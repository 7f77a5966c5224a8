/**
 * Day ranges as flat arrays `[from0, to0, from1, to1, …]` (inclusive day numbers), the shape
 * every compliance stage passes scopes in.
 * @module
 */

/** The parts of `ranges` inside `[a, b]`. @internal */
export function intersect(ranges: readonly number[], a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const x = Math.max(ranges[i]!, a);
    const y = Math.min(ranges[i + 1]!, b);
    if (x <= y) out.push(x, y);
  }
  return out;
}

/** The parts of `a` inside any range of `b`. @internal */
export function intersectAll(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i += 2) out.push(...intersect(a, b[i]!, b[i + 1]!));
  return out;
}

/** Whether day `d` lies in one of `ranges`. @internal */
export function inRanges(ranges: readonly number[], d: number): boolean {
  for (let i = 0; i < ranges.length; i += 2)
    if (d >= ranges[i]! && d <= ranges[i + 1]!) return true;
  return false;
}

/** Whether one range of `ranges` holds all of `[a, b]`. @internal */
export function coversWhole(ranges: readonly number[], a: number, b: number): boolean {
  for (let i = 0; i < ranges.length; i += 2)
    if (ranges[i]! <= a && ranges[i + 1]! >= b) return true;
  return false;
}

/** Whether some day of `[a, b]` lies in `ranges`. @internal */
export function overlaps(ranges: readonly number[], a: number, b: number): boolean {
  for (let i = 0; i < ranges.length; i += 2)
    if (Math.max(ranges[i]!, a) <= Math.min(ranges[i + 1]!, b)) return true;
  return false;
}
