import { requireIterable } from "../_lib/iterable";
import { text } from "../i18n";
import type { ChildFileInput } from "../model/child-file";
import type { SchoolClassInput } from "../model/area";
import type { GeoPoint, MentorInput, PairingInput } from "../model/mentor";
import { mergePairingPartitions, mergeSummaries } from "./partition-merge";
import {
  checkSharedOptions,
  planPartition,
  summarizePairingPartition,
  type PairingPartitionSummary,
} from "./partition-summary";
import type { PairingPlan } from "./plan";
import type {
  PairingExclusionInput,
  PlanPairingsInput,
  SharedPairingOptions,
} from "./stages/input";

/**
 * One partition of a pairing input (a county, or any region level): its children and mentors,
 * and the existing pairings, classes, exclusions and locations that belong to them.
 * @example
 * const county: PairingPartition = { name: "439901", children, mentors, existing };
 * @category Pairing
 */
export interface PairingPartition {
  /** The partition's name (a region code, say), used in error messages. */
  readonly name: string;
  readonly children: readonly ChildFileInput[];
  readonly mentors: readonly MentorInput[];
  readonly existing?: readonly PairingInput[];
  readonly classes?: readonly SchoolClassInput[];
  readonly exclusions?: readonly PairingExclusionInput[];
  readonly childLocations?: Readonly<Record<string, GeoPoint>>;
}

/**
 * What every partition shares: the rule set, the plan date and the other options of
 * {@link planPairings}.
 * @example
 * const options: PartitionedPairingOptions = { rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" };
 * @category Pairing
 */
export type PartitionedPairingOptions = Omit<
  PlanPairingsInput,
  "children" | "mentors" | "existing" | "classes" | "exclusions" | "childLocations"
>;

/**
 * Plans pairings partition by partition (county by county, say), holding one partition's input
 * at a time, and merges the partitions' plans into one. When no pairing could cross partitions
 * — every mentor a child could be paired with is in the child's partition — the plan is the one
 * {@link planPairings} makes on the union of the partitions, field for field.
 *
 * Which rule sets keep pairs inside a county: same-school teachers (a school is in one county),
 * and any rule set whose `maxDistance.area` is `county` or finer. Volunteers, cadres and other
 * kinds without an area rule can be paired across counties: partition such inputs by a coarser
 * level, or plan them with {@link planPairings}. Ids must not repeat across partitions: a child,
 * mentor or pairing given in two partitions is a ValidationError naming both, and so is an
 * existing pairing whose child or mentor was given in another partition (also with
 * `onMissing: "end"`, where the plan would otherwise end it silently).
 *
 * A partition's own validation issues carry its name in their path and message. An unmatched
 * child with no eligible mentor is explained against the mentors of every partition, as in the
 * single plan; keep `maxDistance` and custom rules free of the other partitions' `classes`.
 * The two stages are {@link summarizePairingPartition} (one partition, on any thread) and
 * {@link mergePairingPartitions} (the summaries, in order).
 * @param partitions - the partitions, an iterable or an async iterable (read once, in order).
 * @param options - the rule set, `asOf` and the other options every partition shares.
 * @returns the merged plan, as {@link planPairings} returns it.
 * @throws ValidationError on a malformed partition (its name in the path) or overlapping partitions.
 * @example
 * async function* counties() { for (const code of codes) yield await loadCounty(code); }
 * const plan = await planPairingsPartitioned(counties(), { rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" });
 * plan.stats.matched //=> 41873
 * @category Pairing
 */
export async function planPairingsPartitioned(
  partitions: Iterable<PairingPartition> | AsyncIterable<PairingPartition>,
  options: PartitionedPairingOptions,
): Promise<PairingPlan> {
  requireIterable(partitions, "partitions", text("分区", "partitions"));
  // The shared options are checked once, before any partition is read; each partition is then
  // planned with them unchecked.
  const shared = checkSharedOptions(options);
  return mergeSummaries(summaries(partitions, shared), shared, false);
}

/** The partitions planned one at a time, in order, as the merge reads them. */
async function* summaries(
  partitions: Iterable<PairingPartition> | AsyncIterable<PairingPartition>,
  shared: SharedPairingOptions,
): AsyncGenerator<PairingPartitionSummary> {
  let index = 0;
  for await (const partition of partitions) yield planPartition(partition, index++, shared);
}
