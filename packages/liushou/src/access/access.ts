import {
  storageScopeOf,
  visibleClasses,
  type Actor,
  type CalendarDate,
  type FieldClass,
  type RoleVisibility,
  type StorageScope,
  type StorageSession,
} from "@liushou/core";

/** What the composition layer knows of who acts: the actor, what it sees, how to find its scope. @internal */
export interface Access {
  readonly actor: Actor;
  /** The field classes the actor's role sees in full. */
  readonly visible: readonly FieldClass[];
  /** The storage filter of the actor's scope now (`undefined`: every child). */
  scopeIn(session: StorageSession): Promise<StorageScope | undefined>;
}

/** A deep copy of plain data, frozen all through. */
function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (v: unknown): void => {
    if (typeof v !== "object" || v === null) return;
    Object.freeze(v);
    for (const inner of Object.values(v)) freeze(inner);
  };
  freeze(copy);
  return copy;
}

/**
 * Builds the access of an actor (validated) under a visibility table. The actor and the visible
 * classes are frozen copies: code given them (a report renderer, a host reading
 * `app.visibleClasses`) cannot widen the scope or unmask fields by changing them. @internal
 */
export function makeAccess(
  actor: Actor | string,
  visibility: RoleVisibility | undefined,
  today: () => CalendarDate,
): Access {
  const a: Actor = frozen(
    typeof actor === "string"
      ? { id: actor, role: "administrator", scope: { level: "all" } }
      : actor,
  );
  const visible = frozen([...visibleClasses(a.role, visibility)]);
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
