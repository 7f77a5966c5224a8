import { mergeConfig } from "vitest/config";
import { packageProject } from "../../vitest.shared.ts";

// Starting LibreOffice on a loaded machine takes a while.
export default mergeConfig(packageProject("report-docx"), {
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
