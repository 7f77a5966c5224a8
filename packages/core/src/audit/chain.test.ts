import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../_lib/fuzz.test-helper";
import type { StorageAuditEntry, StoredAuditEntry } from "../ports/storage/port";
import { redactAuditEntry } from "../ports/storage/redact";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors/errors";
import {
  AUDIT_GENESIS_HASH,
  auditEntryHash,
  auditPatchesDigest,
  canonicalJson,
  chainAuditEntries,
  createAuditVerifier,
  verifyAuditLog,
} from "./chain";
import { sha256Hex } from "./sha256";

const entry = (i: number, patch: Partial<StorageAuditEntry> = {}): StorageAuditEntry => ({
  id: `a${i}`,
  actor: "t7",
  at: "2026-03-01T09:00:00+08:00",
  entity: "files",
  entityId: `c${i}`,
  operation: "update",
  version: i + 1,
  patches: [{ op: "replace", path: ["child", "name"], value: `王${i}` }],
  ...patch,
});

const stored = (n: number): StoredAuditEntry[] =>
  chainAuditEntries(
    AUDIT_GENESIS_HASH,
    Array.from({ length: n }, (_, i) => entry(i)),
  ).linked.map((e, i) => ({ ...e, seq: i + 1 }));

describe("sha256Hex", () => {
  it("agrees with node:crypto on any text, including every padding length", () => {
    for (let n = 0; n < 130; n++) {
      const s = "x".repeat(n);
      expect(sha256Hex(s)).toBe(createHash("sha256").update(s).digest("hex"));
    }
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
      { numRuns: fuzzRuns(200) },
    );
  });
});

describe("canonicalJson", () => {
  it("sorts keys and leaves out undefined", () => {
    expect(canonicalJson({ b: 1, a: [true, null], c: undefined })).toBe('{"a":[true,null],"b":1}');
    expect(canonicalJson({ a: { y: 1, x: 2 } })).toBe(canonicalJson({ a: { x: 2, y: 1 } }));
  });
  it("refuses what JSON cannot hold", () => {
    expect.assertions(2);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/JSON/);
    expect(() => canonicalJson(() => 1)).toThrow(/JSON/);
  });
});

describe("verifyAuditLog", () => {
  it("accepts an intact chain and returns its head", () => {
    const log = stored(5);
    expect(verifyAuditLog(log)).toEqual({ ok: true, count: 5, head: log[4]!.hash, redacted: 0 });
    expect(verifyAuditLog([])).toEqual({
      ok: true,
      count: 0,
      head: AUDIT_GENESIS_HASH,
      redacted: 0,
    });
  });

  it("finds an edit, a deletion, a reordering and a cut end", () => {
    const log = stored(5);
    const edited = log.map((e, i) => (i === 2 ? { ...e, actor: "someone-else" } : e));
    expect(verifyAuditLog(edited)).toMatchObject({ ok: false, index: 2, reason: "edited" });
    const deleted = log.filter((_, i) => i !== 1);
    expect(verifyAuditLog(deleted)).toMatchObject({ ok: false, index: 1, reason: "broken-link" });
    const swapped = [log[0]!, log[2]!, log[1]!, log[3]!, log[4]!];
    expect(verifyAuditLog(swapped)).toMatchObject({ ok: false, index: 1 });
    const renumbered = log.map((e, i) => (i === 3 ? { ...e, seq: 1 } : e));
    expect(verifyAuditLog(renumbered)).toMatchObject({
      ok: false,
      index: 3,
      reason: "out-of-order",
    });
    const cut = log.slice(0, 4);
    expect(verifyAuditLog(cut, { expectedHead: log[4]!.hash })).toMatchObject({
      ok: false,
      index: 4,
      reason: "head-mismatch",
    });
    expect(verifyAuditLog(log.slice(2), { from: log[1]!.hash }).ok).toBe(true);
  });

  it("any change to any field of any entry is found", () => {
    const log = stored(4);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("actor", "at", "entityId", "reason", "version", "hash", "prevHash"),
        fc.string({ minLength: 1, maxLength: 5 }),
        (i, key, junk) => {
          const bad = log.map((e, j) =>
            j === i
              ? { ...e, [key]: `${String(e[key as keyof StoredAuditEntry] ?? "")}${junk}` }
              : e,
          );
          const r = verifyAuditLog(bad);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.index).toBe(i);
        },
      ),
      { numRuns: fuzzRuns(100) },
    );
  });

  it("answers garbage with a ValidationError, and bad entries as a failure", () => {
    expect.assertions(2);
    expect(() => verifyAuditLog(42 as never)).toThrow(/audit entries|审计记录/);
    expect(verifyAuditLog([null as never]).ok).toBe(false);
  });
});

