import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import type { ComplianceStatus } from "./evaluate";
import { evaluateCompliance } from "./evaluate";
import {
  escapeICalText,
  foldICalLine,
  mentorScheduleToICalendar,
  type ICalendarOptions,
} from "./ical";
import { definePolicy } from "./presets";
import { scenario } from "./scenario.test-helper";

/**
 * The lines of each entry of a mentor's calendar, in both languages and both components, for a
 * row of every status: progress capped at 100%, a window of one day without DTSTART, an id
 * that is not ASCII in the UID, a one-character name left as it is.
 */
const visits = definePolicy({
  id: "visits",
  name: { "zh-CN": "每月两次", en: "Twice a month" },
  level: "pairing",
  counts: { contactKinds: ["home-visit", "talk"] },
  requirement: { type: "count", min: 2, per: "month" },
});
const talks = definePolicy({
  id: "talks",
  name: { "zh-CN": "每月三次谈心", en: "Three talks a month" },
  level: "pairing",
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 3, per: "month" },
  graceDays: 5,
});
const quiet = definePolicy({
  id: "quiet",
  name: { "zh-CN": "四月起", en: "From April" },
  level: "pairing",
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 1, per: "month" },
  effectiveFrom: "2026-04-01",
  exemptions: [{ from: "2026-04-01", to: "2026-04-30" }],
});
const every7 = definePolicy({
  id: "周报",
  name: { "zh-CN": "每七天", en: "Every 7 days" },
  level: "mentor",
  counts: { contactKinds: ["talk"] },
  requirement: { type: "interval", everyDays: 7, anchor: "2026-03-02" },
});
const ALL: ComplianceStatus[] = [
  "met",
  "missed",
  "due",
  "overdue",
  "upcoming",
  "exempt",
  "not-applicable",
];

/** m2 (周阿姨) with p3 (c1, renamed 明), March and April, asOf 2 April. */
function entries(options: Partial<ICalendarOptions>) {
  const s = scenario();
  s.children[0]!.child.name = "明";
  const report = evaluateCompliance({
    ...s,
    policies: [visits, talks, quiet, every7],
    period: { from: "2026-03-01", to: "2026-04-30" },
    asOf: "2026-04-02",
  });
  const ics = mentorScheduleToICalendar(report, {
    mentorId: "m2",
    dtstamp: "2026-04-02T09:00:00+08:00",
    ...options,
  });
  const lines = ics.replace(/\r\n /g, "").split("\r\n");
  const byUid = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines) {
    if (line === "BEGIN:VTODO" || line === "BEGIN:VEVENT") current = [];
    else if (line === "END:VTODO" || line === "END:VEVENT") current = undefined;
    else if (line.startsWith("UID:"))
      byUid.set(line.slice(4).replace("@liushou.invalid", ""), current!);
    else if (current && !line.startsWith("DTSTAMP:")) current.push(line);
  }
  return { head: lines.slice(0, 5), byUid };
}

