/**
 * Part of stage 1 of planning, the input: the quick check that lets a child file already in
 * validated shape skip the zod parse of `PairingChildSchema`. Private to the pairing module.
 * @module
 */
import { isGrade, isId, isOptionalId, isPlainRecord } from "../../_lib/shape";
import { checkRegionCode } from "../../identity/region-code";
import type { ChildFile } from "../../model/child-file";
import { isCalendarDate } from "../../time/calendar-date";

const GENDERS: ReadonlySet<unknown> = new Set(["male", "female"]);
const RISK_LEVELS: ReadonlySet<unknown> = new Set(["low", "medium", "high", "critical"]);

/**
 * Whether a shallow copy by spread (each own enumerable field read once, so a getter cannot
 * show one value to the check and another to the plan) gives what a loose zod object would: not
 * for anything such an object might treat otherwise (not a plain object, symbol keys, which zod
 * drops, reserved keys).
 */
function copyable(v: unknown): v is Record<string, unknown> {
  return isPlainRecord(v) && Object.getOwnPropertySymbols(v).length === 0;
}

/**
 * The child file `PairingChildSchema` would output (the same keys and values), built without zod
 * when the input certainly passes it: plain objects, string ids of 1–64 characters, `YYYY-MM-DD`
 * dates, a valid region code, a whole grade 1–12, known genders and risk levels, and `keyCase`
 * a boolean or left out (then `false`). Anything else — numeric ids, `Date`s, class instances,
 * getters' values aside, a wrong value — gives `undefined`, and the caller parses the file with
 * zod, so errors stay zod's. Like zod's, the result is a copy of the file and of its `child`.
 * `validRegions` remembers the region codes found valid during one parse (children share them).
 * @internal
 */
export function pairingChildInShape(
  row: unknown,
  validRegions: Set<string> = new Set(),
): ChildFile | undefined {
  // The file and its `child` are copied by two spreads, not one helper: each site then meets
  // the few layouts of one kind of object, which V8 copies on its fast path.
  if (!copyable(row)) return undefined;
  const f = { ...row };
  if (!isId(f.id)) return undefined;
  if (!(f.keyCase === false || f.keyCase === true || !("keyCase" in f))) return undefined;
  if ("riskLevel" in f && f.riskLevel !== undefined && !RISK_LEVELS.has(f.riskLevel))
    return undefined;
  const child = f.child;
  if (!copyable(child)) return undefined;
  const c = { ...child };
  if (!GENDERS.has(c.gender) || !isCalendarDate(c.birthDate)) return undefined;
  const region = c.regionCode;
  if (typeof region !== "string") return undefined;
  if (!validRegions.has(region)) {
    if (!checkRegionCode(region).valid) return undefined;
    validRegions.add(region);
  }
  if (!isOptionalId(c.schoolId) || !isOptionalId(c.classId)) return undefined;
  if (c.grade !== undefined && !isGrade(c.grade)) return undefined;
  f.child = c;
  if (!("keyCase" in f)) f.keyCase = false;
  return f as unknown as ChildFile;
}
