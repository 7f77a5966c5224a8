import type { Instant } from "liushou";

/** The demo's clock: the time moves with the semester it plays, never the machine's time. */
export interface Clock {
  /** The current instant, for `createLiushou({ clock })`. */
  now(): Instant;
  /** Moves the clock to an instant. */
  set(at: Instant | string): void;
}

/**
 * A clock that shows what it was last set to.
 * @param start - The first instant.
 */
export function createClock(start: Instant): Clock {
  let current = start;
  return {
    now: () => current,
    set: (at) => void (current = at as Instant),
  };
}
