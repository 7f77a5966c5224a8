import {
  labelOf,
  text,
  type Aid,
  type ChildFile,
  type MicroWish,
  type School,
  type SchoolClass,
  type WishStatus,
  AidSchema,
  MicroWishSchema,
  WishStatusSchema,
} from "@liushou/core";
import * as z from "zod";
import { createLookup } from "../care/lookup";
import { CareDataSchema } from "../care/scope";
import { countBy, joinList, tr } from "../care/words";
import { section } from "../model/build";
import type { Chart, KeyFigures, Report, ReportMeta, Table, TableRow } from "../model/types";
import { createMasker } from "../privacy/mask";
import { reportMeta, resolveOptions, SubjectSchema, type ReportOptions } from "./options";

/**
 * Input of {@link wishAidLedgerReport}.
 * @example
 * const input: LedgerInput = { files, wishes, aid, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" };
 * @category Report builders
 */
export interface LedgerInput extends ReportOptions {
  /** The files of the children named (for names and classes). */
  files: readonly ChildFile[];
  wishes: readonly (MicroWish | z.input<typeof MicroWishSchema>)[];
  aid: readonly (Aid | z.input<typeof AidSchema>)[];
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
  subject?: ReportMeta["subject"];
}

const InputSchema = CareDataSchema.pick({ files: true, schools: true, classes: true }).extend({
  wishes: z.array(MicroWishSchema),
  aid: z.array(AidSchema),
  subject: SubjectSchema.optional(),
});

const STATUSES: readonly WishStatus[] = WishStatusSchema.options;

/**
 * The micro-wish and aid ledger (微心愿与资助台账): every wish with the child, its cost, status,
 * donor and the date of its last change; every aid entry of the period (donation, subsidy,
 * hardship relief) in money or goods, with the donor and the children reached; totals in fen,
 * printed in yuan.
 * @param input - Files, `wishes`, `aid`, `asOf`, `generatedAt`, and optionally `period`, names, `locale`.
 * @returns The report (kind `wish-aid-ledger`) with tables `wishes` and `aid`.
 * @throws ValidationError naming the field at fault.
 * @example
 * const ledger = wishAidLedgerReport({ files, wishes, aid, asOf: "2026-06-30", period: { from: "2026-01-01", to: "2026-06-30" }, generatedAt: "2026-07-01T09:00:00+08:00" });
 * @category Report builders
 */
