import { inflateSync } from "node:zlib";
import type { ChartData } from "@liushou/report-html";
import { describe, expect, test } from "vitest";
import { chartImages, chartImagesOf } from "./png";

const pie: ChartData = {
  kind: "pie",
  valueType: "integer",
  categories: ["祖辈", "亲戚"],
  series: [{ name: "人数", values: [40, 6] }],
};
const bar: ChartData = {
  kind: "bar",
  valueType: "percent",
  categories: ["一月", "二月", "三月"],
  series: [{ name: "合规", values: [0.5, 0.9, 1] }],
};

/** Width, height and the unfiltered RGB rows of a PNG written by `encodePng`. */
function readPng(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const idatLength = view.getUint32(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  return { width, height, type: png[25], bytes: raw.length };
}

describe("chartImagesOf", () => {
  test("draws each chart as it would alone, in order", () => {
    const [a, b] = chartImagesOf([pie, bar], { width: 400, height: 200 });
    expect(
      Buffer.from(a!.png).equals(Buffer.from(chartImages(pie, { width: 400, height: 200 }).png)),
    ).toBe(true);
    expect(
      Buffer.from(b!.png).equals(Buffer.from(chartImages(bar, { width: 400, height: 200 }).png)),
    ).toBe(true);
    expect(Buffer.from(a!.png).equals(Buffer.from(b!.png))).toBe(false);
  });

  test("writes RGB PNGs of scale times the CSS size", () => {
    const [image] = chartImagesOf([bar], { width: 300, height: 150, scale: 2 });
    expect(Buffer.from(image!.png.subarray(0, 8)).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
    expect(readPng(image!.png)).toEqual({
      width: 600,
      height: 300,
      type: 2,
      bytes: 300 * (600 * 3 + 1),
    });
    expect(image).toMatchObject({ width: 300, height: 150 });
  });

  test("gives every chart its own class prefix when there are several", () => {
    const images = chartImagesOf([pie, bar, pie], { id: "fig" });
    expect(images.map((i) => /class="(fig\d)-/.exec(i.svg)?.[1])).toEqual(["fig1", "fig2", "fig3"]);
    expect(chartImagesOf([]).length).toBe(0);
  });

  test("refuses what is not a list of charts", () => {
    expect(() => chartImagesOf("pie" as never)).toThrow(/chart list|图表列表/);
  });
});
