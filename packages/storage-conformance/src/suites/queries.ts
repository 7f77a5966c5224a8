import {
  matchesStorageQuery,
  STORAGE_ENTITY_KINDS,
  storagePeopleOf,
  type ChildFile,
  type StorageAdapter,
  type StoragePeopleView,
  type StorageEntityKind,
  type StorageQueries,
} from "@liushou/core";
import { describe, expect } from "vitest";
import {
  collectPages,
  collectStream,
  compareIds,
  expectValidRecord,
  sortedIds,
  WRITE_AT,
  type Harness,
} from "../harness";
import { newSampleScope, randomId, sampleEntity, type SampleScope } from "../samples";

type Raw = Record<string, unknown>;

interface QueryCase<K extends StorageEntityKind> {
  /** Field overrides of each entity written. */
  readonly entities: readonly Raw[];
  /** Filters, each narrowed to this test's random scope. */
  readonly filters: readonly StorageQueries[K][];
}

type QueryCases = { readonly [K in StorageEntityKind]: (s: SampleScope) => QueryCase<K> };

const child = (s: SampleScope, patch: Raw): Raw => ({
  name: "张小红",
  gender: "female",
  birthDate: "2014-06-01",
  regionCode: s.village,
  schoolId: s.schoolId,
  classId: s.classId,
  ...patch,
});

