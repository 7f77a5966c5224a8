/**
 * Stage 4 of a compliance evaluation, status: how many contacts a window requires of a subject
 * in scope for part of it, and the window's status on `asOf`.
 * @module
 */

/** Status codes in the row table (the order of `COMPLIANCE_STATUSES`). @internal */
export const S = { met: 0, missed: 1, due: 2, overdue: 3, upcoming: 4, exempt: 5, na: 6 } as const;

/**
 * Contacts owed: `min`, or `round(min × active ÷ nominal)` (half up, never above `min`) for a
 * subject in scope on part of the window's countable days.
 * @internal
 */
export function requiredContacts(min: number, activeDays: number, nominalDays: number): number {
  return activeDays >= nominalDays
    ? min
    : Math.min(min, Math.floor((min * activeDays) / nominalDays + 0.5));
}

/**
 * The status code ({@link S}) of a window `[from, …]` due on `due` and closing (after its grace
 * days) on `closes`, for a subject in scope `scopeDays` of its days, on `asOfDay`.
 * @internal
 */
export function windowStatus(
  scopeDays: number,
  required: number,
  done: number,
  asOfDay: number,
  from: number,
  due: number,
  closes: number,
): number {
  if (scopeDays === 0) return S.na;
  if (required === 0) return S.exempt;
  if (done >= required) return S.met;
  if (asOfDay < from) return S.upcoming;
  if (asOfDay <= due) return S.due;
  if (asOfDay <= closes) return S.overdue;
  return S.missed;
}