describe("auditEntryHash", () => {
  it("refuses a previous hash that is not a string, whatever it is", () => {
    expect.assertions(3);
    for (const prev of [Object.create(null), null, 7])
      expect(() => auditEntryHash(entry(0), prev as never)).toThrow(ValidationError);
  });
});

describe("chainAuditEntries", () => {
  it("refuses a previous hash that is not a string and an entry that is not an object, saying which", () => {
    for (const previous of [[], null, 7, undefined]) {
      const e = thrown(() => chainAuditEntries(previous as never, []));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe("previous");
    }
    for (const bad of [null, 7, "x", undefined]) {
      const e = thrown(() => chainAuditEntries(AUDIT_GENESIS_HASH, [entry(0), bad as never]));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe("entries[1]");
      expect((e as ValidationError).issues[0]!.message["zh-CN"]).toContain("应为审计记录");
    }
  });
});

describe("createAuditVerifier", () => {
  it("refuses options that are not hashes, and unknown keys, naming them", () => {
    for (const [options, path] of [
      [{ expectedHead: 5 }, "options.expectedHead"],
      [{ from: "abc" }, "options.from"],
      [{ expectedHed: "0".repeat(64) }, "options"],
    ] as const) {
      expect(() => createAuditVerifier(options as never)).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
      );
    }
    expect(createAuditVerifier({ from: AUDIT_GENESIS_HASH }).finish().ok).toBe(true);
  });

  const pushAll = (log: readonly StoredAuditEntry[], options = {}) => {
    const v = createAuditVerifier(options);
    let pushed = 0;
    for (const e of log) {
      pushed++;
      if (v.push(e)) break;
    }
    return { result: v.finish(), pushed };
  };

  it("gives verifyAuditLog's verdict entry by entry, stopping at the first bad one", () => {
    const log = stored(6);
    const cases: [StoredAuditEntry[], number | null][] = [
      [log, null],
      [log.map((e, i) => (i === 3 ? { ...e, entityId: "x" } : e)), 3],
      [log.filter((_, i) => i !== 2), 2],
      [[log[0]!, log[1]!, log[3]!, log[2]!, log[4]!, log[5]!], 2],
    ];
    for (const [entries, bad] of cases) {
      const { result, pushed } = pushAll(entries);
      expect(result).toEqual(verifyAuditLog(entries));
      expect(result.ok).toBe(bad === null);
      // Nothing after the first bad entry is read.
      expect(pushed).toBe(bad === null ? entries.length : bad + 1);
    }
    expect(pushAll(log.slice(0, 5), { expectedHead: log[5]!.hash }).result).toMatchObject({
      ok: false,
      reason: "head-mismatch",
      index: 5,
    });
  });

  it("keeps its first failure: later entries, good or bad, do not change the verdict", () => {
    const log = stored(4);
    const v = createAuditVerifier();
    v.push(log[0]!);
    const failed = v.push(log[2]!);
    expect(failed).toMatchObject({ ok: false, index: 1, reason: "broken-link" });
    expect(v.push(log[1]!)).toEqual(failed);
    expect(v.push(null as never)).toEqual(failed);
    expect(v.finish()).toEqual(failed);
  });

  it("checks a log generated one entry at a time, never held whole", () => {
    // The verifier keeps only the last hash and seq between entries.
    const n = 2_000;
    function* log(): Generator<StoredAuditEntry> {
      let head = AUDIT_GENESIS_HASH;
      for (let i = 0; i < n; i++) {
        const [linked] = chainAuditEntries(head, [entry(i)]).linked;
        head = linked!.hash;
        yield { ...linked!, seq: i + 1 };
      }
    }
    const v = createAuditVerifier();
    for (const e of log()) expect(v.push(e)).toBeNull();
    expect(v.finish()).toMatchObject({ ok: true, count: n });
  });
});

/** A log of `n` entries chained the way logs were before patch digests. */
const legacy = (n: number): StoredAuditEntry[] => {
  let head = AUDIT_GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const e = entry(i);
    const hash = sha256Hex(`${head}\n${canonicalJson(e)}`);
    const out = { ...e, seq: i + 1, prevHash: head, hash };
    head = hash;
    return out;
  });
};

