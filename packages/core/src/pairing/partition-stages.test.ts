import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { mergePairingPartitions } from "./partition-merge";
import { summarizePairingPartition } from "./partition-summary";
import { planPairingsPartitioned, type PairingPartition } from "./partitioned";
import { TEACHER_PAIRING_PRESET } from "./rules";
import { child, mentor } from "./pairing.test-helper";

const options = { rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01", onMissing: "end" } as const;

describe("the stages of planPairingsPartitioned", () => {
  it("merge structured-cloned summaries into the same plan, re-explaining across partitions", async () => {
    const parts: PairingPartition[] = [
      {
        name: "A",
        children: [child("c1", { school: "s1" }), child("c2", { school: "s-none" })],
        mentors: [mentor("m1", { school: "s1" })],
        exclusions: [{ childId: "c2", mentorId: "m1", reason: { "zh-CN": "回避", en: "recused" } }],
        existing: [
          { id: "p1", childId: "c1", mentorId: "m1", role: "mentor", start: "2025-09-01" },
        ],
      },
      {
        name: "B",
        children: [child("c3", { school: "s2" })],
        mentors: [mentor("m9", { school: "s2" })],
      },
    ];
    const summaries = parts.map((p, i) => summarizePairingPartition(p, i, options));
    expect(summaries[0]!.noEligible.map((n) => n.child.id)).toEqual(["c2"]);
    expect(summaries[0]!.context.exclusions.map((e) => e.mentorId)).toEqual(["m1"]);
    const merged = await mergePairingPartitions(
      summaries.map((s) => structuredClone(s)),
      options,
    );
    expect(merged).toEqual(await planPairingsPartitioned(parts, options));
    expect(merged.unmatched[0]!.excludedBy.map((x) => x.rule)).toContain("exclusion");
  });

  it("says what it expects instead of summaries", async () => {
    const err = (await mergePairingPartitions(5 as never, options).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues[0]!.path).toBe("summaries");
    expect(err.issues[0]!.message.en).toContain("partition summaries");
  });
});
