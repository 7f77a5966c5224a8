import {
  CalendarDateSchema,
  dateInZone,
  evaluateCompliance,
  IssueCode,
  invalidArgument,
  labelOf,
  rollUpCompliance,
  text,
  type CalendarDate,
  type ChildFile,
  type ContactKind,
  type ContactRecord,
  type Mentor,
  type Pairing,
  type Policy,
  type PolicyInput,
  type School,
  type SchoolClass,
} from "@liushou/core";
import * as z from "zod";
import { DEFAULT_REPORT_POLICIES } from "../care/analyse";
import { createLookup } from "../care/lookup";
import { CareDataSchema } from "../care/scope";
import { countBy, joinList, tr } from "../care/words";
import { figure, paragraph, section, sentence } from "../model/build";
import type { Inline, Report, Table } from "../model/types";
import { createMasker } from "../privacy/mask";
import { reportMeta, resolveOptions, type ReportOptions } from "./options";

/**
 * Input of {@link recordBookReport}.
 * @example
 * const input: RecordBookInput = { mentorId: "m1", month: "2026-03", files, mentors, pairings, records, asOf: "2026-04-05", generatedAt: "2026-04-05T09:00:00+08:00" };
 * @category Report builders
 */
export interface RecordBookInput extends Omit<ReportOptions, "period"> {
  mentorId: string;
  /** The month, `YYYY-MM`. */
  month: string;
  files: readonly ChildFile[];
  mentors: readonly Mentor[];
  pairings: readonly Pairing[];
  records: readonly ContactRecord[];
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
  /** Policies the month is checked against; default {@link DEFAULT_REPORT_POLICIES}. */
  policies?: readonly (Policy | PolicyInput)[];
}

const InputSchema = CareDataSchema.pick({
  files: true,
  mentors: true,
  pairings: true,
  records: true,
  schools: true,
  classes: true,
}).extend({
  mentorId: z.string().min(1),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM"),
  policies: z.array(z.unknown()).optional(),
});

function monthRange(month: string): { from: CalendarDate; to: CalendarDate } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    from: CalendarDateSchema.parse(`${month}-01`),
    to: CalendarDateSchema.parse(`${month}-${String(last).padStart(2, "0")}`),
  };
}

/**
 * The visit record book (走访记录册) of one mentor for one month: every home visit, talk,
 * tutoring session and call the mentor recorded, with dates, children, place, length, notes
 * and follow-up; the children paired with the mentor; and the month checked against the visit
 * policies (`evaluateCompliance`, `rollUpCompliance` by mentor).
 * @param input - `mentorId`, `month`, the data, `asOf`, `generatedAt`, and optionally `policies`, `locale`.
 * @returns The report (kind `record-book`) with tables `records` and `children`.
 * @throws ValidationError naming the field at fault, or an unknown mentor.
 * @example
 * const book = recordBookReport({ mentorId: "m1", month: "2026-03", files, mentors, pairings, records, asOf: "2026-04-05", generatedAt: "2026-04-05T09:00:00+08:00" });
 * @category Report builders
 */
