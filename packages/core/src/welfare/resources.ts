import * as z from "zod";
import { validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import {
  ActivitySchema,
  ContactRecordSchema,
  type Activity,
  type ContactRecord,
  type ContactRecordInput,
} from "../model/records";
import { CalendarDateSchema, TimeZoneSchema } from "../model/primitives";
import type { CalendarDate, TimeZone } from "../time/types";
import { dateInZone } from "../time/zone";
import { CareResourceSchema, type CareResource, type CareResourceInput } from "./schema";

/**
 * What a children's home lacks against the summaries' rooms: “配备了电脑、亲情电话、活动器材、图书
 * 等设施设备” (school summary, L12).
 * @param resource - The children's home or activity room.
 * @returns The missing items, in both languages (empty when it has all four).
 * @throws ValidationError when the resource is malformed.
 * @example
 * resourceGaps({ id: "r1", kind: "activity-room", name: "活动室", phones: 1 }).map((g) => g.en) //=> ["computers", "sports equipment", "books"]
 * @category Welfare
 */
export function resourceGaps(resource: CareResourceInput | CareResource): LocalizedText[] {
  const r = validate(CareResourceSchema, resource, {
    subject: text("留守儿童之家", "children's home"),
  });
  const out: LocalizedText[] = [];
  if (r.phones === 0) out.push(text("亲情电话", "family phone"));
  if (r.computers === 0) out.push(text("电脑", "computers"));
  if (!r.sportsEquipment) out.push(text("活动器材", "sports equipment"));
  if (!r.books) out.push(text("图书", "books"));
  return out;
}

/**
 * How each resource was used in a period: the family and video calls made on it and the
 * activities held in it, by `resourceId`.
 * @param input - The `resources`, the contact `records` and `activities`, the `period` and `timeZone`.
 * @returns One row per resource, in input order.
 * @throws ValidationError on malformed input.
 * @example
 * resourceUse({ resources, records, activities, period: { from: "2026-03-01", to: "2026-06-30" } })[0]
 * //=> { resourceId: "room1", familyCalls: 42, children: 17, activities: 9 }
 * @category Welfare
 */
export function resourceUse(input: {
  resources: readonly (CareResourceInput | CareResource)[];
  records?: readonly (ContactRecordInput | ContactRecord)[];
  activities?: readonly (z.input<typeof ActivitySchema> | Activity)[];
  period: { from: CalendarDate; to: CalendarDate };
  timeZone?: TimeZone;
}): { resourceId: string; familyCalls: number; children: number; activities: number }[] {
  const o = validate(
    z.object({
      resources: z.array(CareResourceSchema),
      records: z.array(ContactRecordSchema).default([]),
      activities: z.array(ActivitySchema).default([]),
      period: z.object({ from: CalendarDateSchema, to: CalendarDateSchema }),
      timeZone: TimeZoneSchema.default("Asia/Shanghai"),
    }),
    input,
    { subject: text("留守儿童之家使用情况", "use of children's homes") },
  );
  const inPeriod = (d: CalendarDate) => d >= o.period.from && d <= o.period.to;
  return o.resources.map((res) => {
    const calls = o.records.filter(
      (r) =>
        r.resourceId === res.id &&
        (r.kind === "family-call" || r.kind === "video-call") &&
        inPeriod(dateInZone(r.at, o.timeZone)),
    );
    return {
      resourceId: res.id,
      familyCalls: calls.length,
      children: new Set(calls.flatMap((r) => r.childIds)).size,
      activities: o.activities.filter((a) => a.resourceId === res.id && inPeriod(a.date)).length,
    };
  });
}
