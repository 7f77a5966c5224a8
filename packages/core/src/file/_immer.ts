import { enablePatches, Immer } from "immer";

let instance: Immer | undefined;

/**
 * A private immer instance that always freezes its results. Patches are enabled on first use
 * (`enablePatches` is idempotent), so importing core has no side effect.
 * @internal
 */
export function immer(): Immer {
  if (!instance) {
    enablePatches();
    instance = new Immer({ autoFreeze: true });
  }
  return instance;
}

function isContainer(v: unknown): v is Record<string | number, unknown> {
  return v !== null && typeof v === "object";
}

/**
 * Makes a draft equal to `target` by writing only the leaves that differ, so immer records
 * minimal patches (used to apply zod's defaults and normalisation inside the recipe).
 * @internal
 */
export function reconcile(
  draft: Record<string | number, unknown>,
  target: Record<string | number, unknown>,
): void {
  if (Array.isArray(draft) && Array.isArray(target)) {
    for (let i = 0; i < target.length; i++) assign(draft, i, target[i]);
    if (draft.length > target.length) draft.splice(target.length);
    return;
  }
  for (const key of Object.keys(draft)) if (!(key in target)) delete draft[key];
  for (const key of Object.keys(target)) assign(draft, key, target[key]);
}

function assign(
  draft: Record<string | number, unknown>,
  key: string | number,
  value: unknown,
): void {
  const cur = draft[key];
  if (isContainer(cur) && isContainer(value) && Array.isArray(cur) === Array.isArray(value)) {
    reconcile(cur, value);
  } else if (!Object.is(cur, value) || !(key in draft)) {
    draft[key] = value;
  }
}

/** Structural equality of JSON-like values. @internal */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual(a[k], b[k]));
}
