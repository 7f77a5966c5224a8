import { describe, expectTypeOf, it } from "vitest";
import { csvRenderer, type CsvOptions } from "../csv/render";
import { markdownRenderer } from "../markdown/render";
import type { Report } from "../model/types";
import { defineRenderer, renderReport, type ReportRenderer } from "./port";

declare const report: Report;

describe("renderer port types", () => {
  it("keeps the output type of a renderer", () => {
    const bytes = defineRenderer({
      id: "bin",
      mediaType: "application/octet-stream",
      extension: "bin",
      render: async () => new Uint8Array(),
    });
    expectTypeOf(bytes).toEqualTypeOf<ReportRenderer<object, Uint8Array<ArrayBuffer>>>();
    expectTypeOf(renderReport(bytes, report)).toEqualTypeOf<Promise<Uint8Array<ArrayBuffer>>>();
    expectTypeOf(renderReport(markdownRenderer, report)).toEqualTypeOf<Promise<string>>();
  });

  it("checks a renderer's options", () => {
    expectTypeOf(renderReport<CsvOptions, string>)
      .parameter(2)
      .toEqualTypeOf<CsvOptions | undefined>();
    // @ts-expect-error: tableId is a string
    void renderReport(csvRenderer, report, { tableId: 1 });
  });
});
