import * as z from "zod";
import { CalendarDateSchema } from "../model/primitives";
import { refusal } from "./refusal";
import { dayNumber } from "../time/calendar-date";

/**
 * A reporting period: first and last day (inclusive), in order, at most ten years long.
 * @example
 * PeriodSchema.safeParse({ from: "2026-03-01", to: "2026-02-01" }).success //=> false
 * @category Model
 */
export const PeriodSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema })
  .refine(
    (p) => p.from <= p.to,
    refusal("时段的开始日期不能晚于结束日期", "period.from must not be after period.to", ["to"]),
  )
  .refine(
    (p) => dayNumber(p.to) - dayNumber(p.from) <= 3660,
    refusal("时段最长十年", "a period spans at most ten years", ["to"]),
  );
