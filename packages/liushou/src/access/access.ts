import {
  ActorSchema,
  IdSchema,
  storageScopeOf,
  visibleClasses,
  type Actor,
  type CalendarDate,
  type FieldClass,
  type RoleVisibility,
  type StorageScope,
  type StorageSession,
} from "@liushou/core";
import * as z from "zod";

/** What the composition layer knows of who acts: the actor, what it sees, how to find its scope. @internal */
export interface Access {
  readonly actor: Actor;
  /** The field classes the actor's role sees in full. */
  readonly visible: readonly FieldClass[];
  /** The storage filter of the actor's scope now (`undefined`: every child). */
  scopeIn(session: StorageSession): Promise<StorageScope | undefined>;
}

/**
 * The schema of `createLiushou`'s `actor` option: an actor, or a bare id (the form of earlier
 * versions), shorthand for an administrator with every child in scope, for scripts and
 * single-user tools. It is masked like any administrator. @internal
 */
export const ActorOptionSchema = z.union([ActorSchema, IdSchema]);

/** Builds the access of an actor (validated) under a visibility table. @internal */
export function makeAccess(
  actor: Actor | string,
  visibility: RoleVisibility | undefined,
  today: () => CalendarDate,
): Access {
  const a: Actor =
    typeof actor === "string"
      ? { id: actor, role: "administrator", scope: { level: "all" } }
      : actor;
  const visible = visibleClasses(a.role, visibility);
  return {
    actor: a,
    visible,
    async scopeIn(session) {
      if (a.scope.level !== "pairings") return storageScopeOf(a);
      const paired = new Set<string>();
      for await (const r of session.pairings.stream({
        mentorId: a.scope.mentorId,
        activeOn: today(),
      }))
        paired.add(r.value.childId);
      return storageScopeOf(a, [...paired].sort());
    },
  };
}
