/**
 * Reading contact records for the compliance data, one at a time: each field of a plain record
 * read once, checked as `ContactRecordSchema` checks it, and kept in the reader's own fields, so
 * reading a county's 1.5 million records allocates nothing. A record it cannot vouch for is
 * left to zod, whose output the reader then takes, so errors stay zod's.
 * @module
 */
import { isId, isPlainObject } from "../_lib/shape";
import { MAX_ADDRESS_LENGTH, MAX_IDS_PER_RECORD, MAX_TEXT_LENGTH } from "../model/limits";
import type { ContactRecord } from "../model/records";
import { instantMsOrNaN } from "../time/instant-ms";
import { isInstant } from "../time/zone";
import { CONTACT_KIND_CODE, INITIATOR_CODE } from "./codes";

const MENTOR_INITIATED = INITIATOR_CODE.get("mentor")!;

/** Whether a value is left out or passes `check`. */
function optional(v: unknown, check: (v: unknown) => boolean): boolean {
  return v === undefined || check(v);
}

/** A text of at most `max` characters, or left out. */
function optionalText(v: unknown, max: number): boolean {
  return v === undefined || (typeof v === "string" && v.length <= max);
}

/**
 * The fields of the last record read that the compliance data keeps: its id, the milliseconds
 * of `at`, kind and initiator codes, mentor id, and the first `childCount` of `childIds`.
 * @internal
 */
export class RecordReader {
  id = "";
  ms = 0;
  kind = 0;
  initiator = 0;
  mentorId: string | undefined = undefined;
  /** The record's child ids: the first {@link RecordReader.childCount} entries. */
  readonly childIds: string[] = [];
  childCount = 0;
  private readonly seen = new Set<string>();

  /**
   * Reads a plain record (an object with the object prototype) that certainly passes
   * `ContactRecordSchema`; `false`, with the reader's fields meaningless, when zod must decide.
   * Unknown keys are ignored, as the schema drops them.
   */
  read(raw: unknown): boolean {
    if (!isPlainObject(raw)) return false;
    const id = raw.id;
    const kind = raw.kind;
    const at = raw.at;
    const childIds = raw.childIds;
    const mentorId = raw.mentorId;
    const initiator = raw.initiator;
    const minutes = raw.durationMinutes;
    if (!isId(id) || typeof kind !== "string" || !Array.isArray(childIds)) return false;
    const kindCode = CONTACT_KIND_CODE.get(kind);
    const initiatorCode =
      initiator === undefined
        ? MENTOR_INITIATED
        : typeof initiator === "string"
          ? INITIATOR_CODE.get(initiator)
          : undefined;
    const ms = instantMsOrNaN(at);
    if (kindCode === undefined || initiatorCode === undefined || ms !== ms) return false;
    if (!optional(mentorId, isId) || !optional(raw.parentId, isId)) return false;
    if (!optional(raw.resourceId, isId) || !optional(raw.recordedAt, isInstant)) return false;
    if (!(minutes === undefined || (Number.isSafeInteger(minutes) && (minutes as number) > 0)))
      return false;
    if (!optionalText(raw.place, MAX_ADDRESS_LENGTH)) return false;
    if (!optionalText(raw.summary, MAX_TEXT_LENGTH)) return false;
    if (!optionalText(raw.followUp, MAX_TEXT_LENGTH)) return false;
    if (!this.readChildIds(childIds)) return false;
    this.id = id;
    this.ms = ms;
    this.kind = kindCode;
    this.initiator = initiatorCode;
    this.mentorId = mentorId as string | undefined;
    return true;
  }

  /** Takes a record zod has parsed. */
  take(r: ContactRecord): void {
    this.id = r.id;
    this.ms = Date.parse(r.at);
    this.kind = CONTACT_KIND_CODE.get(r.kind)!;
    this.initiator = INITIATOR_CODE.get(r.initiator)!;
    this.mentorId = r.mentorId;
    for (let k = 0; k < r.childIds.length; k++) this.childIds[k] = r.childIds[k]!;
    this.childCount = r.childIds.length;
  }

  /** Copies 1 to `MAX_IDS_PER_RECORD` distinct ids, each read once; `false` otherwise. */
  private readChildIds(list: readonly unknown[]): boolean {
    const n = list.length;
    if (n === 0 || n > MAX_IDS_PER_RECORD) return false;
    const out = this.childIds;
    for (let k = 0; k < n; k++) {
      const id = list[k];
      if (!isId(id)) return false;
      out[k] = id;
    }
    this.childCount = n;
    if (n <= 16) {
      for (let k = 1; k < n; k++) for (let j = 0; j < k; j++) if (out[k] === out[j]) return false;
      return true;
    }
    const seen = this.seen;
    seen.clear();
    for (let k = 0; k < n; k++) seen.add(out[k]!);
    return seen.size === n;
  }
}
