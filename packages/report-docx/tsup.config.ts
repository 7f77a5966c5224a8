import { defineConfig } from "tsup";
import { baseConfig } from "../../tsup.config.base.ts";

// The shim gives the CommonJS build an `import.meta.url`: the chart font subsetter finds
// HarfBuzz's WebAssembly file through it.
export default defineConfig({ ...baseConfig, shims: true });
