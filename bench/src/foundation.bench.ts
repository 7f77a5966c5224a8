/**
 * Foundation benchmarks: validating child files, and generating a province of them.
 * @module
 */
import { ChildFileSchema, type ChildFile, safeValidate, text } from "@liushou/core";
import { streamChildFiles } from "@liushou/fixtures";
import { defineCase, isFull } from "./harness";

const subject = text("儿童档案", "child file");

/** `n` child files of a county-like population, as a host would load them (plain JSON data). */
function childFiles(n: number): unknown[] {
  const out: unknown[] = [];
  for (const f of streamChildFiles({ preset: "county", children: n, seed: "bench" })) out.push(f);
  return out;
}

export default [
  defineCase({
    name: "validate child files (safeValidate)",
    size: 100_000,
    // Setup warms the JIT on a slice, so no untimed pass is needed.
    warmup: 0,
    setup: ({ size }) => {
      const files = childFiles(size);
      // Warm the JIT on a slice with both functions, so the timed passes measure steady state.
      for (const f of files.slice(0, 5_000)) {
        safeValidate(ChildFileSchema, f, { subject });
        ChildFileSchema.safeParse(f);
      }
      return files;
    },
    run: (files) => {
      let ok = 0;
      for (const f of files) if (safeValidate(ChildFileSchema, f, { subject }).success) ok++;
      return ok;
    },
    metrics: (ok, files) => ({ valid: `${ok as number}/${files.length}` }),
    answer: (ok) => ({ valid: ok }),
    baseline: {
      name: "bare zod ChildFileSchema.safeParse",
      run: (files) => {
        let ok = 0;
        for (const f of files) if (ChildFileSchema.safeParse(f).success) ok++;
        return ok;
      },
    },
  }),
  defineCase({
    name: "stream child files (streamChildFiles)",
    // A million files with --full; the point is time and peak memory.
    size: isFull() ? 1_000_000 : 200_000,
    warmup: 0,
    run: (_state, { size }) => {
      let n = 0;
      for (const f of streamChildFiles({
        preset: "province",
        children: size,
        counties: Math.ceil(size / 40_000),
      })) {
        if (f.keyCase) n++;
      }
      return n;
    },
    metrics: (keyCases, _state, { size }) => ({
      "key cases": `${(((keyCases as number) / size) * 100).toFixed(1)}%`,
    }),
    answer: (keyCases) => ({ keyCases }),
    // The same generation, kept in an array as a batch generator must: the difference is memory.
    baseline: {
      name: "same files collected in an array",
      run: (_state, { size }) => {
        const all: ChildFile[] = [];
        for (const f of streamChildFiles({
          preset: "province",
          children: size,
          counties: Math.ceil(size / 40_000),
        }))
          all.push(f);
        return all.filter((f) => f.keyCase).length;
      },
    },
  }),
];
