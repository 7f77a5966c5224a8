import * as z from "zod";
import { validate } from "../errors/validate";
import { validateList } from "../errors/validate-list";
import { text } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import { AsOfSchema, TimeZoneSchema } from "../model/primitives";
import { resolveAsOf } from "../time/convert";
import {
  ContactRecordSchema,
  groupRecordsByChild,
  type ContactRecord,
  type ContactRecordInput,
} from "../model/records";
import { ageOn } from "../time/calendar-date";
import { DEFAULT_TIME_ZONE, type AsOf, type TimeZone } from "../time/types";
import { LEGAL_RULES } from "./rules";
import { LEGAL_ARTICLES, LEGAL_SEVERITY_RANK, type LegalFinding, type LegalRule } from "./types";

/**
 * Options of {@link checkLegalDuties}.
 * @category Legal
 */
export interface LegalCheckOptions {
  /** The day the duties are checked on (an instant or `Date` is read in `timeZone`). */
  asOf: AsOf;
  /** Contact records (any children; only this child's count). Without them the weekly-contact rule is skipped. */
  records?: readonly ContactRecordInput[];
  /** Zone used to put contacts in weeks. Default `Asia/Shanghai`. */
  timeZone?: TimeZone;
  /** Complete weeks (Monday–Sunday) before the week of `asOf` checked for parent contact. Default 4. */
  lookbackWeeks?: number;
  /** Rules to apply instead of {@link LEGAL_RULES}. */
  rules?: readonly LegalRule[];
}

/** What a rule cites: any document, national law or local rule, with a bilingual citation. */
const CitationSchema = z.object({
  law: z.string().min(1),
  article: z.union([z.number(), z.string().min(1)]).optional(),
  level: z
    .enum(["national", "provincial", "municipal", "county", "township", "school", "other"])
    .optional(),
  citation: z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) }),
});

const RuleSchema = z.custom<LegalRule>(
  (v) =>
    typeof v === "object" &&
    v !== null &&
    typeof (v as LegalRule).code === "string" &&
    typeof (v as LegalRule).check === "function" &&
    (v as LegalRule).severity in LEGAL_SEVERITY_RANK &&
    CitationSchema.safeParse((v as LegalRule).article).success,
  {
    message:
      "expected a rule { code, article: { law, citation: { zh-CN, en } }, severity, mandatoryReport, title, check }",
  },
);

const OptionsSchema = z.object({
  asOf: AsOfSchema,
  records: z.array(z.unknown()).optional(),
  timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
  lookbackWeeks: z.number().int().min(1).max(52).default(4),
  rules: z.array(RuleSchema).optional(),
});

/** The options of a legal check, validated. @internal */
export type LegalOptions = z.output<typeof OptionsSchema>;

/** The options of a legal check, validated (a ValidationError naming the option). @internal */
export function checkLegalOptions(options: LegalCheckOptions): LegalOptions {
  return validate(OptionsSchema, options, {
    subject: text("法律检查选项", "legal check options"),
  });
}

/**
 * Validates only the records that name this child, so a host can pass one list of all records
 * for every child without paying for validating them all each time. A record whose `childIds`
 * is malformed is validated (and rejected) whatever child it is for.
 */
function ownRecords(raw: readonly unknown[], childId: string): ContactRecord[] {
  const own: ContactRecord[] = [];
  raw.forEach((r, i) => {
    const ids = (r as { childIds?: unknown } | null)?.childIds;
    if (Array.isArray(ids) && ids.every((id) => typeof id === "string") && !ids.includes(childId))
      return;
    const record = validate(ContactRecordSchema, r, {
      path: ["records", i],
      subject: text("走访记录", "contact record"),
    });
    if (record.childIds.includes(childId)) own.push(record);
  });
  return own;
}

