/**
 * Hostile input against every exported function that takes outside data. Properties: only a
 * LiushouError ever comes out; the built-in prototypes are untouched; no error, however it is
 * serialised, shows an ID or mobile number in full; and (under `pnpm fuzz`) no call takes longer
 * than its documented bound. A small run in `pnpm test`; `pnpm fuzz` runs a million cases and
 * prints the throughput.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "./index";
import { fuzzRuns } from "./_lib/fuzz.test-helper";
import {
  hostileLeaf,
  hostileValue,
  PERSONAL,
  prototypeSnapshot,
  renderings,
  unmasked,
} from "./_lib/hostile.test-helper";
import type { ChildFileInput } from "./model";
import type { FileChange } from "./file";
import type { Instant } from "./time";

const FUZZING = process.env["LIUSHOU_FUZZ"] === "1";
/** The bound on one call with one hostile input, documented in docs/guide/limits-and-errors.md. */
const CALL_BOUND_MS = 2000;

/** Functions whose arguments are zod internals (a refinement context, a zod issue), not data. */
const NOT_DATA = new Set(["addIssue", "toFieldIssue"]);
const FUNCTIONS = Object.entries(core)
  .filter(([name, v]) => typeof v === "function" && !/^[A-Z]/.test(name) && !NOT_DATA.has(name))
  .map(([name, v]) => [name, v as (...args: unknown[]) => unknown] as const);

const stats = { cases: 0, ms: 0, slowest: "", slowestMs: 0 };

/** The promises of async exports, each checked when it settles; awaited after the property. */
const pending: Promise<void>[] = [];
/** What a settled promise did wrong: rejected with something other than a LiushouError. */
const asyncFailures: string[] = [];

