/** The Vitest projects, one per package. Imported by `vitest.config.ts`. */
export const projects = [
  "packages/*",
  "examples/custom-adapter",
  "examples/county-demo",
  "examples/embedding",
];
