import { describe, expect, it } from "vitest";
import { toIcs } from "./calendar";

describe("toIcs", () => {
  const now = "2026-03-01T08:00:00+08:00";

  it("writes all-day events with CRLF, escaped text and a stamp in UTC", () => {
    const ics = toIcs(
      [
        {
          uid: "a@liushou",
          date: "2026-12-31",
          summary: "家访; 王小明, 三年级",
          description: "一\n二",
        },
      ],
      { name: "待办", now },
    );
    expect(ics).toContain("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
    expect(ics).toContain("SUMMARY:家访\\; 王小明\\, 三年级\r\n");
    expect(ics).toContain("DESCRIPTION:一\\n二\r\n");
    expect(ics).toContain("DTSTAMP:20260301T000000Z\r\n");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("folds lines at 75 octets without splitting a character", () => {
    const ics = toIcs([{ uid: "b", date: "2026-03-05", summary: "留".repeat(60) }], {
      name: "x",
      now,
    });
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain(`SUMMARY:${"留".repeat(60)}\r\n`);
  });
});
