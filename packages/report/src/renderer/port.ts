import { LiushouError, RenderError, text, validate } from "@liushou/core";
import * as z from "zod";
import { parseReport } from "../model/parse";
import type { Report } from "../model/types";

/**
 * What a renderer produces: text (Markdown, CSV, HTML) or bytes (XLSX, DOCX, PDF).
 * @example
 * const out: RenderOutput = await renderReport(csvRenderer, report);
 * @category Renderers
 */
export type RenderOutput = string | Uint8Array;

/**
 * A renderer: one output format for any {@link Report}. `id` names it (`markdown`, `csv`),
 * `mediaType` and `extension` say what to call the output; `render` may be synchronous or
 * return a promise. Build one with {@link defineRenderer} and run it with {@link renderReport}.
 * @example
 * const text: ReportRenderer<{}, string> = {
 *   id: "text", mediaType: "text/plain; charset=utf-8", extension: "txt",
 *   render: (report) => report.title,
 * };
 * @category Renderers
 */
export interface ReportRenderer<
  Options extends object = Record<string, never>,
  Output extends RenderOutput = RenderOutput,
> {
  /** Lower-case name of the format: letters, digits and dashes. */
  readonly id: string;
  /** IANA media type of the output, e.g. `text/csv; charset=utf-8`. */
  readonly mediaType: string;
  /** File-name extension without the dot, e.g. `csv`. */
  readonly extension: string;
  /** Renders a report (already checked by {@link renderReport}). */
  render(report: Report, options?: Options): Output | Promise<Output>;
}

const RendererShape = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "lower-case letters, digits and dashes"),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, "type/subtype"),
  extension: z.string().regex(/^[a-z0-9]+(\.[a-z0-9]+)*$/i, "an extension without the dot"),
  render: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === "function", {
    message: "expected a render function",
  }),
});

/**
 * Checks a renderer's shape and returns it frozen: a third party's format plugs in here.
 * @param renderer - `{ id, mediaType, extension, render }`.
 * @returns The same renderer, frozen.
 * @throws ValidationError naming the field at fault (`id`, `mediaType`, `extension`, `render`).
 * @example
 * const json = defineRenderer({
 *   id: "json", mediaType: "application/json", extension: "json",
 *   render: (report) => JSON.stringify(report),
 * });
 * await renderReport(json, report) //=> '{"kind":"statistics",…}'
 * @category Renderers
 */
export function defineRenderer<Options extends object, Output extends RenderOutput>(
  renderer: ReportRenderer<Options, Output>,
): ReportRenderer<Options, Output> {
  validate(RendererShape, renderer, { subject: text("报告渲染器", "report renderer") });
  return Object.freeze({ ...renderer });
}

/**
 * Renders a report with a renderer: checks the report against the schema first, then wraps any
 * failure of the renderer that is not already a {@link LiushouError} in a `RenderError` naming
 * the renderer.
 * @param renderer - The format.
 * @param report - The report (validated here).
 * @param options - The renderer's options.
 * @returns The output, as a promise whether the renderer is synchronous or not.
 * @throws ValidationError for a malformed report; RenderError when the renderer fails.
 * @example
 * const csv = await renderReport(csvRenderer, report);
 * @category Renderers
 */
export async function renderReport<Options extends object, Output extends RenderOutput>(
  renderer: ReportRenderer<Options, Output>,
  report: Report,
  options?: Options,
): Promise<Output> {
  validate(RendererShape, renderer, { subject: text("报告渲染器", "report renderer") });
  const checked = parseReport(report);
  try {
    return await renderer.render(checked, options);
  } catch (cause) {
    if (cause instanceof LiushouError) throw cause;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new RenderError(
      text(
        `渲染器 ${renderer.id} 生成报告“${checked.title}”失败：${why}`,
        `renderer ${renderer.id} failed on report "${checked.title}": ${why}`,
      ),
      { cause },
    );
  }
}
