import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileValue, nearValues } from "../_lib/hostile.test-helper";
import { MAX_ADDRESS_LENGTH, MAX_IDS_PER_RECORD, MAX_TEXT_LENGTH } from "../model/limits";
import { ContactRecordSchema, quickContactRecord } from "../model/records";
import { CONTACT_KIND_CODE, INITIATOR_CODE } from "./codes";
import { RecordReader } from "./record-reader";

/**
 * The record reader takes a contact record that certainly passes `ContactRecordSchema` without
 * zod. It must never accept what zod refuses (a bad record would be loaded instead of reported),
 * and what it keeps must equal zod's output: id, instant, kind, initiator (default "mentor"),
 * mentor and child ids.
 */
const valid = {
  id: "r1",
  kind: "home-visit",
  at: "2026-03-01T09:00:00+08:00",
  childIds: ["c1", "c2"],
  mentorId: "m1",
  parentId: "p1",
  initiator: "parent",
  durationMinutes: 30,
  place: "家中",
  summary: "谈心",
  followUp: "",
  recordedAt: "2026-03-01T10:00:00Z",
  resourceId: "h1",
  note: "dropped by the schema",
};
const KEYS = [...Object.keys(valid), "__proto__"];

const near = nearValues(
  -1,
  0,
  1,
  2.5,
  1e300,
  2 ** 53,
  "x".repeat(5001),
  "talk",
  "mentor",
  "child",
  "2026-03-01T09:00:00+08:00",
  "2026-03-01T09:00:00.123456789-05:30",
  "2026-02-30T09:00:00Z",
  "2026-03-01",
  new Date("2026-03-01T09:00:00Z"),
  [],
  ["c1"],
  ["c1", "c1"],
  [7],
  Array.from({ length: 20 }, (_, k) => `c${k}`),
  [...Array.from({ length: 20 }, (_, k) => `c${k}`), "c3"],
  {},
);

type Edit = (o: any) => void;
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), near, fc.boolean()).map(
    ([key, value, del]): Edit =>
      (o) =>
        del
          ? delete o[key]
          : Object.defineProperty(o, key, {
              value,
              enumerable: true,
              writable: true,
              configurable: true,
            }),
  ),
  fc.tuple(fc.constantFrom(...KEYS), near).map(
    ([key, value]): Edit =>
      (o) =>
        Object.defineProperty(o, key, { get: () => value, enumerable: true, configurable: true }),
  ),
  fc.tuple(fc.nat(3), near).map(
    ([k, value]): Edit =>
      (o) =>
        Array.isArray(o.childIds) && Object.isExtensible(o.childIds) && (o.childIds[k] = value),
  ),
  fc.constantFrom(null, Array.prototype, { id: "r9" }).map(
    (proto): Edit =>
      (o) =>
        Object.setPrototypeOf(o, proto),
  ),
  fc.constant<Edit>((o) => (o[Symbol.for("s")] = 1)),
);

function edited(edits: readonly Edit[]) {
  return () => {
    const r = { ...valid, childIds: [...valid.childIds] };
    for (const e of edits) {
      try {
        e(r);
      } catch {
        // an edit the object refuses does nothing
      }
    }
    return r;
  };
}

let accepted = 0;
function check(make: () => unknown, reader = new RecordReader()): boolean {
  const ok = reader.read(make());
  const zod = ContactRecordSchema.safeParse(make());
  if (!ok) return false;
  accepted++;
  expect(zod.success).toBe(true);
  const r = zod.data!;
  expect({
    id: reader.id,
    ms: reader.ms,
    kind: reader.kind,
    initiator: reader.initiator,
    mentorId: reader.mentorId,
    childIds: reader.childIds.slice(0, reader.childCount),
  }).toStrictEqual({
    id: r.id,
    ms: Date.parse(r.at),
    kind: CONTACT_KIND_CODE.get(r.kind),
    initiator: INITIATOR_CODE.get(r.initiator),
    mentorId: r.mentorId,
    childIds: r.childIds,
  });
  return true;
}

/** `n` distinct child ids with a prefix. */
const ids = (n: number, prefix = "c") => Array.from({ length: n }, (_, k) => `${prefix}${k}`);

