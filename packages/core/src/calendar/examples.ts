import { createSchoolCalendar } from "./school-days";
import type { SchoolCalendar } from "./schema";

const EXAMPLE_NOTE =
  "示例校历，仅供演示和测试：各地学期起止日期由省级教育行政部门公布，法定节假日及调休以国务院办公厅当年通知为准，使用前必须替换为本省（本县）的校历。" +
  " / EXAMPLE ONLY, for demos and tests: term dates are set by each province's education department and public holidays by the State Council's yearly notice; a host must replace this with its own province's calendar.";

/**
 * EXAMPLE school calendar for the 2025—2026 school year, shaped like a typical mainland
 * calendar: autumn term 1 September 2025 – 23 January 2026, spring term 2 March – 3 July 2026
 * (the Spring Festival falls late, on 17 February 2026, so many provinces start in early
 * March). Public holidays and make-up days follow the State Council's 2025 and 2026 schedules
 * as the library's authors understood them. **An example: replace it with your province's
 * calendar** (`example` is `true`).
 * @example
 * EXAMPLE_CALENDAR_2025_26.terms.map((t) => t.start) //=> ["2025-09-01", "2026-03-02"]
 * @category Calendar
 */
export const EXAMPLE_CALENDAR_2025_26: SchoolCalendar = /*#__PURE__*/ createSchoolCalendar({
  id: "example-2025-26",
  name: "2025—2026学年校历（示例）",
  example: true,
  terms: [
    { id: "2025-26-autumn", name: "2025—2026学年第一学期", start: "2025-09-01", end: "2026-01-23" },
    { id: "2025-26-spring", name: "2025—2026学年第二学期", start: "2026-03-02", end: "2026-07-03" },
  ],
  holidays: [
    {
      name: "国庆节、中秋节",
      nameEn: "National Day and Mid-Autumn",
      from: "2025-10-01",
      to: "2025-10-08",
    },
    { name: "元旦", nameEn: "New Year", from: "2026-01-01", to: "2026-01-03" },
    {
      name: "寒假",
      nameEn: "Winter vacation",
      from: "2026-01-24",
      to: "2026-03-01",
      kind: "vacation",
    },
    { name: "春节", nameEn: "Spring Festival", from: "2026-02-15", to: "2026-02-23" },
    { name: "清明节", nameEn: "Qingming", from: "2026-04-04", to: "2026-04-06" },
    { name: "劳动节", nameEn: "Labour Day", from: "2026-05-01", to: "2026-05-05" },
    { name: "端午节", nameEn: "Dragon Boat Festival", from: "2026-06-19", to: "2026-06-21" },
    {
      name: "暑假",
      nameEn: "Summer vacation",
      from: "2026-07-04",
      to: "2026-08-31",
      kind: "vacation",
    },
  ],
  makeUpDays: ["2025-09-28", "2025-10-11", "2026-01-04", "2026-05-09"],
  note: EXAMPLE_NOTE,
});

/**
 * EXAMPLE school calendar for the 2026—2027 school year: autumn term 1 September 2026 –
 * 22 January 2027, spring term 22 February – 2 July 2027, with Mid-Autumn (25 September 2026),
 * National Day week, New Year, the Spring Festival (6 February 2027, in the winter vacation),
 * Qingming, Labour Day and the Dragon Boat Festival. The holiday and make-up dates are
 * assumptions shaped like recent years' schedules. **An example: replace it with your
 * province's calendar** (`example` is `true`).
 * @example
 * isSchoolDay(EXAMPLE_CALENDAR_2026_27, "2026-10-10") //=> true (make-up day, a Saturday)
 * @category Calendar
 */
export const EXAMPLE_CALENDAR_2026_27: SchoolCalendar = /*#__PURE__*/ createSchoolCalendar({
  id: "example-2026-27",
  name: "2026—2027学年校历（示例）",
  example: true,
  terms: [
    { id: "2026-27-autumn", name: "2026—2027学年第一学期", start: "2026-09-01", end: "2027-01-22" },
    { id: "2026-27-spring", name: "2026—2027学年第二学期", start: "2027-02-22", end: "2027-07-02" },
  ],
  holidays: [
    { name: "中秋节", nameEn: "Mid-Autumn", from: "2026-09-25", to: "2026-09-27" },
    { name: "国庆节", nameEn: "National Day", from: "2026-10-01", to: "2026-10-07" },
    { name: "元旦", nameEn: "New Year", from: "2027-01-01", to: "2027-01-03" },
    {
      name: "寒假",
      nameEn: "Winter vacation",
      from: "2027-01-23",
      to: "2027-02-21",
      kind: "vacation",
    },
    { name: "春节", nameEn: "Spring Festival", from: "2027-02-05", to: "2027-02-13" },
    { name: "清明节", nameEn: "Qingming", from: "2027-04-03", to: "2027-04-05" },
    { name: "劳动节", nameEn: "Labour Day", from: "2027-05-01", to: "2027-05-05" },
    { name: "端午节", nameEn: "Dragon Boat Festival", from: "2027-06-09", to: "2027-06-09" },
    {
      name: "暑假",
      nameEn: "Summer vacation",
      from: "2027-07-03",
      to: "2027-08-31",
      kind: "vacation",
    },
  ],
  makeUpDays: ["2026-09-20", "2026-10-10"],
  note: EXAMPLE_NOTE,
});
