import { ForbiddenError } from "../errors/errors";
import { describeValue } from "../errors/issues";
import { invalidArgument } from "../errors/validate";
import { validate } from "../errors/validate";
import { text } from "../i18n/locale";
import type { ChildFile } from "../model/child-file";
import type { Pairing } from "../model/mentor";
import { inStorageScope } from "../ports/storage/match";
import type { StorageScope } from "../ports/storage/port";
import type { CalendarDate } from "../time/types";
import { ActorSchema, type Actor, type ActorInput } from "./actor";

/**
 * The children a mentor is paired with on a day: the `pairings` scope of an actor.
 * @param mentorId - The mentor.
 * @param pairings - Pairings (of any mentor).
 * @param asOf - The day; a pairing counts from its `start` to its `end`, both included.
 * @returns The child ids, ascending, each once.
 * @throws ValidationError when `mentorId` is not a string, or `pairings` is not a list of objects.
 * @example
 * pairedChildIds("t1", pairings, "2026-09-01") //=> ["c1", "c4"]
 * @category Access
 */
export function pairedChildIds(
  mentorId: string,
  pairings: readonly Pairing[],
  asOf: CalendarDate,
): string[] {
  if (!Array.isArray(pairings)) {
    throw invalidArgument(
      "pairings",
      "invalid_type",
      text("应为结对列表", "expected a list of pairings"),
      pairings,
    );
  }
  if (typeof mentorId !== "string") {
    throw invalidArgument(
      "mentorId",
      "invalid_type",
      text("应为帮扶人编号（字符串）", "expected a mentor id (a string)"),
      mentorId,
    );
  }
  const ids = new Set<string>();
  for (const [i, p] of pairings.entries()) {
    if (typeof p !== "object" || p === null) {
      throw invalidArgument(
        `pairings[${i}]`,
        "invalid_type",
        text("应为结对（对象）", "expected a pairing (an object)"),
        p,
      );
    }
    if (p.mentorId !== mentorId || p.start > asOf) continue;
    if (p.end === undefined || p.end >= asOf) ids.add(p.childId);
  }
  return [...ids].sort();
}

/**
 * The storage filter of an actor's scope, which adapters apply to every read (`scope` on a
 * query). A `pairings` scope needs the children the actor is paired with ({@link pairedChildIds});
 * `all` gives `undefined` (no filter).
 * @param actor - The actor (validated).
 * @param paired - For a `pairings` scope: the child ids the mentor is paired with now.
 * @returns The filter, or `undefined` for every child.
 * @throws ValidationError for an invalid actor, or a `pairings` scope without `paired`.
 * @example
 * storageScopeOf({ id: "t7", role: "teacher", scope: { level: "class", classIds: ["k1"] } })
 * //=> { classIds: ["k1"] }
 * storageScopeOf({ id: "v1", role: "volunteer", scope: { level: "pairings", mentorId: "v1" } }, ["c3"])
 * //=> { childIds: ["c3"] }
 * @category Access
 */
export function storageScopeOf(
  actor: ActorInput | Actor,
  paired?: readonly string[],
): StorageScope | undefined {
  const { scope } = validate(ActorSchema, actor, { subject: text("操作人", "actor") });
  switch (scope.level) {
    case "pairings":
      if (!Array.isArray(paired)) {
        throw invalidArgument(
          "paired",
          "invalid_type",
          text("结对范围需要结对儿童的编号列表", "a pairings scope needs the paired child ids"),
          paired,
        );
      }
      return { childIds: [...paired] };
    case "class":
      return { classIds: scope.classIds };
    case "school":
      return { schoolIds: scope.schoolIds };
    case "township":
    case "county":
      return { regionCode: scope.regionCode };
    case "all":
      return undefined;
  }
}

/**
 * Whether an actor may reach a child: the child's file lies in the actor's scope.
 * @param actor - The actor.
 * @param file - The child's file.
 * @param paired - For a `pairings` scope: the child ids the mentor is paired with now.
 * @returns `true` in scope.
 * @throws ValidationError for an invalid actor or file, or a `pairings` scope without `paired`.
 * @example
 * inScope({ id: "p1", role: "principal", scope: { level: "school", schoolIds: ["s1"] } }, file) //=> true
 * @category Access
 */
export function inScope(
  actor: ActorInput | Actor,
  file: ChildFile,
  paired?: readonly string[],
): boolean {
  return inStorageScope(file, storageScopeOf(actor, paired));
}

/**
 * The `ForbiddenError` for a child (or entity) outside the actor's scope, in zh-CN and en.
 * @param actorId - Who tried.
 * @param what - What was reached for, such as `files c9`.
 * @returns The error to throw.
 * @example
 * throw outOfScope("t7", "files c9");
 * // message: "t7 may not reach files c9: it is outside the access scope"
 * @category Access
 */
export function outOfScope(actorId: string, what: string): ForbiddenError {
  // Strings as they are; anything else (a null-prototype object has no String()) described.
  const [a, w] = [actorId, what].map((v) =>
    (typeof v === "string" ? v : describeValue(v)).slice(0, 200),
  );
  return new ForbiddenError(
    text(
      `${a} 无权访问 ${w}：不在其访问范围内`,
      `${a} may not reach ${w}: it is outside the access scope`,
    ),
  );
}
