const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Milliseconds of an ISO 8601 instant with an explicit offset or `Z`, `NaN` for anything else
 * (one parse: the check and the value at once).
 * @internal
 */
export function instantMsOrNaN(value: unknown): number {
  return typeof value === "string" && INSTANT_RE.test(value) ? Date.parse(value) : NaN;
}
