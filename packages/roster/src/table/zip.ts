import { text } from "@liushou/core";
import { MAX_ROSTER_UNPACKED_BYTES, tooBig, unreadable } from "./limits";

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** End-of-directory record: 22 bytes plus a comment of at most 65,535. */
const END_RECORD = 22;
const MAX_COMMENT = 0xffff;

/**
 * The total size the entries of a ZIP archive declare once unpacked, read from its central
 * directory without unpacking anything. Throws a `ValidationError` for a damaged archive or a
 * ZIP64 one (no roster needs it) and when the total exceeds {@link MAX_ROSTER_UNPACKED_BYTES}.
 * @internal
 */
export function checkUnpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  const lowest = Math.max(0, bytes.length - END_RECORD - MAX_COMMENT);
  for (let i = bytes.length - END_RECORD; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable("no ZIP directory");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw unreadable("damaged ZIP directory");
    }
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) throw unreadable("ZIP64 archive");
    total += size;
    if (total > MAX_ROSTER_UNPACKED_BYTES) {
      throw tooBig(text("解压后字节数", "unpacked bytes"), MAX_ROSTER_UNPACKED_BYTES, total);
    }
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return total;
}
