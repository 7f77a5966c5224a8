/** The longest worksheet name Excel takes, in UTF-16 units. */
const MAX_SHEET_NAME = 31;

/**
 * The longest start of `chars` (whole characters) within `max` UTF-16 units, without the
 * apostrophes it ends with.
 */
function head(chars: readonly string[], max: number): string {
  let out = "";
  for (const c of chars) {
    if (out.length + c.length > max) break;
    out += c;
  }
  return out.replace(/'+$/, "");
}

/**
 * A valid, unique worksheet name from a title: Excel forbids `[]:*?/\`, a leading or trailing
 * apostrophe, and more than 31 characters, and compares names case-insensitively. A name cut to
 * 31 characters is cut between characters, and loses the apostrophes it would end with.
 * @example
 * const taken = new Set<string>();
 * sheetName("1/2", taken) //=> "1 2"
 * sheetName("1/2", taken) //=> "1 2 (2)"
 */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, " ").replace(/^[\s']+|[\s']+$/g, "") || "Sheet";
  const chars = [...clean];
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = (head(chars, MAX_SHEET_NAME - suffix.length) || "Sheet") + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}