/** Runs one call and checks every property; a failure names the call and what went wrong. */
function check(name: string, run: () => unknown): void {
  const before = prototypeSnapshot();
  const t0 = performance.now();
  let error: unknown;
  try {
    const result = run();
    if (result instanceof Promise) {
      pending.push(
        result.then(
          () => undefined,
          (e: unknown) => {
            if (!core.isLiushouError(e)) asyncFailures.push(`${name} rejected with ${String(e)}`);
          },
        ),
      );
    }
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  stats.cases++;
  stats.ms += ms;
  if (ms > stats.slowestMs) Object.assign(stats, { slowest: name, slowestMs: ms });
  if (prototypeSnapshot() !== before) throw new Error(`${name} changed a built-in prototype`);
  if (FUZZING && ms > CALL_BOUND_MS) {
    throw new Error(`${name} took ${ms.toFixed(0)} ms, over the ${CALL_BOUND_MS} ms bound`);
  }
  if (error === undefined) return;
  if (!core.isLiushouError(error)) {
    const e = error as Error;
    throw new Error(`${name} threw ${e?.name}: ${String(e?.message).slice(0, 200)}`);
  }
  const shown = unmasked(error);
  if (shown.length > 0) throw new Error(`${name}: the error shows ${shown.join(", ")} in full`);
}

const asOf = "2026-09-01";
const meta = { actor: "u1", at: "2026-09-01T09:00:00+08:00" as Instant, reason: "fuzz" };
const base: ChildFileInput = {
  id: "c1",
  child: {
    name: "王小明",
    gender: "female",
    birthDate: "2014-04-02",
    idNumber: PERSONAL[1],
    regionCode: "430102001001",
    address: "长沙市芙蓉区某路 1 号",
    grade: 6,
  },
  livingArrangement: "grandparents",
  guardians: [{ id: "g1", name: "李奶奶", relation: "grandmother", phone: PERSONAL[4] }],
  parents: [
    {
      id: "p1",
      role: "father",
      name: "王大山",
      phone: PERSONAL[5],
      awayPeriods: [{ from: "2022-02-10", city: "深圳" }],
    },
  ],
  emergencyContacts: [{ name: "舅舅", relation: "舅舅", phone: PERSONAL[6] }],
};

/** Every path to a value in `base`, so a hostile value can replace any of them. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(...pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
    }
  }
  return out;
}
const PATHS = pathsOf(base).filter((p) => p.length > 0);
const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "extra"];

/** `base` with the value at one path (or a new key beside it) replaced by a hostile value. */
const hostileFile = fc
  .tuple(fc.constantFrom(...PATHS), fc.option(fc.constantFrom(...EXTRA_KEYS)), hostileValue)
  .map(([path, extra, value]) => {
    const file = structuredClone(base) as Record<string | number, unknown>;
    const at = extra === null ? path : [...path.slice(0, -1), extra];
    let node: Record<string | number, unknown> = file;
    for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    Object.defineProperty(node, at[at.length - 1]!, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return file as unknown as ChildFileInput;
  });

const FILE_CALLS: readonly (readonly [string, (file: ChildFileInput, arg: unknown) => unknown])[] =
  [
    ["validate(ChildFileSchema)", (f) => core.validate(core.ChildFileSchema, f)],
    ["classifyLeftBehind", (f, a) => core.classifyLeftBehind(f, { asOf: a as never })],
    [
      "leftBehindStatistics",
      (f, a) => core.leftBehindStatistics([base, f, f], { asOf: a as never }),
    ],
    ["completenessReport", (f) => core.completenessReport([f], { asOf })],
    ["fileCompleteness", (f, a) => core.fileCompleteness(f, { asOf: a as never })],
    ["checkLegalDuties", (f) => core.checkLegalDuties(f, { asOf })],
    ["assessRisk", (f) => core.assessRisk(f, { asOf })],
    ["updateChildFile(replace)", (f) => core.updateChildFile(base, () => f as never, meta)],
    [
      "updateChildFile(mutate)",
      (f, a) => core.updateChildFile(f, (d) => void Object.assign(d.child, { health: a }), meta),
    ],
    [
      "prepareComplianceData",
      (f) =>
        core.prepareComplianceData({ children: [f, base], mentors: [], pairings: [], records: [] }),
    ],
  ];

const hostileChange = fc
  .record({
    op: fc.constantFrom("add", "remove", "replace", "move", hostileLeaf),
    path: fc.oneof(
      fc.constantFrom(...PATHS),
      fc.array(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.nat(5)), { maxLength: 4 }),
      hostileLeaf,
    ),
    value: hostileValue,
  })
  .map(
    (patch) =>
      ({
        fileId: "c1",
        ...meta,
        patches: [patch],
        inversePatches: [patch],
      }) as unknown as FileChange,
  );

afterAll(() => {
  const seconds = stats.ms / 1000;
  console.info(
    `hostile input: ${stats.cases.toLocaleString("en")} cases in ${seconds.toFixed(1)} s of calls ` +
      `(${Math.round(stats.cases / Math.max(seconds, 1e-9)).toLocaleString("en")} cases/s); ` +
      `slowest call ${stats.slowest} ${stats.slowestMs.toFixed(1)} ms; seed ${process.env["LIUSHOU_SEED"]}`,
  );
});

const timeout = FUZZING ? 0 : 60_000;

describe("hostile input", () => {
  it(
    "every exported function: only LiushouErrors, prototypes untouched, personal data masked",
    async () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...FUNCTIONS),
          fc.array(hostileValue, { minLength: 0, maxLength: 3 }),
          ([name, fn], args) => check(name, () => fn(...args)),
        ),
        { numRuns: fuzzRuns(700) },
      );
      await Promise.all(pending.splice(0));
      expect(asyncFailures).toEqual([]);
    },
    timeout,
  );

  it(
    "child files with one hostile field, through every function that takes a file",
    () => {
      fc.assert(
        fc.property(
          hostileFile,
          fc.oneof(fc.constant(asOf), hostileLeaf),
          fc.constantFrom(...FILE_CALLS),
          (file, arg, [name, call]) => check(name, () => call(file, arg)),
        ),
        { numRuns: fuzzRuns(200) },
      );
    },
    timeout,
  );

  it(
    "file histories with hostile patches: replay, as-of and undo",
    () => {
      fc.assert(
        fc.property(hostileChange, fc.oneof(fc.constant(asOf), hostileLeaf), (change, at) => {
          check("fileAsOf", () => core.fileAsOf(base, [change], at as never));
          check("replayFileHistory", () => core.replayFileHistory(base, [change]));
          check("revertChange", () => core.revertChange(base, change, meta));
        }),
        { numRuns: fuzzRuns(35) },
      );
    },
    timeout,
  );

  it("the check itself catches what it looks for", () => {
    const leak = Object.assign(new Error("x"), { detail: [{ note: `电话 ${PERSONAL[4]}` }] });
    expect(unmasked(leak)).toEqual([PERSONAL[4]]);
    expect(renderings(leak).some((r) => r.includes(PERSONAL[4]))).toBe(true);
    const masked = new core.ValidationError([
      { path: "x", code: "other", message: { "zh-CN": PERSONAL[0], en: PERSONAL[4] } },
    ]);
    expect(unmasked(masked)).toEqual([]);
  });
});
