/**
 * A valid, unique worksheet name from a title: Excel forbids `[]:*?/\`, a leading or trailing
 * apostrophe, and more than 31 characters, and compares names case-insensitively.
 * @example
 * const taken = new Set<string>();
 * sheetName("1/2", taken) //=> "1 2"
 * sheetName("1/2", taken) //=> "1 2 (2)"
 */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  const chars = [...clean];
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = chars.slice(0, 31 - suffix.length).join("") + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}
