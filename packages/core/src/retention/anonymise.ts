import { invalidArgument, validate } from "../errors/validate";
import type { FileChange, FilePatch } from "../file/change";
import { text } from "../i18n/locale";
import { ChildFileSchema, type ChildFile } from "../model/child-file";
import { CHILD_PROFILE_TEXTS } from "../model/profile-texts";
import { fieldClassAt } from "../privacy/field-class";

/**
 * The name an anonymised file gives the child and every guardian and parent.
 * @example
 * anonymiseChildFile(file).child.name //=> "匿名"
 * @category Retention
 */
export const ANONYMISED_NAME = "匿名";

type Key = string | number;

/** Free texts about a person, which may say anything about them: left out. */
const FREE_TEXT: Readonly<Record<string, ReadonlySet<string>>> = {
  child: new Set(CHILD_PROFILE_TEXTS),
  guardians: new Set(["personality"]),
  parents: new Set(["employer", "workplace", "expectations", "contactHabit"]),
};

const LEFT_OUT: unique symbol = Symbol("left out");
type Rule = { readonly to: unknown } | typeof LEFT_OUT | undefined;

/**
 * What anonymising does to the value at `path` of a child file: `undefined` to look inside,
 * {@link LEFT_OUT} to remove it, or `{ to }` to put `to` in its place.
 */
function ruleAt(path: readonly Key[]): Rule {
  const [head, second, third] = path;
  if (path.length > 0 && fieldClassAt(ChildFileSchema, path) !== undefined) return LEFT_OUT;
  if (head === "emergencyContacts") return path.length === 1 ? { to: [] } : LEFT_OUT;
  if (head === "child") {
    if (path.length === 2 && second === "name") return { to: ANONYMISED_NAME };
    if (path.length === 2 && FREE_TEXT.child!.has(String(second))) return LEFT_OUT;
    return undefined;
  }
  if ((head === "guardians" || head === "parents") && path.length === 3) {
    if (third === "name") return { to: ANONYMISED_NAME };
    if (FREE_TEXT[head]!.has(String(third))) return LEFT_OUT;
  }
  return undefined;
}

const MAX_DEPTH = 64;