export function wishAidLedgerReport(input: LedgerInput): Report {
  const {
    resolved: o,
    wishes: wishList,
    aid: aidList,
  } = resolveOptions(InputSchema, input, text("台账选项", "ledger options"));
  const l = o.locale;
  const look = createLookup(input);
  const m = createMasker(o.reveal, l);
  const wishes: Table = {
    type: "table",
    id: "wishes",
    title: tr(l, "微心愿台账", "Micro-wishes"),
    columns: [
      { key: "child", header: tr(l, "儿童", "Child"), type: "text" },
      { key: "class", header: tr(l, "班级", "Class"), type: "text" },
      { key: "wish", header: tr(l, "心愿", "Wish"), type: "text" },
      { key: "cost", header: tr(l, "预计金额", "Cost"), type: "money-fen", total: "sum" },
      { key: "status", header: tr(l, "状态", "Status"), type: "text" },
      { key: "donor", header: tr(l, "认领人", "Donor"), type: "text" },
      { key: "donorKind", header: tr(l, "认领人类别", "Donor kind"), type: "text" },
      { key: "updated", header: tr(l, "最近更新", "Last change"), type: "text" },
    ],
    rows: wishList.map((w) => {
      const f = look.child(w.childId);
      const last = w.history[w.history.length - 1];
      return {
        key: w.id,
        cells: [
          look.childName(w.childId),
          f ? look.className(f) || null : null,
          w.title,
          w.costFen ?? null,
          labelOf("wishStatus", w.status, l),
          w.donor?.name ?? null,
          w.donor ? labelOf("donorKind", w.donor.kind, l) : null,
          last?.at ?? null,
        ],
      };
    }),
    totals: {
      cells: [
        tr(l, "合计", "Total"),
        null,
        tr(l, `${wishList.length} 个`, `${wishList.length}`),
        wishList.reduce((s, w) => s + (w.costFen ?? 0), 0),
        null,
        null,
        null,
        null,
      ],
    },
    notes: [],
  };
  const period = aidList.filter((a) => a.date >= o.period.from && a.date <= o.period.to);
  const aidRows: TableRow[] = period.map((a) => ({
    key: a.id,
    cells: [
      a.date,
      labelOf("aidKind", a.kind, l),
      labelOf("aidForm", a.form, l),
      a.amountFen ?? null,
      a.goods.length === 0
        ? null
        : joinList(
            l,
            a.goods.map((g) => `${g.item}×${g.quantity}`),
          ),
      a.goods.length === 0 ? null : a.goods.reduce((s, g) => s + (g.valueFen ?? 0), 0),
      a.donor?.name ?? null,
      a.childIds.length === 0 ? null : joinList(l, a.childIds.map(look.childName)),
      a.childIds.length,
      a.notes ?? null,
    ],
  }));
  const sum = (col: number) =>
    aidRows.reduce((s, r) => s + ((r.cells[col] as number | null) ?? 0), 0);
  const aid: Table = {
    type: "table",
    id: "aid",
    title: tr(l, "资助台账", "Aid"),
    columns: [
      { key: "date", header: tr(l, "日期", "Date"), type: "date" },
      { key: "kind", header: tr(l, "类别", "Kind"), type: "text" },
      { key: "form", header: tr(l, "形式", "Form"), type: "text" },
      { key: "amount", header: tr(l, "金额", "Amount"), type: "money-fen", total: "sum" },
      { key: "goods", header: tr(l, "物品", "Goods"), type: "text" },
      {
        key: "goodsValue",
        header: tr(l, "物品价值", "Goods value"),
        type: "money-fen",
        total: "sum",
      },
      { key: "donor", header: tr(l, "捐助方", "Donor"), type: "text" },
      { key: "children", header: tr(l, "受助儿童", "Children"), type: "text" },
      { key: "count", header: tr(l, "人数", "Number"), type: "integer", total: "sum" },
      { key: "notes", header: tr(l, "备注", "Notes"), type: "text" },
    ],
    rows: aidRows,
    totals: {
      cells: [
        null,
        tr(l, `合计 ${period.length} 笔`, `${period.length} entries`),
        null,
        sum(3),
        null,
        sum(5),
        null,
        null,
        sum(8),
        null,
      ],
    },
    notes: [
      tr(
        l,
        `统计期间：${o.period.from} 至 ${o.period.to}。`,
        `Period: ${o.period.from} to ${o.period.to}.`,
      ),
    ],
  };
  const byStatus = countBy(wishList, (w) => w.status);
  const chart: Chart = {
    type: "chart",
    id: "wish-status",
    kind: "pie",
    title: tr(l, "微心愿状态", "Micro-wishes by status"),
    categories: STATUSES.map((s) => labelOf("wishStatus", s, l)),
    series: [{ name: tr(l, "个数", "Wishes"), values: STATUSES.map((s) => byStatus.get(s) ?? 0) }],
    valueType: "integer",
  };
  const granted = (byStatus.get("fulfilled") ?? 0) + (byStatus.get("thanked") ?? 0);
  const figures: KeyFigures = {
    type: "key-figures",
    items: [
      { label: tr(l, "微心愿", "Micro-wishes"), value: wishList.length, valueType: "integer" },
      { label: tr(l, "已实现", "Granted"), value: granted, valueType: "integer" },
      { label: tr(l, "资助资金", "Aid in money"), value: sum(3), valueType: "money-fen" },
      { label: tr(l, "物品价值", "Goods value"), value: sum(5), valueType: "money-fen" },
    ],
  };
  return {
    kind: "wish-aid-ledger",
    locale: l,
    title: tr(l, "微心愿与资助台账", "Micro-wish and aid ledger"),
    meta: reportMeta(o, input.subject ?? { kind: "all", name: tr(l, "全部", "All") }, [
      { name: tr(l, "微心愿", "Micro-wishes"), count: wishList.length },
      { name: tr(l, "资助", "Aid"), count: aidList.length },
    ]),
    layout: { pageSize: "A4", orientation: "landscape" },
    body: [
      figures,
      section("wishes-section", tr(l, "一、微心愿", "1. Micro-wishes"), [wishes, chart]),
      section("aid-section", tr(l, "二、资助", "2. Aid"), [aid]),
    ],
    footnotes: [],
    privacy: m.notice,
  };
}
