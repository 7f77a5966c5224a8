import { FieldClass, fieldClassAt, invalidArgument, text, type FilePatch } from "@liushou/core";
import type * as z from "zod";
import { ENVELOPE_PREFIX, envelopeKeyId, TOKEN_PREFIX, type Keyring } from "./keyring";

/**
 * The key, beside the fields it seals, that holds their envelopes (`{ "$sealed": { idNumber:
 * "lse1.…" } }`); a sealed field keeps its lookup token in place, or is left out.
 */
export const SEALED_KEY = "$sealed";

/** Fields found by value: they keep a keyed hash in place, so an adapter can index them. */
export const INDEXED_FIELDS: ReadonlySet<string> = new Set(["idNumber", "phone", "studentNumber"]);

/**
 * Fields sealed besides the `identifying` ones: a national student number (学籍号) is `G`
 * followed by the child's resident ID number.
 */
const ALSO_SEALED: ReadonlySet<string> = new Set(["studentNumber"]);

const MAX_DEPTH = 64;
type Path = readonly (string | number)[];
type Plain = Record<string, unknown>;

const sealedPaths = new WeakMap<z.ZodType, Map<string, boolean>>();

/** Whether the string at `path` of a value of `schema` is sealed: every `identifying` field and the student number. */
export function isSealedPath(schema: z.ZodType, path: Path): boolean {
  let memo = sealedPaths.get(schema);
  if (!memo) sealedPaths.set(schema, (memo = new Map()));
  const key = path.map((k) => (typeof k === "number" ? "#" : k)).join("\u0000");
  let sealed = memo.get(key);
  if (sealed === undefined) {
    const shape = path.map((k) => (typeof k === "number" ? 0 : k));
    const last = path[path.length - 1];
    sealed =
      (typeof last === "string" && ALSO_SEALED.has(last)) ||
      fieldClassAt(schema, shape) === FieldClass.IDENTIFYING;
    memo.set(key, sealed);
  }
  return sealed;
}

const fieldOf = (path: Path): string =>
  [...path].reverse().find((k): k is string => typeof k === "string") ?? "";

function put(target: Plain, key: string, value: unknown): void {
  // defineProperty: a key named `__proto__` stays a plain key.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function tooDeep(path: Path, value: unknown) {
  return invalidArgument(path.join("."), "too_deep", text("嵌套过深", "nested too deeply"), value);
}

/**
 * A copy of `value` (at `base` inside `schema`) with every identifying text sealed: its
 * envelope under {@link SEALED_KEY} beside it, and in its place the lookup token of an indexed
 * field (absent otherwise).
 * @throws ValidationError when the value already holds the reserved key or nests too deeply.
 */
export async function sealValue(
  ring: Keyring,
  schema: z.ZodType,
  value: unknown,
  base: Path = [],
): Promise<unknown> {
  const tasks: Promise<void>[] = [];
  const walk = (v: unknown, path: Path, depth: number): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (depth > MAX_DEPTH) throw tooDeep(path, v);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], depth + 1));
    if (Object.hasOwn(v, SEALED_KEY)) {
      throw invalidArgument(
        [...path, SEALED_KEY].join("."),
        "invalid_key",
        text("保留的键名", "a reserved key"),
        SEALED_KEY,
      );
    }
    const out: Plain = {};
    let sealed: Record<string, string> | undefined;
    for (const [k, x] of Object.entries(v as Plain)) {
      const p = [...path, k];
      if (typeof x !== "string" || !isSealedPath(schema, p)) {
        put(out, k, walk(x, p, depth + 1));
        continue;
      }
      const box = (sealed ??= {});
      tasks.push(ring.seal(x, k).then((envelope) => void (box[k] = envelope)));
      if (INDEXED_FIELDS.has(k)) {
        put(out, k, "");
        tasks.push(ring.token(k, x).then((token) => void (out[k] = token)));
      }
    }
    if (sealed) put(out, SEALED_KEY, sealed);
    return out;
  };
  const out = walk(value, base, 0);
  await Promise.all(tasks);
  return out;
}

/** A copy of a stored value with every sealed field opened (values written in clear pass). */
export async function openValue(ring: Keyring, value: unknown): Promise<unknown> {
  const tasks: Promise<void>[] = [];
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== "object" || depth > MAX_DEPTH) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Plain = {};
    for (const [k, x] of Object.entries(v as Plain))
      if (k !== SEALED_KEY) put(out, k, walk(x, depth + 1));
    const sealed = (v as Plain)[SEALED_KEY];
    if (sealed !== null && typeof sealed === "object") {
      for (const [k, envelope] of Object.entries(sealed as Plain)) {
        put(out, k, undefined);
        tasks.push(ring.open(String(envelope), k).then((clear) => void (out[k] = clear)));
      }
    }
    return out;
  };
  const out = walk(value, 0);
  await Promise.all(tasks);
  return out;
}

/** Patches with each carried value mapped (the patches without one copied). */
function mapPatchValues(
  patches: readonly FilePatch[],
  f: (value: unknown, path: Path) => Promise<unknown>,
): Promise<FilePatch[]> {
  return Promise.all(
    patches.map(async (p) => ("value" in p ? { ...p, value: await f(p.value, p.path) } : { ...p })),
  );
}

/** Patches with the identifying values they carry sealed (a text in place, as an envelope). */
export function sealPatches(
  ring: Keyring,
  schema: z.ZodType,
  patches: readonly FilePatch[],
): Promise<FilePatch[]> {
  return mapPatchValues(patches, (value, path) =>
    typeof value === "string" && isSealedPath(schema, path)
      ? ring.seal(value, fieldOf(path))
      : sealValue(ring, schema, value, path),
  );
}

/** Patches with their sealed values opened. */
export function openPatches(
  ring: Keyring,
  schema: z.ZodType,
  patches: readonly FilePatch[],
): Promise<FilePatch[]> {
  return mapPatchValues(patches, (value, path) =>
    typeof value === "string" && value.startsWith(ENVELOPE_PREFIX) && isSealedPath(schema, path)
      ? ring.open(value, fieldOf(path))
      : openValue(ring, value),
  );
}

/**
 * Whether a stored value needs sealing again under the current key: an envelope of another
 * key, or an identifying text still in clear (written before encryption was turned on).
 */
export function needsResealing(
  ring: Keyring,
  schema: z.ZodType,
  value: unknown,
  path: Path = [],
  depth = 0,
): boolean {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    return value.some((x, i) => needsResealing(ring, schema, x, [...path, i], depth + 1));
  }
  for (const [k, x] of Object.entries(value as Plain)) {
    if (k === SEALED_KEY && x !== null && typeof x === "object") {
      if (Object.values(x as Plain).some((e) => envelopeKeyId(e) !== ring.current)) return true;
    } else if (typeof x === "string") {
      if (isSealedPath(schema, [...path, k]) && !x.startsWith(TOKEN_PREFIX)) return true;
    } else if (needsResealing(ring, schema, x, [...path, k], depth + 1)) return true;
  }
  return false;
}
