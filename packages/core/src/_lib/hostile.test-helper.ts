/**
 * Hostile inputs for the fuzz suites: random JSON, deep nesting, huge strings and arrays,
 * `__proto__` keys, lone surrogates, NaN and ±Infinity, impossible dates, and personal data
 * (ID and mobile numbers) that no error may show in full.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { idCheckDigit } from "../identity/id-number";

function idNumber(first17: string, valid: boolean): string {
  const check = idCheckDigit(first17);
  return first17 + (valid ? check : check === "1" ? "2" : "1");
}

/** Synthetic resident ID numbers (valid and with a wrong check character) and mobiles. */
export const PERSONAL = [
  idNumber("11010519491231002", true),
  idNumber("43010220140402002", true),
  idNumber("43010220140402003", false),
  idNumber("51010219880808123", false),
  "13800138000",
  "15912345678",
  "19987654321",
] as const;

const loneSurrogates = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom("a", "0", "-", "长", "\u0000", "😀"),
  ),
  maxLength: 12,
});

const impossibleDate = fc.oneof(
  fc.constantFrom(
    "2026-02-30",
    "2026-13-01",
    "2025-02-29",
    "0000-00-00",
    "+026-01-01",
    "2026-1-1",
    "9999-12-32",
    "2026-03-01T25:00:00+08:00",
    "2026-03-01T09:00:00",
    "Mars/Base",
  ),
  fc
    .tuple(
      fc.integer({ min: -1, max: 10000 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
);

const plausible = fc.constantFrom(
  "2026-09-01",
  "2026-03-01T09:00:00+08:00",
  "Asia/Shanghai",
  "430102001001",
  "c1",
  "father",
  "grandparents",
  "zh-CN",
  "en",
  "mentor",
  "home-visit",
);

const numbers = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 2 ** 53 + 2, 0.5),
  fc.integer({ min: -5, max: 50 }),
);

const protoJson = fc
  .constantFrom(
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"id":"c1","child":{"__proto__":{"polluted":"yes"}}}',
    '[{"__proto__":{"polluted":"yes"},"id":"x"}]',
  )
  .map((s) => JSON.parse(s) as unknown);

/** Arrays nested `depth` levels deep, as JSON would give them. */
const deep = fc.integer({ min: 40, max: 4000 }).map((depth) => {
  const value = JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown[];
  // fast-check prints a counterexample recursively: name this one instead.
  Object.defineProperty(value, fc.toStringMethod, { value: () => `nested(${depth})` });
  return value as unknown;
});

/** A few large values, built once: 1 MB strings and 20,000-entry arrays. */
const HUGE = [
  "长".repeat(1_000_000),
  "1".repeat(1_000_000),
  Array.from({ length: 20_000 }, (_, i) => ({ id: `x${i % 7}` })),
  Array.from({ length: 20_000 }, () => 0),
];
const huge = fc.constantFrom(...HUGE);

/** One hostile value. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 60, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 30, arbitrary: plausible },
  { weight: 30, arbitrary: impossibleDate },
  { weight: 30, arbitrary: numbers },
  { weight: 20, arbitrary: loneSurrogates },
  { weight: 20, arbitrary: fc.constantFrom(...PERSONAL) },
  { weight: 20, arbitrary: protoJson },
  { weight: 10, arbitrary: fc.constantFrom(undefined, null, true, [], {}, () => 1) },
  { weight: 3, arbitrary: deep },
  { weight: 1, arbitrary: huge },
);

/**
 * Field values that pass or almost pass a quick shape check: hostile leaves, the values every
 * check must refuse or bound (missing, null, NaN, a bigint, empty and over-long ids), and
 * `values` near the fields of one shape.
 */
export function nearValues(...values: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileLeaf,
    fc.constantFrom(undefined, null, NaN, 7n, "", "x".repeat(64), "x".repeat(65), ...values),
  );
}

const KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "id",
  "asOf",
  "zone",
  "children",
  "mentors",
  "files",
  "child",
  "name",
  "idNumber",
  "phone",
  "address",
];

/** A hostile value: a leaf, or an object or array of them with hostile keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileLeaf },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom(...KEYS), hostileLeaf, { maxKeys: 4 }),
  },
  { weight: 1, arbitrary: fc.array(hostileLeaf, { maxLength: 4 }) },
);

/**
 * Every string reachable from an error: own properties (enumerable or not, symbol keys too),
 * nested objects, arrays and causes. Whatever serialises the error (JSON, `console.log`, a
 * logger) can only show these strings.
 */
export function reachableStrings(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === "string") out.push(v);
    else if (typeof v === "number" || typeof v === "bigint") out.push(String(v));
    else if (v !== null && typeof v === "object" && !seen.has(v) && depth < 40) {
      seen.add(v);
      for (const key of Reflect.ownKeys(v)) {
        // `stack` is the message plus source lines; formatting it costs more than the rest.
        if (key === "stack") continue;
        const d = Object.getOwnPropertyDescriptor(v, key);
        if (d && "value" in d) walk(d.value, depth + 1);
      }
    }
  };
  walk(root, 0);
  return out;
}

/** Every way an error may be shown or stored. */
export function renderings(err: unknown): string[] {
  return [
    String(err),
    JSON.stringify(err) ?? "",
    inspect(err, { depth: 30 }),
    ...reachableStrings(err),
  ];
}

/** The personal numbers an error shows in full, if any (the cheap walk; see {@link renderings}). */
export function unmasked(err: unknown): string[] {
  const all = [String(err), ...reachableStrings(err)].join("\n");
  return PERSONAL.filter((p) => all.includes(p));
}

/** Own properties of the built-in prototypes, to check none was added. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(","))
    .join("|");
}
