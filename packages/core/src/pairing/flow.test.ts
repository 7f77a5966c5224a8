import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { solveFlow, type FlowProblem } from "./flow";

/**
 * The flow solver against an exhaustive search written from its contract alone: every row takes
 * one of its edges or stays unmatched, no column takes more than its capacity, and the best
 * answer has the most first-level gain, then the most second-level gain (edge gains plus each
 * column's slot gains in order).
 */
interface Instance {
  rows: number;
  cols: number;
  rowHi: number[];
  edges: { row: number; col: number; gain: number }[][];
  cap: number[];
  slots: number[][];
}

const instance: fc.Arbitrary<Instance> = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      rowHi: fc.array(fc.constantFrom(0, 1, 2, 5), { minLength: rows, maxLength: rows }),
      edges: fc.array(
        fc
          .uniqueArray(fc.integer({ min: 0, max: cols - 1 }), { maxLength: cols })
          .chain((cs) =>
            fc.tuple(
              ...cs.map((col) =>
                fc.integer({ min: -20, max: 40 }).map((gain) => ({ row: 0, col, gain })),
              ),
            ),
          ),
        { minLength: rows, maxLength: rows },
      ),
      cap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      // Slot gains, made non-increasing below (a concave gain per column).
      slots: fc.array(fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 3, maxLength: 3 }), {
        minLength: cols,
        maxLength: cols,
      }),
    }),
  )
  .map((x) => ({
    ...x,
    edges: x.edges.map((es, row) => es.map((e) => ({ ...e, row })).sort((a, b) => a.col - b.col)),
    slots: x.slots.map((s) => [...s].sort((a, b) => b - a)),
  }));

function problemOf(x: Instance): FlowProblem {
  const edgeStart = [0];
  const edgeCol: number[] = [];
  const edgeGain: number[] = [];
  for (const es of x.edges) {
    for (const e of es) {
      edgeCol.push(e.col);
      edgeGain.push(e.gain);
    }
    edgeStart.push(edgeCol.length);
  }
  const slotStart: number[] = [];
  const slotGain: number[] = [];
  x.slots.forEach((s, c) => {
    slotStart.push(slotGain.length);
    slotGain.push(...s.slice(0, x.cap[c]));
  });
  slotStart.push(slotGain.length);
  return {
    rows: x.rows,
    cols: x.cols,
    rowHi: x.rowHi,
    edgeStart,
    edgeCol,
    edgeGain,
    cap: x.cap,
    slotStart,
    slotGain,
  };
}

/** The objective of a choice of edge per row (`undefined`: unmatched), or undefined if over capacity. */
function objective(x: Instance, choice: ({ col: number; gain: number } | undefined)[]) {
  const load = new Array<number>(x.cols).fill(0);
  let hi = 0;
  let lo = 0;
  choice.forEach((e, row) => {
    if (e === undefined) return;
    hi += x.rowHi[row]!;
    lo += e.gain + x.slots[e.col]![load[e.col]!]!;
    load[e.col]!++;
  });
  return load.every((l, c) => l <= x.cap[c]!) ? { hi, lo } : undefined;
}

function bruteForce(x: Instance): { hi: number; lo: number } {
  let best = { hi: 0, lo: 0 };
  const choice: ({ col: number; gain: number } | undefined)[] = [];
  const visit = (row: number) => {
    if (row === x.rows) {
      const o = objective(x, choice);
      if (o && (o.hi > best.hi || (o.hi === best.hi && o.lo > best.lo))) best = o;
      return;
    }
    for (const e of [undefined, ...x.edges[row]!]) {
      choice[row] = e;
      visit(row + 1);
    }
  };
  visit(0);
  return best;
}

/** An instance written out by hand: per row its edges as `[column, gain]`. */
interface WrittenInstance {
  rowHi: number[];
  edges: [number, number][][];
  cap: number[];
  slots: number[][];
}

function instanceOf(x: WrittenInstance): Instance {
  return {
    rows: x.rowHi.length,
    cols: x.cap.length,
    rowHi: x.rowHi,
    edges: x.edges.map((es, row) => es.map(([col, gain]) => ({ row, col, gain }))),
    cap: x.cap,
    slots: x.slots,
  };
}

/** Checks `solveFlow` on one instance: its own edges only, and the optimum of the exhaustive search. */
function expectOptimal(x: Instance): void {
  const p = problemOf(x);
  const { rowEdge } = solveFlow(p);
  const choice = Array.from(rowEdge, (e) =>
    e < 0 ? undefined : { col: p.edgeCol[e]!, gain: p.edgeGain[e]! },
  );
  // Each chosen edge is one of its own row's.
  rowEdge.forEach((e, row) => {
    if (e >= 0) expect(e >= p.edgeStart[row]! && e < p.edgeStart[row + 1]!).toBe(true);
  });
  expect(objective(x, choice)).toEqual(bruteForce(x));
}

