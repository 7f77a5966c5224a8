import * as z from "zod";
import type { LocalizedText } from "../i18n";
import type { ChildFile } from "../model/child-file";
import type { ContactRecord } from "../model/records";
import type { CalendarDate, TimeZone } from "../time/types";
import { text } from "../i18n";

/**
 * How serious a legal finding is, most serious first.
 * @example
 * LegalSeveritySchema.options //=> ["critical", "high", "medium", "low"]
 * @category Legal
 */
export const LegalSeveritySchema = z.enum(["critical", "high", "medium", "low"]);
/** @category Legal */
export type LegalSeverity = z.infer<typeof LegalSeveritySchema>;

/**
 * Rank of a severity for sorting: critical 0 … low 3.
 * @example
 * LEGAL_SEVERITY_RANK.critical //=> 0
 * @category Legal
 */
export const LEGAL_SEVERITY_RANK: Readonly<Record<LegalSeverity, number>> =
  /*#__PURE__*/ Object.freeze({
    critical: 0,
    high: 1,
    medium: 2,
    low: 3,
  });

/**
 * Who issued the document a rule cites: a national law, a provincial, municipal, county or
 * township document, the school's own rule, or another source.
 * @category Legal
 */
export type LegalSourceLevel =
  "national" | "provincial" | "municipal" | "county" | "township" | "school" | "other";

/**
 * What a legal rule or a finding cites: an article of a national law, a provincial or county
 * document, or the school's own rule. `citation` is free-form and shown as written.
 * @example
 * const countyRule: LegalArticle = {
 *   law: "example-county-2024-3",
 *   article: "第五条",
 *   level: "county",
 *   citation: text("《示例县农村留守儿童关爱保护实施办法》第五条", "Example County care measures (2024), Art. 5"),
 * };
 * @category Legal
 */
export interface LegalArticle {
  /**
   * A short key of the document: `mpl` (Law on the Protection of Minors, 2020) and `pipl`
   * (Personal Information Protection Law, 2021) for the built-in rules, or any key a host picks
   * for its own source (`hunan-2021-guardianship`, `school-handbook`).
   */
  readonly law: string;
  /** The article or section, when the document numbers them (`23`, `"第五条"`, `"3.2"`). */
  readonly article?: number | string;
  /** Who issued the document. Absent means a national law, as for the built-in rules. */
  readonly level?: LegalSourceLevel;
  /** The source named in full, e.g. 《未成年人保护法》第二十一条. */
  readonly citation: LocalizedText;
}

/**
 * The articles Liushou's rules cite.
 * @example
 * LEGAL_ARTICLES.mpl21.citation.en //=> "Law on the Protection of Minors (2020), Art. 21"
 * @category Legal
 */
export const LEGAL_ARTICLES = /*#__PURE__*/ Object.freeze({
  mpl11: {
    law: "mpl",
    article: 11,
    citation: text(
      "《未成年人保护法》第十一条（强制报告）",
      "Law on the Protection of Minors (2020), Art. 11 (mandatory reporting)",
    ),
  },
  mpl21: {
    law: "mpl",
    article: 21,
    citation: text(
      "《未成年人保护法》第二十一条",
      "Law on the Protection of Minors (2020), Art. 21",
    ),
  },
  mpl22: {
    law: "mpl",
    article: 22,
    citation: text(
      "《未成年人保护法》第二十二条",
      "Law on the Protection of Minors (2020), Art. 22",
    ),
  },
  mpl23: {
    law: "mpl",
    article: 23,
    citation: text(
      "《未成年人保护法》第二十三条",
      "Law on the Protection of Minors (2020), Art. 23",
    ),
  },
  pipl28: {
    law: "pipl",
    article: 28,
    citation: text("《个人信息保护法》第二十八条", "Personal Information Protection Law, Art. 28"),
  },
  pipl31: {
    law: "pipl",
    article: 31,
    citation: text("《个人信息保护法》第三十一条", "Personal Information Protection Law, Art. 31"),
  },
} satisfies Record<string, LegalArticle>);

/**
 * A legal finding: a duty the file shows is not met, with the article, a bilingual message and
 * the evidence (data, no personal names). `mandatoryReport` marks findings that must be
 * reported to the police, civil affairs or education authorities under Art. 11.
 * @category Legal
 */
export interface LegalFinding {
  /** Stable code of the rule, e.g. `mpl21.under-16-living-alone`. */
  readonly code: string;
  readonly severity: LegalSeverity;
  readonly article: LegalArticle;
  readonly message: LocalizedText;
  /** The facts the finding rests on (ages, ids, dates, weeks). */
  readonly evidence: Readonly<Record<string, unknown>>;
  /** The field of the child file concerned, when there is one (`guardians[0].disqualifications`). */
  readonly path?: string;
  /** Must be reported under Art. 11 of the Law on the Protection of Minors. */
  readonly mandatoryReport: boolean;
  /** The reporting article, when `mandatoryReport`. */
  readonly reportUnder?: LegalArticle;
}

/**
 * What a rule sees: the validated file, the date, the zone, the records (if given) and the
 * child's age.
 * @category Legal
 */
export interface LegalContext {
  readonly file: ChildFile;
  readonly asOf: CalendarDate;
  readonly timeZone: TimeZone;
  /** Contact records of this child; `undefined` when the host gave none (contact rules then skip). */
  readonly records: readonly ContactRecord[] | undefined;
  /** Completed years on `asOf`. */
  readonly age: number;
  /** Weeks looked back by the weekly-contact rule. */
  readonly lookbackWeeks: number;
}

/**
 * What a rule's `check` returns for each breach; the rule supplies code, article and defaults.
 * @category Legal
 */
export interface LegalHit {
  readonly message: LocalizedText;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly path?: string;
  /** Overrides the rule's severity for this hit. */
  readonly severity?: LegalSeverity;
  /** Overrides the rule's `mandatoryReport` for this hit. */
  readonly mandatoryReport?: boolean;
}

/**
 * A legal rule: data (stable code, article, default severity, whether it triggers a mandatory
 * report) and a pure `check` function.
 * @category Legal
 */
export interface LegalRule {
  readonly code: string;
  readonly article: LegalArticle;
  readonly severity: LegalSeverity;
  readonly mandatoryReport: boolean;
  /** What the rule checks, in both languages. */
  readonly title: LocalizedText;
  readonly check: (ctx: LegalContext) => readonly LegalHit[];
}
