import type { ChildRegister } from "./child-file";

/**
 * The free-text profile fields of a child's register (品德, 行为习惯, 兴趣, …): optional, each
 * up to `MAX_TEXT_LENGTH` characters, and saying anything about the child.
 * @internal
 */
export const CHILD_PROFILE_TEXTS = [
  "moralCharacter",
  "behaviourHabits",
  "interests",
  "intelligenceLevel",
  "personality",
  "learningMotivation",
  "learningAbility",
  "rapportWithGuardian",
  "communicationWithParents",
] as const satisfies readonly (keyof ChildRegister)[];
