import { defaultServerConditions } from "vite";
import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

const fastCheckSetup = fileURLToPath(new URL("./vitest.fast-check.ts", import.meta.url));
const fastCheckSeed = fileURLToPath(new URL("./vitest.fast-check.global.ts", import.meta.url));

/** Vitest project settings shared by every package: run against `src` via the source condition. */
export function packageProject(name: string) {
  const conditions = ["@liushou/source", ...defaultServerConditions];
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      setupFiles: [fastCheckSetup],
      // Property tests run many cases; a busy machine must not turn them into timeouts.
      testTimeout: 60_000,
      hookTimeout: 120_000,
      globalSetup: [fastCheckSeed],
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
    },
  });
}
