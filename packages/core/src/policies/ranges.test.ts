import { describe, expect, it } from "vitest";
import { coversWhole, inRanges, intersect, intersectAll, overlaps } from "./stages/ranges";

/** Day ranges `[from0, to0, from1, to1, …]`, inclusive, each limit tried at and beside it. */
const R = [10, 12, 20, 20, 30, 35];

describe("day ranges", () => {
  it("inRanges: the first and last day of each range are in it, the days beside them are not", () => {
    expect([9, 10, 12, 13, 19, 20, 21, 29, 30, 35, 36].map((d) => inRanges(R, d))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(inRanges([], 10)).toBe(false);
  });

  it("intersect: the parts inside [a, b], a single shared day included", () => {
    expect(intersect(R, 12, 30)).toEqual([12, 12, 20, 20, 30, 30]);
    expect(intersect(R, 13, 19)).toEqual([]);
    expect(intersect(R, 0, 100)).toEqual(R);
    expect(intersectAll(R, [11, 20, 34, 40])).toEqual([11, 12, 20, 20, 34, 35]);
    expect(intersectAll(R, [])).toEqual([]);
  });

  it("coversWhole: one range must hold every day of [a, b]", () => {
    expect(coversWhole(R, 10, 12)).toBe(true);
    expect(coversWhole(R, 9, 12)).toBe(false);
    expect(coversWhole(R, 10, 13)).toBe(false);
    expect(coversWhole(R, 31, 34)).toBe(true);
    expect(coversWhole(R, 30, 35)).toBe(true);
    expect(coversWhole(R, 20, 20)).toBe(true);
    expect(coversWhole(R, 12, 20)).toBe(false); // two ranges, a gap between
    expect(coversWhole([], 1, 1)).toBe(false);
  });

  it("overlaps: some day of [a, b] in a range, touching at one day counts", () => {
    expect(overlaps(R, 0, 10)).toBe(true);
    expect(overlaps(R, 0, 9)).toBe(false);
    expect(overlaps(R, 12, 15)).toBe(true);
    expect(overlaps(R, 13, 19)).toBe(false);
    expect(overlaps(R, 36, 40)).toBe(false);
    expect(overlaps(R, 35, 40)).toBe(true);
    expect(overlaps([], 0, 100)).toBe(false);
  });
});