export function recordBookReport(input: RecordBookInput): Report {
  const parsed = z.object({ month: InputSchema.shape.month }).safeParse(input);
  const range = parsed.success ? monthRange(parsed.data.month) : undefined;
  const { resolved: o } = resolveOptions(
    InputSchema,
    range ? { ...input, period: range } : input,
    text("记录册选项", "record book options"),
  );
  const l = o.locale;
  const period = o.period;
  const look = createLookup(input);
  const masker = createMasker(o.reveal, l);
  const mentor = look.mentor(input.mentorId);
  if (!mentor) {
    throw invalidArgument(
      "mentorId",
      IssueCode.UNKNOWN_ID,
      text("没有该帮扶人", "no mentor with this id"),
      input.mentorId,
    );
  }
  const records = input.records
    .filter((r) => r.mentorId === mentor.id)
    .map((r) => ({ r, day: dateInZone(r.at, o.timeZone) }))
    .filter(({ day }) => day >= period.from && day <= period.to)
    .sort((a, b) => (a.r.at < b.r.at ? -1 : a.r.at > b.r.at ? 1 : 0));
  const recordTable: Table = {
    type: "table",
    id: "records",
    title: tr(l, "走访记录", "Records"),
    columns: [
      { key: "date", header: tr(l, "日期", "Date"), type: "date" },
      { key: "kind", header: tr(l, "方式", "Kind"), type: "text" },
      { key: "children", header: tr(l, "儿童", "Children"), type: "text" },
      { key: "place", header: tr(l, "地点", "Place"), type: "text" },
      { key: "minutes", header: tr(l, "时长（分钟）", "Minutes"), type: "integer", total: "sum" },
      { key: "summary", header: tr(l, "内容", "Notes"), type: "text" },
      { key: "followUp", header: tr(l, "跟进", "Follow-up"), type: "text" },
    ],
    rows: records.map(({ r, day }) => ({
      key: r.id,
      cells: [
        day,
        labelOf("contactKind", r.kind, l),
        joinList(l, r.childIds.map(look.childName)),
        r.place ?? null,
        r.durationMinutes ?? null,
        r.summary === undefined ? null : masker.text(r.summary),
        r.followUp === undefined ? null : masker.text(r.followUp),
      ],
    })),
    totals: {
      cells: [
        null,
        tr(l, `合计 ${records.length} 次`, `${records.length} in all`),
        null,
        null,
        records.reduce((s, { r }) => s + (r.durationMinutes ?? 0), 0),
        null,
        null,
      ],
    },
    notes: [],
  };
  const pairings = input.pairings.filter(
    (p) =>
      p.mentorId === mentor.id &&
      p.start <= period.to &&
      (p.end === undefined || p.end >= period.from),
  );
  const perChild = countBy(
    records.flatMap(({ r }) => r.childIds),
    (id) => id,
  );
  const childTable: Table = {
    type: "table",
    id: "children",
    title: tr(l, "结对儿童", "Children paired"),
    columns: [
      { key: "name", header: tr(l, "姓名", "Name"), type: "text" },
      { key: "class", header: tr(l, "班级", "Class"), type: "text" },
      { key: "role", header: tr(l, "结对角色", "Role"), type: "text" },
      { key: "since", header: tr(l, "结对日期", "Since"), type: "date" },
      {
        key: "records",
        header: tr(l, "本月记录", "Records this month"),
        type: "integer",
        total: "sum",
      },
    ],
    rows: pairings.map((p) => {
      const f = look.child(p.childId);
      return {
        key: p.id,
        cells: [
          look.childName(p.childId),
          f ? look.className(f) || null : null,
          labelOf("pairingRole", p.role, l),
          p.start,
          perChild.get(p.childId) ?? 0,
        ],
      };
    }),
    notes: [],
  };
  const report = evaluateCompliance({
    policies: input.policies ?? DEFAULT_REPORT_POLICIES,
    children: input.files,
    mentors: input.mentors,
    pairings: input.pairings,
    records: input.records,
    ...(input.schools !== undefined ? { schools: input.schools } : {}),
    timeZone: o.timeZone,
    period,
    asOf: o.asOf,
  });
  const lines: Inline[][] = [];
  const kinds = [...countBy(records, ({ r }) => r.kind)];
  lines.push(
    l === "zh-CN"
      ? sentence`本月共记录 ${figure(records.length)} 次`
      : sentence`${figure(records.length)} records this month`,
  );
  kinds.forEach(([kind, n], i) => {
    lines.push(
      sentence`${i === 0 ? tr(l, "：", ": ") : tr(l, "，", ", ")}${labelOf("contactKind", kind as ContactKind, l)} ${figure(n)}${tr(l, " 次", "")}`,
    );
  });
  lines.push(sentence`${tr(l, "。", ". ")}`);
  for (const policy of report.policies) {
    const row = rollUpCompliance(report, { by: "mentor", policyIds: [policy.id] }).find(
      (r) => r.key === mentor.id,
    );
    if (!row || row.assessed === 0) continue;
    lines.push(
      l === "zh-CN"
        ? sentence`“${policy.name[l]}”：考核 ${figure(row.assessed, "integer", "rollUpCompliance.assessed")} 项，达标 ${figure(row.met, "integer", "rollUpCompliance.met")} 项。`
        : sentence`"${policy.name[l]}": ${figure(row.met, "integer", "rollUpCompliance.met")} of ${figure(row.assessed, "integer", "rollUpCompliance.assessed")} met. `,
    );
  }
  return {
    kind: "record-book",
    locale: l,
    title: tr(
      l,
      `走访记录册 · ${mentor.name} · ${input.month}`,
      `Visit record book · ${mentor.name} · ${input.month}`,
    ),
    subtitle: labelOf("mentorKind", mentor.kind, l),
    meta: reportMeta(o, { kind: "mentor", id: mentor.id, name: mentor.name }, [
      { name: tr(l, "走访记录", "Contact records"), count: records.length },
      { name: tr(l, "结对", "Pairings"), count: pairings.length },
    ]),
    layout: { pageSize: "A4", orientation: "landscape" },
    body: [
      paragraph(...lines),
      section("book", tr(l, "记录", "Records"), [recordTable]),
      section("paired", tr(l, "结对儿童", "Children"), [childTable]),
    ],
    footnotes: [],
    privacy: masker.notice,
  };
}
