/**
 * One all-day entry of a calendar.
 * @category CLI
 */
export interface CalendarEntry {
  /** Stable across exports, so a calendar app updates the entry instead of adding another. */
  readonly uid: string;
  /** The day, `YYYY-MM-DD`. */
  readonly date: string;
  readonly summary: string;
  readonly description?: string;
}

/** Text escaped as RFC 5545 §3.3.11 asks. */
const escape = (s: string): string =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** `2026-03-05T04:00:00.000Z` → `20260305T040000Z`. */
const stamp = (iso: string): string => iso.replace(/[-:]/g, "").replace(/\.\d+/, "");

/**
 * Writes entries as an iCalendar file (RFC 5545): one all-day `VEVENT` per entry, CRLF line
 * ends, long lines folded, text escaped.
 * @param entries - The entries.
 * @param options - `name` of the calendar, `now` (an ISO instant) for `DTSTAMP`.
 * @returns The `.ics` text.
 * @example
 * toIcs([{ uid: "a@liushou", date: "2026-03-05", summary: "家访" }], { name: "待办", now: "2026-03-01T00:00:00Z" }).startsWith("BEGIN:VCALENDAR") //=> true
 * @category CLI
 */
export function toIcs(
  entries: readonly CalendarEntry[],
  options: { name: string; now: string },
): string {
  const dtstamp = stamp(new Date(options.now).toISOString());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Liushou//liushou CLI//ZH",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escape(options.name)}`,
    "X-WR-TIMEZONE:Asia/Shanghai",
  ];
  for (const e of entries) {
    const day = e.date.replaceAll("-", "");
    const next = new Date(`${e.date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escape(e.uid)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replaceAll("-", "")}`,
      `SUMMARY:${escape(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escape(e.description)}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
