import {
  BoardingConventionSchema,
  DefinitionChoiceSchema,
  type BoardingConvention,
  type DefinitionChoice,
  type LocalizedText,
  type Policy,
  type PolicyInput,
} from "@liushou/core";
import * as z from "zod";
import { resolveOptions, type ReportOptions, type ResolvedOptions } from "../reports/options";
import { analyseCare, type CareAnalysis } from "./analyse";
import {
  CareDataSchema,
  ReportScopeSchema,
  scopeData,
  type CareData,
  type ReportScope,
  type ScopedData,
} from "./scope";

/**
 * What the care reports (work summary, work list) take: the care data, the scope, the visit
 * policies and the counting choices.
 * @example
 * const input: CareReportInput = { ...data, scope: { level: "school", id: "s1" }, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" };
 * @category Report builders
 */
export interface CareReportInput extends ReportOptions, CareData {
  scope: ReportScope;
  /** Visit policies; default {@link DEFAULT_REPORT_POLICIES}. */
  policies?: readonly (Policy | PolicyInput)[];
  definition?: DefinitionChoice;
  /** How boarders are counted. Default `boarding-overlaps`. */
  convention?: BoardingConvention;
  /** Days ahead counted as due soon. Default 14. */
  withinDays?: number;
}

const CareReportInputSchema = CareDataSchema.extend({
  scope: ReportScopeSchema,
  policies: z.array(z.unknown()).optional(),
  definition: DefinitionChoiceSchema.optional(),
  convention: BoardingConventionSchema.optional(),
  withinDays: z.number().int().min(0).max(366).optional(),
});

/**
 * Validates a care report's input, selects the data of its scope and runs core over it once.
 * @internal
 */
export function runCare(
  input: CareReportInput,
  subject: LocalizedText,
): { o: ResolvedOptions; scoped: ScopedData; a: CareAnalysis } {
  const { resolved: o } = resolveOptions(CareReportInputSchema, input, subject);
  const scoped = scopeData(input, input.scope);
  const a = analyseCare(scoped, {
    o,
    scope: input.scope,
    policies: input.policies as readonly Policy[] | undefined,
    definition: input.definition,
    convention: input.convention,
    withinDays: input.withinDays,
  });
  return { o, scoped, a };
}
