import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../../core/src/_lib/fuzz.test-helper";
import { createMasker, maskAddress, maskIdNumber, maskPhone } from "./mask";

describe("masking", () => {
  it("shows the first 6 and last 4 characters of an ID number", () => {
    expect(maskIdNumber("43010220150302123X")).toBe("430102********123X");
  });

  it("hides the middle four digits of a mobile number", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
  });

  it("cuts addresses to the village", () => {
    expect(maskAddress("青山村3组12号")).toBe("青山村***");
    expect(maskAddress("湖南省某县青山镇石桥村委会5组")).toBe("湖南省某县青山镇石桥村委会***");
    expect(maskAddress("城关镇幸福社区2栋")).toBe("城关镇幸福社区***");
    expect(maskAddress("城关镇解放路8号")).toBe("城关镇***");
    expect(maskAddress("No. 8, Road")).toBe("***");
    expect(maskAddress("石桥村")).toBe("石桥村");
  });

  it("masks everything by default and reveals only the fields named", () => {
    const all = createMasker([], "zh-CN");
    expect(all.health("哮喘")).toBe("（已隐去）");
    expect(all.notice).toEqual({
      masked: ["idNumber", "phone", "address", "health"],
      revealed: [],
    });
    const some = createMasker(["health", "phone"], "en");
    expect(some.health("asthma")).toBe("asthma");
    expect(some.phone("13800138000")).toBe("13800138000");
    expect(some.idNumber("43010220150302123X")).toBe("430102********123X");
    expect(some.notice).toEqual({ masked: ["idNumber", "address"], revealed: ["phone", "health"] });
    expect(all.address(undefined)).toBe("");
  });

  it("never lets the hidden middle of an ID number or phone through", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{17}[\dX]$/),
        fc.stringMatching(/^1[3-9]\d{9}$/),
        (id, phone) => {
          const m = maskIdNumber(id);
          expect(m).toHaveLength(18);
          expect(m.slice(6, 14)).toBe("********");
          expect(maskPhone(phone).slice(3, 7)).toBe("****");
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });
});
