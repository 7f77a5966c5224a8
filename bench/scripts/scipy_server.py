#!/usr/bin/env python3
"""SciPy side of the dense pairing cases of `pnpm bench` (bench/src/scipy.ts drives it).

Started once per benchmark process with the size n: builds the bench's slot matrix (the same
generator and seed as `scipy_assignment.py` and `pairing.bench.ts`), prints `ready`, then for
every line `run` on stdin solves it with `scipy.optimize.linear_sum_assignment` and prints one
JSON line: the solve time in milliseconds measured here, the optimal total score and the number
of children paired. It exits at the end of stdin. Without NumPy or SciPy it prints
`unavailable: <reason>` and exits 0.
"""
import json
import sys
import time

from scipy_assignment import scores


def main() -> int:
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment
    except ImportError as e:  # pragma: no cover - depends on the machine
        print(f"unavailable: {e}", flush=True)
        return 0
    n = int(sys.argv[1])
    m = n // 2
    score = np.array(scores(n, m, 7 + n), dtype=np.int64).reshape(n, m)
    slots = np.repeat(999 - score, 2, axis=1)  # column 2j and 2j+1 are mentor j
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            continue
        t0 = time.perf_counter()
        rows, cols = linear_sum_assignment(slots)
        ms = (time.perf_counter() - t0) * 1000
        total = int(score[rows, cols // 2].sum())
        print(json.dumps({"ms": ms, "score": total, "matched": int(len(rows))}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
