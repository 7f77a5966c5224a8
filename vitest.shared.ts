import { defaultServerConditions } from "vite";
import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

const fastCheckSetup = fileURLToPath(new URL("./vitest.fast-check.ts", import.meta.url));
const fastCheckSeed = fileURLToPath(new URL("./vitest.fast-check.global.ts", import.meta.url));

/** Time limits of a package's tests, where they differ from the shared ones. */
export interface ProjectTimeouts {
  /** Per test, in ms. Default 60 s: property tests run many cases on a busy machine. */
  testTimeout?: number;
  /** Per hook (starting a browser, building a school), in ms. Default 120 s. */
  hookTimeout?: number;
}

/**
 * Vitest project settings shared by every package: run against `src` via the source condition.
 * Under `pnpm fuzz` (`LIUSHOU_FUZZ=1`), whose property tests run a thousand times as many cases,
 * a test may take an hour.
 */
export function packageProject(name: string, timeouts: ProjectTimeouts = {}) {
  const fuzzing = process.env["LIUSHOU_FUZZ"] === "1";
  const conditions = ["@liushou/source", ...defaultServerConditions];
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      setupFiles: [fastCheckSetup],
      testTimeout: fuzzing ? 3_600_000 : (timeouts.testTimeout ?? 60_000),
      hookTimeout: timeouts.hookTimeout ?? 120_000,
      globalSetup: [fastCheckSeed],
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
    },
  });
}
