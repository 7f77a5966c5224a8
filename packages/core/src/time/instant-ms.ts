import { civilDayNumber, monthLength } from "./civil-day";

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_MS = 86_400_000;

/** Two decimal digits at `i`, `NaN` if either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * Milliseconds of the plainest instants, `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS±HH:MM`
 * with every field in range (a real date, hours below 24, offset hours below 24), by
 * arithmetic; `NaN` for every other string, which the general parse then decides. It agrees
 * with `Date.parse` wherever it answers.
 */
function plainInstantMs(s: string): number {
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
  // NaN fails every comparison, so a non-digit anywhere ends here.
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
  return (
    civilDayNumber(year, month, day) * DAY_MS +
    ((hour * 60 + minute) * 60 + second) * 1000 -
    offsetMs
  );
}

/**
 * Milliseconds of an ISO 8601 instant with an explicit offset or `Z`, `NaN` for anything else
 * (one parse: the check and the value at once; the plainest forms by arithmetic alone).
 * @internal
 */
export function instantMsOrNaN(value: unknown): number {
  if (typeof value !== "string") return NaN;
  const ms = plainInstantMs(value);
  if (ms === ms) return ms;
  return INSTANT_RE.test(value) ? Date.parse(value) : NaN;
}
