#!/usr/bin/env python3
"""SciPy reference timings for the dense pairing benchmark (docs/guide/pairing.md).

Builds the same slot matrices as `bench/src/pairing.bench.ts` (n children, n/2 mentors of
capacity 2, scores 0-999 from the same xorshift and seed, cost = 999 - score) and times
`scipy.optimize.linear_sum_assignment` on each: min, median and max of 5 runs. It prints the
optimal total score too, which must equal the score the TypeScript bench prints for the same n
(`pnpm bench dense`); the script exits 1 if a run's optimum changes between runs.

Run: `python3 bench/scripts/scipy_assignment.py [n ...]` (default 500 1000 2000). Needs NumPy
and SciPy; without them it says so and exits 0, since SciPy is only a reference.
"""
import statistics
import sys
import time


def scores(n: int, m: int, seed: int) -> list[int]:
    """The bench's xorshift32 scores, 0-999, row-major n x m."""
    out = []
    s = (seed & 0xFFFFFFFF) or 1
    for _ in range(n * m):
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        out.append(s % 1000)
    return out


def main() -> int:
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment
        import scipy
    except ImportError as e:  # pragma: no cover - depends on the machine
        print(f"SciPy reference skipped: {e} (install numpy and scipy to run it)")
        return 0
    sizes = [int(a) for a in sys.argv[1:]] or [500, 1000, 2000]
    print(f"scipy {scipy.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}")
    print(f"{'n':>6}  {'min':>9}  {'median':>9}  {'max':>9}  {'optimal score':>13}")
    for n in sizes:
        m = n // 2
        score = np.array(scores(n, m, 7 + n), dtype=np.int64).reshape(n, m)
        slots = np.repeat(999 - score, 2, axis=1)  # column 2j and 2j+1 are mentor j
        times = []
        optimum = None
        for _ in range(5):
            t0 = time.perf_counter()
            rows, cols = linear_sum_assignment(slots)
            times.append((time.perf_counter() - t0) * 1000)
            total = int(score[rows, cols // 2].sum())
            if optimum is not None and total != optimum:
                print(f"n={n}: the optimum changed between runs ({optimum} then {total})")
                return 1
            optimum = total
        print(
            f"{n:>6}  {min(times):>7.1f}ms  {statistics.median(times):>7.1f}ms  "
            f"{max(times):>7.1f}ms  {optimum:>13,}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
