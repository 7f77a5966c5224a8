import { text, validate, type Locale } from "@liushou/core";
import * as z from "zod";
import { requireString } from "../_lib/guard";
import { SensitiveFieldSchema } from "../model/schema";
import type { PrivacyNotice, SensitiveField } from "../model/types";

/**
 * Every sensitive field, in the order reports list them.
 * @example
 * SENSITIVE_FIELDS.length //=> 4
 * @category Privacy
 */
export const SENSITIVE_FIELDS: readonly SensitiveField[] = Object.freeze([
  "idNumber",
  "phone",
  "address",
  "health",
]);

/**
 * Masks a resident ID number: the first 6 characters (the region) and the last 4 stay.
 * @param value - The ID number.
 * @returns The masked number; a value too short to mask becomes all stars.
 * @example
 * maskIdNumber("430102201503021234") //=> "430102********1234"
 * @category Privacy
 */
export function maskIdNumber(value: string): string {
  requireString(value, "value");
  if (value.length <= 10) return "*".repeat(value.length);
  return value.slice(0, 6) + "*".repeat(value.length - 10) + value.slice(-4);
}

/**
 * Masks a phone number: the middle four digits of a mobile number are hidden.
 * @param value - The number (11 digits for a mobile; other lengths keep the first 3 and last 4).
 * @returns The masked number.
 * @example
 * maskPhone("13800138000") //=> "138****8000"
 * @category Privacy
 */
export function maskPhone(value: string): string {
  requireString(value, "value");
  if (value.length <= 7) return "*".repeat(value.length);
  return value.slice(0, 3) + "*".repeat(value.length - 7) + value.slice(-4);
}

const VILLAGE = /^(.*?(?:村民委员会|居民委员会|村委会|居委会|社区|嘎查|村))/u;
const TOWNSHIP = /^(.*?(?:街道|镇|乡))/u;

/**
 * Cuts an address to its village (or community): what follows the first 村, 社区, 居委会 or
 * 嘎查 is hidden; without one, what follows the township (镇, 乡, 街道); without either, all.
 * @param value - The address.
 * @returns The address to village level, with `***` for the rest.
 * @example
 * maskAddress("青山镇石桥村3组12号") //=> "青山镇石桥村***"
 * @category Privacy
 */
export function maskAddress(value: string): string {
  requireString(value, "value");
  const kept = VILLAGE.exec(value)?.[1] ?? TOWNSHIP.exec(value)?.[1];
  if (kept === undefined) return value === "" ? "" : "***";
  return kept.length === value.length ? kept : `${kept}***`;
}

/**
 * What a health note prints as when hidden.
 * @example
 * HIDDEN_TEXT.en //=> "(hidden)"
 * @category Privacy
 */
export const HIDDEN_TEXT: Readonly<Record<Locale, string>> = Object.freeze({
  "zh-CN": "（已隐去）",
  en: "(hidden)",
});

const RevealSchema = z.array(SensitiveFieldSchema);

const ID_IN_TEXT = /\d{17}[\dXx]/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * Masks the ID numbers and mobile numbers written inside a free text — a student number
 * (学籍号) is often `G` followed by the ID number, and a visit note may quote a phone.
 * @param value - Any text.
 * @param reveal - Fields shown in full (`idNumber`, `phone`).
 * @returns The text with embedded numbers masked.
 * @example
 * maskEmbedded("G43010220150302123X") //=> "G430102********123X"
 * maskEmbedded("请拨 13800138000") //=> "请拨 138****8000"
 * @category Privacy
 */
export function maskEmbedded(value: string, reveal: readonly SensitiveField[] = []): string {
  requireString(value, "value");
  validate(RevealSchema, reveal, { path: ["reveal"] });
  let out = value;
  if (!reveal.includes("idNumber")) out = out.replace(ID_IN_TEXT, maskIdNumber);
  if (!reveal.includes("phone")) out = out.replace(MOBILE_IN_TEXT, maskPhone);
  return out;
}

/**
 * Masks sensitive values for one report: each function returns the value masked, or as it is
 * when the caller named its field in `reveal`. `notice` is what the report records.
 * @example
 * const m: Masker = createMasker([], "zh-CN");
 * m.address("青山村3组12号") //=> "青山村***"
 * @category Privacy
 */
export interface Masker {
  idNumber(value: string | undefined): string;
  phone(value: string | undefined): string;
  address(value: string | undefined): string;
  health(value: string | undefined): string;
  /** Free text (a student number, a note): ID and mobile numbers inside it masked. */
  text(value: string | undefined): string;
  readonly notice: PrivacyNotice;
}

/**
 * Makes the masker of a report: masking by default, a field shown in full only when named.
 * @param reveal - The fields to print in full.
 * @param locale - Language of the hidden-note text.
 * @returns The masker and the privacy notice to put on the report.
 * @example
 * const m = createMasker(["phone"], "zh-CN");
 * m.phone("13800138000") //=> "13800138000"
 * m.idNumber("430102201503021234") //=> "430102********1234"
 * m.notice //=> { masked: ["idNumber", "address", "health"], revealed: ["phone"] }
 * @category Privacy
 */
export function createMasker(reveal: readonly SensitiveField[], locale: Locale): Masker {
  validate(z.tuple([RevealSchema, z.enum(["zh-CN", "en"])]), [reveal, locale], {
    subject: text("遮蔽选项", "masking options"),
  });
  const shown = new Set(reveal);
  const wrap =
    (field: SensitiveField, mask: (v: string) => string) =>
    (value: string | undefined): string =>
      value === undefined || value === "" ? "" : shown.has(field) ? value : mask(value);
  return {
    idNumber: wrap("idNumber", maskIdNumber),
    phone: wrap("phone", maskPhone),
    address: wrap("address", maskAddress),
    health: wrap("health", () => HIDDEN_TEXT[locale]),
    text: (value) => (value === undefined ? "" : maskEmbedded(value, reveal)),
    notice: {
      masked: SENSITIVE_FIELDS.filter((f) => !shown.has(f)),
      revealed: SENSITIVE_FIELDS.filter((f) => shown.has(f)),
    },
  };
}
