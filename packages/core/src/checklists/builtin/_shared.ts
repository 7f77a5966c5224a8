import { text, type LocalizedText } from "../../i18n";
import { cite, SUMMARIES_FILE, type SummaryKind } from "../../sources";

/** The seed document of work summaries the built-in checklists cite. */
export const SUMMARIES = SUMMARIES_FILE;

/** A citation of one line of the work summaries (checked by `cite`, and by the seed test). */
export function fromSummary(kind: SummaryKind, line: number, quote: string, note: LocalizedText) {
  const c = cite(kind, line, quote);
  return { document: SUMMARIES, kind: c.source, line: c.line, quote: c.quote, note };
}

/** The document named by thresholds this library chose itself. */
export const LIBRARY_DEFAULT = "Liushou library default (not from a source text)";

/** A threshold or band chosen by this library, said so in the checklist's sources. */
export function libraryDefault(quote: string, note: LocalizedText) {
  return { document: LIBRARY_DEFAULT, quote, note };
}

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
