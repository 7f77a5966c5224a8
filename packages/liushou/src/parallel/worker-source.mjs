// Starts the worker from the TypeScript sources (the repository's tests and benchmarks): tsx
// compiles them in this thread. Published builds use the compiled worker instead.
import { register } from "tsx/esm/api";

register();
const worker = await import("./worker.ts");
export default worker.default;
export const { planPairingPartitionTask, runJob } = worker;