describe("redacted audit entries", () => {
  /** Entries 1 and 3 redacted by an `erase` entry appended after them, listing their seqs. */
  const redactedLog = (redacts: readonly number[] = [2, 4]) => {
    const log = stored(5).map((e) =>
      e.seq === 2 || e.seq === 4
        ? redactAuditEntry(e, { seq: e.seq, patches: [], redactedBy: "x1" })
        : e,
    );
    const [erase] = chainAuditEntries(log[4]!.hash, [
      entry(9, { id: "x1", operation: "erase", patches: [], version: 0, redacts }),
    ]).linked;
    return [...log, { ...erase!, seq: 6 }];
  };

  it("commits each new entry to the digest of its patches", () => {
    const [e] = stored(1);
    expect(e!.patchesDigest).toBe(auditPatchesDigest(entry(0).patches));
    expect(auditPatchesDigest([])).toBe(createHash("sha256").update("[]").digest("hex"));
  });

  it("verifies a log whose patches were redacted and recorded, and counts them", () => {
    const log = redactedLog();
    expect(log[1]!.patches).toEqual([]);
    expect(log[1]!.hash).toBe(stored(5)[1]!.hash);
    expect(verifyAuditLog(log)).toEqual({
      ok: true,
      count: 6,
      head: log[5]!.hash,
      redacted: 2,
    });
  });

  it("finds patches changed without redaction, and a redaction no entry records", () => {
    const log = stored(3);
    const changed = log.map((e, i) => (i === 1 ? { ...e, patches: [] } : e));
    expect(verifyAuditLog(changed)).toMatchObject({ ok: false, index: 1, reason: "edited" });
    const marked = log.map((e, i) => (i === 1 ? { ...e, patches: [], redactedBy: "nobody" } : e));
    expect(verifyAuditLog(marked)).toMatchObject({
      ok: false,
      index: 1,
      reason: "unrecorded-redaction",
    });
    // The recording entry must list the redacted entry's seq.
    expect(verifyAuditLog(redactedLog([2]))).toMatchObject({
      ok: false,
      index: 1,
      reason: "unrecorded-redaction",
    });
    // A redactedBy that is not text is an edit.
    const odd = log.map((e, i) => (i === 1 ? { ...e, redactedBy: 7 as never } : e));
    expect(verifyAuditLog(odd)).toMatchObject({ ok: false, index: 1, reason: "edited" });
  });

  it("finds an edit of a redacted entry's other fields, and of the recording entry", () => {
    const log = redactedLog();
    const actor = log.map((e, i) => (i === 1 ? { ...e, actor: "someone-else" } : e));
    expect(verifyAuditLog(actor)).toMatchObject({ ok: false, index: 1, reason: "edited" });
    const digest = log.map((e, i) => (i === 1 ? { ...e, patchesDigest: "0".repeat(64) } : e));
    expect(verifyAuditLog(digest)).toMatchObject({ ok: false, index: 1, reason: "edited" });
    const list = log.map((e, i) => (i === 5 ? { ...e, redacts: [2, 4, 5] } : e));
    expect(verifyAuditLog(list)).toMatchObject({ ok: false, index: 5, reason: "edited" });
  });

  it("still verifies a log chained before digests, whose entries cannot be redacted", () => {
    const log = legacy(4);
    expect(verifyAuditLog(log)).toEqual({ ok: true, count: 4, head: log[3]!.hash, redacted: 0 });
    expect(auditEntryHash(log[2]!, log[2]!.prevHash)).toBe(log[2]!.hash);
    const edited = log.map((e, i) => (i === 2 ? { ...e, patches: [] } : e));
    expect(verifyAuditLog(edited)).toMatchObject({ ok: false, index: 2, reason: "edited" });
    const marked = log.map((e, i) => (i === 2 ? { ...e, redactedBy: "x" } : e));
    expect(verifyAuditLog(marked)).toMatchObject({ ok: false, index: 2, reason: "edited" });
    const error = thrown(() => redactAuditEntry(log[2]!, { seq: 3, patches: [], redactedBy: "x" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/补丁摘要之前/);
    // A log continued after the upgrade: old entries verify the old way, new ones the new way.
    const more = chainAuditEntries(log[3]!.hash, [entry(7)]).linked.map((e) => ({ ...e, seq: 5 }));
    expect(verifyAuditLog([...log, ...more])).toMatchObject({ ok: true, count: 5 });
  });

  it("refuses a redaction of another seq, or a malformed one", () => {
    const [e] = stored(1);
    for (const bad of [
      { seq: 2, patches: [], redactedBy: "x" },
      { seq: 1, patches: "no", redactedBy: "x" },
      { seq: 1, patches: [], redactedBy: "" },
      null,
    ]) {
      expect(thrown(() => redactAuditEntry(e!, bad as never))).toBeInstanceOf(ValidationError);
    }
  });
});
