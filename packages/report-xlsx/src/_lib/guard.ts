/**
 * Whether a text would be taken for a formula by a spreadsheet (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return): such text is written as a text cell, formatted `@`, so it is
 * never evaluated, not even after an edit.
 * @example
 * looksLikeFormula("=cmd|' /C calc'!A0") //=> true
 * looksLikeFormula("王小明") //=> false
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
