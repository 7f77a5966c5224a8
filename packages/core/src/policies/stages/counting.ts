/**
 * Stage 3 of a compliance evaluation, what was done: the records of a subject that count for
 * a window (kind, initiator, day in scope, not after `asOf`, the pairing's own mentor), counted
 * as contacts, distinct days or distinct children, and collected on the row.
 * @module
 */
import {
  ACTIVITY_KIND_CODE,
  CONTACT_KIND_CODE,
  FAR_PAST,
  INITIATOR_CODE,
  NO_INITIATOR,
  type ComplianceData,
} from "../data";
import type { PushedPolicyCounts } from "../pushed-counts";
import type { Policy } from "../schema";
import type { RowTable } from "../table";
import { coversWhole, inRanges } from "./ranges";
import type { Subject } from "./subjects";
import type { BucketOfDay, Window } from "./windows";

/** What a policy counts, compiled to lookup tables. @internal */
export interface CountRule {
  /** By event code (`kind << 8 | initiator`, the `code` of an index): whether it counts. */
  readonly ok: Uint8Array;
  readonly unit: Policy["counts"]["unit"];
  /** Only records by the pairing's mentor (or, at child level, a mentor paired on that day). */
  readonly byPairedMentor: boolean;
}

/** The {@link CountRule} of a policy. @internal */
export function countRule(policy: Policy): CountRule {
  const kindOk = new Uint8Array(32);
  for (const k of policy.counts.contactKinds) kindOk[CONTACT_KIND_CODE.get(k)!] = 1;
  for (const k of policy.counts.activityKinds) kindOk[ACTIVITY_KIND_CODE.get(k)!] = 1;
  const initiatorOk = new Uint8Array(256).fill(policy.counts.initiators ? 0 : 1);
  initiatorOk[NO_INITIATOR] = 1;
  for (const k of policy.counts.initiators ?? []) initiatorOk[INITIATOR_CODE.get(k)!] = 1;
  const ok = new Uint8Array(32 * 256);
  for (let k = 0; k < 32; k++)
    if (kindOk[k]) for (let i = 0; i < 256; i++) ok[(k << 8) | i] = initiatorOk[i]!;
  return { ok, unit: policy.counts.unit, byPairedMentor: policy.counts.by === "paired-mentor" };
}

/**
 * Counts a subject's records window by window. One counter serves one evaluation: it keeps a
 * cursor into the current subject's records (windows come in day order), a stamp per child
 * for counting distinct children.
 * @internal
 */
export class RecordCounter {
  private readonly stamp: Int32Array;
  private stampN = 0;
  private cursor = 0;
  /** Where the last window's scan stopped: the first record after day `scannedTo`. */
  private scanned = 0;
  private scannedTo = FAR_PAST;
  /** The day of the last record counted in the current window (for counting distinct days). */
  private lastDay = FAR_PAST;

  constructor(
    private readonly data: ComplianceData,
    private readonly asOfDay: number,
    private readonly table: RowTable,
  ) {
    this.stamp = new Int32Array(data.children.length);
  }

  /** Starts on a subject's records. */
  begin(subject: Subject): void {
    this.cursor = this.scanned = subject.csrStart;
    this.scannedTo = FAR_PAST;
  }

  /** The records of `subject` counted for window `w` (added to the table's pending row). */
  count(rule: CountRule, subject: Subject, w: Pick<Window, "from" | "to">): number {
    const { day, code, list } = subject.events;
    const end = subject.csrEnd;
    const { from, to } = w;
    // Skip to the window's first day, from where the last scan stopped when this window starts
    // after it (buckets do; overlapping interval windows do not), so no record is read twice.
    let q = from > this.scannedTo ? this.scanned : this.cursor;
    while (q < end && day[q]! < from) q++;
    this.cursor = q;
    // A window wholly inside one in-scope range needs no per-record scope check.
    const whole = coversWhole(subject.scoped, from, to);
    const last = Math.min(to, this.asOfDay);
    const ok = rule.ok;
    const stampN = rule.unit === "children" ? ++this.stampN : 0;
    let done = 0;
    this.lastDay = FAR_PAST;
    for (; q < end; q++) {
      const d = day[q]!;
      if (d > last) break;
      if (!ok[code[q]!] || (!whole && !inRanges(subject.scoped, d))) continue;
      const add = this.tally(rule, subject, list[q]!, d, stampN);
      if (add >= 0) done += add;
    }
    this.scanned = q;
    this.scannedTo = last;
    return done;
  }

