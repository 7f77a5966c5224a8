/**
 * School calendars (校历): terms, holidays and make-up school days, supplied by the host, with
 * two clearly marked examples.
 * @module
 */
export {
  TermSchema,
  HolidaySchema,
  SchoolCalendarSchema,
  type Term,
  type Holiday,
  type SchoolCalendar,
  type SchoolCalendarInput,
} from "./schema";
export {
  createSchoolCalendar,
  isSchoolDay,
  schoolDaysBetween,
  termOn,
  holidayOn,
} from "./school-days";
export { EXAMPLE_CALENDAR_2025_26, EXAMPLE_CALENDAR_2026_27 } from "./examples";
