import * as z from "zod";
import type { CensusReport } from "../census/status";
import type { EnrolmentStatistics } from "../census/enrolment";
import type { CompletenessReport } from "../completeness/completeness";
import { requireObject, validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import type { ComplianceReport } from "../policies/report";
import { rollUpCompliance } from "../policies/rollup";
import { cite, type SeedCitation } from "../sources/cite";
import type { OrganisationFinding } from "./organisation";

/**
 * What a school is appraised on: files (建档率), the census, visits and calls, the school's
 * own supervision, enrolment, retention, and its organisation.
 * @example
 * AppraisalCriterionIdSchema.safeParse("visits").success //=> true
 * @category Organisation
 */
export const AppraisalCriterionIdSchema = z.enum([
  "archive",
  "census",
  "visits",
  "supervision",
  "enrolment",
  "retention",
  "organisation",
]);
/** @category Organisation */
export type AppraisalCriterionId = z.infer<typeof AppraisalCriterionIdSchema>;

/**
 * A criterion of the appraisal: its weight (points out of the total) and where it comes from.
 * @category Organisation
 */
export interface AppraisalCriterion {
  readonly id: AppraisalCriterionId;
  readonly name: LocalizedText;
  readonly weight: number;
  readonly citation: SeedCitation;
}

/**
 * The criteria of the school appraisal (定期对学校和教师进行了考评, county summary L318), each
 * citing the target it measures. The summaries name the targets, not the weights: the weights
 * (out of 100) are this library's defaults; pass your county's own to `appraiseSchool`.
 * @example
 * SCHOOL_APPRAISAL_CRITERIA.reduce((s, c) => s + c.weight, 0) //=> 100
 * @category Organisation
 */
export const SCHOOL_APPRAISAL_CRITERIA: readonly AppraisalCriterion[] = Object.freeze([
  {
    id: "archive",
    name: text("建档率", "files opened"),
    weight: 15,
    citation: cite("class-teacher", 123, "建立留守儿童档案，使留守儿童建档率达100%"),
  },
  {
    id: "census",
    name: text("开学初摸底", "census at the term's start"),
    weight: 10,
    citation: cite(
      "school",
      296,
      "每学期开学初，学校以班主任为主，联系村委干部到村里了解留守儿童的情况",
    ),
  },
  {
    id: "visits",
    name: text("家访与联系达标", "visits and calls on time"),
    weight: 25,
    citation: cite("school", 8, "学校对代理监护人每月进行一次家访，每月与家长通一次电话"),
  },
  {
    id: "supervision",
    name: text("周检查、月考核", "weekly checks and monthly appraisals"),
    weight: 15,
    citation: cite("county", 117, "实行周检查、月考核制度"),
  },
  {
    id: "enrolment",
    name: text("入学率", "enrolment rate"),
    weight: 10,
    citation: cite("county", 309, "确保留守儿童入学率、巩固率均达到100%"),
  },
  {
    id: "retention",
    name: text("巩固率（无辍学）", "retention rate (no dropouts)"),
    weight: 20,
    citation: cite("class-teacher", 293, "没有让一个留守儿童出现辍学退学的现象"),
  },
  {
    id: "organisation",
    name: text("领导小组与责任制", "leading group and duties"),
    weight: 5,
    citation: cite(
      "school",
      40,
      "实行校长亲自抓，分管领导重点抓，班主任和科任老师具体抓的三级联动责任制",
    ),
  },
]);

/**
 * The bands of the appraisal, highest first (a library default: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60).
 * @example
 * SCHOOL_APPRAISAL_BANDS.find((b) => 85 >= b.min)?.id //=> "good"
 * @category Organisation
 */
export const SCHOOL_APPRAISAL_BANDS: readonly { id: string; label: LocalizedText; min: number }[] =
  Object.freeze([
    { id: "excellent", label: text("优秀", "excellent"), min: 90 },
    { id: "good", label: text("良好", "good"), min: 80 },
    { id: "pass", label: text("合格", "pass"), min: 60 },
    { id: "fail", label: text("不合格", "fail"), min: 0 },
  ]);

/**
 * One criterion's result: the measured rate (`null` when no input measured it), and the points.
 * @category Organisation
 */
export interface AppraisalLine {
  readonly id: AppraisalCriterionId;
  readonly name: LocalizedText;
  readonly weight: number;
  readonly value: number | null;
  readonly points: number | null;
  readonly citation: SeedCitation;
}

/**
 * Result of {@link appraiseSchool}.
 * @category Organisation
 */
export interface SchoolAppraisal {
  readonly schoolId: string;
  /** Points over the criteria measured, scaled to 100 (`null` when none was measured). */
  readonly score: number | null;
  readonly band: { readonly id: string; readonly label: LocalizedText } | null;
  readonly lines: readonly AppraisalLine[];
}

/**
 * What {@link appraiseSchool} reads: the reports other functions make, each optional (a
 * criterion without its report is not assessed and its weight is left out).
 * @category Organisation
 */
export interface AppraiseSchoolInput {
  schoolId: string;
  /** From `completenessReport(…, { groupBy: "school" })`: the school's archive rate. */
  completeness?: CompletenessReport;
  /** From `censusStatus` over the school's children. */
  census?: CensusReport;
  /** From `evaluateCompliance` with the visit and call policies: the school's rate. */
  visits?: ComplianceReport;
  /** From `evaluateCompliance` with `SUPERVISION_PRESETS`: the school's rate. */
  supervision?: ComplianceReport;
  /** From `enrolmentStatistics` over the school's children. */
  enrolment?: EnrolmentStatistics;
  /** From `checkOrganisation`: each finding takes a quarter off (a library default). */
  organisation?: readonly OrganisationFinding[];
  criteria?: readonly AppraisalCriterion[];
  bands?: readonly { id: string; label: LocalizedText; min: number }[];
}

const schoolRate = (report: ComplianceReport | undefined, schoolId: string): number | null =>
  report === undefined
    ? null
    : (rollUpCompliance(report, { by: "school" }).find((r) => r.key === schoolId)?.rate ?? null);

/**
 * Appraises a school (考评) on the targets of the summaries: files, census, visits, its own
 * weekly checks and monthly appraisals, enrolment, retention and organisation. Each line shows
 * the rate measured, the weight and the points; the score is the points over the criteria
 * measured, scaled to 100, and the band follows `bands`.
 * @param input - The school id and the reports to read (see {@link AppraiseSchoolInput}).
 * @returns The score, the band and one line per criterion.
 * @throws ValidationError when the school id or the weights are malformed.
 * @example
 * appraiseSchool({ schoolId: "s1", census, visits, enrolment }).band?.label["zh-CN"] //=> "良好"
 * @category Organisation
 */
export function appraiseSchool(input: AppraiseSchoolInput): SchoolAppraisal {
  const subject = text("学校考评", "school appraisal");
  requireObject(input, "input");
  const schoolId = validate(z.string().min(1).max(64), input.schoolId, {
    subject,
    path: ["schoolId"],
  });
  const criteria = input.criteria ?? SCHOOL_APPRAISAL_CRITERIA;
  validate(z.array(z.object({ weight: z.number().min(0).max(100) }).loose()), criteria, {
    subject,
    path: ["criteria"],
  });
  const bands = [...(input.bands ?? SCHOOL_APPRAISAL_BANDS)].sort((a, b) => b.min - a.min);
  const measured: Record<AppraisalCriterionId, number | null> = {
    archive: input.completeness?.rows.find((r) => r.key === schoolId)?.archiveRate ?? null,
    census: input.census?.rate ?? null,
    visits: schoolRate(input.visits, schoolId),
    supervision: schoolRate(input.supervision, schoolId),
    enrolment: input.enrolment?.enrolmentRate ?? null,
    retention: input.enrolment?.retentionRate ?? null,
    organisation:
      input.organisation === undefined ? null : Math.max(0, 1 - 0.25 * input.organisation.length),
  };
  let points = 0;
  let weight = 0;
  const lines: AppraisalLine[] = criteria.map((c) => {
    const value = measured[c.id];
    const p = value === null ? null : c.weight * value;
    if (p !== null) {
      points += p;
      weight += c.weight;
    }
    return { id: c.id, name: c.name, weight: c.weight, value, points: p, citation: c.citation };
  });
  const score = weight === 0 ? null : Math.round((1000 * points) / weight) / 10;
  const band = score === null ? null : (bands.find((b) => score >= b.min) ?? null);
  return { schoolId, score, band: band && { id: band.id, label: band.label }, lines };
}
