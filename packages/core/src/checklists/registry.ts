import { ConflictError } from "../errors/errors";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n";
import { defineChecklist, type ChecklistSource } from "./engine";
import type { Checklist, ChecklistInput } from "./schema";

/**
 * Every version of every checklist a host uses, so that a stored assessment scores with the
 * version it was taken on. Immutable: {@link ChecklistRegistry.with} returns a new registry.
 * @category Checklists
 */
export interface ChecklistRegistry extends ChecklistSource {
  /** The checklist `id` at `version`, or `null`. */
  get(id: string, version: string): Checklist | null;
  /** The highest version of `id` (numeric parts compared as numbers), or `null`. */
  latest(id: string): Checklist | null;
  /** The versions of `id`, lowest first. */
  versions(id: string): readonly string[];
  /** Every checklist version held. */
  list(): readonly Checklist[];
  /** A new registry with more checklists. */
  with(...checklists: readonly (ChecklistInput | Checklist)[]): ChecklistRegistry;
}

/**
 * Compares version strings part by part, numerically where both parts are numbers
 * (`"1.10.0"` after `"1.9.0"`).
 * @example
 * compareChecklistVersions("1.10.0", "1.9.0") //=> 1
 * @category Checklists
 */
export function compareChecklistVersions(a: string, b: string): number {
  if (typeof a !== "string" || typeof b !== "string") {
    throw invalidArgument(
      typeof a !== "string" ? "a" : "b",
      "invalid_type",
      text("应为版本号字符串", "expected a version string"),
      typeof a !== "string" ? a : b,
    );
  }
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Creates a registry of checklist versions. Each definition is validated once.
 * @param checklists - definitions, several versions of one id allowed
 * @throws ValidationError for a faulty definition; ConflictError when an id and version
 *   appear twice
 * @example
 * const registry = createChecklistRegistry([needsV1, needsV2]);
 * registry.get("liushou.needs", "1.0.0")?.version //=> "1.0.0"
 * registry.get("liushou.needs", "9.9.9") //=> null
 * @category Checklists
 */
export function createChecklistRegistry(
  checklists: readonly (ChecklistInput | Checklist)[],
): ChecklistRegistry {
  const byId = new Map<string, Map<string, Checklist>>();
  const all: Checklist[] = [];
  if (!Array.isArray(checklists)) {
    throw invalidArgument(
      "checklists",
      "invalid_type",
      text("应为量表数组", "expected an array of checklists"),
      checklists,
    );
  }
  for (const input of checklists) {
    const c = defineChecklist(input);
    let versions = byId.get(c.id);
    if (!versions) byId.set(c.id, (versions = new Map()));
    if (versions.has(c.version))
      throw new ConflictError(
        text(
          `检查表 ${c.id} 的版本 ${c.version} 登记了两次`,
          `checklist ${c.id} version ${c.version} is registered twice`,
        ),
      );
    versions.set(c.version, c);
    all.push(c);
  }
  const sorted = (id: string) => [...(byId.get(id)?.keys() ?? [])].sort(compareChecklistVersions);
  return Object.freeze({
    get: (id: string, version: string) => byId.get(id)?.get(version) ?? null,
    latest: (id: string) => {
      const v = sorted(id).at(-1);
      return v === undefined ? null : (byId.get(id)?.get(v) ?? null);
    },
    versions: sorted,
    list: () => [...all],
    with: (...more: readonly (ChecklistInput | Checklist)[]) =>
      createChecklistRegistry([...all, ...more]),
  });
}
