import { mergeConfig } from "vitest/config";
import { packageProject } from "../../vitest.shared.ts";

// Building a report runs most of core over a synthetic school; allow for a loaded machine.
export default mergeConfig(packageProject("report"), {
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
