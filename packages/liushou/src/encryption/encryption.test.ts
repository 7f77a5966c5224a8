import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  idCheckDigit,
  StorageError,
  ValidationError,
  type ChildFile,
  type StorageAdapter,
} from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { createMemoryStorage } from "@liushou/storage-memory";
import { createSqliteStorage } from "@liushou/storage-sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { createLiushou } from "../create";
import { createKeyring } from "./keyring";
import { encryptFields } from "./storage";
import { encrypted, INDEX_KEY, testKey } from "./test-keys.test-helper";

const at = "2026-03-20T18:00:00+08:00" as const;
const clock = () => at;
const pop = generatePopulation({ preset: "class", seed: 7 });
const files = pop.files as ChildFile[];

/** The identifying values of the population: ID numbers, mobiles, addresses. */
function secrets(): string[] {
  const out = new Set<string>();
  for (const f of files) {
    if (f.child.idNumber) out.add(f.child.idNumber);
    if (f.child.address) out.add(f.child.address);
    for (const p of [...f.guardians, ...f.parents]) if (p.phone) out.add(p.phone);
  }
  return [...out];
}

async function stored(adapter: StorageAdapter): Promise<ChildFile[]> {
  const out: ChildFile[] = [];
  for await (const r of adapter.files.stream({})) out.push(r.value);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "liushou-encryption-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("encryptFields on a SQLite file", () => {
  it("leaves no ID number, mobile or address in clear in the database, its history or its audit log", async () => {
    const filename = join(dir, "county.db");
    const storage = encrypted(await createSqliteStorage({ filename }));
    const app = createLiushou({ storage, actor: "admin", clock });
    await app.importFiles(files);
    const target = files.find((f) => f.child.idNumber)!;
    const newAddress = "测试村9组99号（新）";
    await app.updateFile(target.id, (d) => void (d.child.address = newAddress), {
      reason: "搬家",
    });
    // What the host reads from the adapter is in clear and equal to what it wrote.
    expect((await storage.files.get(target.id))!.value.child.address).toBe(newAddress);
    expect((await storage.files.get(target.id))!.value.child.idNumber).toBe(target.child.idNumber);
    const history = await storage.fileChanges.list(target.id);
    expect(history.at(-1)!.patches).toContainEqual(
      expect.objectContaining({ path: ["child", "address"], value: newAddress }),
    );
    expect((await app.verifyAuditLog()).ok).toBe(true);
    await storage.close!();

    const bytes = [filename, `${filename}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString("utf8"))
      .join("\n");
    const all = [...secrets(), newAddress];
    expect(all.length).toBeGreaterThan(30);
    for (const s of all) expect(bytes.includes(s), s.slice(0, 2)).toBe(false);
    // The file is not empty of children: their names are stored, only the named fields are sealed.
    expect(bytes.includes(target.child.name)).toBe(true);
  });

  it("reopens the file with the keys and reads every file back as imported", async () => {
    const filename = join(dir, "reopen.db");
    const first = encrypted(await createSqliteStorage({ filename }));
    await first.files.upsertMany(files, { at });
    await first.close!();
    const again = encrypted(await createSqliteStorage({ filename }));
    expect(await stored(again)).toEqual(files);
    await again.close!();
  });
});

describe("encryptFields: tampering and wrong keys", () => {
  const withId = files.find((f) => f.child.idNumber)!;

  it("a wrong key fails with a StorageError naming decrypt, never garbage", async () => {
    const raw = createMemoryStorage();
    await encrypted(raw).files.upsertMany([withId], { at });
    const wrong = encrypted(raw, [testKey("k1", 99)]);
    const error = await wrong.files.get(withId.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ operation: "decrypt" });
    expect(String((error as Error).cause)).toMatch(/integrity check/);
  });

  it("a key that is not supplied fails clearly", async () => {
    const raw = createMemoryStorage();
    await encrypted(raw, [testKey("old")]).files.upsertMany([withId], { at });
    const error = await encrypted(raw, [testKey("new")])
      .files.get(withId.id)
      .catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(String(error.cause)).toMatch(/no key "old"/);
  });

  it("a changed ciphertext, or one moved to another field, fails its integrity check", async () => {
    const raw = createMemoryStorage();
    const storage = encrypted(raw);
    await storage.files.upsertMany([withId], { at });
    const r = (await raw.files.get(withId.id))!;
    const sealed = (r.value.child as unknown as { $sealed: Record<string, string> }).$sealed;
    const flipped =
      sealed.idNumber!.slice(0, -2) +
      (sealed.idNumber!.at(-2) === "A" ? "B" : "A") +
      sealed.idNumber!.slice(-1);
    expect(flipped).not.toBe(sealed.idNumber);
    for (const $sealed of [
      { ...sealed, idNumber: flipped },
      { ...sealed, address: sealed.idNumber! },
      { ...sealed, idNumber: "lse1.k1.AAAA" },
    ]) {
      const value = { ...r.value, child: { ...r.value.child, $sealed } };
      const current = (await raw.files.get(withId.id))!;
      await raw.files.put(value, { expectedVersion: current.version, at });
      await expect(storage.files.get(withId.id)).rejects.toBeInstanceOf(StorageError);
    }
  });

  it("refuses malformed keys and options with a ValidationError", () => {
    const raw = createMemoryStorage();
    const cases: unknown[] = [
      undefined,
      { keys: [], indexKey: INDEX_KEY },
      { keys: [{ id: "k1", key: new Uint8Array(16) }], indexKey: INDEX_KEY },
      { keys: [testKey("k 1")], indexKey: INDEX_KEY },
      { keys: [testKey("k1"), testKey("k1")], indexKey: INDEX_KEY },
      { keys: [testKey("k1")], current: "k2", indexKey: INDEX_KEY },
      { keys: [testKey("k1")], indexKey: new Uint8Array(8) },
      { keys: [{ id: "k1", key: "secret" }], indexKey: INDEX_KEY },
    ];
    for (const options of cases) {
      expect(() => encryptFields(raw, options as never)).toThrow(ValidationError);
    }
    expect(() =>
      encryptFields(undefined as never, { keys: [testKey("k1")], indexKey: INDEX_KEY }),
    ).toThrow(ValidationError);
  });

  it("accepts Web Crypto keys and refuses one of the wrong kind", async () => {
    const aes = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, [
      "encrypt",
      "decrypt",
    ]);
    const hmac = await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    const storage = encryptFields(createMemoryStorage(), {
      keys: [{ id: "vault", key: aes }],
      indexKey: hmac,
    });
    await storage.files.upsertMany([withId], { at });
    expect((await storage.files.get(withId.id))!.value).toEqual(withId);
    expect(() =>
      encryptFields(createMemoryStorage(), { keys: [{ id: "vault", key: hmac }], indexKey: hmac }),
    ).toThrow(ValidationError);
  });

  it("refuses a value that already holds the reserved $sealed key", async () => {
    const storage = encrypted(createMemoryStorage());
    const bad = { ...withId, child: { ...withId.child, $sealed: {} } } as unknown as ChildFile;
    await expect(storage.files.put(bad, { expectedVersion: null, at })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe("encryptFields: nonces", () => {
  it("seals the same value with a fresh random 96-bit nonce every time", async () => {
    const ring = createKeyring({ keys: [testKey("k1")], indexKey: INDEX_KEY }, "memory");
    const envelopes = await Promise.all(
      Array.from({ length: 2000 }, () => ring.seal("110105194912310021", "idNumber")),
    );
    expect(new Set(envelopes).size).toBe(envelopes.length);
    const nonces = envelopes.map((e) => e.split(".")[2]!.slice(0, 16));
    expect(new Set(nonces).size).toBe(envelopes.length);
    expect(await ring.open(envelopes[0]!, "idNumber")).toBe("110105194912310021");
  });
});

describe("encryptFields: rotation and lookups", () => {
  const phoneOf = (f: ChildFile) => f.guardians.find((g) => g.phone)?.phone;

  it("re-seals everything under the new key, after which the old key can be dropped", async () => {
    const raw = createMemoryStorage();
    await encrypted(raw, [testKey("k1")]).files.upsertMany(files, { at });
    const both = encrypted(raw, [testKey("k1"), testKey("k2")], "k2");
    const progress: number[] = [];
    const result = await both.rotate({
      at,
      batchSize: 7,
      onProgress: (_k, done) => progress.push(done),
    });
    expect(result).toEqual({ resealed: files.length, byKind: { files: files.length } });
    expect(progress.at(-1)).toBe(files.length);
    expect(JSON.stringify(await stored(raw))).not.toMatch(/lse1\.k1\./);
    // Nothing left to do: a second run re-seals nothing.
    expect((await both.rotate({ at })).resealed).toBe(0);

    const onlyNew = encrypted(raw, [testKey("k2")]);
    expect(await stored(onlyNew)).toEqual(files);
    const withId = files.find((f) => f.child.idNumber)!;
    const found = await onlyNew.findFilesByIdNumber(` ${withId.child.idNumber!.toLowerCase()} `);
    expect(found.map((r) => r.value)).toEqual([withId]);
    expect(await onlyNew.findFilesByIdNumber("110105194912310021")).toEqual([]);
    await expect(onlyNew.findFilesByIdNumber(42 as never)).rejects.toBeInstanceOf(ValidationError);
    const withPhone = files.find(phoneOf)!;
    const people = await onlyNew.guardians.query({ phone: phoneOf(withPhone)! });
    expect(people.items.map((p) => p.fileId)).toContain(withPhone.id);
    expect(people.items.every((p) => p.value.phone === phoneOf(withPhone))).toBe(true);
  });

  it("seals data written before encryption was turned on, and reads it meanwhile", async () => {
    const raw = createMemoryStorage();
    await raw.files.upsertMany(files, { at });
    const storage = encrypted(raw);
    expect(await stored(storage)).toEqual(files);
    expect((await storage.rotate({ at })).resealed).toBe(files.length);
    const json = JSON.stringify(await stored(raw));
    for (const s of secrets()) expect(json.includes(s)).toBe(false);
    expect(await stored(storage)).toEqual(files);
  });

  it("refuses bad rotation options", async () => {
    const storage = encrypted(createMemoryStorage());
    await expect(storage.rotate({ at: "yesterday" as never })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(storage.rotate({ at, batchSize: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("encryptFields with createLiushou", () => {
  it("serves the use cases: import, masked reads, reveal, history, audit", async () => {
    const storage = encrypted(createMemoryStorage());
    const admin = createLiushou({ storage, actor: "admin", clock });
    expect(await admin.importFiles(files)).toMatchObject({ created: files.length });
    expect(await admin.importFiles(files)).toMatchObject({ unchanged: files.length });
    const withId = files.find((f) => f.child.idNumber)!;
    const first17 = `110105${withId.child.birthDate.replace(/-/g, "")}002`;
    const newId = first17 + idCheckDigit(first17);
    await admin.updateFile(withId.id, (d) => void (d.child.idNumber = newId), {
      reason: "更正身份证号",
    });
    const [last] = (await storage.fileChanges.list(withId.id)).slice(-1);
    expect(last!.patches).toContainEqual({
      op: "replace",
      path: ["child", "idNumber"],
      value: newId,
    });
    // The audit log is read as stored: the patch is sealed, and openAuditEntry shows it.
    const entries = (await storage.audit.query({ entityId: withId.id })).items;
    const update = entries.find((e) => e.operation === "update")!;
    expect(JSON.stringify(update)).not.toContain(newId);
    expect(JSON.stringify(await storage.openAuditEntry(update))).toContain(newId);
    expect((await admin.verifyAuditLog()).ok).toBe(true);
  });
});
