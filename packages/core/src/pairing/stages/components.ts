/**
 * Connected components of the candidate graph: the independent subproblems the solver takes one
 * at a time. Private to the pairing module.
 * @module
 */

/** A connected component of the candidate graph: child and mentor indexes, ascending. */
export interface Component {
  readonly children: readonly number[];
  readonly mentors: readonly number[];
}

/**
 * Splits a bipartite graph in compressed-row form (children `0 .. edgeStart.length - 2`, mentors
 * `0 .. mentorCount - 1`) into its connected components, by union–find. Children without an
 * edge and mentors without an edge belong to none. Components are in the order of their first
 * child. With `rowOf` (see `CandidateGraph.rowOf`: children of one row have the same mentors),
 * a child whose row was met before is joined to that row's first child, its edges not walked.
 */
export function findComponents(
  edgeStart: Int32Array,
  edgeMentor: Int32Array,
  mentorCount: number,
  rowOf?: Int32Array,
): Component[] {
  const n = edgeStart.length - 1;
  const parent = new Int32Array(n + mentorCount);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const firstOfRow = rowOf === undefined ? undefined : new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    // The child's root, found once: it stays a root (the smaller of two roots is kept).
    let a = find(i);
    if (firstOfRow !== undefined) {
      const r = rowOf![i]!;
      const first = firstOfRow[r]!;
      if (first >= 0) {
        const b = find(first);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        continue;
      }
      firstOfRow[r] = i;
    }
    for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
      const b = find(n + edgeMentor[e]!);
      if (a !== b) parent[Math.max(a, b)] = a = Math.min(a, b);
    }
  }
  const compOf = new Int32Array(n + mentorCount).fill(-1);
  const components: { children: number[]; mentors: number[] }[] = [];
  for (let i = 0; i < n; i++) {
    if (edgeStart[i + 1] === edgeStart[i]) continue;
    const r = find(i);
    if (compOf[r] === -1) {
      compOf[r] = components.length;
      components.push({ children: [], mentors: [] });
    }
    components[compOf[r]!]!.children.push(i);
  }
  for (let j = 0; j < mentorCount; j++) {
    const c = compOf[find(n + j)]!;
    if (c !== -1) components[c]!.mentors.push(j);
  }
  return components;
}
