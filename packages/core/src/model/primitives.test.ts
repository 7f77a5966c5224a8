import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors";
import { checkLegalDuties } from "../legal/check";
import { prepareComplianceData } from "../policies/data";
import { RecordReader } from "../policies/record-reader";
import { scenario } from "../policies/scenario.test-helper";
import { instantMsOrNaN, plainInstantMs } from "../time/instant-ms";
import { AsOfSchema, CalendarDateSchema, InstantSchema } from "./primitives";
import { ContactRecordSchema } from "./records";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * Strings near an instant: every part drawn in and just beyond its range (month 0–13, day 0–32,
 * hour 0–25, minute and second 0–61, offset hours 0–25 and minutes 0–61), seconds, a fraction and
 * the offset's colon sometimes left out, now and then one character changed.
 */
const nearInstant = fc
  .record({
    year: fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(0, 1, 4, 100, 999, 1900, 2000, 2024, 2026, 2100, 9999),
    ),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 28, max: 31 })),
    hour: fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constantFrom(0, 23, 24)),
    minute: fc.oneof(fc.integer({ min: 0, max: 61 }), fc.constantFrom(0, 59, 60)),
    second: fc.option(fc.oneof(fc.integer({ min: 0, max: 61 }), fc.constantFrom(0, 59, 60)), {
      freq: 5,
    }),
    fraction: fc.option(fc.stringMatching(/^\d{1,10}$/), { freq: 2 }),
    offset: fc.option(
      fc.record({
        sign: fc.constantFrom("+", "-"),
        hours: fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constantFrom(0, 8, 23, 24)),
        minutes: fc.oneof(fc.constantFrom(0, 30, 45, 59, 60), fc.integer({ min: 0, max: 61 })),
        colon: fc.boolean(),
      }),
      { freq: 4 },
    ),
    typo: fc.option(fc.tuple(fc.nat(), fc.constantFrom("0", "9", "T", ":", "-", "+", "Z", " ")), {
      freq: 10,
    }),
  })
  .map(({ year, month, day, hour, minute, second, fraction, offset, typo }) => {
    const time =
      `${pad(hour)}:${pad(minute)}` +
      (second === null ? "" : `:${pad(second)}${fraction === null ? "" : `.${fraction}`}`);
    const zone =
      offset === null
        ? "Z"
        : `${offset.sign}${pad(offset.hours)}${offset.colon ? ":" : ""}${pad(offset.minutes)}`;
    const s = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}${zone}`;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    // What exists, decided from the parts alone: no 30 February, no 24:00, no leap second.
    const exists =
      monthDays !== undefined &&
      day >= 1 &&
      day <= monthDays &&
      hour <= 23 &&
      minute <= 59 &&
      (second === null || (second <= 59 && (fraction ?? "").length <= 9)) &&
      (offset === null || (offset.hours <= 23 && offset.minutes <= 59));
    if (typo === null) return { s, exists };
    const i = typo[0] % s.length;
    const typed = s.slice(0, i) + typo[1] + s.slice(i + 1);
    return { s: typed, exists: typed === s ? exists : undefined };
  });

/** 0000-01-02 and 9999-12-29 UTC, the documented range of instants. */
const inRange = (ms: number) =>
  ms >= Date.parse("0000-01-02T00:00:00Z") && ms <= Date.parse("9999-12-29T00:00:00Z");

describe("instants: the fast path and the schema agree", () => {
  it("on accepting, and on the milliseconds, for strings near the format", () => {
    const reader = new RecordReader();
    fc.assert(
      fc.property(nearInstant, ({ s, exists }) => {
        const fast = instantMsOrNaN(s);
        if (exists !== undefined) {
          expect(fast === fast, s).toBe(exists && inRange(Date.parse(s)));
        }
        const schema = InstantSchema.safeParse(s);
        expect(schema.success, s).toBe(fast === fast);
        expect(AsOfSchema.safeParse(s).success, s).toBe(fast === fast);
        const plain = plainInstantMs(s);
        if (plain === plain) expect(plain, s).toBe(fast);
        const record = { id: "r1", kind: "talk", at: s, childIds: ["c1"] };
        expect(reader.read(record), s).toBe(fast === fast);
        expect(ContactRecordSchema.safeParse(record).success, s).toBe(fast === fast);
        if (schema.success) {
          expect(schema.data).toBe(s);
          expect(reader.ms).toBe(fast);
          // Where both answer, the arithmetic and the engine agree.
          expect(Date.parse(s), s).toBe(fast);
        }
      }),
      { numRuns: propertyRuns(5000) },
    );
  });
});

describe("impossible instants are refused, not rolled over", () => {
  const refused = [
    "2026-02-30T10:00:00+08:00",
    "2026-04-31T10:00:00+08:00",
    "2026-06-31T10:00:00Z",
    "2026-09-31T10:00:00Z",
    "2026-11-31T10:00:00Z",
    "2026-02-29T10:00:00+08:00",
    "2023-02-29T10:00:00Z",
    "1900-02-29T10:00:00Z",
    "2100-02-29T10:00:00+08:00",
    "2026-02-30T10:00+08:00",
    "2026-02-30T10:00:00.500+08:00",
    "2026-04-31T10:00:00+0800",
    "2026-03-01T24:00:00Z",
    "2026-03-01T24:00:00.000+08:00",
    "2026-03-01T23:60:00Z",
    "2026-03-01T23:59:60Z",
    "2026-03-01T10:00:00+24:00",
    "2026-03-01T10:00:00+08:60",
  ];
  const accepted = [
    "2024-02-29T10:00:00+08:00",
    "2000-02-29T10:00:00Z",
    "2024-02-29T10:00+08:00",
    "2026-02-28T23:59:59.999-12:00",
    "2026-04-30T10:00:00+08:00",
    "2026-03-01T00:00:00+23:59",
    "2026-03-01T00:00:00-00:00",
  ];

  it.each(refused)("%s", (s) => {
    expect(instantMsOrNaN(s)).toBeNaN();
    expect(new RecordReader().read({ id: "r1", kind: "talk", at: s, childIds: ["c1"] })).toBe(
      false,
    );
    expect(InstantSchema.safeParse(s).success).toBe(false);
    expect(AsOfSchema.safeParse(s).success).toBe(false);
  });

  it.each(accepted)("%s is accepted", (s) => {
    expect(instantMsOrNaN(s)).toBe(Date.parse(s));
    expect(InstantSchema.parse(s)).toBe(s);
    expect(AsOfSchema.parse(s)).toBe(s);
  });

  it("a record's at names the field, in both languages, when the records are loaded", () => {
    const s = scenario();
    const at = "2026-02-30T10:00:00+08:00";
    const records = [...s.records, { id: "rx", kind: "talk" as const, at, childIds: ["c1"] }];
    const error = thrown(() => prepareComplianceData({ ...s, records }));
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0]!;
    expect(issue.path).toBe(`records[${records.length - 1}].at`);
    expect(issue.code).toBe("instant");
    expect(issue.received).toBe(JSON.stringify(at));
    expect(issue.message["zh-CN"]).toContain("带时区偏移的 ISO 8601 时间");
    expect(issue.message.en).toContain("ISO 8601 date-time with an offset");
  });

  it("an asOf names asOf", () => {
    const s = scenario();
    const error = thrown(() =>
      checkLegalDuties(s.children[0]!, { asOf: "2026-04-31T10:00:00+08:00", records: [] }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toBe("asOf");
  });
});

describe("instants in early years", () => {
  const year1 = "0001-03-10T10:00:00+08:00";

  it("are read as a record's at and as an asOf (years 0000–9999 are in range)", () => {
    const s = scenario();
    const records = [
      ...s.records,
      { id: "rx", kind: "talk" as const, at: year1, childIds: ["c1"] },
    ];
    for (const timeZone of ["Asia/Shanghai", "America/New_York"]) {
      expect(() => prepareComplianceData({ ...s, records, timeZone })).not.toThrow();
    }
    expect(() => checkLegalDuties(s.children[0]!, { asOf: year1, records: [] })).not.toThrow();
  });

  it("outside the dates of four-digit years name the field", () => {
    const s = scenario();
    for (const at of ["0000-01-01T10:00:00+08:00", "9999-12-31T23:59:59+08:00"]) {
      const records = [...s.records, { id: "rx", kind: "talk" as const, at, childIds: ["c1"] }];
      const error = thrown(() => prepareComplianceData({ ...s, records }));
      expect((error as ValidationError).issues[0]!.path).toBe(`records[${s.records.length}].at`);
      const asOf = thrown(() => checkLegalDuties(s.children[0]!, { asOf: at, records: [] }));
      expect((asOf as ValidationError).issues[0]!.path).toBe("asOf");
    }
    for (const schema of [InstantSchema, AsOfSchema, CalendarDateSchema]) {
      expect(schema.safeParse(new Date(8.64e15)).success).toBe(false);
      expect(schema.safeParse(new Date(Date.parse("0000-01-01T00:00:00Z"))).success).toBe(false);
    }
  });
});