/** A copy of `value`, found at `path` of a child file, with the anonymisation rules applied. */
function scrub(value: unknown, path: Key[], depth = 0): unknown {
  const rule = ruleAt(path);
  if (rule === LEFT_OUT) return LEFT_OUT;
  if (rule !== undefined) return structuredClone(rule.to);
  if (path.length === 2 && path[0] === "child" && path[1] === "birthDate") {
    // Generalised to the year: ages stay right to within a year.
    return typeof value === "string" ? `${value.slice(0, 4)}-01-01` : LEFT_OUT;
  }
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    return value.map((v, i) => scrub(v, [...path, i], depth + 1)).filter((v) => v !== LEFT_OUT);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const s = scrub(v, [...path, k], depth + 1);
    if (s !== LEFT_OUT) {
      Object.defineProperty(out, k, {
        value: s,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

/**
 * A child's file anonymised, what a retention policy with `action: "anonymise"` keeps: every
 * classed field (identifying, sensitive, health, financial: ID and student numbers, phones,
 * the address, health, incomes) and every free text about a person (observations, personality,
 * employer, workplace, expectations) left out; the names of the child, guardians and parents
 * replaced by {@link ANONYMISED_NAME}; emergency contacts dropped; the birth date generalised
 * to 1 January of its year. Kept for statistics: ids, gender, region code, school, class,
 * grade, schooling, living arrangement, flags, risk level, relations, roles, away periods.
 * Idempotent: anonymising an anonymised file changes nothing ({@link isAnonymisedChildFile}).
 * Pure; the file is not changed.
 * @param file - A child file.
 * @returns The anonymised file, which passes `ChildFileSchema`.
 * @throws ValidationError when `file` is not a valid child file.
 * @example
 * const a = anonymiseChildFile(file);
 * a.child.name //=> "匿名"
 * a.child.idNumber //=> undefined
 * a.child.birthDate //=> "2015-01-01"
 * @category Retention
 */
export function anonymiseChildFile(file: ChildFile): ChildFile {
  const f = validate(ChildFileSchema, file, { subject: text("档案", "file"), path: ["file"] });
  return ChildFileSchema.parse(scrub(f, []));
}

/**
 * Whether a file is anonymised already: anonymising it would change nothing.
 * @param file - A child file.
 * @returns `true` for a file {@link anonymiseChildFile} returned.
 * @throws ValidationError when `file` is not a valid child file.
 * @example
 * isAnonymisedChildFile(anonymiseChildFile(file)) //=> true
 * @category Retention
 */
export function isAnonymisedChildFile(file: ChildFile): boolean {
  const f = validate(ChildFileSchema, file, { subject: text("档案", "file"), path: ["file"] });
  return JSON.stringify(scrub(f, [])) === JSON.stringify(f);
}

function requirePatches(patches: unknown, path: string): readonly FilePatch[] {
  if (!Array.isArray(patches) || patches.some((p) => typeof p !== "object" || p === null)) {
    throw invalidArgument(
      path,
      "invalid_type",
      text("应为补丁数组", "expected an array of patches"),
      patches,
    );
  }
  return patches as readonly FilePatch[];
}

function patchOf(p: FilePatch, value: unknown): FilePatch {
  const out: FilePatch = { op: p.op, path: [...p.path] };
  if (value !== LEFT_OUT && value !== undefined) out.value = value;
  return out;
}

/**
 * Patches of a child file (a file history's or an audit entry's) redacted as
 * {@link anonymiseChildFile} anonymises the file: each patch's value goes through the same
 * rules at the patch's path, and a value left out leaves the patch without one (its `op` and
 * `path` stay, so the history still says which field changed, never to what).
 * @param patches - Patches of a child file.
 * @returns Redacted copies.
 * @throws ValidationError when `patches` is not an array.
 * @example
 * anonymiseFilePatches([{ op: "replace", path: ["child", "health"], value: "哮喘" }])
 * //=> [{ op: "replace", path: ["child", "health"] }]
 * @category Retention
 */
export function anonymiseFilePatches(patches: readonly FilePatch[]): FilePatch[] {
  return requirePatches(patches, "patches").map((p) => {
    const path = Array.isArray(p?.path) ? (p.path as Key[]) : [];
    return patchOf({ op: p.op, path }, "value" in p ? scrub(p.value, path) : undefined);
  });
}

/**
 * Patches with every value removed, what erasing a child's file leaves in the audit log: the
 * `op` and `path` of each patch, never a value.
 * @param patches - Any patches.
 * @returns Copies without values.
 * @throws ValidationError when `patches` is not an array.
 * @example
 * erasePatchValues([{ op: "add", path: [], value: file }]) //=> [{ op: "add", path: [] }]
 * @category Retention
 */
export function erasePatchValues(patches: readonly FilePatch[]): FilePatch[] {
  return requirePatches(patches, "patches").map((p) =>
    patchOf({ op: p.op, path: Array.isArray(p?.path) ? [...p.path] : [] }, undefined),
  );
}

/**
 * A change of a file's history redacted by {@link anonymiseFilePatches}: its patches and
 * inverse patches, and its `reason`, a free text, replaced by a neutral one.
 * @param change - A change of a child file.
 * @returns The redacted change, with the same id, file, actor and time.
 * @throws ValidationError when `change` has no patch lists.
 * @example
 * anonymiseFileChange(change).reason //=> "anonymised"
 * @category Retention
 */
export function anonymiseFileChange(change: FileChange): FileChange {
  return {
    ...change,
    reason: "anonymised",
    patches: anonymiseFilePatches(requirePatches(change?.patches, "change.patches")),
    inversePatches: anonymiseFilePatches(
      requirePatches(change?.inversePatches, "change.inversePatches"),
    ),
  };
}