describe("mentorScheduleToICalendar, line by line", () => {
  it("writes a VTODO per row in Chinese, with status, progress and the window", () => {
    const { head, byUid } = entries({ statuses: ALL });
    expect(head).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Liushou//Visit schedule//ZH",
      "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:周阿姨的走访日程",
    ]);
    expect(byUid.size).toBe(15); // three policies × two months for p3, nine 7-day dates for m2
    const todo = (from: string, to: string, status: string, pct: number, text: string) => [
      ...(from === to ? [] : [`DTSTART;VALUE=DATE:${from.replace(/-/g, "")}`]),
      `DUE;VALUE=DATE:${to.replace(/-/g, "")}`,
      `STATUS:${status}`,
      `PERCENT-COMPLETE:${pct}`,
      ...text.split("\n"),
    ];
    expect(byUid.get("visits-p3-20260301")).toEqual(
      todo(
        "2026-03-01",
        "2026-03-31",
        "COMPLETED",
        100,
        [
          "SUMMARY:每月两次 · 明 (4/2)",
          "DESCRIPTION:要求 2 次，已完成 4 次；状态：已完成；窗口 2026-03-01 至 2026-03-31，截止 2026-03-31",
          "CATEGORIES:visits",
        ].join("\n"),
      ),
    );
    const status = (uid: string) => {
      const d = byUid.get(uid)!.find((l) => l.startsWith("DESCRIPTION:"))!;
      return [d.split("；")[1], byUid.get(uid)!.find((l) => l.startsWith("PERCENT"))];
    };
    expect(
      [
        "visits-p3-20260401",
        "talks-p3-20260301",
        "quiet-p3-20260301",
        "quiet-p3-20260401",
        "%E5%91%A8%E6%8A%A5-m2-20260302",
        "%E5%91%A8%E6%8A%A5-m2-20260406",
      ].map(status),
    ).toEqual([
      ["状态：待完成", "PERCENT-COMPLETE:50"],
      ["状态：已逾期", "PERCENT-COMPLETE:33"],
      ["状态：不适用", "PERCENT-COMPLETE:0"],
      ["状态：免除", "PERCENT-COMPLETE:0"],
      ["状态：未完成", "PERCENT-COMPLETE:0"],
      ["状态：未开始", "PERCENT-COMPLETE:0"],
    ]);
    // A one-day window: DUE only (RFC 5545 wants DUE after DTSTART).
    expect(byUid.get("%E5%91%A8%E6%8A%A5-m2-20260302")).toEqual([
      "DUE;VALUE=DATE:20260302",
      "STATUS:NEEDS-ACTION",
      "PERCENT-COMPLETE:0",
      "SUMMARY:每七天 (0/1)",
      "DESCRIPTION:要求 1 次，已完成 0 次；状态：未完成；窗口 2026-03-02 至 2026-03-02，截止 2026-03-02",
      "CATEGORIES:周报",
    ]);
  });

  it("writes all-day VEVENTs in English, every status in words", () => {
    const { head, byUid } = entries({ statuses: ALL, locale: "en", component: "VEVENT" });
    expect(head[4]).toBe("X-WR-CALNAME:Visit schedule of 周阿姨");
    expect(byUid.get("talks-p3-20260301")).toEqual([
      "DTSTART;VALUE=DATE:20260301",
      "DTEND;VALUE=DATE:20260401",
      "TRANSP:TRANSPARENT",
      "SUMMARY:Three talks a month · 明 (1/3)",
      "DESCRIPTION:Required 3\\, done 1\\; status: overdue\\; window 2026-03-01 to 2026-03-31\\, due 2026-03-31",
      "CATEGORIES:talks",
    ]);
    const status = (uid: string) =>
      byUid
        .get(uid)!
        .find((l) => l.startsWith("DESCRIPTION:"))!
        .split("\\; ")[1];
    expect(
      [
        "visits-p3-20260301",
        "visits-p3-20260401",
        "quiet-p3-20260301",
        "quiet-p3-20260401",
        "%E5%91%A8%E6%8A%A5-m2-20260302",
        "%E5%91%A8%E6%8A%A5-m2-20260406",
      ].map(status),
    ).toEqual([
      "status: met",
      "status: due",
      "status: not applicable",
      "status: exempt",
      "status: missed",
      "status: upcoming",
    ]);
    expect(byUid.get("%E5%91%A8%E6%8A%A5-m2-20260302")!.slice(0, 3)).toEqual([
      "DTSTART;VALUE=DATE:20260302",
      "DTEND;VALUE=DATE:20260303",
      "TRANSP:TRANSPARENT",
    ]);
  });

  it("lists due, overdue and upcoming rows by default", () => {
    expect([...entries({}).byUid.keys()]).toEqual([
      "visits-p3-20260401",
      "talks-p3-20260301",
      "talks-p3-20260401",
      "%E5%91%A8%E6%8A%A5-m2-20260406",
      "%E5%91%A8%E6%8A%A5-m2-20260413",
      "%E5%91%A8%E6%8A%A5-m2-20260420",
      "%E5%91%A8%E6%8A%A5-m2-20260427",
    ]);
  });
});

describe("foldICalLine at the UTF-8 boundaries", () => {
  /** Characters on the first line of `line` folded. */
  const firstLine = (line: string) => [...foldICalLine(line).split("\r\n")[0]!].length;

  it("counts 1, 2, 3 and 4 octets at the edges of each range, and folds past 75", () => {
    expect(foldICalLine("a".repeat(75))).toBe("a".repeat(75));
    expect(foldICalLine("a".repeat(76))).toBe(`${"a".repeat(75)}\r\n a`);
    expect(firstLine("\u007f".repeat(80))).toBe(75);
    expect(firstLine("\u0080".repeat(80))).toBe(37); // 2 octets: 74
    expect(firstLine("\u07ff".repeat(80))).toBe(37);
    expect(firstLine("\u0800".repeat(80))).toBe(25); // 3 octets: 75
    expect(firstLine("\uffff".repeat(80))).toBe(25);
    expect(firstLine("\u{10000}".repeat(80))).toBe(18); // 4 octets: 72
  });

  it("refuses anything but a string", () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const i = (e as ValidationError).issues[0]!;
        return [i.path, i.code, i.message.en];
      }
      return expect.unreachable("accepted");
    };
    expect(path(() => escapeICalText(1 as never))).toEqual([
      "value",
      "invalid_type",
      "value: expected a string (received: 1)",
    ]);
    expect(path(() => foldICalLine(null as never))[0]).toBe("line");
  });
});
