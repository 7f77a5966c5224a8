import { packageProject } from "../../vitest.shared.ts";

// Each test spawns the command; on a loaded machine a run takes a few seconds.
export default packageProject("cli", { testTimeout: 600_000 });
