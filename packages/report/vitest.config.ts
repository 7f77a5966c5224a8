import { packageProject } from "../../vitest.shared.ts";

// Building a report runs most of core over a synthetic school; allow for a loaded machine.
export default packageProject("report");
