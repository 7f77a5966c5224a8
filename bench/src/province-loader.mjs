// The province counties' partition loader for the worker threads of the published build, which
// run plain Node: it registers tsx for the one TypeScript module it imports, whose packages
// (`@liushou/core`, `@liushou/fixtures`) are then the built ones, as in a host's workers.
import { register } from "tsx/esm/api";

register();
const counties = await import("./province-counties.ts");
export const { loadPartition, loadPairingPartition } = counties;