/** Entities that differ in every field a query filters on, and the filters to try. */
const CASES: QueryCases = {
  files: (s) => {
    const other = newSampleScope();
    const ids = [randomId("c"), randomId("c")];
    return {
      entities: [
        { id: ids[0], child: child(s, {}) },
        { child: child(s, { classId: other.classId }), keyCase: true, riskLevel: "high" },
        {
          child: child(s, { regionCode: `${s.township}999`, schooling: { status: "transferred" } }),
          riskLevel: "critical",
        },
        { child: child(s, { regionCode: other.village }), riskLevel: "low" },
        { id: ids[1], child: child(s, { schoolId: other.schoolId, classId: other.classId }) },
      ],
      filters: [
        { schoolId: s.schoolId },
        { schoolId: s.schoolId, classId: s.classId },
        { regionCode: s.township },
        { regionCode: s.village },
        { regionCode: s.township, schoolId: s.schoolId },
        { schoolId: s.schoolId, keyCase: true },
        { schoolId: s.schoolId, keyCase: false },
        { schoolId: s.schoolId, riskLevels: ["high", "critical"] },
        { schoolId: s.schoolId, schooling: ["transferred", "dropped-out"] },
        { ids: [ids[0]!, ids[1]!, randomId("none")] },
        { schoolId: s.schoolId, ids: [ids[0]!, ids[1]!] },
      ],
    };
  },
  schools: (s) => {
    const ids = [randomId("s"), randomId("s")];
    return {
      entities: [
        { id: ids[0], regionCode: s.township },
        { regionCode: s.village },
        { id: ids[1], regionCode: newSampleScope().township },
      ],
      filters: [{ regionCode: s.township }, { regionCode: s.village }, { ids }],
    };
  },
  classes: (s) => ({
    entities: [{}, { grade: 5 }, { schoolId: randomId("s") }],
    filters: [{ schoolId: s.schoolId }],
  }),
  mentors: (s) => ({
    entities: [
      {},
      { kind: "caring-mother", classIds: [] },
      { classIds: [randomId("k"), s.classId], regionCode: newSampleScope().village },
      { schoolId: randomId("s"), kind: "caring-mother" },
    ],
    filters: [
      { schoolId: s.schoolId },
      { schoolId: s.schoolId, classId: s.classId },
      { regionCode: s.township },
      { regionCode: s.township, kinds: ["caring-mother"] },
      { schoolId: s.schoolId, kinds: ["caring-mother", "counsellor"] },
    ],
  }),
  pairings: () => {
    const [c, c2, m] = [randomId("c"), randomId("c"), randomId("m")];
    return {
      entities: [
        { childId: c, mentorId: randomId("m"), start: "2026-03-01" },
        {
          childId: c,
          mentorId: m,
          start: "2025-09-01",
          end: "2026-02-28",
          endReason: "mentor-left",
        },
        { childId: c, mentorId: m, start: "2026-09-01", relayFrom: randomId("pr") },
        { childId: c2, mentorId: m, start: "2026-01-01", end: "2026-03-01", endReason: "other" },
      ],
      filters: [
        { childId: c },
        { mentorId: m },
        { childId: c, activeOn: "2026-03-15" },
        { childId: c, activeOn: "2026-02-28" },
        { mentorId: m, activeOn: "2026-03-01" },
        { childId: c, activeOn: "2026-09-01" },
        { childId: c, ended: true },
        { mentorId: m, ended: false },
        { childId: c, mentorId: m },
      ],
    };
  },
  contacts: () => {
    const [c, c2, m] = [randomId("c"), randomId("c"), randomId("m")];
    return {
      entities: [
        { childIds: [c, c2], mentorId: m, at: "2026-03-02T09:30:00+08:00" },
        { kind: "talk", childIds: [c], at: "2026-03-31T23:59:59+08:00" },
        { childIds: [c], mentorId: m, at: "2026-03-31T16:00:00Z" },
        { kind: "parent-call", initiator: "parent", childIds: [c2], mentorId: m },
        { kind: "talk", childIds: [c2, c], at: "2026-02-28T23:00:00-05:00" },
      ],
      filters: [
        { childId: c },
        { childId: c2 },
        { mentorId: m },
        { childId: c, kinds: ["talk", "home-visit"] },
        {
          childId: c,
          at: { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" },
        },
        { childId: c, at: { from: "2026-03-31T16:00:00Z" } },
        { mentorId: m, at: { to: "2026-03-31T16:00:00Z" } },
        { childId: c, at: { to: "2026-03-01T12:00:00+08:00" } },
        { childId: c2, mentorId: m, kinds: ["parent-call"] },
        { childIds: [c] },
        { childIds: [c2, randomId("c")] },
        { childIds: [] },
        { childIds: [c, c2], kinds: ["talk"] },
        { childIds: [c2], at: { from: "2026-03-01T00:00:00+08:00" } },
        { childIds: [c], mentorId: m, at: { to: "2026-03-31T16:00:00Z" } },
      ],
    };
  },
  assessments: () => {
    const c = randomId("c");
    return {
      entities: [
        { childId: c },
        { childId: c, checklistId: "safety", takenAt: "2026-04-10T08:00:00Z" },
        { childId: c, checklistId: "safety", takenAt: "2026-03-31T16:00:00.000Z" },
        { childId: randomId("c") },
      ],
      filters: [
        { childId: c },
        { childId: c, checklistId: "safety" },
        { childId: c, takenAt: { from: "2026-04-01T00:00:00+08:00" } },
        { childId: c, takenAt: { to: "2026-04-01T00:00:00+08:00" } },
      ],
    };
  },
  assistancePlans: () => {
    const c = randomId("c");
    return {
      entities: [{ childId: c }, { childId: c, createdOn: "2026-05-01" }, {}],
      filters: [
        { childId: c },
        { childId: c, createdOn: { to: "2026-03-01" } },
        { childId: c, createdOn: { from: "2026-03-02" } },
        { childId: c, createdOn: { from: "2026-03-01", to: "2026-05-01" } },
      ],
    };
  },
  wishes: () => {
    const c = randomId("c");
    return {
      entities: [{ childId: c }, { childId: c, status: "approved" }, { status: "approved" }],
      filters: [{ childId: c }, { childId: c, statuses: ["approved", "claimed"] }],
    };
  },
  activities: (s) => {
    const c = randomId("c");
    return {
      entities: [
        { childIds: [c] },
        { date: "2026-06-01", kind: "outing", regionCode: newSampleScope().township },
        { schoolId: randomId("s"), childIds: [randomId("c"), c] },
      ],
      filters: [
        { schoolId: s.schoolId },
        { regionCode: s.township },
        { childId: c },
        { schoolId: s.schoolId, date: { from: "2026-06-01", to: "2026-06-30" } },
        { childId: c, date: { from: "2026-09-25" } },
      ],
    };
  },
  aid: (s) => {
    const c = randomId("c");
    return {
      entities: [
        { childIds: [c] },
        {
          kind: "donation",
          form: "goods",
          amountFen: undefined,
          goods: [{ item: "书包", quantity: 30, valueFen: 150_000 }],
          date: "2026-06-01",
        },
        { schoolId: randomId("s"), kind: "hardship-relief", childIds: [c] },
      ],
      filters: [
        { schoolId: s.schoolId },
        { childId: c },
        { schoolId: s.schoolId, kinds: ["donation"] },
        { childId: c, date: { to: "2026-03-31" } },
        { childId: c, kinds: ["subsidy", "donation"], date: { from: "2026-03-10" } },
      ],
    };
  },
  consents: () => {
    const c = randomId("c");
    return {
      entities: [
        { childId: c },
        { childId: c, purpose: "custom:summer-camp", dataClasses: ["identifying"] },
        { childId: c, purpose: "financial", withdrawnAt: "2026-04-01T08:00:00+08:00" },
        { purpose: "financial" },
      ],
      filters: [
        { childId: c },
        { childId: c, purposes: ["health"] },
        { childId: c, purposes: ["custom:summer-camp", "financial"] },
        { childId: c, purposes: ["export"] },
      ],
    };
  },
};

async function checkQueries<K extends StorageEntityKind>(
  storage: StorageAdapter,
  kind: K,
  scope: SampleScope,
): Promise<void> {
  const c = CASES[kind](scope) as QueryCase<K>;
  const written = c.entities.map((patch) => sampleEntity(kind, scope, patch));
  const repo = storage[kind] as unknown as StorageAdapter["files"];
  await repo.upsertMany(written as never[], { at: WRITE_AT });
  for (const filter of c.filters) {
    const expected = sortedIds(
      written.filter((v) => matchesStorageQuery(kind, v, filter)) as { id: string }[],
    );
    const label = `${kind} ${JSON.stringify(filter)}`;
    const pages = await collectPages((p) => repo.query(filter as never, p));
    expect(
      pages.map((r) => r.id),
      label,
    ).toEqual(expected);
    for (const r of pages) {
      expectValidRecord(kind, r);
      expect(r.value).toEqual(written.find((w) => (w as { id: string }).id === r.id));
    }
    const streamed = await collectStream(repo.stream(filter as never));
    expect(streamed, `${label} (stream)`).toEqual(pages);
    const ids = await collectStream(repo.streamIds(filter as never));
    expect(ids, `${label} (streamIds)`).toEqual(expected);
  }
}

/** Children listed in the long-list test: more than an adapter is likely to bind in one query. */
const LONG_LIST = 2_500;

/**
 * A `childIds` list of thousands of children, most with no record: records naming two listed
 * children far apart in the list (an adapter reading it in chunks meets them twice), one listed
 * and one not, or none listed; read by pages of every size, streamed, and by id.
 */
async function checkLongChildList(storage: StorageAdapter, scope: SampleScope): Promise<void> {
  const listed = Array.from({ length: LONG_LIST }, () => randomId("c"));
  const [first, middle, last] = [listed[3]!, listed[1_200]!, listed[LONG_LIST - 1]!];
  const outside = randomId("c");
  const patches: Raw[] = [
    { childIds: [first, last] },
    { childIds: [last, first], kind: "talk" },
    { childIds: [outside, middle] },
    { childIds: [middle] },
    { childIds: [outside] },
    { childIds: [randomId("c")] },
    ...listed.slice(0, 40).map((c, i) => ({ childIds: i % 2 ? [c, outside] : [c] })),
  ];
  const written = patches.map((p) => sampleEntity("contacts", scope, p));
  await storage.contacts.upsertMany(written, { at: WRITE_AT });
  for (const filter of [
    { childIds: listed },
    { childIds: [...listed].reverse(), kinds: ["talk" as const] },
    { childIds: [...listed, ...listed] },
  ]) {
    const expected = sortedIds(written.filter((v) => matchesStorageQuery("contacts", v, filter)));
    const label = `contacts childIds × ${filter.childIds.length}`;
    expect(expected.length, label).toBeGreaterThan(0);
    for (const limit of [7, 1000]) {
      const pages = await collectPages((p) => storage.contacts.query(filter, p), limit);
      expect(
        pages.map((r) => r.id),
        `${label}, pages of ${limit}`,
      ).toEqual(expected);
    }
    const streamed = await collectStream(storage.contacts.stream(filter));
    expect(
      streamed.map((r) => r.id),
      `${label} (stream)`,
    ).toEqual(expected);
    for (const r of streamed) {
      expect(r.value).toEqual(written.find((w) => w.id === r.id));
    }
    expect(await collectStream(storage.contacts.streamIds(filter)), `${label} (ids)`).toEqual(
      expected,
    );
  }
  expect(await collectStream(storage.contacts.streamIds({ childIds: [] }))).toEqual([]);
}

/** Every filter of every repository against the pure reference `matchesStorageQuery`. @internal */
export function querySuite(h: Harness): void {
  describe("queries", () => {
    for (const kind of STORAGE_ENTITY_KINDS) {
      h.it(`${kind}: every filter returns what matchesStorageQuery selects, by id`, (s) =>
        checkQueries(s, kind, newSampleScope()),
      );
    }

    h.it("contacts: a long childIds list (thousands of children) returns each record once", (s) =>
      checkLongChildList(s, newSampleScope()),
    );

    h.it("guardians and parents are found through their files", async (s) => {
      const scope = newSampleScope();
      const files: ChildFile[] = [0, 1, 2].map(() => sampleEntity("files", scope));
      const shared = files[0]!.guardians[0]!.phone!;
      const second = sampleEntity("files", scope).guardians[0]!;
      files[1] = {
        ...files[1]!,
        guardians: [...files[1]!.guardians, { ...second, phone: shared }],
      };
      await s.files.upsertMany(files, { at: WRITE_AT });
      for (const register of ["guardians", "parents"] as const) {
        const view = s[register] as StorageAdapter["guardians" | "parents"] as StoragePeopleView<{
          id: string;
        }>;
        const person = files[1]![register][0]!;
        const filters = [
          { fileId: files[1]!.id },
          { phone: person.phone! },
          { phone: shared },
          { personId: person.id },
          { fileId: files[2]!.id, personId: person.id },
        ];
        for (const filter of filters) {
          const expected = files
            .slice()
            .sort((a, b) => compareIds(a.id, b.id))
            .flatMap((f) =>
              storagePeopleOf(f, register, filter).map((p) => ({ fileId: f.id, value: p })),
            );
          const got = await collectPages((p) => view.query(filter, p), 1);
          expect(
            got.map((r) => ({ fileId: r.fileId, value: r.value })),
            `${register} ${JSON.stringify(filter)}`,
          ).toEqual(expected);
          for (const r of got) {
            expect(r.id).toBe(r.value.id);
            expect(r.version).toBe(1);
          }
          expect(await collectStream(view.stream(filter))).toEqual(got);
        }
      }
    });
  });
}
