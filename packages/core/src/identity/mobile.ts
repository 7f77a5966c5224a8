/**
 * Normalises a mainland China mobile number (strips spaces, dashes and a `+86`/`0086` prefix),
 * or returns `undefined` if it is not one: 11 digits starting `13`–`19`.
 * @example
 * normalizeMobile("+86 138-0013-8000") //=> "13800138000"
 * normalizeMobile("12345") //=> undefined
 * @category Identity
 */
export function normalizeMobile(value: string): string | undefined {
  if (typeof value !== "string") return undefined;
  let digits = value.replace(/[\s-]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/**
 * Whether a string is a mainland China mobile number (after normalisation).
 * @example
 * isMobile("13800138000") //=> true
 * @category Identity
 */
export function isMobile(value: string): boolean {
  return normalizeMobile(value) !== undefined;
}
