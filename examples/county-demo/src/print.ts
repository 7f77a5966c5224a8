/** Width of a string in a terminal: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** Prints an aligned plain-text table, a line at a time, to `write`. */
export function printTable(
  headers: string[],
  rows: string[][],
  write: (line: string) => void,
): void {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 ? c + " ".repeat(widths[i]! - width(c)) : " ".repeat(widths[i]! - width(c)) + c,
      )
      .join("  ");
  write(line(headers));
  write(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) write(line(r));
}
