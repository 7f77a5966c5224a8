import { describe, expect } from "vitest";
import { collectPages, sortedIds, WRITE_AT, type Harness } from "../harness";
import { newSampleScope, sampleEntity } from "../samples";

/** Cursor pagination: ordered by id, every item once, page sizes respected. @internal */
export function paginationSuite(h: Harness): void {
  describe("pagination", () => {
    h.it("pages follow each other in id order, every item exactly once", async (s) => {
      const scope = newSampleScope();
      const files = Array.from({ length: 23 }, () => sampleEntity("files", scope));
      await s.files.upsertMany(files, { at: WRITE_AT });
      const expected = sortedIds(files);
      for (const limit of [1, 5, 7, 23, 50]) {
        const items = await collectPages(
          (p) => s.files.query({ schoolId: scope.schoolId }, p),
          limit,
        );
        expect(
          items.map((r) => r.id),
          `limit ${limit}`,
        ).toEqual(expected);
      }
      const first = await s.files.query({ schoolId: scope.schoolId });
      expect(first.items.map((r) => r.id)).toEqual(expected);
      expect(first.nextCursor).toBeNull();
      const exact = await s.files.query({ schoolId: scope.schoolId }, { limit: 23 });
      expect(exact.items).toHaveLength(23);
      if (exact.nextCursor !== null) {
        const rest = await s.files.query(
          { schoolId: scope.schoolId },
          { limit: 23, cursor: exact.nextCursor },
        );
        expect(rest).toEqual({ items: [], nextCursor: null });
      }
    });

    h.it("an empty result is one empty page", async (s) => {
      const page = await s.contacts.query({ childId: newSampleScope().schoolId }, { limit: 10 });
      expect(page).toEqual({ items: [], nextCursor: null });
    });

    h.it(
      "the default page holds at least 100 items and a cursor resumes after a deletion",
      async (s) => {
        const scope = newSampleScope();
        const files = Array.from({ length: 120 }, () => sampleEntity("files", scope));
        await s.files.upsertMany(files, { at: WRITE_AT });
        const expected = sortedIds(files);
        const page = await s.files.query({ schoolId: scope.schoolId });
        expect(page.items.length).toBeGreaterThanOrEqual(100);
        const small = await s.files.query({ schoolId: scope.schoolId }, { limit: 10 });
        // The last item of the page is deleted before the next page is read.
        const last = small.items[9]!;
        await s.files.remove(last.id, { expectedVersion: last.version });
        const next = await s.files.query(
          { schoolId: scope.schoolId },
          { limit: 10, cursor: small.nextCursor },
        );
        expect(next.items.map((r) => r.id)).toEqual(expected.slice(10, 20));
      },
    );
  });
}
