import * as z from "zod";
import { CalendarDateSchema } from "../model/primitives";
import { text } from "../i18n";
import { dayNumber } from "../time/calendar-date";

/**
 * A reporting period: first and last day (inclusive), in order, at most ten years long.
 * @example
 * PeriodSchema.safeParse({ from: "2026-03-01", to: "2026-02-01" }).success //=> false
 */
export const PeriodSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema })
  .refine((p) => p.from <= p.to, {
    message: "period.from must not be after period.to",
    path: ["to"],
    params: {
      text: text("时段的开始日期不能晚于结束日期", "period.from must not be after period.to"),
    },
  })
  .refine((p) => dayNumber(p.to) - dayNumber(p.from) <= 3660, {
    message: "a period spans at most ten years",
    path: ["to"],
    params: { text: text("时段最长十年", "a period spans at most ten years") },
  });
