import { isLiushouError, type Locale } from "@liushou/core";

/**
 * The error with its `message` in `locale`, when it is one of Liushou's (both texts stay in
 * `messages`): core's helpers (`outOfScope`, `storageVersionConflict`…) and adapters build their
 * errors in the default locale, and a host that chose English reads English. Other errors are
 * returned as they are. @internal
 */
export function inLocale(error: unknown, locale: Locale): unknown {
  if (!isLiushouError(error)) return error;
  const message = error.messageIn(locale);
  if (error.message !== message) {
    try {
      Object.defineProperty(error, "message", {
        value: message,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    } catch {
      // A frozen error keeps its message; `messages` has both texts.
    }
  }
  return error;
}

/**
 * The methods of `target`, each throwing (or rejecting with) its errors in `locale`
 * ({@link inLocale}); other properties are kept as they are. @internal
 */
export function inLocaleMethods<T extends object>(target: T, locale: Locale): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== "function") {
      out[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => {
      let result: unknown;
      try {
        result = fn(...args);
      } catch (e) {
        throw inLocale(e, locale);
      }
      return result instanceof Promise
        ? result.catch((e: unknown) => {
            throw inLocale(e, locale);
          })
        : result;
    };
  }
  return out as T;
}
