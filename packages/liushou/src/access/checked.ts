import {
  classedPaths,
  fieldIssue,
  FieldClassSchema,
  formatPath,
  maskFields,
  maskValue,
  text,
  ValidationError,
  valueAt,
  type FieldClass,
  type FieldIssue,
  type FilePatch,
  type Locale,
} from "@liushou/core";
import type * as z from "zod";

type Path = readonly (string | number)[];

/** Issue code of a masked display value written back. @internal */
export const MASKED_VALUE = "masked_value";
/** Issue code of a write that would drop a stored value the actor's role does not see. @internal */
export const HIDDEN_VALUE_LOST = "hidden_value_lost";
/** The reason recorded with writes made through `app.storage`. @internal */
export const FACADE_REASON = "app.storage";

const MAX_DEPTH = 64;

/** Whether a text is what `maskValue` shows: stars between at most two characters at each end. */
function looksMasked(s: string): boolean {
  return s.includes("*") && maskValue(s) === s;
}

/** Whether a written value may hold a masked text at all: a star somewhere in it. */
function mayHoldMasked(value: unknown): boolean {
  if (typeof value === "string") return value.includes("*");
  return typeof value === "object" && value !== null && JSON.stringify(value).includes("*");
}

const isObject = (v: unknown): boolean => typeof v === "object" && v !== null;

/** Whether `head` is `path` or leads to it. */
const leadsTo = (head: Path, path: Path): boolean =>
  head.length <= path.length && head.every((k, i) => k === path[i]);

/**
 * Every value inside a classed value that holds no other (a text, a number, a flag), with its
 * path: the parts a mask shows masked or leaves out. A classed value is most often one text; a
 * classed object (an assessment's answers) is masked part by part.
 */
function* partsOf(value: unknown, path: Path, depth = 0): Generator<[Path, unknown]> {
  if (!isObject(value) || depth > MAX_DEPTH) {
    yield [path, value];
    return;
  }
  const list = Array.isArray(value);
  for (const [k, v] of Object.entries(value as object)) {
    yield* partsOf(v, [...path, list ? Number(k) : k], depth + 1);
  }
}

/**
 * Issues of a write the actor cannot mean: a value of a class its role reads masked written as
 * its masked form (copied from a read), or a stored value of such a class that the read left out
 * (an amount, a flag) dropped by replacing what held it. Empty when the write is sound. The
 * classed values are found by the schema (`classedPaths`), and looked at only when a patch
 * could write a masked text (it holds a star) or drop a value (it removes, or replaces an
 * object), so a write of plain values costs one look at its patches.
 * @internal
 */
export function maskedWriteIssues(
  schema: z.ZodType,
  before: unknown,
  after: unknown,
  patches: readonly FilePatch[],
  visible: readonly FieldClass[],
  prefix: Path = [],
): FieldIssue[] {
  const hidden = (c: FieldClass) => !visible.includes(c);
  if (!FieldClassSchema.options.some(hidden)) return [];
  const issues: FieldIssue[] = [];
  // Texts written by a patch, at a path of a class the role reads masked.
  const written = patches.flatMap((p) => ("value" in p && mayHoldMasked(p.value) ? [p.path] : []));
  if (written.length > 0) {
    for (const { path, fieldClass } of classedPaths(schema, after)) {
      if (!hidden(fieldClass)) continue;
      for (const [at, v] of partsOf(valueAt(after, path), path)) {
        if (typeof v !== "string" || !looksMasked(v) || !written.some((w) => leadsTo(w, at))) {
          continue;
        }
        issues.push(
          fieldIssue(
            formatPath([...prefix, ...at]),
            MASKED_VALUE,
            text(
              "这是遮蔽后的显示值，不能写回；请写入完整的值，或不修改该字段",
              "this is a masked display value and cannot be written back; write the full value or leave the field unchanged",
            ),
            v,
            fieldClass,
          ),
        );
      }
    }
  }
  if (!isObject(before)) return issues;
  const mayDrop = patches.some(
    (p) =>
      p.op === "remove" ||
      (p.op === "replace" && (isObject(p.value) || isObject(valueAt(before, p.path)))),
  );
  if (!mayDrop) return issues;
  for (const { path, fieldClass } of classedPaths(schema, before)) {
    if (!hidden(fieldClass)) continue;
    const stored = valueAt(before, path);
    // What the actor read there: a stored part it lacks was left out by the mask.
    const read = maskFields(schema, stored, visible, path);
    for (const [at, v] of partsOf(stored, path)) {
      if (v === undefined || valueAt(read, at.slice(path.length)) !== undefined) continue;
      const holder = valueAt(after, at.slice(0, -1));
      if (!isObject(holder) || valueAt(after, at) !== undefined) continue;
      issues.push(
        fieldIssue(
          formatPath([...prefix, ...at]),
          HIDDEN_VALUE_LOST,
          text(
            "你的角色看不到该字段，这次写入会删除它保存的值；请保留原记录中的该字段",
            "your role does not see this field, and this write would remove its stored value; keep the field as stored",
          ),
          undefined,
          fieldClass,
        ),
      );
    }
  }
  return issues;
}

/** Throws a ValidationError listing `issues`, if any. @internal */
export function refuseIssues(issues: readonly FieldIssue[], locale: Locale | undefined): void {
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      ...(locale ? { locale } : {}),
      subject: text("写入的记录", "record written"),
    });
  }
}
