import { defaultServerConditions } from "vite";
import { defineProject } from "vitest/config";

/** Vitest project settings shared by every package: run against `src` via the source condition. */
export function packageProject(name: string) {
  const conditions = ["@liushou/source", ...defaultServerConditions];
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
    },
  });
}
