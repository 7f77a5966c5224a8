/**
 * Validating a long list with a quick check in front of the schema: rows already in validated
 * shape skip zod, the others are parsed; any failure falls back to the full validation, so the
 * errors are the schema's.
 * @module
 */
import type * as z from "zod";

/**
 * The rows of `list`, each what `schema` outputs: from `inShape` when it gives a row, else from
 * the schema. `undefined` when the list is no plain array, a row fails the schema or an `id`
 * repeats; the caller then validates the list the usual way, for its errors.
 * @param inShape - Gives exactly what the schema would output, or `undefined` when unsure.
 * @internal
 */
export function quickList<S extends z.ZodType>(
  schema: S,
  list: unknown,
  inShape: (row: unknown) => z.output<S> | undefined,
): z.output<S>[] | undefined {
  if (!Array.isArray(list) || Object.getPrototypeOf(list) !== Array.prototype) return undefined;
  const rows: z.output<S>[] = [];
  const ids = new Set<unknown>();
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    let row = inShape(item);
    if (row === undefined) {
      const parsed = schema.safeParse(item);
      if (!parsed.success) return undefined;
      row = parsed.data;
    }
    const id = (row as { id?: unknown }).id;
    if (ids.has(id)) return undefined;
    ids.add(id);
    rows.push(row);
  }
  return rows;
}
