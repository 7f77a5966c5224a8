/**
 * Reads a stream of stored records (`storage.files.stream(filter)` and the like) into an array
 * of their values.
 * @param items - The stream.
 */
export async function storedValues<T>(items: AsyncIterable<{ value: T }>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of items) out.push(r.value);
  return out;
}
