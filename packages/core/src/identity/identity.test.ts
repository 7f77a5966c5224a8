import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkIdNumber, idCheckDigit } from "./id-number";
import { isMobile, normalizeMobile } from "./mobile";
import { checkRegionCode, regionAncestor, regionLevel } from "./region-code";

describe("resident ID numbers (GB 11643)", () => {
  test("the standard's own example", () => {
    expect(idCheckDigit("11010519491231002")).toBe("X");
    const r = checkIdNumber("11010519491231002x");
    expect(r).toEqual({
      valid: true,
      info: { regionCode: "110105", birthDate: "1949-12-31", sex: "female", checkDigit: "X" },
    });
  });

  test("names the problem", () => {
    const bad = (id: string) => {
      const r = checkIdNumber(id);
      return r.valid ? "valid" : r.issue.code;
    };
    expect(bad("110105194912310021")).toBe("id_number_check_digit");
    expect(bad("11010519491331002X")).toBe("id_number_birth_date");
    expect(bad("99010519491231002X")).toBe("id_number_region");
    expect(bad("1101051949123100")).toBe("id_number_format");
  });

  test("every 17-digit body has exactly one valid check character", () => {
    const body = fc
      .tuple(
        fc.constantFrom("11", "43", "51", "65"),
        fc.stringMatching(/^\d{4}$/),
        fc.date({ min: new Date("1950-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(([p, r, d, s]) => `${p}${r}${d.toISOString().slice(0, 10).replaceAll("-", "")}${s}`);
    fc.assert(
      fc.property(body, (b) => {
        const valid = [..."0123456789X"].filter((c) => checkIdNumber(b + c).valid);
        return valid.length === 1 && valid[0] === idCheckDigit(b);
      }),
    );
  });

  test("a single changed digit is always caught", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = "11010519491231002X";
        const digit = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
        return !checkIdNumber(changed).valid;
      }),
    );
  });
});

describe("mobile numbers and region codes", () => {
  test("mobiles", () => {
    expect(normalizeMobile("+86 138-0013-8000")).toBe("13800138000");
    expect(isMobile("12800138000")).toBe(false);
    expect(isMobile("1380013800")).toBe(false);
  });

  test("region codes and levels", () => {
    expect(checkRegionCode("430000")).toEqual({ valid: true, level: "province" });
    expect(regionLevel("430100")).toBe("city");
    expect(regionLevel("430102")).toBe("county");
    expect(regionLevel("430102001")).toBe("township");
    expect(regionLevel("430102001001")).toBe("village");
    expect(checkRegionCode("4301").valid).toBe(false);
    expect(checkRegionCode("990102").valid).toBe(false);
    expect(regionAncestor("430102001001", "county")).toBe("430102");
    expect(regionAncestor("430102", "village")).toBeUndefined();
  });
});
