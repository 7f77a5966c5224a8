import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { evaluateCompliance } from "./evaluate";
import { escapeICalText, foldICalLine, mentorScheduleToICalendar } from "./ical";
import { definePolicy } from "./presets";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";

const encoder = new TextEncoder();

function report() {
  const s = scenario();
  const tricky = definePolicy({
    ...PAIRING_HOME_VISIT,
    id: "tricky",
    name: {
      "zh-CN":
        "家访; 带上书包, 作业本\\和\n记录册——一个很长很长的名字用来测试按七十五个八位字节折行是否正确处理多字节汉字",
      en: "Visit; bag, book\\and\nrecord",
    },
  });
  return evaluateCompliance({
    ...s,
    records: [],
    policies: [PAIRING_HOME_VISIT, tricky],
    period: { from: "2026-04-01", to: "2026-06-30" },
    asOf: "2026-04-10",
  });
}

describe("mentorScheduleToICalendar", () => {
  it("writes RFC 5545 that an independent parser reads back", () => {
    const ics = mentorScheduleToICalendar(report(), {
      mentorId: "m1",
      dtstamp: "2026-04-10T08:30:00+08:00",
    });
    // CRLF everywhere, no bare LF, and no line over 75 octets.
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n"))
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(ics));
    const todos = cal.getAllSubcomponents("vtodo");
    // p1 and p2 (both m1's), two policies, three months each.
    expect(todos).toHaveLength(12);
    const uids = todos.map((t) => t.getFirstPropertyValue("uid"));
    expect(new Set(uids).size).toBe(12);
    for (const t of todos)
      expect(String(t.getFirstPropertyValue("dtstamp"))).toBe("2026-04-10T00:30:00Z");
    const tricky = todos.find((t) =>
      String(t.getFirstPropertyValue("summary")).startsWith("家访; 带上书包"),
    )!;
    expect(tricky.getFirstPropertyValue("summary")).toBe(
      "家访; 带上书包, 作业本\\和\n记录册——一个很长很长的名字用来测试按七十五个八位字节折行是否正确处理多字节汉字 · 王** (0/1)",
    );
    const april = todos.find(
      (t) => t.getFirstPropertyValue("uid") === "home-visit-monthly-p1-20260401@liushou.invalid",
    )!;
    expect(String(april.getFirstPropertyValue("dtstart"))).toBe("2026-04-01");
    expect(String(april.getFirstPropertyValue("due"))).toBe("2026-04-30");
    expect(april.getFirstPropertyValue("status")).toBe("NEEDS-ACTION");
  });

  it("writes all-day VEVENTs with an exclusive end, names when asked, English when asked", () => {
    const ics = mentorScheduleToICalendar(report(), {
      mentorId: "m1",
      dtstamp: "2026-04-10T00:00:00Z",
      component: "VEVENT",
      locale: "en",
      showNames: true,
      statuses: ["due"],
    });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    expect(events).toHaveLength(4); // April only: two policies × p1 and p2
    const e = events.find((x) => String(x.getFirstPropertyValue("summary")).startsWith("Teacher"))!;
    expect(String(e.getFirstPropertyValue("dtend"))).toBe("2026-05-01");
    expect(e.getFirstPropertyValue("summary")).toBe(
      "Teacher mentor visits the home monthly · 王小明 (0/1)",
    );
  });

  it("rejects an unknown mentor and a missing dtstamp", () => {
    expect(() =>
      mentorScheduleToICalendar(report(), { mentorId: "ghost", dtstamp: "2026-04-10T00:00:00Z" }),
    ).toThrow(ValidationError);
    expect(() => mentorScheduleToICalendar(report(), { mentorId: "m1" } as never)).toThrow(
      ValidationError,
    );
  });

  it("escapes text and folds without splitting a character", () => {
    expect(escapeICalText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    const folded = foldICalLine(`SUMMARY:${"家".repeat(40)}`);
    const lines = folded.split("\r\n");
    expect(lines).toHaveLength(2);
    expect(encoder.encode(lines[0]!).length).toBe(74); // 8 + 22 × 3; a 23rd character would make 77
    expect(lines[1]!.startsWith(" ")).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(
      `SUMMARY:${"家".repeat(40)}`,
    );
  });
});
