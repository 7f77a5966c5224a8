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

  it("refuse summaries planned with another asOf than the options', and bad shared options", async () => {
    const part: PairingPartition = {
      name: "A",
      children: [child("c1", { school: "s1" })],
      mentors: [mentor("m1", { school: "s1" })],
    };
    const other = summarizePairingPartition(part, 0, { ...options, asOf: "2026-10-01" });
    const e = (await mergePairingPartitions([other], options).catch((x: unknown) => x)) as
      ValidationError | undefined;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e!.issues.map((i) => i.path)).toEqual(["summaries[0].plan.asOf"]);
    expect(e!.issues[0]!.message.en).toMatch(/partition A was planned as of 2026-10-01/);
    // The same options merge.
    const same = summarizePairingPartition(part, 0, options);
    expect((await mergePairingPartitions([same], options)).asOf).toBe("2026-09-01");
    // Options that are no object, or whose rules are wrong, are named as such, not as a partition.
    for (const [bad, path] of [
      [null, "options"],
      [{ ...options, rules: 5 }, "rules"],
    ] as const) {
      let thrown: unknown;
      try {
        summarizePairingPartition(part, 0, bad as never);
      } catch (x) {
        thrown = x;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).issues[0]!.path).toBe(path);
    }
  });

  it("check the shared options once a call, each partition then planned with their parse", async () => {
    // Counts the reads of `rules`: every validation of the options reads it once; a partition
    // is planned with the parse, not the options.
    let reads = 0;
    const counted = Object.defineProperty({ asOf: options.asOf, onMissing: "end" }, "rules", {
      enumerable: true,
      get: () => (reads++, TEACHER_PAIRING_PRESET),
    }) as unknown as typeof options;
    const parts: PairingPartition[] = ["A", "B", "C"].map((name, i) => ({
      name,
      // c…0 has no teacher at its school: its partition's evaluation context is read by the merge.
      children: [child(`c${i}0`, { school: `none${i}` }), child(`c${i}1`, { school: `s${i}` })],
      mentors: [mentor(`m${i}`, { school: `s${i}` })],
    }));
    const plan = await planPairingsPartitioned(parts, counted);
    expect(plan.unmatched.map((u) => [u.childId, u.reason])).toEqual([
      ["c00", "no-eligible-mentor"],
      ["c10", "no-eligible-mentor"],
      ["c20", "no-eligible-mentor"],
    ]);
    expect(reads).toBe(1);
    reads = 0;
    expect((await planPairingsPartitioned([], counted)).stats.children).toBe(0);
    expect(reads).toBe(1);
    // A summary made on its own checks the options it is given, then plans with them.
    reads = 0;
    const summaries = parts.map((p, i) => summarizePairingPartition(p, i, counted));
    expect(reads).toBe(parts.length);
    // The merge of summaries handed to it checks the options once, whatever it explains.
    reads = 0;
    expect(await mergePairingPartitions(summaries, counted)).toEqual(plan);
    expect(reads).toBe(1);
  });

  it("carry the classes, exclusions and homes only of children left with nobody", () => {
    const reason = { "zh-CN": "回避", en: "recused" };
    const at = { lat: 28.2, lng: 112.9 };
    const part: PairingPartition = {
      name: "A",
      children: [
        child("c1", { school: "s1" }),
        child("c2", { school: "s-none" }),
        child("c3", { school: "s-none" }),
      ],
      mentors: [mentor("m1", { school: "s1" }), mentor("m2", { school: "s2" })],
      classes: [{ id: "k1", schoolId: "s1", grade: 3, name: "3年级1班" }],
      exclusions: [
        { childId: "c1", mentorId: "m2", reason },
        { childId: "c2", mentorId: "m1", reason },
      ],
      childLocations: { c1: at, c2: at },
    };
    const left = summarizePairingPartition(part, 0, options);
    expect(left.noEligible.map((n) => n.child.id)).toEqual(["c2", "c3"]);
    expect(left.context.classes.map((c) => c.id)).toEqual(["k1"]);
    expect(left.context.exclusions.map((e) => e.childId)).toEqual(["c2"]);
    expect(Object.keys(left.context.childLocations)).toEqual(["c2"]);
    expect(left.context.childLocations["c2"]).toEqual(at);
    const none = summarizePairingPartition(
      {
        ...part,
        children: [part.children[0]!],
        exclusions: [part.exclusions![0]!],
        childLocations: { c1: at },
      },
      0,
      options,
    );
    expect(none.noEligible).toEqual([]);
    expect(none.context).toEqual({ classes: [], exclusions: [], childLocations: {} });
  });

  it("says what it expects instead of options, in both languages", async () => {
    const err = (await mergePairingPartitions([], 5 as never).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues[0]!.path).toBe("options");
    const summaries = (await mergePairingPartitions(5 as never, options).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(summaries.issues[0]!.message["zh-CN"]).toContain("应为分区摘要的（异步）可迭代对象");
  });

  it("says what it expects instead of summaries", async () => {
    const err = (await mergePairingPartitions(5 as never, options).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues[0]!.path).toBe("summaries");
    expect(err.issues[0]!.message.en).toContain("partition summaries");
  });

  it("refuses a summary it did not make, and a partition index that is not a whole number, by name", async () => {
    const made = summarizePairingPartition(
      { name: "k00", children: [child("c1")], mentors: [mentor("m1")] },
      0,
      options,
    );
    const broken = { ...made, plan: { ...made.plan, pairs: [null] } };
    for (const bad of [{}, broken]) {
      const err = (await mergePairingPartitions([made, bad as never], options).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.issues[0]!.path).toMatch(/^summaries\[1\]/);
    }
    // Values that change as they are read (getters) pass the check, then fail the merge: a
    // ValidationError naming the summary, never a TypeError.
    const flipping = <T>(value: T) => {
      let reads = 0;
      return () => (reads++ === 0 ? value : null);
    };
    const ids = flipping(made.ids);
    const pairs = flipping(made.plan.pairs);
    const plan = { ...made.plan };
    Object.defineProperty(plan, "pairs", { get: pairs, enumerable: true });
    for (const [bad, path] of [
      [Object.defineProperty({ ...made }, "ids", { get: ids, enumerable: true }), "summaries[0]"],
      [{ ...made, plan }, "summaries"],
    ] as const) {
      const err = (await mergePairingPartitions([bad], options).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.issues[0]!.path).toBe(path);
      expect(err.issues[0]!.message.en).toContain("changed as it was read");
      expect(err.cause).toBeInstanceOf(TypeError);
    }
    for (const index of [-1, 1.5, Symbol("s")]) {
      expect(() =>
        summarizePairingPartition(
          { name: "k01", children: [], mentors: [] },
          index as never,
          options,
        ),
      ).toThrow(ValidationError);
    }
  });
});
