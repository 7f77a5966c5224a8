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
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  // NaN fails every comparison, so a non-digit anywhere ends here; no 30 February, no 24:00.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour <= 23)) return NaN;
  if (!(minute <= 59 && second <= 59 && day <= monthLength(year, month))) return NaN;
  const sign = s.charCodeAt(19);
  let offsetMs = 0;
  if (n === 20) {
    if (sign !== 90) return NaN;
  } else {
    if ((sign !== 43 && sign !== 45) || s.charCodeAt(22) !== 58) return NaN;
    const oh = twoDigits(s, 20);
    const om = twoDigits(s, 23);
    if (!(oh <= 23 && om <= 59)) return NaN;
    offsetMs = (oh * 60 + om) * 60_000 * (sign === 43 ? 1 : -1);
  }
  const ms =
    civilDayNumber(year, month, day) * DAY_MS +
    ((hour * 60 + minute) * 60 + second) * 1000 -
    offsetMs;
  return ms >= FIRST_MS && ms <= LAST_MS ? ms : NaN;
}

/**
 * The general parse, for the forms the plain one leaves: no seconds, a fraction, `±HHMM`. The
 * same ranges: a real date (no 30 February: `Date.parse` would roll it over to March), hours
 * 00–23 (no `24:00`, which `Date.parse` reads as the next day's midnight), minutes and seconds
 * 00–59 (no leap second), offsets up to `±23:59`; a fraction beyond milliseconds is cut off, as
 * `Date.parse` does.
 */
function generalInstantMs(s: string): number {
  const m = INSTANT_RE.exec(s);
  if (m === null) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0").slice(0, 3));
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month))) return NaN;
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  let offsetMs = 0;
  if (m[8] !== undefined) {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (!(oh <= 23 && om <= 59)) return NaN;
    offsetMs = (oh * 60 + om) * 60_000 * (m[8] === "+" ? 1 : -1);
  }
  const ms =
    civilDayNumber(year, month, day) * DAY_MS +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    fraction -
    offsetMs;
  return ms >= FIRST_MS && ms <= LAST_MS ? ms : NaN;
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
