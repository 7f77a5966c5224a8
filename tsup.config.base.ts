import type { Options } from "tsup";

/** Shared build settings: ESM + CJS + type declarations from `src/index.ts`. */
export const baseConfig: Options = {
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  treeshake: true,
  splitting: false,
};
