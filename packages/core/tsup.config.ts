import { defineConfig } from "tsup";
import { perModuleConfig } from "../../tsup.config.base.ts";

export default defineConfig(perModuleConfig());
