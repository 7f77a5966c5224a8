import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { ValidationError } from "../errors/errors";
import type { ChildFileInput } from "../model/child-file";
import type { MentorInput, PairingInput } from "../model/mentor";
import { planPairingsPartitioned, type PairingPartition } from "./partitioned";
import { planPairings } from "./plan";
import { TEACHER_PAIRING_PRESET, type PairingRuleSetInput } from "./rules";
import { child, mentor } from "./pairing.test-helper";

const asOf = "2026-09-01";

/** A county of the random instances: schools of its own, so teacher pairs never cross it. */
const countyArb = fc.record({
  children: fc.array(
    fc.record({
      school: fc.integer({ min: 0, max: 2 }), // school 2 has no teacher: nobody is eligible
      cls: fc.constantFrom("k1", "k2"),
      key: fc.boolean(),
      village: fc.constantFrom("001", "002"),
      noSchool: fc.boolean(),
    }),
    { maxLength: 7 },
  ),
  mentors: fc.array(
    fc.record({
      school: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom("class-teacher", "subject-teacher") as fc.Arbitrary<
        "class-teacher" | "subject-teacher"
      >,
      classes: fc.subarray(["k1", "k2"]),
      max: fc.integer({ min: 1, max: 3 }),
      exp: fc.integer({ min: 0, max: 8 }),
      to: fc.constantFrom(undefined, "2026-06-30"),
    }),
    { maxLength: 4 },
  ),
  existing: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 4 }),
});

type CountyShape = typeof countyArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds county `c` of an instance: ids, schools and region codes are the county's own. */
function county(c: number, x: CountyShape): PairingPartition {
  const code = `4301${String(c + 10)}`;
  const children: ChildFileInput[] = x.children.map((k, i) =>
    child(`c${c}-${i}`, {
      ...(k.noSchool ? {} : { school: `s${c}-${k.school}` }),
      cls: `${c}${k.cls}`,
      key: k.key,
      region: `${code}001${k.village}`,
    }),
  );
  const mentors: MentorInput[] = x.mentors.map((m, j) =>
    mentor(`m${c}-${j}`, {
      kind: m.kind,
      school: `s${c}-${m.school}`,
      classes: m.classes.map((k) => `${c}${k}`),
      max: m.max,
      exp: m.exp,
      region: `${code}001001`,
      ...(m.to ? { to: m.to } : {}),
    }),
  );
  const existing: PairingInput[] = [];
  const paired = new Set<string>();
  x.existing.forEach(([i, j, ended], k) => {
    if (children.length === 0 || mentors.length === 0) return;
    const childId = String(children[i % children.length]!.id);
    if (paired.has(childId)) return;
    paired.add(childId);
    existing.push({
      id: `p${c}-${k}`,
      childId,
      mentorId: mentors[j % mentors.length]!.id,
      role: "mentor",
      start: "2025-09-01",
      ...(ended ? { end: "2026-01-31" } : {}),
    });
  });
  return { name: code, children, mentors, existing };
}

/** The union of partitions as one input of {@link planPairings}. */
function union(parts: readonly PairingPartition[], rules: PairingRuleSetInput) {
  return {
    children: parts.flatMap((p) => p.children),
    mentors: parts.flatMap((p) => p.mentors),
    existing: parts.flatMap((p) => p.existing ?? []),
    rules,
    asOf,
  };
}

async function* streamed(parts: readonly PairingPartition[]): AsyncGenerator<PairingPartition> {
  for (const p of parts) yield await Promise.resolve(p);
}

