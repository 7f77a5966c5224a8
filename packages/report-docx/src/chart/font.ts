import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { text as localized, validate } from "@liushou/core";
import { z } from "zod";

const SubsetArgsSchema = z.tuple([
  z.string(),
  z
    .string()
    .refine((f) => existsSync(f), "no such file")
    .optional(),
]);

/**
 * Where Linux distributions install Noto Sans CJK (Regular), the font the chart labels are
 * rasterised with: Debian and Ubuntu (`fonts-noto-cjk`), Fedora, Arch, Alpine, openSUSE.
 * @example
 * const file = CJK_FONT_FILES.find((f) => existsSync(f));
 * @category Charts
 */
export const CJK_FONT_FILES: readonly string[] = Object.freeze([
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
]);

/**
 * The family the labels are drawn in, as the font's name table spells it.
 * @example
 * new Resvg(svg, { font: { fontFiles: [file], defaultFontFamily: CJK_FONT_FAMILY } });
 */
export const CJK_FONT_FAMILY = "Noto Sans CJK SC";

/** A font file loaded once into HarfBuzz's memory, with the face of the wanted family. */
interface LoadedFont {
  readonly face: number;
}

interface HbSubset {
  memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_reference_blob(face: number): number;
  hb_face_destroy(face: number): void;
  _initialize(): void;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** The part of the platform's WebAssembly API used here (not in this package's type libraries). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let hb: HbSubset | undefined;
const fonts = new Map<string, LoadedFont | null>();

/** HarfBuzz's subsetter (a self-contained WebAssembly module), instantiated once. */
function harfbuzz(): HbSubset {
  if (!hb) {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    const { Instance, Module } = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    hb = new Instance(new Module(wasm), {}).exports as HbSubset;
    hb._initialize();
  }
  return hb;
}

/**
 * @internal
 * The index of the face named `family` in a font file (a collection `.ttc` or a single
 * `.otf`/`.ttf`), read from each face's name table (family, or typographic family); -1 if none.
 */
export function faceIndexOf(bytes: Uint8Array, family: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const offsets =
    tag(0) === "ttcf"
      ? Array.from({ length: view.getUint32(8) }, (_, i) => view.getUint32(12 + 4 * i))
      : [0];
  return offsets.findIndex((offset) => familiesAt(bytes, view, offset).includes(family));
}

/** The family names (IDs 1 and 16, Windows Unicode) of the face whose table directory is at `at`. */
function familiesAt(bytes: Uint8Array, view: DataView, at: number): string[] {
  const tables = view.getUint16(at + 4);
  for (let t = 0; t < tables; t++) {
    const rec = at + 12 + 16 * t;
    if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) !== "name") continue;
    const name = view.getUint32(rec + 8);
    const count = view.getUint16(name + 2);
    const strings = name + view.getUint16(name + 4);
    const out: string[] = [];
    for (let r = 0; r < count; r++) {
      const n = name + 6 + 12 * r;
      const [platform, , , id, length, offset] = [0, 2, 4, 6, 8, 10].map((d) =>
        view.getUint16(n + d),
      ) as [number, number, number, number, number, number];
      if (platform !== 3 || (id !== 1 && id !== 16)) continue;
      const start = strings + offset;
      out.push(
        String.fromCharCode(
          ...Array.from({ length: length / 2 }, (_, i) => view.getUint16(start + 2 * i)),
        ),
      );
    }
    return out;
  }
  return [];
}

/** The font at `path` loaded into HarfBuzz once per process (its face of {@link CJK_FONT_FAMILY}). */
function loadFont(path: string): LoadedFont | null {
  let font = fonts.get(path);
  if (font !== undefined) return font;
  font = null;
  const bytes = readFileSync(path);
  const index = faceIndexOf(bytes, CJK_FONT_FAMILY);
  if (index >= 0) {
    const h = harfbuzz();
    const data = h.malloc(bytes.byteLength);
    new Uint8Array(h.memory.buffer).set(bytes, data);
    // Mode 2 (writable): HarfBuzz reads the bytes in place; they stay for the process's life.
    const blob = h.hb_blob_create(data, bytes.byteLength, 2, 0, 0);
    font = { face: h.hb_face_create(blob, index) };
    h.hb_blob_destroy(blob);
  }
  fonts.set(path, font);
  return font;
}

/**
 * A font file holding only the glyphs of `text` from Noto Sans CJK SC, for resvg: resvg reads
 * its font file again for every glyph it draws, which for the 19 MB CJK collection costs more
 * than the rest of the chart; a subset of a few kilobytes makes that free.
 * @param text - The characters to keep (every label of a chart).
 * @param path - The font file; default the first of {@link CJK_FONT_FILES} that exists.
 * @returns The subset font's bytes (OpenType), or `undefined` when no such font is installed.
 * @example
 * const font = cjkFontSubset("父母均外出 12,000 (40.0%)");
 * font && font.byteLength < 20_000 //=> true
 * @category Charts
 */
export function cjkFontSubset(text: string, path?: string): Uint8Array | undefined {
  validate(SubsetArgsSchema, [text, path], { subject: localized("字体子集", "font subset") });
  const file = path ?? CJK_FONT_FILES.find((f) => existsSync(f));
  if (file === undefined) return undefined;
  const font = loadFont(file);
  if (font === null) return undefined;
  const h = harfbuzz();
  const input = h.hb_subset_input_create_or_fail();
  try {
    const unicodes = h.hb_subset_input_unicode_set(input);
    for (const ch of text) h.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = h.hb_subset_or_fail(font.face, input);
    if (subset === 0) return undefined;
    const blob = h.hb_face_reference_blob(subset);
    try {
      const data = h.hb_blob_get_data(blob, 0);
      const length = h.hb_blob_get_length(blob);
      return new Uint8Array(h.memory.buffer, data, length).slice();
    } finally {
      h.hb_blob_destroy(blob);
      h.hb_face_destroy(subset);
    }
  } finally {
    h.hb_subset_input_destroy(input);
  }
}
