import { defineConfig } from "tsup";
import { baseConfig } from "../../tsup.config.base.ts";

// The shim gives the CommonJS build an `import.meta.url`: the worker pool finds its worker
// module beside the entry.
export default defineConfig({ ...baseConfig, shims: true });
