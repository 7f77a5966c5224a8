import {
  IdSchema,
  RegionCodeSchema,
  text,
  type ChildFile,
  type Mentor,
  type Pairing,
  type StorageSession,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { checkStrict } from "../_lib/arguments";

/**
 * Which children a use case reads: one school, an area (a region code and every area under it),
 * or both; empty for every child.
 * @category Composition
 */
export interface LiushouScope {
  schoolId?: string;
  regionCode?: string;
}

/** The schema of a scope. @internal */
export const ScopeSchema = z
  .object({ schoolId: IdSchema.optional(), regionCode: RegionCodeSchema.optional() })
  .default({});

/** Validates a scope, named `scope` (a key it does not take, such as `schoolID`, refused). @internal */
export function checkScope(ctx: Context, scope: unknown): LiushouScope {
  return checkStrict(ctx.locale, ScopeSchema, scope, text("范围", "scope"), { path: ["scope"] });
}

/** Reads a stream into an array, keeping what `keep` returns (all by default). @internal */
export async function drain<T, R = T>(
  items: AsyncIterable<T>,
  keep?: (item: T) => R | undefined,
): Promise<R[]> {
  const out: R[] = [];
  for await (const item of items) {
    const kept = keep ? keep(item) : (item as unknown as R);
    if (kept !== undefined) out.push(kept);
  }
  return out;
}

const ID_BATCH = 500;

/** The children of a scope, their pairings, and the mentors of the scope or of those pairings. */
export interface ScopePeople {
  readonly children: ChildFile[];
  readonly pairings: Pairing[];
  readonly mentors: Map<string, Mentor>;
}

/**
 * Reads the people of a scope: its children's files, every pairing of those children, the
 * mentors of the scope and every mentor those pairings name (wherever they work). @internal
 */
export async function loadScopePeople(
  s: StorageSession,
  scope: LiushouScope,
): Promise<ScopePeople> {
  const children = await drain(s.files.stream(scope), (r) => r.value);
  const ids = new Set(children.map((c) => c.id));
  // The pairings of the scope's children: the adapter filters by the same conditions as files.
  const everyChild = scope.schoolId === undefined && scope.regionCode === undefined;
  const pairingScope = {
    ...(scope.regionCode === undefined ? {} : { regionCode: scope.regionCode }),
    ...(scope.schoolId === undefined ? {} : { schoolIds: [scope.schoolId] }),
  };
  const pairings = await drain(s.pairings.stream(everyChild ? {} : { scope: pairingScope }), (r) =>
    ids.has(r.value.childId) ? r.value : undefined,
  );
  const mentors = new Map<string, Mentor>();
  for await (const r of s.mentors.stream(scope)) mentors.set(r.id, r.value);
  const missing = [...new Set(pairings.map((p) => p.mentorId))].filter((id) => !mentors.has(id));
  for (let i = 0; i < missing.length; i += ID_BATCH) {
    for await (const r of s.mentors.stream({ ids: missing.slice(i, i + ID_BATCH) }))
      mentors.set(r.id, r.value);
  }
  return { children, pairings, mentors };
}
