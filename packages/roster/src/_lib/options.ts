import { addIssue, text, TimeZoneSchema } from "@liushou/core";
import * as z from "zod";

/** A zod schema of a callback, with a message in both languages. @internal */
export const CallbackSchema = z
  .custom<(...args: never[]) => unknown>()
  .superRefine((value, ctx) => {
    if (typeof value !== "function") {
      addIssue(ctx, "invalid_type", text("应为函数", "expected a function"));
    }
  });

/** A region directory: `false`, or an object with `lookup` and `nameOf` functions. */
const RegionsSchema = z.custom<unknown>().superRefine((value, ctx) => {
  const d = value as { lookup?: unknown; nameOf?: unknown } | null;
  const ok =
    value === false ||
    (typeof d === "object" &&
      d !== null &&
      typeof d.lookup === "function" &&
      typeof d.nameOf === "function");
  if (!ok) {
    addIssue(
      ctx,
      "invalid_type",
      text(
        "应为 loadRegionDirectory() 返回的区划目录，或 false",
        "expected a directory from loadRegionDirectory(), or false",
      ),
    );
  }
});

/**
 * The options of `readRoster` that are not the mapping (checked on its own); other keys pass,
 * as `importRoster` hands its own options on. @internal
 */
export const ReadOptionsSchema = z.looseObject({
  format: z.enum(["xlsx", "csv"]).optional(),
  encoding: z.enum(["utf-8", "gbk"]).optional(),
  zone: TimeZoneSchema.optional(),
  regions: RegionsSchema.optional(),
  onProgress: CallbackSchema.optional(),
});