describe("policies: the record reader", () => {
  it("reads a record in shape as zod parses it, the initiator defaulting to mentor", () => {
    check(() => valid);
    const { initiator: _, ...plain } = valid;
    const reader = new RecordReader();
    expect(reader.read(plain)).toBe(true);
    expect(reader.initiator).toBe(INITIATOR_CODE.get("mentor"));
  });

  it("never accepts what zod refuses, nor reads what zod would not give (edited records)", () => {
    accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), (edits) => {
        check(edited(edits));
      }),
      { numRuns: 4000 },
    );
    expect(accepted).toBeGreaterThan(400);
  });

  it("never accepts what zod refuses (hostile values)", () => {
    fc.assert(
      fc.property(hostileValue, (v) => {
        check(() => v);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads each field once, so the check and the columns see the same value", () => {
    let reads = 0;
    const r = {
      ...valid,
      get kind() {
        return reads++ === 0 ? "talk" : "nonsense";
      },
    };
    const reader = new RecordReader();
    expect(reader.read(r)).toBe(true);
    expect(reader.kind).toBe(CONTACT_KIND_CODE.get("talk"));
    expect(reads).toBe(1);
  });

  it("leaves a duration beyond the safe integers to zod, which refuses it", () => {
    const r = { ...valid, durationMinutes: 1e300 };
    expect(ContactRecordSchema.safeParse(r).success).toBe(false);
    expect(new RecordReader().read(r)).toBe(false);
    expect(quickContactRecord(r)).toBeUndefined();
  });

  it("takes a record parsed by zod (a numeric id, a Date)", () => {
    const parsed = ContactRecordSchema.parse({
      ...valid,
      id: 7,
      at: new Date("2026-03-01T01:00:00Z"),
    });
    const reader = new RecordReader();
    reader.take(parsed);
    expect([reader.id, reader.ms, reader.childIds.slice(0, reader.childCount)]).toEqual([
      "7",
      Date.parse("2026-03-01T01:00:00Z"),
      ["c1", "c2"],
    ]);
  });

  it("reads records at every limit without zod, and leaves those one past it to zod", () => {
    const reader = new RecordReader();
    const at = (fields: object) => () => ({ ...valid, ...fields });
    for (const fields of [
      { place: "x".repeat(MAX_ADDRESS_LENGTH) },
      { summary: "x".repeat(MAX_TEXT_LENGTH), followUp: "x".repeat(MAX_TEXT_LENGTH) },
      { durationMinutes: 1 },
      { childIds: ids(16) },
      { childIds: ids(17) },
      { childIds: ids(MAX_IDS_PER_RECORD) },
    ])
      expect(check(at(fields), reader)).toBe(true);
    for (const fields of [
      { place: "x".repeat(MAX_ADDRESS_LENGTH + 1) },
      { summary: "x".repeat(MAX_TEXT_LENGTH + 1) },
      { followUp: "x".repeat(MAX_TEXT_LENGTH + 1) },
      { durationMinutes: 0 },
      { childIds: [] },
      { childIds: ids(MAX_IDS_PER_RECORD + 1) },
    ]) {
      expect(reader.read(at(fields)())).toBe(false);
      expect(ContactRecordSchema.safeParse(at(fields)()).success).toBe(false);
    }
  });

  it("leaves a repeated child id to zod, in short and long lists", () => {
    for (const childIds of [
      ["c1", "c2", "c1"],
      [...ids(16), "c15"],
      [...ids(MAX_IDS_PER_RECORD - 1), "c0"],
    ]) {
      const r = { ...valid, childIds };
      expect(new RecordReader().read(r)).toBe(false);
      expect(ContactRecordSchema.safeParse(r).success).toBe(false);
    }
  });

  it("reads the next record alike after any record before it", () => {
    const reader = new RecordReader();
    expect(reader.read({ ...valid, childIds: ["a", "b", "a"] })).toBe(false);
    expect(check(() => ({ ...valid, childIds: ["a", "b"] }), reader)).toBe(true);
    expect(check(() => ({ ...valid, childIds: ids(17, "a") }), reader)).toBe(true);
    expect(check(() => ({ ...valid, childIds: ids(17, "b") }), reader)).toBe(true);
    expect(check(() => ({ ...valid, childIds: ids(18, "b").slice(1) }), reader)).toBe(true);
  });
});