describe("planPairingsPartitioned", () => {
  it("merges county plans into the single plan of their union", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(countyArb, { minLength: 1, maxLength: 4 }), async (xs) => {
        const parts = xs.map((x, c) => county(c, x));
        const single = planPairings(union(parts, TEACHER_PAIRING_PRESET));
        const merged = await planPairingsPartitioned(streamed(parts), {
          rules: TEACHER_PAIRING_PRESET,
          asOf,
        });
        expect(merged).toEqual(single);
        expect(JSON.stringify(merged)).toBe(JSON.stringify(single));
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it("explains a child with nobody eligible against the mentors of every partition", async () => {
    const a: PairingPartition = {
      name: "430110",
      children: [child("c1", { school: "s-none" })],
      mentors: [mentor("m1", { school: "s-a" })],
    };
    const b: PairingPartition = {
      name: "430111",
      children: [child("c2", { school: "s-b" })],
      mentors: [mentor("m2", { school: "s-b" }), mentor("m3", { school: "s-b" })],
    };
    const plan = await planPairingsPartitioned([a, b], { rules: TEACHER_PAIRING_PRESET, asOf });
    const u = plan.unmatched.find((x) => x.childId === "c1")!;
    expect(u.reason).toBe("no-eligible-mentor");
    expect(u.excludedBy).toEqual([{ rule: "same-school", count: 3 }]);
    expect(u.message.en).toContain("3 in all");
    expect(plan.stats).toMatchObject({ children: 2, mentors: 3, matched: 1, unmatched: 1 });
  });

  it("plans every partition with the shared options, whatever else a partition carries", async () => {
    const part: PairingPartition = {
      name: "430110",
      children: [child("c1", { school: "s-a" })],
      mentors: [mentor("m1", { school: "s-a" })],
    };
    const options = { rules: TEACHER_PAIRING_PRESET, asOf };
    const plain = await planPairingsPartitioned([part], options);
    // A partition object with more keys (a host's own row, say) plans as the shared options say.
    const carrying = { ...part, asOf: "2027-01-01", rules: { preset: "nothing" } } as never;
    const plan = await planPairingsPartitioned([carrying], options);
    expect(plan).toEqual(plain);
    expect(plan.asOf).toBe(asOf);
  });

  it("plans an empty stream as an empty input", async () => {
    const plan = await planPairingsPartitioned([], { rules: TEACHER_PAIRING_PRESET, asOf });
    expect(plan).toEqual(
      planPairings({ children: [], mentors: [], rules: TEACHER_PAIRING_PRESET, asOf }),
    );
  });

  it("rejects a mentor given in two partitions, naming both", async () => {
    const parts: PairingPartition[] = [
      { name: "430110", children: [], mentors: [mentor("m1", { school: "s1" })] },
      { name: "430111", children: [], mentors: [mentor("m1", { school: "s1" })] },
    ];
    const err = await planPairingsPartitioned(parts, { rules: TEACHER_PAIRING_PRESET, asOf }).then(
      () => expect.unreachable(),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    const issue = (err as ValidationError).issues[0]!;
    expect(issue.code).toBe("duplicate_id");
    expect(issue.message.en).toBe(
      "mentor m1 appears in partitions 430110 and 430111: partitions must not overlap",
    );
  });

  it("rejects an existing pairing whose mentor is in another partition, even with onMissing: end", async () => {
    const parts: PairingPartition[] = [
      {
        name: "430110",
        children: [child("c1", { school: "s1" })],
        mentors: [],
        existing: [
          { id: "p1", childId: "c1", mentorId: "m9", role: "mentor", start: "2025-09-01" },
        ],
      },
      { name: "430111", children: [], mentors: [mentor("m9", { school: "s1" })] },
    ];
    const err = await planPairingsPartitioned(parts, {
      rules: TEACHER_PAIRING_PRESET,
      asOf,
      onMissing: "end",
    }).then(
      () => expect.unreachable(),
      (e: unknown) => e as ValidationError,
    );
    expect(err.issues.map((x) => [x.path, x.code])).toEqual([
      ["430110.existing", "crosses_partition"],
    ]);
    expect(err.issues[0]!.message.en).toContain("mentor m9 of partition 430111");
  });

  it("rejects a child left with nobody who could take a mentor of another partition", async () => {
    const volunteers: PairingRuleSetInput = {
      name: "volunteers",
      role: "mentor",
      mentorKinds: ["other"],
      hard: { sameSchoolKinds: [], sameGenderFromAge: null, maxDistance: null, availability: true },
    };
    const parts: PairingPartition[] = [
      { name: "430110", children: [child("c1")], mentors: [] },
      { name: "430111", children: [], mentors: [mentor("v1", { kind: "other" })] },
    ];
    const err = await planPairingsPartitioned(parts, { rules: volunteers, asOf }).then(
      () => expect.unreachable(),
      (e: unknown) => e as ValidationError,
    );
    expect(err.issues[0]!.code).toBe("crosses_partition");
    expect(err.issues[0]!.message.en).toContain(
      "child c1 of partition 430110 could be paired with mentor v1 of partition 430111",
    );
  });

  it("names the partition in the issues of a malformed one", async () => {
    const parts = [
      { name: "430110", children: [{ id: "c1" }], mentors: [] },
    ] as unknown as PairingPartition[];
    const err = await planPairingsPartitioned(parts, { rules: TEACHER_PAIRING_PRESET, asOf }).then(
      () => expect.unreachable(),
      (e: unknown) => e as ValidationError,
    );
    expect(err.issues.length).toBeGreaterThan(0);
    expect(err.issues.every((x) => x.path.startsWith("430110.children[0]"))).toBe(true);
    expect(err.issues[0]!.message["zh-CN"].startsWith("分区 430110：")).toBe(true);
  });

  it("rejects what is not an iterable of partitions", async () => {
    for (const bad of [null, 42, { name: "x" }]) {
      await expect(
        planPairingsPartitioned(bad as never, { rules: TEACHER_PAIRING_PRESET, asOf }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(
      planPairingsPartitioned([null as never], { rules: TEACHER_PAIRING_PRESET, asOf }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("planPairingsPartitioned, its errors word for word", () => {
  const options = { rules: TEACHER_PAIRING_PRESET, asOf, onMissing: "end" as const };
  const pairing = (id: string, childId: string, mentorId: string, end?: string): PairingInput => ({
    id,
    childId,
    mentorId,
    role: "mentor",
    start: "2025-09-01",
    ...(end ? { end } : {}),
  });
  const issuesOf = (parts: unknown, o: object = options) =>
    planPairingsPartitioned(parts as PairingPartition[], o as typeof options).then(
      () => expect.unreachable("no ValidationError"),
      (e: unknown) => {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues;
      },
    );

  it("names a child and a pairing given in two partitions, in both languages", async () => {
    const issues = await issuesOf([
      { name: "A", children: [child("c1")], mentors: [], existing: [pairing("p1", "c1", "m1")] },
      { name: "B", children: [child("c1")], mentors: [], existing: [pairing("p1", "c9", "m1")] },
    ]);
    expect(issues).toEqual([
      {
        path: "B.children",
        code: "duplicate_id",
        message: {
          "zh-CN": "儿童 c1 同时出现在分区 A 和 B 中：分区须互不重叠",
          en: "child c1 appears in partitions A and B: partitions must not overlap",
        },
      },
      {
        path: "B.existing",
        code: "duplicate_id",
        message: {
          "zh-CN": "结对 p1 同时出现在分区 A 和 B 中：分区须互不重叠",
          en: "pairing p1 appears in partitions A and B: partitions must not overlap",
        },
      },
    ]);
  });

  it("names a child out of the rule set's scope given in two partitions", async () => {
    // Both parents at home: not left behind under the definition, so out of scope in both.
    const atHome = {
      ...child("c1"),
      parents: [
        { id: "c1-f", role: "father" as const, name: "父", awayPeriods: [] },
        { id: "c1-m", role: "mother" as const, name: "母", awayPeriods: [] },
      ],
    };
    const issues = await issuesOf(
      [
        { name: "A", children: [atHome], mentors: [] },
        { name: "B", children: [atHome], mentors: [] },
      ],
      { ...options, definition: "state-council-2016" },
    );
    expect(issues.map((x) => [x.path, x.message.en])).toEqual([
      ["B.children", "child c1 appears in partitions A and B: partitions must not overlap"],
    ]);
  });

  it("reports at most 100 repeated ids, pairings counted with children", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => child(`c${i}`));
    expect(
      await issuesOf([
        { name: "A", children: ids(101), mentors: [] },
        { name: "B", children: ids(101), mentors: [] },
      ]),
    ).toHaveLength(100);
    const existing = [pairing("p1", "c0", "m1"), pairing("p2", "c1", "m1")];
    const issues = await issuesOf([
      { name: "A", children: ids(99), mentors: [], existing },
      { name: "B", children: ids(99), mentors: [], existing },
    ]);
    expect(issues).toHaveLength(100);
    expect(issues[99]!.message.en).toBe(
      "pairing p1 appears in partitions A and B: partitions must not overlap",
    );
  });

  it("names a pairing whose child was given in another partition", async () => {
    const issues = await issuesOf([
      { name: "A", children: [child("c1", { school: "s1" })], mentors: [] },
      {
        name: "B",
        children: [],
        mentors: [mentor("m1", { school: "s2" })],
        existing: [pairing("p1", "c1", "m1")],
      },
    ]);
    expect(issues).toEqual([
      {
        path: "B.existing",
        code: "crosses_partition",
        message: {
          "zh-CN":
            "分区 B 的结对 p1 指向分区 A 的儿童 c1：结对跨越了分区，请合并这两个分区或整体规划",
          en: "pairing p1 of partition B names child c1 of partition A: the pairing crosses partitions; merge the two or plan them as one",
        },
      },
    ]);
  });

  it("leaves alone a pairing that ended before the plan, wherever its child is", async () => {
    const plan = await planPairingsPartitioned(
      [
        {
          name: "A",
          children: [child("c1", { school: "s1" })],
          mentors: [mentor("m2", { school: "s1" })],
        },
        {
          name: "B",
          children: [],
          mentors: [mentor("m1", { school: "s2" })],
          existing: [pairing("p1", "c1", "m1", "2026-01-01")],
        },
      ],
      options,
    );
    expect(plan.pairs.map((p) => [p.pairing.childId, p.pairing.mentorId])).toEqual([["c1", "m2"]]);
  });

  it("names a child left with nobody and the mentor of another partition it could have", async () => {
    expect(
      await issuesOf([
        { name: "A", children: [child("c1", { school: "s1" })], mentors: [] },
        { name: "B", children: [], mentors: [mentor("m1", { school: "s1" })] },
      ]),
    ).toEqual([
      {
        path: "A.children",
        code: "crosses_partition",
        message: {
          "zh-CN":
            "分区 A 的儿童 c1 可与分区 B 的导师 m1 结对：结对跨越了分区，请按更大的区划分区或整体规划",
          en: "child c1 of partition A could be paired with mentor m1 of partition B: pairs cross partitions; partition by a larger region or plan them as one",
        },
      },
    ]);
  });

  it("calls a partition without a name by its position, and prefixes its issues", async () => {
    for (const name of ["", 7, undefined]) {
      expect(await issuesOf([{ name, children: [], mentors: 5 }])).toEqual([
        {
          path: "partitions[0].mentors",
          code: "invalid_type",
          received: "5",
          expected: "array",
          message: {
            "zh-CN": "分区 partitions[0]：字段 mentors：应为数组（收到：5）",
            en: "partition partitions[0]: mentors: expected array (received: 5)",
          },
        },
      ]);
    }
    // The options every partition shares are not blamed on one: they are checked first.
    expect(
      (await issuesOf([{ name: "A", children: [], mentors: [] }], { ...options, rules: 5 })).map(
        (x) => [x.path, x.message.en],
      ),
    ).toEqual([["rules", "rules: expected object (received: 5)"]]);
  });

  it("says what it expects instead of partitions, as the other partitioned functions do", async () => {
    expect(await issuesOf(null)).toEqual([
      {
        path: "partitions",
        code: "invalid_type",
        received: "null",
        message: {
          "zh-CN": "字段 partitions：应为分区的（异步）可迭代对象（收到：null）",
          en: "partitions: expected an iterable or async iterable of partitions (received: null)",
        },
      },
    ]);
  });

  it("merges the mentors below their minimum of every partition, by id", async () => {
    const parts: PairingPartition[] = [
      { name: "A", children: [], mentors: [mentor("m1", { school: "s1", min: 2 })] },
      { name: "B", children: [], mentors: [mentor("m0", { school: "s2", min: 1 })] },
    ];
    const merged = await planPairingsPartitioned(parts, options);
    expect(merged.stats.mentorsBelowMinimum.map((m) => m.mentorId)).toEqual(["m0", "m1"]);
    expect(merged).toEqual(
      planPairings({ ...union(parts, TEACHER_PAIRING_PRESET), onMissing: "end" }),
    );
  });
});

describe("planPairingsPartitioned, merged in id order", () => {
  const options = { rules: TEACHER_PAIRING_PRESET, asOf, onMissing: "end" as const };
  const pairing = (id: string, childId: string, mentorId: string, end?: string): PairingInput => ({
    id,
    childId,
    mentorId,
    role: "mentor",
    start: "2025-09-01",
    ...(end ? { end } : {}),
  });

  it("orders pairs, unmatched children, changes and history by id across partitions", async () => {
    // Partition A holds the larger ids: a kept pair, a child whose mentor's places are taken, an
    // ended pairing in its history. Partition B: a pairing ended by a mentor who left, a new pair.
    const parts: PairingPartition[] = [
      {
        name: "A",
        children: [child("c9", { school: "sA" }), child("c8", { school: "sA" })],
        mentors: [mentor("t9", { school: "sA", max: 1 })],
        existing: [pairing("p9", "c9", "t9"), pairing("p7", "c8", "t9", "2026-01-01")],
      },
      {
        name: "B",
        children: [child("c2", { school: "sB" }), child("c1", { school: "sB" })],
        mentors: [mentor("t1", { school: "sB", max: 2 })],
        existing: [pairing("p1", "c1", "t0")],
      },
    ];
    const merged = await planPairingsPartitioned(parts, options);
    const single = planPairings({ ...union(parts, TEACHER_PAIRING_PRESET), onMissing: "end" });
    expect(merged).toEqual(single);
    expect(merged.pairs.map((p) => p.pairing.childId)).toEqual(["c1", "c2", "c9"]);
    expect(merged.unmatched.map((u) => [u.childId, u.reason])).toEqual([["c8", "capacity-taken"]]);
    expect(merged.diff.kept.map((p) => p.childId)).toEqual(["c9"]);
    expect(merged.diff.added.map((p) => p.childId)).toEqual(["c1", "c2"]);
    expect(merged.diff.ended.map((e) => e.pairing.id)).toEqual(["p1"]);
    expect(merged.history.map((p) => p.childId)).toEqual(["c1", "c1", "c2", "c8", "c9"]);
  });

  it("interleaves several entries of every list from partitions given out of id order", async () => {
    // Each partition: two kept pairs, two pairings ended (their mentor is given nowhere), two
    // new places with a second mentor and two children left with nobody (every place taken).
    // The ids of the two partitions alternate, and the later ids come first.
    const county = (name: string, ids: readonly string[]): PairingPartition => {
      const school = `s${name}`;
      const [k1, k2, e1, e2, u1, u2] = ids as [string, string, string, string, string, string];
      return {
        name,
        children: ids.map((id) => child(id, { school })),
        mentors: [mentor(`t${name}`, { school, max: 2 }), mentor(`u${name}`, { school, max: 2 })],
        existing: [
          pairing(`p${k1}`, k1, `t${name}`),
          pairing(`p${k2}`, k2, `t${name}`),
          pairing(`p${e1}`, e1, `gone${name}`),
          pairing(`p${e2}`, e2, `gone${name}`),
          pairing(`q${u1}`, u1, `t${name}`, "2026-01-31"),
          pairing(`q${u2}`, u2, `t${name}`, "2026-01-31"),
        ],
      };
    };
    const parts = [
      county("A", ["cb", "cd", "cf", "ch", "cj", "cl"]),
      county("B", ["ca", "cc", "ce", "cg", "ci", "ck"]),
    ];
    const merged = await planPairingsPartitioned(parts, options);
    const single = planPairings({ ...union(parts, TEACHER_PAIRING_PRESET), onMissing: "end" });
    expect(merged).toEqual(single);
    const sorted = (xs: readonly string[]) => [...xs].sort();
    const lists = {
      pairs: merged.pairs.map((p) => p.pairing.childId),
      unmatched: merged.unmatched.map((u) => u.childId),
      kept: merged.diff.kept.map((p) => p.childId),
      added: merged.diff.added.map((p) => p.childId),
      ended: merged.diff.ended.map((e) => e.pairing.childId),
      history: merged.history.map((p) => `${p.childId} ${p.start} ${p.id}`),
    };
    for (const xs of Object.values(lists)) expect(xs).toEqual(sorted(xs));
    expect(lists.pairs).toEqual(["ca", "cb", "cc", "cd", "ce", "cf", "cg", "ch"]);
    expect(lists.kept).toEqual(["ca", "cb", "cc", "cd"]);
    expect(lists.added).toEqual(["ce", "cf", "cg", "ch"]);
    expect(lists.ended).toEqual(["ce", "cf", "cg", "ch"]);
    expect(lists.unmatched).toEqual(["ci", "cj", "ck", "cl"]);
    expect(lists.history).toHaveLength(16);
  });

  it("explains a child with nobody eligible against every partition's mentors, nearest by id", async () => {
    const parts: PairingPartition[] = [
      { name: "B", children: [], mentors: [mentor("m9", { school: "s2" })] },
      {
        name: "A",
        children: [child("c1", { school: "s1" })],
        mentors: [mentor("m1", { school: "s3" })],
      },
    ];
    const merged = await planPairingsPartitioned(parts, options);
    expect(merged).toEqual(
      planPairings({ ...union(parts, TEACHER_PAIRING_PRESET), onMissing: "end" }),
    );
  });

  it("names at most 100 children that could cross, with the subject of the input", async () => {
    const volunteers: PairingRuleSetInput = {
      name: "volunteers",
      role: "mentor",
      mentorKinds: ["other"],
      hard: { sameSchoolKinds: [], sameGenderFromAge: null, maxDistance: null, availability: true },
    };
    const children = Array.from({ length: 101 }, (_, i) => child(`c${i}`));
    const err = await planPairingsPartitioned(
      [
        { name: "A", children, mentors: [] },
        { name: "B", children: [], mentors: [mentor("v1", { kind: "other" })] },
      ],
      { rules: volunteers, asOf },
    ).then(
      () => expect.unreachable("no ValidationError"),
      (e: unknown) => e as ValidationError,
    );
    expect(err.issues).toHaveLength(100);
    expect(err.messages.en.startsWith("Invalid partitioned pairing plan input (100 issues)")).toBe(
      true,
    );
  });

  it("ends a pairing with a mentor given nowhere under onMissing: end", async () => {
    const plan = await planPairingsPartitioned(
      [
        {
          name: "A",
          children: [child("c1", { school: "s1" })],
          mentors: [mentor("m1", { school: "s1" })],
          existing: [pairing("p1", "c1", "gone")],
        },
      ],
      options,
    );
    expect(plan.diff.ended.map((e) => e.pairing.id)).toEqual(["p1"]);
    expect(plan.pairs.map((p) => p.pairing.mentorId)).toEqual(["m1"]);
  });

  it("says which partition or option is not an object, and passes a host's own error on", async () => {
    const reject = (parts: unknown, o: unknown = options) =>
      planPairingsPartitioned(parts as PairingPartition[], o as typeof options).then(
        () => expect.unreachable("no error"),
        (e: unknown) => e,
      );
    const second = (await reject([
      { name: "A", children: [], mentors: [] },
      null,
    ])) as ValidationError;
    expect(second.issues.map((x) => x.path)).toEqual(["partitions[1]"]);
    const notIterable = (await reject(42)) as ValidationError;
    expect(notIterable.messages.en).toBe(
      "Invalid input (1 issue): partitions: expected an iterable or async iterable of partitions (received: 42)",
    );
    const opts = (await reject([], null)) as ValidationError;
    expect(opts.issues.map((x) => x.path)).toEqual(["options"]);
    const boom = new Error("boom");
    const host = Object.defineProperty({}, "id", {
      enumerable: true,
      get() {
        throw boom;
      },
    });
    expect(await reject([{ name: "A", children: [host], mentors: [] }])).toBe(boom);
  });

  it("names the partitions of a repeated mentor and a crossing mentor in both languages", async () => {
    const dup = (await planPairingsPartitioned(
      [
        { name: "A", children: [], mentors: [mentor("m1", { school: "s1" })] },
        { name: "B", children: [], mentors: [mentor("m1", { school: "s1" })] },
      ],
      options,
    ).then(
      () => expect.unreachable("no ValidationError"),
      (e: unknown) => e,
    )) as ValidationError;
    expect(dup.issues).toEqual([
      {
        path: "B.mentors",
        code: "duplicate_id",
        message: {
          "zh-CN": "导师 m1 同时出现在分区 A 和 B 中：分区须互不重叠",
          en: "mentor m1 appears in partitions A and B: partitions must not overlap",
        },
      },
    ]);
    expect(dup.messages.en.startsWith("Invalid partitioned pairing plan input")).toBe(true);
    const crossing = (await planPairingsPartitioned(
      [
        {
          name: "A",
          children: [child("c1", { school: "s1" })],
          mentors: [],
          existing: [pairing("p1", "c1", "m1")],
        },
        { name: "B", children: [], mentors: [mentor("m1", { school: "s2" })] },
      ],
      options,
    ).then(
      () => expect.unreachable("no ValidationError"),
      (e: unknown) => e,
    )) as ValidationError;
    expect(crossing.issues[0]!.message["zh-CN"]).toBe(
      "分区 A 的结对 p1 指向分区 B 的导师 m1：结对跨越了分区，请合并这两个分区或整体规划",
    );
    expect(crossing.messages.en.startsWith("Invalid partitioned pairing plan input")).toBe(true);
  });

  it("keeps the partition's own error as the cause, under the partitioned input's subject", async () => {
    const err = (await planPairingsPartitioned(
      [{ name: "A", children: [], mentors: 5 }] as unknown as PairingPartition[],
      options,
    ).then(
      () => expect.unreachable("no ValidationError"),
      (e: unknown) => e,
    )) as ValidationError;
    expect(err.cause).toBeInstanceOf(ValidationError);
    expect((err.cause as ValidationError).issues[0]!.path).toBe("mentors");
    expect(err.messages.en.startsWith("Invalid partitioned pairing plan input")).toBe(true);
  });
});
