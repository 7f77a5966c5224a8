import { invalidArgument, normalizeMobile, requireObject, StorageError, text } from "@liushou/core";

/**
 * A Web Crypto `CryptoKey` (from `crypto.subtle.importKey` or `generateKey`), described by the
 * parts Liushou reads, so the types need no DOM library.
 * @example
 * const key: WebCryptoKey = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
 * @category Privacy
 */
export interface WebCryptoKey {
  readonly type: string;
  readonly algorithm: { readonly name: string; readonly length?: number };
  readonly usages: readonly string[];
}

type Subtle = typeof globalThis.crypto.subtle;
type NativeKey = Parameters<Subtle["encrypt"]>[1];

/**
 * One AES-256-GCM key of a key ring: its id (recorded in every value it seals) and the key, as
 * 32 raw bytes or a Web Crypto `CryptoKey` for `AES-GCM` that may encrypt and decrypt.
 * @example
 * const key: FieldEncryptionKey = { id: "2026-03", key: crypto.getRandomValues(new Uint8Array(32)) };
 * @category Privacy
 */
export interface FieldEncryptionKey {
  /** 1–32 letters, digits, `_` or `-`. */
  readonly id: string;
  readonly key: Uint8Array | WebCryptoKey;
}

/**
 * The keys of field-level encryption, supplied by the host (never stored in the database).
 * @example
 * const options: FieldEncryptionOptions = { keys: [oldKey, newKey], current: newKey.id, indexKey };
 * @category Privacy
 */
export interface FieldEncryptionOptions {
  /** Every key that may have sealed a stored value; old ones are kept until `rotate` has run. */
  readonly keys: readonly FieldEncryptionKey[];
  /** The id of the key new values are sealed with. Default: the last of `keys`. */
  readonly current?: string;
  /**
   * The HMAC-SHA-256 key of the lookup index (ID and mobile numbers): at least 32 raw bytes or
   * a `CryptoKey` for `HMAC` that may sign. Keep it apart from the encryption keys.
   */
  readonly indexKey: Uint8Array | WebCryptoKey;
}

/** Marks a sealed value: `lse1.<key id>.<base64url of nonce ‖ ciphertext ‖ tag>`. */
export const ENVELOPE_PREFIX = "lse1.";
/** Marks a lookup token: `lsh1.<base64url of 16 bytes of HMAC-SHA-256>` (27 characters). */
export const TOKEN_PREFIX = "lsh1.";

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN_BYTES = 16;

/** Seals and opens field values, and computes lookup tokens, with the host's keys. @internal */
export interface Keyring {
  readonly current: string;
  seal(clear: string, field: string): Promise<string>;
  open(envelope: string, field: string): Promise<string>;
  token(field: string, value: string): Promise<string>;
}

function subtle(): Subtle {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("Web Crypto (globalThis.crypto.subtle) is not available");
  return s;
}

function bad(path: string, zh: string, en: string, value: unknown) {
  return invalidArgument(path, "invalid_value", text(zh, en), value);
}

const isCryptoKey = (k: unknown): k is WebCryptoKey => {
  const Native = (globalThis as { CryptoKey?: abstract new () => unknown }).CryptoKey;
  return Native !== undefined && k instanceof Native;
};

function checkAesKey(key: unknown, path: string): Uint8Array | WebCryptoKey {
  if (isCryptoKey(key)) {
    const alg = key.algorithm;
    if (alg.name !== "AES-GCM" || alg.length !== 256) {
      throw bad(path, "应为 AES-GCM 256 位密钥", "expected an AES-GCM key of 256 bits", alg.name);
    }
    if (!key.usages.includes("encrypt") || !key.usages.includes("decrypt")) {
      throw bad(path, "密钥须可加密和解密", "the key must allow encrypt and decrypt", key.usages);
    }
    return key;
  }
  if (!(key instanceof Uint8Array) || key.byteLength !== 32) {
    throw bad(path, "应为 32 字节的密钥", "expected a key of 32 raw bytes", typeof key);
  }
  return key;
}

function checkIndexKey(key: unknown): Uint8Array | WebCryptoKey {
  if (isCryptoKey(key)) {
    if (key.algorithm.name !== "HMAC" || !key.usages.includes("sign")) {
      throw bad(
        "indexKey",
        "应为可签名的 HMAC 密钥",
        "expected an HMAC key that may sign",
        key.algorithm.name,
      );
    }
    return key;
  }
  if (!(key instanceof Uint8Array) || key.byteLength < 32) {
    throw bad(
      "indexKey",
      "应为至少 32 字节的密钥",
      "expected a key of at least 32 raw bytes",
      typeof key,
    );
  }
  return key;
}

/** A copy of the raw bytes the host gave, so a later change of its array changes nothing. */
const own = (k: Uint8Array | WebCryptoKey) => (k instanceof Uint8Array ? Uint8Array.from(k) : k);

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return undefined;
  const s = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The key id a sealed value names, or `undefined` for anything that is not an envelope. */
export function envelopeKeyId(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith(ENVELOPE_PREFIX)) return undefined;
  const end = value.indexOf(".", ENVELOPE_PREFIX.length);
  return end < 0 ? undefined : value.slice(ENVELOPE_PREFIX.length, end);
}

