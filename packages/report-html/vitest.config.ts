import { packageProject } from "../../vitest.shared.ts";

// Starting Chromium on a loaded machine takes a while.
export default packageProject("report-html", { hookTimeout: 60_000 });
