import { expectTypeOf, test } from "vitest";
import { ChildFileSchema, type ChildFile } from "../model/child-file";
import { CalendarDateSchema, InstantSchema } from "../model/primitives";
import type { CalendarDate, Instant } from "../time/types";
import { safeValidate, validate } from "./validate";

test("validate returns the schema's output type", () => {
  expectTypeOf(validate(ChildFileSchema, {})).toEqualTypeOf<ChildFile>();
  expectTypeOf(validate(CalendarDateSchema, "2026-01-01")).toEqualTypeOf<CalendarDate>();
  const r = safeValidate(InstantSchema, "x");
  if (r.success) expectTypeOf(r.data).toEqualTypeOf<Instant>();
});

test("a plain string is a calendar date or an instant without a cast", () => {
  expectTypeOf<string>().toEqualTypeOf<CalendarDate>();
  expectTypeOf<string>().toEqualTypeOf<Instant>();
});
