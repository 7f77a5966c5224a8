import { defineConfig } from "tsup";
import { baseConfig } from "../../tsup.config.base.ts";

// `import.meta.url` (to find the region data) gets tsup's shim in the CommonJS build.
export default defineConfig({ ...baseConfig, shims: true });
