import { text, type LocalizedText } from "../../i18n";

/** The seed document of work summaries the built-in checklists cite. */
export const SUMMARIES = "work-summaries.zh.txt";

/** Short alias for bilingual text in checklist data. */
export const t = (zh: string, en: string): LocalizedText => text(zh, en);

/** Anchors of a 0–3 concern scale: none, slight, clear, serious. */
export const CONCERN_ANCHORS = [
  t("没有", "none"),
  t("轻微", "slight"),
  t("明显", "clear"),
  t("严重", "serious"),
];

/** A 0–3 concern item (higher = more need). */
export function concern(id: string, section: string, zh: string, en: string, extra: object = {}) {
  return {
    id,
    section,
    kind: "likert" as const,
    min: 0,
    max: 3,
    anchors: CONCERN_ANCHORS,
    label: t(zh, en),
    ...extra,
  };
}

/** A yes/no item; `yesScore`/`noScore` default to 1/0. */
export function yesNo(
  id: string,
  section: string,
  zh: string,
  en: string,
  yesScore = 1,
  noScore = 0,
  extra: object = {},
) {
  return {
    id,
    section,
    kind: "yes-no" as const,
    scores: { yes: yesScore, no: noScore },
    label: t(zh, en),
    ...extra,
  };
}
