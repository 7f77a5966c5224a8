import { invalidArgument, text } from "@liushou/core";
import iconv from "iconv-lite";

/** The text encodings a roster CSV is read in. @category Roster */
export type RosterEncoding = "utf-8" | "gbk";

/**
 * Decodes CSV bytes: a UTF-8 byte order mark is dropped; bytes that are not valid UTF-8 are read
 * as GBK (GB18030, what Excel on a Chinese Windows saves), unless `encoding` says which; a
 * `ValidationError` when `encoding` is `utf-8` and the bytes are not.
 * @internal
 */
export function decodeText(
  bytes: Uint8Array,
  encoding?: RosterEncoding,
): { text: string; encoding: RosterEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === "gbk") return { text: iconv.decode(Buffer.from(body), "gb18030"), encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    if (encoding !== "utf-8") {
      return { text: iconv.decode(Buffer.from(body), "gb18030"), encoding: "gbk" };
    }
    throw invalidArgument(
      "bytes",
      "invalid_format",
      text(
        "不是有效的 UTF-8 文本（若为 GBK 编码，请将 encoding 设为 gbk 或不设）",
        "not valid UTF-8 text (for GBK, set encoding to gbk or leave it out)",
      ),
      undefined,
    );
  }
}
