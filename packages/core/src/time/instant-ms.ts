import { civilDayNumber, monthLength } from "./civil-day";

/** Every instant form accepted: date, hours and minutes, optional seconds and fraction, offset. */
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
const DAY_MS = 86_400_000;

/**
 * 0000-01-02 and 9999-12-29 (UTC), the first and last instants accepted: every instant between
 * them falls on a date with a four-digit year in every zone (offsets, local mean time included,
 * stay within 16 hours), so its date in any zone can be written `YYYY-MM-DD`.
 */
const FIRST_MS = -62_167_132_800_000;
const LAST_MS = 253_402_041_600_000;

/**
 * Whether milliseconds since the epoch lie in the range of instants (0000-01-02 to 9999-12-29
 * UTC), whose date in every zone has a four-digit year. `false` for `NaN`.
 * @internal
 */
export function isInstantMsInRange(ms: number): boolean {
  return ms >= FIRST_MS && ms <= LAST_MS;
}

/** Two decimal digits at `i`, `NaN` if either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * Milliseconds of an instant given as numbers, `NaN` unless every field is in range: a real date
 * (no 30 February), hours 00–23 (no `24:00`), minutes and seconds 00–59 (no leap second), offset
 * hours 00–23 and minutes 00–59, and the instant in range ({@link isInstantMsInRange}). A `NaN`
 * field fails every comparison, so a parser may pass one for a character that is not a digit.
 * The one place both parsers check the fields and add the instant up.
 * @param fraction - Milliseconds, 0–999.
 * @param offsetSign - `1` east of UTC (`+`), `-1` west (`-`), `0` for `Z` (the offset then 0).
 */
function instantFromParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: number,
  offsetSign: number,
  offsetHour: number,
  offsetMinute: number,
): number {
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)))
    return NaN;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59))
    return NaN;
  const ms =
    civilDayNumber(year, month, day) * DAY_MS +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    fraction -
    (offsetHour * 60 + offsetMinute) * 60_000 * offsetSign;
  return ms >= FIRST_MS && ms <= LAST_MS ? ms : NaN;
}

/**
 * Milliseconds of the plainest instants, `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS±HH:MM`
 * with every field in range (a real date, hours 00–23, minutes and seconds 00–59, offset hours
 * 00–23 and minutes 00–59) and the instant in range ({@link isInstantMsInRange}), by arithmetic
 * alone; `NaN` for every other string, which the general parse then decides (and refuses if the
 * string has this form). It agrees with `Date.parse` wherever it answers.
 * @internal
 */
export function plainInstantMs(s: string): number {
  const n = s.length;
  if (n !== 20 && n !== 25) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return NaN;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
  const sign = s.charCodeAt(19);
  let offsetSign = 0;
  let oh = 0;
  let om = 0;
  if (n === 20) {
    if (sign !== 90) return NaN;
  } else {
    if ((sign !== 43 && sign !== 45) || s.charCodeAt(22) !== 58) return NaN;
    offsetSign = sign === 43 ? 1 : -1;
    oh = twoDigits(s, 20);
    om = twoDigits(s, 23);
  }
  // twoDigits gives NaN for a non-digit, which instantFromParts refuses.
  return instantFromParts(
    twoDigits(s, 0) * 100 + twoDigits(s, 2),
    twoDigits(s, 5),
    twoDigits(s, 8),
    twoDigits(s, 11),
    twoDigits(s, 14),
    twoDigits(s, 17),
    0,
    offsetSign,
    oh,
    om,
  );
}

/**
 * The general parse, for the forms the plain one leaves: no seconds, a fraction, `±HHMM`. The
 * same ranges ({@link instantFromParts}): a real date (no 30 February: `Date.parse` would roll
 * it over to March), hours 00–23 (no `24:00`, which `Date.parse` reads as the next day's
 * midnight), minutes and seconds 00–59 (no leap second), offsets up to `±23:59`; a fraction
 * beyond milliseconds is cut off, as `Date.parse` does.
 */
function generalInstantMs(s: string): number {
  const m = INSTANT_RE.exec(s);
  if (m === null) return NaN;
  const z = m[8] === undefined;
  return instantFromParts(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
    m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0").slice(0, 3)),
    z ? 0 : m[8] === "+" ? 1 : -1,
    z ? 0 : Number(m[9]),
    z ? 0 : Number(m[10]),
  );
}

/**
 * Milliseconds of an ISO 8601 instant with an explicit offset or `Z`, `NaN` for anything else
 * (one parse: the check and the value at once; the plainest forms by arithmetic alone). An
 * impossible date or time (`2026-02-30`, `24:00`, `23:60`, seconds `60`, offset `+24:00` or
 * `+08:60`) or an instant outside {@link isInstantMsInRange} is `NaN`, never rolled over.
 * @internal
 */
export function instantMsOrNaN(value: unknown): number {
  if (typeof value !== "string") return NaN;
  const ms = plainInstantMs(value);
  if (ms === ms) return ms;
  return generalInstantMs(value);
}
