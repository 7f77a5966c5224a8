import { defineConfig } from "tsup";
import { baseConfig } from "../../tsup.config.base.ts";

// The executable is built beside the library entry; it is not an export.
export default defineConfig({ ...baseConfig, entry: { index: "src/index.ts", bin: "src/bin.ts" } });
