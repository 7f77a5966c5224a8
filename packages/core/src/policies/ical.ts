import * as z from "zod";
import { invalidArgument, validate } from "../errors/validate";
import { DEFAULT_LOCALE, text, type Locale } from "../i18n";
import { IdSchema, InstantSchema } from "../model/primitives";
import { addDays } from "../time/calendar-date";
import type { Instant } from "../time/types";
import { COMPLIANCE_STATUSES, type ComplianceStatus } from "./evaluate";
import { throwIfIssues, unknownIdIssue } from "./issues";
import type { ComplianceReport, ComplianceRow } from "./report";

/**
 * Options of {@link mentorScheduleToICalendar}.
 * @category Policies
 */
export interface ICalendarOptions {
  mentorId: string;
  /** DTSTAMP of every component: when the feed was generated (core never reads the clock). */
  dtstamp: Instant;
  /** `VTODO` (tasks with a due date, default) or `VEVENT` (all-day events spanning the window). */
  component?: "VTODO" | "VEVENT";
  /** Language of summaries. Default zh-CN. */
  locale?: Locale;
  /** Which rows to export. Default due, overdue and upcoming. */
  statuses?: readonly ComplianceStatus[];
  /** Show children's full names (default false: the given name is masked, PIPL Art. 28/31). */
  showNames?: boolean;
  /** Domain used in UIDs. Default `liushou.invalid`. */
  uidDomain?: string;
}

const OptionsSchema = z.object({
  mentorId: IdSchema,
  dtstamp: InstantSchema,
  component: z.enum(["VTODO", "VEVENT"]).default("VTODO"),
  locale: z.enum(["zh-CN", "en"]).default(DEFAULT_LOCALE),
  statuses: z.array(z.enum(COMPLIANCE_STATUSES)).default(["due", "overdue", "upcoming"]),
  showNames: z.boolean().default(false),
  uidDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/)
    .default("liushou.invalid"),
});

