import { z } from "zod";

/**
 * Page margins in millimetres.
 * @example
 * const narrow: PageMargins = { top: 20, right: 15, bottom: 20, left: 15 };
 * @category Page
 */
export interface PageMargins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * The A4 margins schools and education bureaus print official documents with (GB/T 9704-2012,
 * 党政机关公文格式: 天头 37 mm, 订口 28 mm, bottom 35 mm, right 26 mm). The HTML and Word
 * renderers use them by default.
 * @example
 * SCHOOL_A4_MARGINS_MM.top //=> 37
 * @category Page
 */
export const SCHOOL_A4_MARGINS_MM: PageMargins = Object.freeze({
  top: 37,
  right: 26,
  bottom: 35,
  left: 28,
});

/**
 * A4 in millimetres, portrait.
 * @example
 * A4_MM.width - SCHOOL_A4_MARGINS_MM.left - SCHOOL_A4_MARGINS_MM.right //=> 156
 */
export const A4_MM = Object.freeze({ width: 210, height: 297 });

/** Margins as options take them: each a finite number of millimetres, 0 to 100. @internal */
export const PageMarginsSchema = z.strictObject({
  top: z.number().min(0).max(100),
  right: z.number().min(0).max(100),
  bottom: z.number().min(0).max(100),
  left: z.number().min(0).max(100),
});
