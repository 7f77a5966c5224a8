import {
  countContactRecords,
  matchesStorageQuery,
  storagePeopleOf,
  type ChildFile,
  type ContactRecord,
  type StorageEntities,
  type StorageEntityKind,
  type StorageScope,
  type StorageSession,
} from "@liushou/core";
import { describe, expect } from "vitest";
import { collectPages, collectStream, sortedIds, WRITE_AT, type Harness } from "../harness";
import { newSampleScope, randomId, sampleEntity, type SampleScope } from "../samples";

/** The kinds whose entities are about children, each written for an in-scope and an outside child. */
const CHILD_KINDS = [
  "pairings",
  "contacts",
  "assessments",
  "assistancePlans",
  "wishes",
  "activities",
  "aid",
  "consents",
] as const;

const SINGLE = new Set<StorageEntityKind>([
  "pairings",
  "assessments",
  "assistancePlans",
  "wishes",
  "consents",
]);

interface World {
  readonly here: SampleScope;
  readonly there: SampleScope;
  readonly files: ChildFile[];
  readonly entities: { [K in StorageEntityKind]?: StorageEntities[K][] };
}

/**
 * Two neighbourhoods: `here` with three children (two in its class, one in another class of
 * its school) and `there` with two; every kind about children written for a child of each, and
 * for both at once where a record names several children.
 */
async function world(s: StorageSession): Promise<World> {
  const here = newSampleScope();
  const there = newSampleScope();
  const otherClass = randomId("k");
  const files = [
    sampleEntity("files", here),
    sampleEntity("files", here),
    sampleEntity("files", here),
    sampleEntity("files", there),
    sampleEntity("files", there),
  ];
  (files[2]!.child as { classId?: string }).classId = otherClass;
  await s.files.upsertMany(files, { at: WRITE_AT });
  const entities: World["entities"] = { files };
  const [a, , c, b] = files.map((f) => f.id) as [string, string, string, string];
  for (const kind of CHILD_KINDS) {
    const sets = SINGLE.has(kind) ? [[a], [c], [b]] : [[a], [b], [a, b], [c, b]];
    const values = sets.map((ids) =>
      sampleEntity(kind, here, SINGLE.has(kind) ? { childId: ids[0] } : { childIds: ids }),
    );
    await (s[kind] as unknown as StorageSession["files"]).upsertMany(values as never, {
      at: WRITE_AT,
    });
    (entities as Record<string, unknown[]>)[kind] = values;
  }
  return { here, there, files, entities };
}

/** The scopes every read is checked under. */
function scopes(w: World): [string, StorageScope][] {
  const [a, , c] = w.files;
  return [
    ["school", { schoolIds: [w.here.schoolId] }],
    ["class", { classIds: [w.here.classId] }],
    ["township", { regionCode: w.here.township }],
    ["village and school", { regionCode: w.here.village, schoolIds: [w.here.schoolId] }],
    ["own children", { childIds: [a!.id, c!.id] }],
    ["two schools", { schoolIds: [w.here.schoolId, w.there.schoolId] }],
    ["nothing", { schoolIds: [] }],
  ];
}

/** An actor's scope filters every read: an adapter never returns a child outside it. @internal */
export function scopeSuite(h: Harness): void {
  describe("access scope", () => {
    h.it(
      "query, stream and streamIds of every kind return exactly the entities in scope",
      async (s) => {
        const w = await world(s);
        const byId = new Map(w.files.map((f) => [f.id, f]));
        const fileOf = (id: string) => byId.get(id);
        for (const [name, scope] of scopes(w)) {
          for (const kind of ["files", ...CHILD_KINDS] as const) {
            const all = w.entities[kind]! as StorageEntities[typeof kind][];
            const filter = { ids: all.map((e) => e.id), scope };
            const expected = sortedIds(
              all.filter((e) => matchesStorageQuery(kind, e as never, filter as never, fileOf)),
            );
            const repo = s[kind] as unknown as StorageSession["files"];
            const paged = await collectPages((p) => repo.query(filter as never, p), 2);
            expect(
              paged.map((r) => r.id),
              `${kind} query, ${name}`,
            ).toEqual(expected);
            const streamed = await collectStream(repo.stream(filter as never));
            expect(
              streamed.map((r) => r.id),
              `${kind} stream, ${name}`,
            ).toEqual(expected);
            const ids = await collectStream(repo.streamIds(filter as never));
            expect(ids, `${kind} streamIds, ${name}`).toEqual(expected);
          }
        }
      },
    );

    h.it("a scope alone finds the children of its neighbourhood, and no other", async (s) => {
      const w = await world(s);
      const here = w.files.filter((f) => f.child.schoolId === w.here.schoolId).map((f) => f.id);
      const got = await collectStream(s.files.stream({ scope: { regionCode: w.here.township } }));
      expect(got.map((r) => r.id)).toEqual([...here].sort());
      const none = await s.files.query({ riskLevels: ["low"], scope: { childIds: [] } });
      expect(none.items).toEqual([]);
    });

    h.it("guardians and parents are read only through files in scope", async (s) => {
      const w = await world(s);
      for (const [name, scope] of scopes(w)) {
        for (const register of ["guardians", "parents"] as const) {
          const expected = w.files
            .filter((f) => matchesStorageQuery("files", f, { scope }))
            .sort((x, y) => (x.id < y.id ? -1 : 1))
            .flatMap((f) => storagePeopleOf(f, register, {}).map((p) => `${f.id}/${p.id}`));
          for (const f of w.files) {
            const view = s[register] as StorageSession["parents"];
            const got = await collectStream(view.stream({ fileId: f.id, scope }));
            expect(
              got.map((p) => `${p.fileId}/${p.id}`),
              `${register} of ${f.id}, ${name}`,
            ).toEqual(expected.filter((k) => k.startsWith(`${f.id}/`)));
          }
        }
      }
    });

    h.it("contact counts count only the children in scope", async (s, ctx) => {
      if (!s.capabilities.contactCounts || !s.countContacts) return ctx.skip();
      const w = await world(s);
      const byId = new Map(w.files.map((f) => [f.id, f]));
      const records = w.entities.contacts as ContactRecord[];
      const children = w.files.map((f) => f.id);
      const mentors = records.flatMap((r) => (r.mentorId ? [r.mentorId] : []));
      for (const [name, scope] of scopes(w)) {
        for (const query of [
          { groupBy: "child", subjectIds: children, scope },
          { groupBy: "mentor", subjectIds: mentors, scope },
        ] as const) {
          const expected = countContactRecords(records, query, (id) => byId.get(id));
          expect(await s.countContacts(query), `${query.groupBy}, ${name}`).toEqual(expected);
        }
      }
    });
  });
}