/**
 * Checks a child file against the hard lines of the law: Art. 21 (under 16 living alone,
 * under 8 unattended), Art. 22 (disqualified carer, carer not a capable adult), Art. 23
 * (written notice, weekly parent contact from the records), PIPL Art. 31 (guardian consent
 * under 14). Findings that require a report under Art. 11 carry `mandatoryReport: true`.
 * Pure: `asOf` and the zone are parameters.
 * @param file - the child file (validated with `ChildFileSchema`)
 * @param options - date, records, zone, look-back window, rules. Only the records naming this
 * child are read (and validated); when checking many children, group the records once with
 * {@link groupRecordsByChild} and pass each child its own.
 * @returns findings, most severe first (then mandatory reports, then by code)
 * @throws ValidationError naming the faulty field of the file or options
 * @example
 * checkLegalDuties(file, { asOf: "2026-03-01" }).map((f) => f.code)
 * //=> ["mpl21.under-16-living-alone", "pipl31.no-guardian-consent"]
 * @category Legal
 */
export function checkLegalDuties(file: ChildFileInput, options: LegalCheckOptions): LegalFinding[] {
  const f = validate(ChildFileSchema, file, { subject: text("儿童档案", "child file") });
  const o = checkLegalOptions(options);
  return findingsOf(f, o, o.records && ownRecords(o.records, f.id));
}

/**
 * Checks many child files against the hard lines of the law, as {@link checkLegalDuties} does
 * for one, validating the files, the options and the records once for all of them instead of
 * once per child (the records are grouped by child here).
 * @param files - the child files (validated with `ChildFileSchema`; ids must be unique)
 * @param options - as for {@link checkLegalDuties}; `records` are every child's records
 * @returns each child's findings by file id, in the order of `files`, exactly as
 * {@link checkLegalDuties} gives them
 * @throws ValidationError naming every faulty file (`files[3].child.birthDate`), repeated id,
 * record or option
 * @example
 * const findings = checkLegalDutiesAll(files, { asOf: "2026-03-01", records });
 * findings.get("c1")?.map((f) => f.code) //=> ["mpl21.under-16-living-alone"]
 * @category Legal
 */
export function checkLegalDutiesAll(
  files: readonly ChildFileInput[],
  options: LegalCheckOptions,
): Map<string, LegalFinding[]> {
  return checkFiles(files, checkLegalOptions(options));
}

/**
 * {@link checkLegalDutiesAll} with the options validated by the caller (the partitions of one
 * call share them); `records` are still to be validated.
 * @internal
 */
export function checkFiles(
  files: readonly ChildFileInput[],
  o: Omit<LegalOptions, "records"> & { records?: readonly unknown[] },
): Map<string, LegalFinding[]> {
  const valid = validateList(ChildFileSchema, files, {
    path: ["files"],
    subject: text("儿童档案", "child file"),
    idNoun: text("儿童", "child"),
  });
  const byChild =
    o.records &&
    groupRecordsByChild(
      validateList(ContactRecordSchema, o.records, {
        path: ["records"],
        subject: text("走访记录", "contact record"),
      }),
    );
  return new Map(valid.map((f) => [f.id, findingsOf(f, o, byChild && (byChild.get(f.id) ?? []))]));
}

/** The findings of the rules on a validated file, most severe first. */
function findingsOf(
  f: ChildFile,
  o: Omit<LegalOptions, "records">,
  records: ContactRecord[] | undefined,
): LegalFinding[] {
  const asOf = resolveAsOf(o.asOf, o.timeZone);
  const ctx = {
    file: f,
    asOf,
    timeZone: o.timeZone,
    records,
    age: ageOn(f.child.birthDate, asOf),
    lookbackWeeks: o.lookbackWeeks,
  };
  const findings: LegalFinding[] = [];
  for (const rule of o.rules ?? LEGAL_RULES) {
    for (const hit of rule.check(ctx)) {
      const mandatoryReport = hit.mandatoryReport ?? rule.mandatoryReport;
      findings.push({
        code: rule.code,
        severity: hit.severity ?? rule.severity,
        article: rule.article,
        message: hit.message,
        evidence: hit.evidence,
        ...(hit.path !== undefined ? { path: hit.path } : {}),
        mandatoryReport,
        ...(mandatoryReport ? { reportUnder: LEGAL_ARTICLES.mpl11 } : {}),
      });
    }
  }
  return findings.sort(
    (a, b) =>
      LEGAL_SEVERITY_RANK[a.severity] - LEGAL_SEVERITY_RANK[b.severity] ||
      Number(b.mandatoryReport) - Number(a.mandatoryReport) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      ((a.path ?? "") < (b.path ?? "") ? -1 : (a.path ?? "") > (b.path ?? "") ? 1 : 0),
  );
}
