/**
 * Counts pushed down to storage: the contact counts per child and bucket a database can
 * answer with `GROUP BY` ({@link StorageContactCountQuery}), asked for by
 * {@link complianceCountRequests} and handed to {@link evaluateCompliance} as `counts`.
 * @module
 */
import * as z from "zod";
import { PeriodSchema } from "../_lib/period";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import { AsOfSchema, IdSchema, TimeZoneSchema } from "../model/primitives";
import type { StorageContactCount, StorageContactCountQuery } from "../ports/storage/port";
import { dayNumber, fromDayNumber, isCalendarDate } from "../time/calendar-date";
import type { AsOf, CalendarDate, Instant, TimeZone } from "../time/types";
import { startOfDateInZone } from "../time/zone";
import { dayOfInstant } from "./data";
import { PolicySetSchema, type Policy, type PolicyInput } from "./schema";
import { countBuckets } from "./stages/windows";

/**
 * One count a storage adapter answers for a compliance evaluation: the contacts of each child
 * in one bucket of one policy, up to the end of `asOf`'s day.
 * @example
 * const r: ComplianceCountRequest = {
 *   policyId: "home-visit-monthly", from: "2026-03-01",
 *   query: { groupBy: "child", kinds: ["home-visit"], at: { from: "2026-02-28T16:00:00.000Z", to: "2026-03-31T16:00:00.000Z" } },
 * };
 * @category Policies
 */
export interface ComplianceCountRequest {
  readonly policyId: string;
  /** First day of the bucket. */
  readonly from: CalendarDate;
  /** The query to hand to the adapter's `countContacts`. */
  readonly query: StorageContactCountQuery & { readonly groupBy: "child" };
}

/**
 * Options of {@link complianceCountRequests}: the same policies, period, `asOf` and zone the
 * evaluation will use.
 * @category Policies
 */
export interface ComplianceCountOptions {
  policies: readonly (PolicyInput | Policy)[];
  period: { from: CalendarDate; to: CalendarDate };
  asOf: AsOf;
  /** Default `Asia/Shanghai`, as in {@link prepareComplianceData}. */
  timeZone?: TimeZone;
}

/**
 * Answers of a storage adapter to {@link complianceCountRequests}, made with
 * {@link complianceCounts}: opaque, checked against the evaluation that consults it.
 * @category Policies
 */
export interface ComplianceCounts {
  /** @internal */
  readonly asOfDay: number;
  /** @internal */
  readonly timeZone: TimeZone;
  /** Per policy id: its kinds and initiators, and per bucket start day the count per child id. @internal */
  readonly byPolicy: ReadonlyMap<string, PushedPolicyCounts>;
}

/** @internal */
export interface PushedPolicyCounts {
  readonly signature: string;
  readonly byBucket: ReadonlyMap<number, ReadonlyMap<string, number>>;
}

const OptionsSchema = z.object({
  period: PeriodSchema,
  asOf: AsOfSchema,
  timeZone: TimeZoneSchema.default("Asia/Shanghai"),
});

const SUBJECT = text("下推计数选项", "pushed-down count options");

/**
 * Whether a policy needs only a count of contacts per child and bucket: a child-level count
 * policy over weeks, months or years, counting contact records (no activities) by anyone,
 * not only the paired mentor.
 */
function pushable(policy: Policy): boolean {
  const r = policy.requirement;
  return (
    policy.level === "child" &&
    r.type === "count" &&
    r.per !== "term" &&
    policy.counts.unit === "contacts" &&
    policy.counts.by !== "paired-mentor" &&
    policy.counts.activityKinds.length === 0 &&
    policy.counts.contactKinds.length > 0
  );
}

/** What a count depends on besides the bucket: the kinds and initiators counted. */
function signature(kinds: readonly string[], initiators: readonly string[] | undefined): string {
  return JSON.stringify([[...kinds].sort(), initiators ? [...initiators].sort() : null]);
}

function asOfDayOf(asOf: CalendarDate | Instant, zone: TimeZone): number {
  return isCalendarDate(asOf) ? dayNumber(asOf) : dayOfInstant(Date.parse(asOf), zone);
}

/**
 * The counts a storage adapter can answer for an evaluation (pure: no storage is read). A
 * policy qualifies when it only needs a count of contact records per child and bucket
 * (child level, weeks, months or years, unit `contacts`, no activities, not only the paired
 * mentor); other policies, and buckets starting after `asOf`, get no request and are counted
 * from the records. Hand each request's `query` to the adapter's `countContacts` and the
 * answers, in the same order, to {@link complianceCounts}.
 * @param options - The policies, period, `asOf` and zone of the evaluation.
 * @returns One request per qualifying policy and bucket.
 * @throws ValidationError for invalid policies, period, `asOf` or zone.
 * @example
 * const requests = complianceCountRequests({
 *   policies: [POLICY_PRESETS.homeVisitMonthly],
 *   period: { from: "2026-03-01", to: "2026-04-30" }, asOf: "2026-04-10",
 * });
 * requests.map((r) => r.from) //=> ["2026-03-01", "2026-04-01"]
 * @category Policies
 */