  /**
   * The records of `subject`, in scope on every day of the policy's buckets, counted bucket by
   * bucket in one pass over its records: bucket `i`'s count in `done[i]` and its records
   * (added to the table's pool in bucket order) in `records[i]`.
   */
  countBuckets(
    rule: CountRule,
    subject: Subject,
    buckets: BucketOfDay,
    done: Int32Array,
    records: Int32Array,
  ): void {
    done.fill(0);
    records.fill(0);
    const { day, code, list } = subject.events;
    const end = subject.csrEnd;
    const { first, of } = buckets;
    const last = Math.min(buckets.last, this.asOfDay);
    const ok = rule.ok;
    const distinctChildren = rule.unit === "children";
    let q = subject.csrStart;
    while (q < end && day[q]! < first) q++;
    this.lastDay = FAR_PAST;
    let bucket = -1;
    let stampN = 0;
    for (; q < end; q++) {
      const d = day[q]!;
      if (d > last) break;
      const k = of[d - first]!;
      if (!ok[code[q]!] || k < 0) continue;
      // Distinct children are counted afresh in each bucket.
      if (distinctChildren && k !== bucket) stampN = ++this.stampN;
      bucket = k;
      const add = this.tally(rule, subject, list[q]!, d, stampN);
      if (add < 0) continue;
      done[k]! += add;
      records[k]!++;
    }
  }

  /**
   * Record `e` on day `d`, of a kind the rule counts, for the window being counted: -1 when it
   * is not by the paired mentor the rule asks for; else added to the pending row's records, and
   * what it adds to the count: 1 for a contact, 1 for a day not yet counted, or its children not
   * yet counted under `stampN`.
   */
  private tally(rule: CountRule, subject: Subject, e: number, d: number, stampN: number): number {
    if (rule.byPairedMentor && !this.byPairedMentor(subject, e, d)) return -1;
    this.table.addRecord(e);
    if (rule.unit === "contacts") return 1;
    if (rule.unit === "days") {
      const add = d === this.lastDay ? 0 : 1;
      this.lastDay = d;
      return add;
    }
    return this.newChildren(e, stampN);
  }

  /** Children of event `e` not yet counted under `stampN`, now marked counted. */
  private newChildren(e: number, stampN: number): number {
    const ev = this.data.events;
    let n = 0;
    for (let k = ev.childStart[e]!; k < ev.childStart[e + 1]!; k++) {
      const c = ev.childList[k]!;
      if (this.stamp[c] !== stampN) {
        this.stamp[c] = stampN;
        n++;
      }
    }
    return n;
  }

  /** Whether event `e` on day `d` is by the subject's paired mentor. */
  private byPairedMentor(subject: Subject, e: number, d: number): boolean {
    const ev = this.data.events;
    const ix = this.data.index;
    for (let k = ev.mentorStart[e]!; k < ev.mentorStart[e + 1]!; k++) {
      const m = ev.mentorList[k]!;
      if (subject.pairMentor >= 0) {
        if (m === subject.pairMentor) return true;
      } else {
        for (const pj of ix.pairingsByChild[subject.child]!) {
          if (ix.pairingMentor[pj] === m && d >= ix.pairingStart[pj]! && d <= ix.pairingEnd[pj]!)
            return true;
        }
      }
    }
    return false;
  }
}

/**
 * A window's count taken from pushed-down counts: when the policy's bucket was counted by
 * storage and the subject (a child) is in scope for the whole window; else `undefined`, and
 * the records are counted.
 * @internal
 */
export function pushedCount(
  pushed: PushedPolicyCounts | undefined,
  data: ComplianceData,
  subject: Subject,
  w: Window,
): number | undefined {
  const bucket = pushed?.byBucket.get(w.from);
  if (bucket === undefined || !coversWhole(subject.scoped, w.from, w.to)) return undefined;
  return bucket.get(data.children[subject.child]!.id) ?? 0;
}