function requireString(value: unknown, path: string): void {
  if (typeof value !== "string") {
    throw invalidArgument(path, "invalid_type", text("应为字符串", "expected a string"), value);
  }
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
 * @example
 * escapeICalText("家访; 带书包, 2本") //=> "家访\\; 带书包\\, 2本"
 * @category Policies
 */
export function escapeICalText(value: string): string {
  requireString(value, "value");
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character; each
 * continuation starts with a space. Lines are joined with CRLF.
 * @example
 * foldICalLine("SUMMARY:" + "家".repeat(30)).split("\r\n").length //=> 2
 * @category Policies
 */
export function foldICalLine(line: string): string {
  requireString(line, "line");
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      out.push(current);
      current = " ";
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join("\r\n");
}

function icsDate(date: string): string {
  return date.replace(/-/g, "");
}

function icsStamp(instant: string): string {
  return new Date(Date.parse(instant))
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function uidPart(s: string): string {
  return s.replace(
    /[^A-Za-z0-9._-]/g,
    (c) =>
      `%${[...encoder.encode(c)].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join("%")}`,
  );
}

function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + "*".repeat(chars.length - 1);
}

/**
 * A mentor's schedule as an iCalendar feed (RFC 5545) a phone can subscribe to: one VTODO (or
 * VEVENT) per due window of the mentor's pairings and own mentor-level policies, with CRLF line
 * endings, 75-octet folding, escaped text, a stable UID per window and the given DTSTAMP.
 * @param report - From {@link evaluateCompliance}.
 * @param options - `mentorId`, `dtstamp` (required), `component`, `locale`, `statuses`, `showNames`.
 * @returns The `text/calendar` body.
 * @throws ValidationError when the mentor is not in the report's data or an option is invalid.
 * @example
 * mentorScheduleToICalendar(report, { mentorId: "m1", dtstamp: "2026-04-10T00:00:00Z" }).split("\r\n")[0]
 * //=> "BEGIN:VCALENDAR"
 * @category Policies
 */
export function mentorScheduleToICalendar(
  report: ComplianceReport,
  options: ICalendarOptions,
): string {
  const opts = validate(OptionsSchema, options, {
    subject: text("日历导出选项", "calendar export options"),
  });
  const d = report._data;
  const mi = d.index.mentorById.get(opts.mentorId);
  if (mi === undefined)
    throwIfIssues(
      [unknownIdIssue("mentorId", opts.mentorId, "帮扶人", "mentor")],
      text("日历导出选项", "calendar export options"),
    );
  const mentor = d.mentors[mi!]!;
  const statuses = new Set(opts.statuses);
  const childName = new Map(
    d.children.map((c) => [c.id, opts.showNames ? c.child.name : maskName(c.child.name)]),
  );
  const rows: ComplianceRow[] = [];
  const t = report._table;
  for (let i = 0; i < t.n; i++) {
    if (!statuses.has(report.statusOf(i))) continue;
    const level = report.policies[t.policy[i]!]!.level;
    const s = t.subject[i]!;
    if (
      (level === "pairing" && d.index.pairingMentor[s] === mi) ||
      (level === "mentor" && s === mi)
    )
      rows.push(report.row(i));
  }
  const zh = opts.locale === "zh-CN";
  const stamp = icsStamp(opts.dtstamp);
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Liushou//Visit schedule//ZH",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeICalText(zh ? `${mentor.name}的走访日程` : `Visit schedule of ${mentor.name}`)}`,
  ];
  for (const row of rows) {
    const who = row.childId ? (childName.get(row.childId) ?? row.childId) : undefined;
    const progress = `${row.done}/${row.required}`;
    const summary = `${row.policyName[opts.locale]}${who ? ` · ${who}` : ""} (${progress})`;
    const statusText: Record<ComplianceStatus, string> = zh
      ? {
          met: "已完成",
          missed: "未完成",
          due: "待完成",
          overdue: "已逾期",
          upcoming: "未开始",
          exempt: "免除",
          "not-applicable": "不适用",
        }
      : {
          met: "met",
          missed: "missed",
          due: "due",
          overdue: "overdue",
          upcoming: "upcoming",
          exempt: "exempt",
          "not-applicable": "not applicable",
        };
    const description = zh
      ? `要求 ${row.required} 次，已完成 ${row.done} 次；状态：${statusText[row.status]}；窗口 ${row.from} 至 ${row.to}，截止 ${row.due}`
      : `Required ${row.required}, done ${row.done}; status: ${statusText[row.status]}; window ${row.from} to ${row.to}, due ${row.due}`;
    const uid = `${uidPart(row.policyId)}-${uidPart(row.subjectId)}-${icsDate(row.from)}@${opts.uidDomain}`;
    lines.push(`BEGIN:${opts.component}`, `UID:${uid}`, `DTSTAMP:${stamp}`);
    if (opts.component === "VTODO") {
      // RFC 5545: DUE must be later than DTSTART, so a one-day window has no DTSTART.
      if (row.from < row.due) lines.push(`DTSTART;VALUE=DATE:${icsDate(row.from)}`);
      lines.push(`DUE;VALUE=DATE:${icsDate(row.due)}`);
      lines.push(`STATUS:${row.status === "met" ? "COMPLETED" : "NEEDS-ACTION"}`);
      lines.push(
        `PERCENT-COMPLETE:${Math.min(100, Math.round((100 * row.done) / Math.max(1, row.required)))}`,
      );
    } else {
      lines.push(
        `DTSTART;VALUE=DATE:${icsDate(row.from)}`,
        `DTEND;VALUE=DATE:${icsDate(addDays(row.to, 1))}`,
        "TRANSP:TRANSPARENT",
      );
    }
    lines.push(
      `SUMMARY:${escapeICalText(summary)}`,
      `DESCRIPTION:${escapeICalText(description)}`,
      `CATEGORIES:${escapeICalText(row.policyId)}`,
      `END:${opts.component}`,
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldICalLine).join("\r\n")}\r\n`;
}