export function complianceCountRequests(options: ComplianceCountOptions): ComplianceCountRequest[] {
  const o = validate(
    OptionsSchema,
    { period: options?.period, asOf: options?.asOf, timeZone: options?.timeZone },
    { subject: SUBJECT },
  );
  const policies = validate(PolicySetSchema, options.policies, {
    path: ["policies"],
    subject: text("走访频次政策", "visit-frequency policies"),
  });
  const asOfDay = asOfDayOf(o.asOf, o.timeZone);
  const out: ComplianceCountRequest[] = [];
  for (const policy of policies) {
    if (!pushable(policy)) continue;
    const { contactKinds: kinds, initiators } = policy.counts;
    for (const b of countBuckets(
      policy,
      dayNumber(o.period.from),
      dayNumber(o.period.to),
      undefined,
    )) {
      if (b.from > asOfDay) continue;
      const at = {
        from: startOfDateInZone(fromDayNumber(b.from), o.timeZone),
        to: startOfDateInZone(fromDayNumber(Math.min(b.to, asOfDay) + 1), o.timeZone),
      };
      out.push({
        policyId: policy.id,
        from: fromDayNumber(b.from),
        query: { groupBy: "child", at, kinds, ...(initiators ? { initiators } : {}) },
      });
    }
  }
  return out;
}

const AnswerSchema = z.array(
  z.object({ subjectId: IdSchema, contacts: z.number().int().nonnegative() }),
);

/**
 * Collects an adapter's answers to {@link complianceCountRequests} for
 * {@link evaluateCompliance}'s `counts`. The evaluation then takes a qualifying policy's
 * count of a child and bucket from them when the child is in scope for the whole bucket
 * (else it counts the records, as without `counts`); such rows carry no `recordIds`.
 * @param options - The options the requests were made with (checked again by the evaluation).
 * @param requests - The requests, as {@link complianceCountRequests} returned them.
 * @param answers - The adapter's rows for each request, in the same order.
 * @returns The counts to pass as `counts`.
 * @throws ValidationError when the answers do not match the requests or are not counts.
 * @example
 * const requests = complianceCountRequests(options);
 * const answers = await Promise.all(requests.map((r) => storage.countContacts!(r.query)));
 * const report = evaluateCompliance({ ...options, data, counts: complianceCounts(options, requests, answers) });
 * @category Policies
 */
export function complianceCounts(
  options: ComplianceCountOptions,
  requests: readonly ComplianceCountRequest[],
  answers: readonly (readonly StorageContactCount[])[],
): ComplianceCounts {
  const o = validate(
    OptionsSchema,
    { period: options?.period, asOf: options?.asOf, timeZone: options?.timeZone },
    { subject: SUBJECT },
  );
  const expected = complianceCountRequests(options);
  validate(z.literal(JSON.stringify(expected)), JSON.stringify(requests), {
    path: ["requests"],
    subject: text("下推计数请求（须与选项一致）", "count requests (must match the options)"),
  });
  validate(z.array(z.unknown()).length(requests.length), answers, {
    path: ["answers"],
    subject: text("下推计数结果（每个请求一组）", "count answers (one list per request)"),
  });
  const byPolicy = new Map<
    string,
    { signature: string; byBucket: Map<number, Map<string, number>> }
  >();
  requests.forEach((r, i) => {
    const rows = validate(AnswerSchema, answers[i], {
      path: ["answers", i],
      subject: text("下推计数结果", "count answers"),
    });
    let entry = byPolicy.get(r.policyId);
    if (!entry) {
      entry = {
        signature: signature(r.query.kinds ?? [], r.query.initiators),
        byBucket: new Map(),
      };
      byPolicy.set(r.policyId, entry);
    }
    entry.byBucket.set(
      dayNumber(r.from),
      new Map(rows.map((row) => [row.subjectId, row.contacts])),
    );
  });
  return { asOfDay: asOfDayOf(o.asOf, o.timeZone), timeZone: o.timeZone, byPolicy };
}

/**
 * The pushed-down counts of one policy in an evaluation, or `undefined` when it has none;
 * throws when the counts were made for another `asOf`, zone or policy. @internal
 */
export function pushedCountsOf(
  counts: ComplianceCounts | undefined,
  policy: Policy,
  asOfDay: number,
  timeZone: TimeZone,
): PushedPolicyCounts | undefined {
  if (counts === undefined) return undefined;
  const entry = counts.byPolicy.get(policy.id);
  const mismatch =
    counts.asOfDay !== asOfDay
      ? "asOf"
      : counts.timeZone !== timeZone
        ? "timeZone"
        : entry &&
            (!pushable(policy) ||
              entry.signature !== signature(policy.counts.contactKinds, policy.counts.initiators))
          ? `policies (${policy.id})`
          : undefined;
  if (mismatch !== undefined) {
    throw new ValidationError(
      [
        {
          path: "counts",
          code: IssueCode.OTHER,
          received: mismatch,
          message: text(
            `字段 counts：下推计数的 ${mismatch} 与本次评估不一致`,
            `counts: the pushed-down counts were made for another ${mismatch} than this evaluation`,
          ),
        },
      ],
      { subject: text("达标评估选项", "compliance options") },
    );
  }
  return entry;
}
