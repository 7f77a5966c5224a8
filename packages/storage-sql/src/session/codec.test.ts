import { ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { keysetReads, makeCursor, readPage } from "./codec";

describe("page requests", () => {
  it("default to 100 items from the start, and decode the cursors they made", () => {
    expect(readPage(undefined)).toEqual({ limit: 100, after: null });
    const cursor = makeCursor(["c'1; drop table ls_file", 7]);
    expect(readPage({ limit: 5, cursor })).toEqual({
      limit: 5,
      after: ["c'1; drop table ls_file", 7],
    });
  });

  it("reject a limit out of 1–1000 and a cursor they did not make, naming the field", () => {
    for (const limit of [0, 1001, 2.5, Number.NaN]) {
      expect(() => readPage({ limit })).toThrowError(ValidationError);
    }
    for (const cursor of ["not base64 json", makeCursor([]).slice(1) + "!", "e30"]) {
      try {
        readPage({ cursor });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).issues[0]!.path).toBe("page.cursor");
        expect((e as ValidationError).messages.en).toMatch(/cursor/);
      }
    }
  });
});

describe("keyset reads", () => {
  const ids = Array.from({ length: 25 }, (_, i) => `id${String(i).padStart(2, "0")}`);
  const read = async (_: object, limit: number, after: readonly (string | number)[] | null) => {
    const rest = ids.filter((id) => after === null || id > String(after[0]));
    const items = rest.slice(0, limit);
    return { items, next: rest.length > limit ? [items[items.length - 1]!] : null };
  };

  it("page through every item once, and stream in batches to the end", async () => {
    const reads = keysetReads(read, 10);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: readonly string[]; nextCursor: string | null } = await reads.query(
        {},
        { limit: 7, cursor },
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(ids);
    const streamed: string[] = [];
    for await (const id of reads.stream({})) streamed.push(id);
    expect(streamed).toEqual(ids);
  });
});
