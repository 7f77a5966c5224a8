import { ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { readRoster } from "../read";
import { goodRows, toCsv, toXlsx, utf8, ZH_HEADERS } from "../_lib/roster.test-helper";
import {
  MAX_ROSTER_BYTES,
  MAX_ROSTER_COLUMNS,
  MAX_ROSTER_ROWS,
  MAX_ROSTER_UNPACKED_BYTES,
  UNREADABLE_FILE,
} from "./limits";
import { readTable } from ".";

/** The first issue of the ValidationError `readRoster` rejects with. */
async function refusal(bytes: Uint8Array) {
  const error = await readRoster(bytes, { regions: false }).then(
    () => expect.unreachable("the roster was read"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues[0]!;
}

/** Sets the declared unpacked size of the first central-directory entry of a ZIP. */
function declareUnpacked(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = copy.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      view.setUint32(view.getUint32(i + 16, true) + 24, size, true);
      return copy;
    }
  }
  throw new Error("no ZIP directory");
}

describe("roster size limits", () => {
  it("refuses a file over MAX_ROSTER_BYTES before parsing it", async () => {
    const issue = await refusal(new Uint8Array(MAX_ROSTER_BYTES + 1));
    expect(issue.code).toBe("too_big");
    expect(issue.message.en).toContain(String(MAX_ROSTER_BYTES));
  });

  it("refuses an .xlsx declaring more than MAX_ROSTER_UNPACKED_BYTES, and reads one under it", async () => {
    const xlsx = await toXlsx([ZH_HEADERS, ...goodRows()]);
    const bomb = declareUnpacked(xlsx, MAX_ROSTER_UNPACKED_BYTES + 1);
    expect((await refusal(bomb)).code).toBe("too_big");
    expect((await readRoster(xlsx, { regions: false })).children).toHaveLength(2);
  });

  it("refuses a ZIP64 or damaged directory as unreadable", async () => {
    const xlsx = await toXlsx([ZH_HEADERS, ...goodRows()]);
    expect((await refusal(declareUnpacked(xlsx, 0xffffffff))).code).toBe(UNREADABLE_FILE);
    expect((await refusal(xlsx.slice(0, xlsx.length - 30))).code).toBe(UNREADABLE_FILE);
    const notAWorkbook = utf8("PK\u0003\u0004 not a workbook");
    expect((await refusal(notAWorkbook)).code).toBe(UNREADABLE_FILE);
  });

  it("refuses more than MAX_ROSTER_ROWS data rows; exactly the limit is read", async () => {
    const header = `${ZH_HEADERS.join(",")}\n`;
    const over = await refusal(utf8(header + "x\n".repeat(MAX_ROSTER_ROWS + 1)));
    expect(over.code).toBe("too_big");
    expect(over.message["zh-CN"]).toContain("行数");
    const at = await readTable(utf8(header + "x\n".repeat(MAX_ROSTER_ROWS)));
    expect(at.rows).toHaveLength(MAX_ROSTER_ROWS);
  });

  it("refuses more than MAX_ROSTER_COLUMNS columns; exactly the limit is read", async () => {
    const wide = (n: number) =>
      utf8(
        toCsv([
          [...ZH_HEADERS, ...Array.from({ length: n - ZH_HEADERS.length }, (_, i) => `c${i}`)],
          ...goodRows(),
        ]),
      );
    expect((await refusal(wide(MAX_ROSTER_COLUMNS + 1))).code).toBe("too_big");
    const at = await readRoster(wide(MAX_ROSTER_COLUMNS), { regions: false });
    expect(at.children).toHaveLength(2);
  });
});