/**
 * Counterexamples the property found against mutants of the solver, kept as fixed cases because
 * `pnpm mutate` runs only a tenth of the property's cases: the heap ordered by the first level
 * alone, a node entered twice in the heap, potentials left unchanged or moved the wrong way
 * after a search.
 */
const FOUND: Instance[] = [
  instanceOf({
    rowHi: [1, 5, 1, 0, 5],
    edges: [
      [
        [0, 0],
        [1, 40],
        [2, 33],
        [3, 5],
      ],
      [
        [2, -5],
        [3, 29],
      ],
      [
        [0, -19],
        [1, 0],
        [2, 5],
        [3, -1],
      ],
      [
        [0, 13],
        [1, -2],
        [2, -17],
      ],
      [],
    ],
    cap: [3, 3, 3, 1],
    slots: [
      [28, -13, -28],
      [-12, -15, -27],
      [28, -12, -29],
      [12, 1, -23],
    ],
  }),
  instanceOf({
    rowHi: [5, 1, 2, 5, 2, 2],
    edges: [
      [[3, -17]],
      [
        [0, 10],
        [2, -10],
      ],
      [
        [0, 10],
        [1, -1],
      ],
      [
        [0, 7],
        [1, -4],
        [2, -15],
        [3, 12],
      ],
      [
        [0, 3],
        [2, 1],
        [3, -15],
      ],
      [
        [0, 37],
        [1, 9],
        [2, -2],
        [3, 39],
      ],
    ],
    cap: [3, 3, 1, 0],
    slots: [
      [21, 10, -4],
      [7, -1, -23],
      [25, 23, -24],
      [-3, -3, -15],
    ],
  }),
  instanceOf({
    rowHi: [2, 1, 0],
    edges: [
      [
        [0, 16],
        [1, 29],
        [3, -9],
      ],
      [],
      [
        [0, 24],
        [1, -4],
        [2, -20],
      ],
    ],
    cap: [3, 0, 1, 2],
    slots: [
      [19, -3, -21],
      [25, 2, -11],
      [20, -2, -25],
      [28, 1, -21],
    ],
  }),
];

describe("solveFlow", () => {
  it("finds the optimum of an exhaustive search, both levels, within every capacity", () => {
    fc.assert(fc.property(instance, expectOptimal), { numRuns: propertyRuns(2000) });
  });

  it("finds the optimum of the cases the property found against wrong variants", () => {
    FOUND.forEach(expectOptimal);
  });

  it("stops each search at the sink and counts the nodes it finalised", () => {
    const solve = (x: WrittenInstance) => solveFlow(problemOf(instanceOf(x)));
    const one = { cap: [1], slots: [[0]] };
    // No edge: the source, then the sink.
    expect(solve({ ...one, rowHi: [1], edges: [[]] })).toMatchObject({ searches: 1, scanned: 2 });
    // Matching earns nothing, so the column ties with the sink, which the source's dummy edge
    // bounds first: the column gets no heap entry, the source and the sink are finalised, and
    // the row stays unmatched (ties go to the sink).
    const tie = solve({ ...one, rowHi: [0], edges: [[[0, 0]]] });
    expect([...tie.rowEdge]).toEqual([-1]);
    expect(tie.scanned).toBe(2);
    // Matching earns: the source, the column and the sink.
    const gain = solve({ ...one, rowHi: [1], edges: [[[0, 0]]] });
    expect([...gain.rowEdge]).toEqual([0]);
    expect(gain.scanned).toBe(3);
    // Full columns: the one that earns is nearer than the sink and finalised (it has no slot
    // left); the one that ties with the sink, bounded first by the dummy edge, gets no heap
    // entry. The source, that column and the sink.
    const full = { rowHi: [0], cap: [0, 0, 0], slots: [[0], [0], [0]] };
    expect(
      solve({
        ...full,
        edges: [
          [
            [1, 1],
            [2, 0],
          ],
        ],
      }).scanned,
    ).toBe(3);
    // A column, or a member row, no nearer than the sink gets no heap entry, so it cannot
    // end the search early: the sink is reached and counted.
    const slots = [
      [0, 0],
      [0, 0],
    ];
    const columns: WrittenInstance = {
      rowHi: [1, 0],
      edges: [
        [
          [0, 0],
          [1, -1],
        ],
        [[0, 1]],
      ],
      cap: [1, 1],
      slots,
    };
    expect(solve(columns).scanned).toBe(7);
    const members: WrittenInstance = {
      rowHi: [2, 1],
      edges: [[[1, 0]], [[1, 0]]],
      cap: [0, 2],
      slots,
    };
    expect(solve(members).scanned).toBe(6);
  });
});
