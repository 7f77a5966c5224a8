import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ErrorCode } from "../errors/codes";
import { isLiushouError, ValidationError } from "../errors/errors";
import { addDays } from "../time/calendar-date";
import {
  CONSENT_AGE,
  ConsentRecordSchema,
  ConsentRequiredError,
  consentPurposeLabel,
  consentStatus,
  requireConsent,
  type ConsentRecord,
} from "./index";

const child = { id: "c1", child: { birthDate: "2014-09-01" } };
const leap = { id: "c2", child: { birthDate: "2012-02-29" } };

function record(over: Partial<Record<keyof ConsentRecord, unknown>> = {}): ConsentRecord {
  return ConsentRecordSchema.parse({
    id: "cs1",
    childId: "c1",
    purpose: "health",
    guardianId: "g1",
    relation: "grandmother",
    givenAt: "2026-03-01T09:00:00+08:00",
    method: "written",
    dataClasses: ["health"],
    ...over,
  });
}

describe("ConsentRecordSchema", () => {
  it("accepts built-in and custom purposes and refuses others", () => {
    expect(record({ purpose: "custom:summer-camp" }).purpose).toBe("custom:summer-camp");
    for (const purpose of ["Health", "custom:", "custom:Camp", "camp", ""]) {
      expect(ConsentRecordSchema.safeParse({ ...record(), purpose }).success).toBe(false);
    }
  });
  it("refuses a withdrawal before the consent, compared as instants", () => {
    const r = ConsentRecordSchema.safeParse({
      ...record(),
      withdrawnAt: "2026-03-01T00:59:59Z",
    });
    expect(r.success).toBe(false);
    expect(
      ConsentRecordSchema.safeParse({ ...record(), withdrawnAt: "2026-03-01T01:00:00Z" }).success,
    ).toBe(true);
  });
  it("masks the evidence reference in errors", () => {
    const evidence = "表格 ABCDEFGH" + "x".repeat(100);
    const e = thrown(() => ConsentRecordSchema.parse({ ...record(), evidence }));
    const v = thrown(() =>
      consentStatus(child, "health", [{ ...record(), evidence }], "2026-03-02"),
    );
    expect(e).toBeTruthy();
    expect(v).toBeInstanceOf(ValidationError);
    expect(JSON.stringify(v)).not.toContain("ABCDEFGH");
  });
});

