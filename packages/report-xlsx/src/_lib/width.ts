/**
 * The printed width of a text in spreadsheet character units: CJK and full-width characters
 * count two, others one.
 * @example
 * displayWidth("王小明 A1") //=> 9
 */
export function displayWidth(value: string): number {
  let w = 0;
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}
