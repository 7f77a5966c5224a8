#!/usr/bin/env python3
"""SciPy side of the county pairing case of `pnpm bench` (bench/src/scipy.ts drives it).

Started once per benchmark process with a folder that `pairing.bench.ts` wrote: the candidate
graph of `planPairings`, with each mentor expanded into one column per place it may take
(its k-th place carries the k-th place's gain, which falls with k, so places fill in order),
and one column of its own per child for "stays unmatched". Files (little-endian):

- `meta.json`: {"rows", "cols"};
- `indptr.i32`, `indices.i32`: the rows in compressed form;
- `weight.f64`: each edge's weight, the lexicographic objective folded into one number per
  component (bounds chosen by the bench so every weight is an exact integer below 2**53);
- `level.i32`: per edge, 0 for "unmatched", else 1 + 2 * priority + 4 * (place below minimum);
- `lo.f64`: per edge, the second-level gain (points x 1000: soft rules and workload).

Before `ready` it splits the graph into its connected components (as the planner does; one
matching over the whole county is about 15 times slower in SciPy), untimed. Then for every line
`run` on stdin it solves each component with
`scipy.sparse.csgraph.min_weight_full_bipartite_matching` (maximising), and prints one JSON
line: the solve time in milliseconds measured here, the children and priority children paired,
and the total score in points x 1000. It exits at the end of stdin.
"""
import json
import os
import sys
import time


def main() -> int:
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching
    except ImportError as e:  # pragma: no cover - depends on the machine
        print(f"unavailable: {e}", flush=True)
        return 0
    folder = sys.argv[1]
    with open(os.path.join(folder, "meta.json"), encoding="utf8") as f:
        meta = json.load(f)
    read = lambda name, dtype: np.fromfile(os.path.join(folder, name), dtype=dtype)
    indptr = read("indptr.i32", "<i4")
    indices = read("indices.i32", "<i4")
    weight = read("weight.f64", "<f8")
    level = read("level.i32", "<i4")
    lo = read("lo.f64", "<f8")
    rows, cols = meta["rows"], meta["cols"]
    graph = csr_matrix((weight, indices, indptr), shape=(rows, cols))
    # Position of each entry in the file's edge order (1-based), to read level and lo back.
    position = csr_matrix(
        (np.arange(1, len(indices) + 1, dtype=np.int64), indices, indptr), shape=(rows, cols)
    )
    coo = graph.tocoo()
    both = csr_matrix(
        (np.ones(len(coo.data)), (coo.row, coo.col + rows)), shape=(rows + cols, rows + cols)
    )
    _, label = connected_components(both, directed=False)
    components = []
    for c in np.unique(label[:rows]):
        r = np.where(label[:rows] == c)[0]
        sub = graph[r]
        used = np.unique(sub.indices)
        components.append((sub[:, used], position[r][:, used]))
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            continue
        t0 = time.perf_counter()
        chosen = [min_weight_full_bipartite_matching(g, maximize=True) for g, _ in components]
        ms = (time.perf_counter() - t0) * 1000
        edge = np.concatenate(
            [np.asarray(p[r, c]).ravel() - 1 for (_, p), (r, c) in zip(components, chosen)]
        )
        lv = level[edge]
        paired = lv > 0
        answer = {
            "ms": ms,
            "matched": int(paired.sum()),
            "priorityMatched": int(((lv & 2) > 0).sum()),
            "score": int(round(lo[edge][paired].sum())),
        }
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