describe("consentStatus", () => {
  it("is missing, granted, then withdrawn as the days pass", () => {
    const r = record({ withdrawnAt: "2026-06-01T10:00:00+08:00" });
    expect(consentStatus(child, "health", [r], "2026-02-28").state).toBe("missing");
    expect(consentStatus(child, "health", [r], "2026-03-01").state).toBe("granted");
    expect(consentStatus(child, "health", [r], "2026-05-31").record).toEqual(r);
    expect(consentStatus(child, "health", [r], "2026-06-01").state).toBe("withdrawn");
    expect(consentStatus(child, "health", [r], "2026-06-01T09:59:59+08:00").state).toBe("granted");
    expect(consentStatus(child, "health", [r], "2026-06-01T10:00:00+08:00").state).toBe(
      "withdrawn",
    );
  });

  it("reads a calendar day in the time zone given", () => {
    const r = record({ givenAt: "2026-03-01T20:00:00Z" }); // 2 March in Shanghai
    expect(consentStatus(child, "health", [r], "2026-03-01").state).toBe("missing");
    expect(consentStatus(child, "health", [r], "2026-03-01", "UTC").state).toBe("granted");
  });

  it("ignores other children's and other purposes' records", () => {
    const others = [record({ childId: "c9" }), record({ purpose: "financial" })];
    expect(consentStatus(child, "health", others, "2026-09-01").state).toBe("missing");
  });

  it("is granted when one record is in force beside a withdrawn one", () => {
    const old = record({ id: "a", withdrawnAt: "2026-04-01T00:00:00+08:00" });
    const renewed = record({ id: "b", givenAt: "2026-05-01T00:00:00+08:00" });
    expect(consentStatus(child, "health", [old, renewed], "2026-04-15").state).toBe("withdrawn");
    expect(consentStatus(child, "health", [old, renewed], "2026-05-01").record?.id).toBe("b");
  });

  it("names the latest withdrawal", () => {
    const a = record({ id: "a", withdrawnAt: "2026-04-01T00:00:00+08:00" });
    const b = record({ id: "b", withdrawnAt: "2026-03-31T23:00:00Z" }); // later as an instant
    expect(consentStatus(child, "health", [a, b], "2026-05-01").record?.id).toBe("b");
    expect(consentStatus(child, "health", [b, a], "2026-05-01").record?.id).toBe("b");
  });

  describe("the 14th birthday", () => {
    it("needs consent the day before and not on the birthday or after", () => {
      expect(consentStatus(child, "health", [], "2028-08-31")).toMatchObject({
        state: "missing",
        age: 13,
      });
      expect(consentStatus(child, "health", [], "2028-09-01")).toMatchObject({
        state: "not-required",
        age: CONSENT_AGE,
      });
      expect(consentStatus(child, "health", [], "2028-09-02").state).toBe("not-required");
    });
    it("of a child born on 29 February falls on 1 March in a common year", () => {
      expect(consentStatus(leap, "file", [], "2026-02-28").state).toBe("missing");
      expect(consentStatus(leap, "file", [], "2026-03-01").state).toBe("not-required");
    });
    it("is read in the time zone for an instant", () => {
      // 2028-08-31T16:00Z is already 1 September in Shanghai, not yet in UTC.
      const at = "2028-08-31T16:00:00Z";
      expect(consentStatus(child, "health", [], at).state).toBe("not-required");
      expect(consentStatus(child, "health", [], at, "UTC").state).toBe("missing");
    });
    it("decides for any day: under 14 needs a record, 14 and over never", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 20 * 366 }), fc.boolean(), (offset, given) => {
          const day = addDays("2014-09-01", offset);
          const records = given ? [record({ givenAt: "2014-09-01T00:00:00+08:00" })] : [];
          const s = consentStatus(child, "health", records, day);
          const adult = day >= "2028-09-01";
          expect(s.state).toBe(adult ? "not-required" : given ? "granted" : "missing");
        }),
      );
    });
  });

  it("refuses malformed arguments with a ValidationError", () => {
    for (const call of [
      () => consentStatus(null as never, "health", [], "2026-09-01"),
      () => consentStatus(child, "x" as never, [], "2026-09-01"),
      () => consentStatus(child, "health", [{}] as never, "2026-09-01"),
      () => consentStatus(child, "health", [], "2026-02-30"),
      () => consentStatus(child, "health", [], "2026-09-01", "Mars/Base"),
    ]) {
      expect(thrown(call)).toBeInstanceOf(ValidationError);
    }
  });
});

describe("requireConsent", () => {
  it("throws a bilingual error naming the child and the purpose", () => {
    const e = thrown(() => requireConsent(child, "assessment", [], "2026-09-01"));
    expect(e).toBeInstanceOf(ConsentRequiredError);
    expect(isLiushouError(e, ErrorCode.CONSENT_REQUIRED)).toBe(true);
    const err = e as ConsentRequiredError;
    expect(err).toMatchObject({ childId: "c1", purpose: "assessment", state: "missing" });
    expect(err.messages.en).toContain("c1");
    expect(err.messages.en).toContain(consentPurposeLabel("assessment").en);
    expect(err.messages["zh-CN"]).toContain("c1");
    expect(err.messages["zh-CN"]).toContain(consentPurposeLabel("assessment")["zh-CN"]);
  });
  it("says when consent was withdrawn", () => {
    const r = record({ withdrawnAt: "2026-04-01T00:00:00+08:00" });
    const e = thrown(() => requireConsent(child, "health", [r], "2026-09-01"));
    expect((e as ConsentRequiredError).state).toBe("withdrawn");
    expect((e as ConsentRequiredError).messages.en).toContain("withdrawn");
  });
  it("returns the status when consent is in force or not needed", () => {
    expect(requireConsent(child, "health", [record()], "2026-09-01").state).toBe("granted");
    expect(requireConsent(child, "health", [], "2030-01-01").state).toBe("not-required");
  });
  it("labels a custom purpose by its name", () => {
    expect(consentPurposeLabel("custom:camp")).toEqual({ "zh-CN": "camp", en: "camp" });
    const e = thrown(() => requireConsent(child, "custom:camp", [], "2026-09-01"));
    expect((e as ConsentRequiredError).messages.en).toContain("camp");
  });
});
