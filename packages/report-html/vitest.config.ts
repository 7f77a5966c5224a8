import { mergeConfig } from "vitest/config";
import { packageProject } from "../../vitest.shared.ts";

// Starting Chromium on a loaded machine takes a while.
export default mergeConfig(packageProject("report-html"), {
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