/** The normal form of a looked-up value: ID numbers without spaces, upper case; mobiles as 11 digits. */
function normalise(field: string, value: string): string {
  if (field === "phone") return normalizeMobile(value) ?? value.replace(/[\s-]/g, "");
  return value.replace(/\s/g, "").toUpperCase();
}

/**
 * Checks the options and prepares the keys (imported on first use, once).
 * @throws ValidationError for missing, malformed or duplicate keys.
 */
export function createKeyring(options: FieldEncryptionOptions, adapterId: string): Keyring {
  requireObject(options, "options");
  if (!Array.isArray(options.keys) || options.keys.length === 0) {
    throw bad("keys", "应为至少一个密钥", "expected at least one key", options.keys);
  }
  const raw = new Map<string, Uint8Array | WebCryptoKey>();
  options.keys.forEach((k: FieldEncryptionKey, i) => {
    if (typeof k !== "object" || k === null || typeof k.id !== "string" || !KEY_ID.test(k.id)) {
      throw bad(
        `keys[${i}].id`,
        "密钥编号应为 1–32 个字母、数字、_ 或 -",
        "a key id is 1–32 letters, digits, _ or -",
        k?.id,
      );
    }
    if (raw.has(k.id)) throw bad(`keys[${i}].id`, "密钥编号重复", "duplicate key id", k.id);
    raw.set(k.id, own(checkAesKey(k.key, `keys[${i}].key`)));
  });
  const current = options.current ?? options.keys[options.keys.length - 1]!.id;
  if (!raw.has(current))
    throw bad(
      "current",
      "当前密钥不在密钥列表中",
      "the current key is not among the keys",
      current,
    );
  const indexRaw = own(checkIndexKey(options.indexKey));

  const imported = new Map<string, Promise<NativeKey>>();
  const aes = (id: string): Promise<NativeKey> | undefined => {
    const k = raw.get(id);
    if (k === undefined) return undefined;
    let p = imported.get(id);
    if (!p) {
      p = isCryptoKey(k)
        ? Promise.resolve(k as NativeKey)
        : subtle().importKey("raw", k as Uint8Array<ArrayBuffer>, "AES-GCM", false, [
            "encrypt",
            "decrypt",
          ]);
      imported.set(id, p);
    }
    return p;
  };
  let hmac: Promise<NativeKey> | undefined;
  const indexKey = () =>
    (hmac ??= isCryptoKey(indexRaw)
      ? Promise.resolve(indexRaw as NativeKey)
      : subtle().importKey(
          "raw",
          indexRaw as Uint8Array<ArrayBuffer>,
          { name: "HMAC", hash: "SHA-256" },
          false,
          ["sign"],
        ));
  const encoder = new TextEncoder();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const broken = (reason: string) =>
    new StorageError(adapterId, "decrypt", { cause: new Error(reason) });

  return {
    current,
    async seal(clear, field) {
      const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
      const sealed = await subtle().encrypt(
        { name: "AES-GCM", iv: nonce, additionalData: encoder.encode(field) },
        (await aes(current))!,
        // As JSON text: a lone surrogate is escaped, so every string round-trips exactly.
        encoder.encode(JSON.stringify(clear)),
      );
      const out = new Uint8Array(NONCE_BYTES + sealed.byteLength);
      out.set(nonce);
      out.set(new Uint8Array(sealed), NONCE_BYTES);
      return `${ENVELOPE_PREFIX}${current}.${toBase64Url(out)}`;
    },
    async open(envelope, field) {
      const id = envelopeKeyId(envelope);
      if (id === undefined) throw broken(`a sealed ${field} is not an encrypted value`);
      const key = aes(id);
      if (key === undefined)
        throw broken(`no key "${id}" to open a sealed ${field}: supply it in keys`);
      const bytes = fromBase64Url(envelope.slice(ENVELOPE_PREFIX.length + id.length + 1));
      if (!bytes || bytes.byteLength < NONCE_BYTES + TAG_BYTES) {
        throw broken(`a sealed ${field} is truncated or malformed`);
      }
      let clear: ArrayBuffer;
      try {
        clear = await subtle().decrypt(
          {
            name: "AES-GCM",
            iv: bytes.subarray(0, NONCE_BYTES),
            additionalData: encoder.encode(field),
          },
          await key,
          bytes.subarray(NONCE_BYTES),
        );
      } catch (e) {
        throw new StorageError(adapterId, "decrypt", {
          cause: new Error(
            `a sealed ${field} failed its integrity check (changed, moved, or key "${id}" is wrong)`,
            { cause: e },
          ),
        });
      }
      let value: unknown;
      try {
        value = JSON.parse(decoder.decode(clear));
      } catch (e) {
        throw new StorageError(adapterId, "decrypt", { cause: e });
      }
      if (typeof value !== "string") throw broken(`a sealed ${field} is not a text`);
      return value;
    },
    async token(field, value) {
      const mac = await subtle().sign(
        "HMAC",
        await indexKey(),
        encoder.encode(`${field}\u0000${normalise(field, value)}`),
      );
      return `${TOKEN_PREFIX}${toBase64Url(new Uint8Array(mac, 0, TOKEN_BYTES))}`;
    },
  };
}
