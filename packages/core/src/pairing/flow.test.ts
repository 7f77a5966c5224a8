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

describe("solveFlow", () => {
  it("finds the optimum of an exhaustive search, both levels, within every capacity", () => {
    fc.assert(
      fc.property(instance, (x) => {
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
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});
