import { LiushouError, RenderError, ValidationError, text } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../_lib/sample.test-helper";
import { walkReport } from "../model/walk";
import { defineRenderer, renderReport } from "./port";

describe("the renderer port", () => {
  it("runs a third party's format without touching the package", async () => {
    // A plain-text outline: the example of the guide.
    const outline = defineRenderer({
      id: "outline",
      mediaType: "text/plain; charset=utf-8",
      extension: "txt",
      render: (report) =>
        [...walkReport(report)]
          .flatMap((b) => (b.type === "section" ? [`${"  ".repeat(b.level - 1)}${b.title}`] : []))
          .join("\n"),
    });
    expect(await renderReport(outline, sampleReport())).toBe("一、基本情况");
    expect(Object.isFrozen(outline)).toBe(true);
  });

  it("awaits asynchronous renderers and passes options", async () => {
    const bytes = defineRenderer<{ n: number }, Uint8Array>({
      id: "bytes",
      mediaType: "application/octet-stream",
      extension: "bin",
      render: async (_r, o) => new Uint8Array([o?.n ?? 0]),
    });
    expect(await renderReport(bytes, sampleReport(), { n: 7 })).toEqual(new Uint8Array([7]));
  });

  it("rejects a malformed renderer, naming the field", () => {
    const bad = { id: "Bad Id", mediaType: "csv", extension: ".csv", render: 1 };
    try {
      defineRenderer(bad as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
        "id",
        "mediaType",
        "extension",
        "render",
      ]);
    }
  });

  it("checks the report before rendering it", async () => {
    const r = defineRenderer({
      id: "t",
      mediaType: "text/plain",
      extension: "txt",
      render: () => "",
    });
    await expect(renderReport(r, { ...sampleReport(), title: "" })).rejects.toThrow(
      ValidationError,
    );
  });

  it("wraps a renderer's failure in a RenderError naming it, and lets Liushou errors through", async () => {
    const failing = defineRenderer({
      id: "failing",
      mediaType: "text/plain",
      extension: "txt",
      render: () => {
        throw new TypeError("boom");
      },
    });
    const e = await renderReport(failing, sampleReport()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RenderError);
    expect((e as RenderError).messages.en).toBe(
      'renderer failing failed on report "样例报告": boom',
    );
    expect((e as RenderError).cause).toBeInstanceOf(TypeError);
    const own = new LiushouError("LIUSHOU_RENDER", text("甲", "a"));
    const passing = defineRenderer({
      id: "own",
      mediaType: "text/plain",
      extension: "txt",
      render: () => Promise.reject(own),
    });
    await expect(renderReport(passing, sampleReport())).rejects.toBe(own);
  });
});
