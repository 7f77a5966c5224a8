/**
 * Run counts for property tests: `n` under `pnpm test`, `n × LIUSHOU_FUZZ_SCALE` (default 1,000)
 * under `pnpm fuzz`.
 */
export function fuzzRuns(n: number): number {
  if (process.env["LIUSHOU_FUZZ"] !== "1") return n;
  const scale = Number(process.env["LIUSHOU_FUZZ_SCALE"] ?? "1000");
  return Math.max(n, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1000)));
}
