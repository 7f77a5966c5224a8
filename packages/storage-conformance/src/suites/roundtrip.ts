import { STORAGE_ENTITY_SCHEMAS } from "@liushou/core";
import { describe, expect } from "vitest";
import { collectPages, expectValidRecord, sortedIds, WRITE_AT, type Harness } from "../harness";
import {
  INSTANTS_IN_ZONES,
  LONG_TEXT,
  newSampleScope,
  randomId,
  sampleEntity,
  TRICKY_STRINGS,
} from "../samples";

/** Every field comes back exactly as written. @internal */
export function roundTripSuite(h: Harness): void {
  describe("round-trips", () => {
    h.it(
      "CJK, emoji, quotes, SQL-looking text and long text in every text field of a file",
      async (s) => {
        const scope = newSampleScope();
        const files = TRICKY_STRINGS.map((t, i) =>
          STORAGE_ENTITY_SCHEMAS.files.parse({
            ...sampleEntity("files", scope),
            child: {
              ...sampleEntity("files", scope).child,
              name: t.slice(0, 50),
              address: t,
              health: i === 0 ? LONG_TEXT : t,
              interests: `${t}${t}`,
            },
          }),
        );
        for (const f of files) await s.files.put(f, { expectedVersion: null, at: WRITE_AT });
        for (const f of files) {
          const r = await s.files.get(f.id);
          expectValidRecord("files", r);
          expect(r!.value).toEqual(f);
        }
        const found = await collectPages((p) => s.files.query({ schoolId: scope.schoolId }, p));
        expect(found.map((r) => r.value)).toEqual(
          sortedIds(files).map((id) => files.find((f) => f.id === id)),
        );
      },
    );

    h.it("ids holding quotes, CJK and SQL are ids like any other", async (s) => {
      const scope = newSampleScope();
      const suffix = randomId("x");
      const ids = ["o'neil", 'a"b', "学生-甲", "x; DROP TABLE files;--", "100%_a"].map(
        (id) => `${id}-${suffix}`,
      );
      const schools = ids.map((id) => sampleEntity("schools", scope, { id }));
      await s.schools.upsertMany(schools, { at: WRITE_AT });
      for (const school of schools) expect((await s.schools.get(school.id))?.value).toEqual(school);
      const page = await collectPages((p) => s.schools.query({ ids }, p), 2);
      expect(page.map((r) => r.id)).toEqual([...ids].sort());
    });

    h.it("instants keep their zone and precision, and compare as points in time", async (s) => {
      const c = randomId("c");
      const records = INSTANTS_IN_ZONES.map((at) =>
        sampleEntity("contacts", newSampleScope(), { at, childIds: [c] }),
      );
      await s.contacts.upsertMany(records, { at: WRITE_AT });
      for (const r of records) expect((await s.contacts.get(r.id))?.value.at).toBe(r.at);
      // All six name instants within one day of 2026-03-01T16:00:00Z: count them by time, not text.
      const from = "2026-03-01T16:00:00Z";
      const inRange = await collectPages((p) => s.contacts.query({ childId: c, at: { from } }, p));
      const expected = records.filter((r) => Date.parse(r.at) >= Date.parse(from));
      expect(inRange.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      const before = await collectPages((p) =>
        s.contacts.query({ childId: c, at: { to: "2026-03-02T00:00:00+08:00" } }, p),
      );
      expect(before.map((r) => r.id).sort()).toEqual(
        records
          .filter((r) => Date.parse(r.at) < Date.parse(from))
          .map((r) => r.id)
          .sort(),
      );
    });

    h.it("integer fen amounts stay exact integers, up to Number.MAX_SAFE_INTEGER", async (s) => {
      const scope = newSampleScope();
      const amounts = [0, 1, 99, 123_456_789_012, Number.MAX_SAFE_INTEGER];
      const aid = amounts.map((amountFen) => sampleEntity("aid", scope, { amountFen }));
      const wishes = amounts.map((costFen) => sampleEntity("wishes", scope, { costFen }));
      await s.aid.upsertMany(aid, { at: WRITE_AT });
      await s.wishes.upsertMany(wishes, { at: WRITE_AT });
      for (const a of aid) {
        const got = (await s.aid.get(a.id))!.value.amountFen!;
        expect(Number.isInteger(got) && got === a.amountFen).toBe(true);
      }
      for (const w of wishes) expect((await s.wishes.get(w.id))!.value.costFen).toBe(w.costFen);
    });

    h.it(
      "answers of every shape, nested plans and optional fields come back as written",
      async (s) => {
        const scope = newSampleScope();
        const assessment = sampleEntity("assessments", scope, {
          responses: {
            "睡眠.质量": 2.5,
            "a'b": [TRICKY_STRINGS[3]!, "", "👧🏻"],
            empty: [],
            nothing: null,
            yes: true,
            no: false,
            zero: 0,
            text: LONG_TEXT,
          },
        });
        const plan = sampleEntity("assistancePlans", scope, {
          reviewOn: "2026-06-30",
          basedOn: {
            assessmentId: assessment.id,
            findingCodes: ["domain:study", "flag:dropout-risk"],
          },
          items: [
            {
              id: "i1",
              domain: "legal",
              need: "legal:art-23",
              what: { "zh-CN": "每周联系父母", en: "Weekly call with the parents" },
              owner: { role: "class-teacher", personId: randomId("m") },
              startOn: "2026-03-02",
              due: "2026-06-30",
              stages: [{ by: "2026-04-01", expected: "按时完成作业", reachedOn: "2026-03-28" }],
              status: "in-progress",
              progress: [{ on: "2026-03-20", note: TRICKY_STRINGS[1]!, stageReached: 0 }],
              mandatoryReport: true,
            },
          ],
        });
        const wish = sampleEntity("wishes", scope, {
          status: "claimed",
          donor: { name: '爱心企业 "阳光"', kind: "company" },
          history: [
            { status: "submitted", at: "2026-03-01T08:00:00+08:00" },
            { status: "approved", at: "2026-03-02T00:00:00Z", actorId: "admin-1", note: "同意" },
            { status: "claimed", at: "2026-03-03T10:00:00.5-03:00" },
          ],
        });
        const mentor = sampleEntity("mentors", scope, {
          location: { lat: 28.228209, lng: 112.938814 },
          capacity: { min: 1, max: 3 },
          experienceYears: 2.5,
        });
        await s.assessments.put(assessment, { expectedVersion: null, at: WRITE_AT });
        await s.assistancePlans.put(plan, { expectedVersion: null, at: WRITE_AT });
        await s.wishes.put(wish, { expectedVersion: null, at: WRITE_AT });
        await s.mentors.put(mentor, { expectedVersion: null, at: WRITE_AT });
        expect((await s.assessments.get(assessment.id))?.value).toEqual(assessment);
        expect((await s.assistancePlans.get(plan.id))?.value).toEqual(plan);
        expect((await s.wishes.get(wish.id))?.value).toEqual(wish);
        expect((await s.mentors.get(mentor.id))?.value).toEqual(mentor);
      },
    );
  });
}
