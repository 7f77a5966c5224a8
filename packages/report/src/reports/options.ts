import {
  CalendarDateSchema,
  DefinitionChoiceSchema,
  InstantSchema,
  LEFT_BEHIND_DEFINITIONS,
  TimeZoneSchema,
  DEFAULT_TIME_ZONE,
  text,
  validate,
  type CalendarDate,
  type DefinitionChoice,
  type Instant,
  type Locale,
  type LocalizedText,
  type TimeZone,
} from "@liushou/core";
import * as z from "zod";
import { ReportPeriodSchema, SensitiveFieldSchema } from "../model/schema";
import type { DataSource, ReportMeta, SensitiveField } from "../model/types";

/**
 * Options every built-in report takes: the language, the dates (nothing reads the clock), who
 * prepared it, and which sensitive fields to reveal.
 * @example
 * const options: ReportOptions = { locale: "en", asOf: "2026-06-30", period: { from: "2026-02-20", to: "2026-06-30" }, generatedAt: "2026-07-01T09:00:00+08:00" };
 * @category Report builders
 */
export interface ReportOptions {
  /** Language of the report. Default `zh-CN`. */
  locale?: Locale;
  /** The date the figures describe. */
  asOf: CalendarDate;
  /** The period reported on. Default: the calendar year up to `asOf`. */
  period?: { from: CalendarDate; to: CalendarDate };
  /** When the report is generated (the host passes its clock). */
  generatedAt: Instant;
  /** Default `Asia/Shanghai`. */
  timeZone?: TimeZone;
  /** The person or office preparing it. */
  preparedBy?: string;
  /** Sensitive fields to print in full (masked otherwise); the report records each one revealed. */
  reveal?: readonly SensitiveField[];
}

/** @internal */
export const ReportOptionsSchema = z.object({
  locale: z.enum(["zh-CN", "en"]).optional(),
  asOf: CalendarDateSchema,
  period: ReportPeriodSchema.optional(),
  generatedAt: InstantSchema,
  timeZone: TimeZoneSchema.optional(),
  preparedBy: z.string().optional(),
  reveal: z.array(SensitiveFieldSchema).optional(),
  definition: DefinitionChoiceSchema.optional(),
});

/** What a report covers, as a host may name it. @internal */
export const SubjectSchema = z.object({
  kind: z.enum(["school", "area", "mentor", "child", "all"]),
  id: z.string().optional(),
  name: z.string(),
});

/** The options as a builder uses them, defaults applied. @internal */
export interface ResolvedOptions {
  locale: Locale;
  asOf: CalendarDate;
  period: { from: CalendarDate; to: CalendarDate };
  generatedAt: Instant;
  timeZone: TimeZone;
  preparedBy: string | undefined;
  reveal: readonly SensitiveField[];
}

/**
 * Validates a builder's input object and its common options.
 * @internal
 */
export function resolveOptions<S extends z.ZodObject>(
  schema: S,
  input: unknown,
  subject: LocalizedText,
): z.output<S> & { resolved: ResolvedOptions } {
  const parsed = validate(ReportOptionsSchema.extend(schema.shape), input, {
    subject,
  }) as z.output<S> & z.output<typeof ReportOptionsSchema>;
  const asOf = parsed.asOf;
  return {
    ...parsed,
    resolved: {
      locale: parsed.locale ?? "zh-CN",
      asOf,
      period: parsed.period ?? { from: `${asOf.slice(0, 4)}-01-01` as CalendarDate, to: asOf },
      generatedAt: parsed.generatedAt,
      timeZone: parsed.timeZone ?? DEFAULT_TIME_ZONE,
      preparedBy: parsed.preparedBy,
      reveal: parsed.reveal ?? [],
    },
  };
}

/** The bilingual name of a left-behind definition. @internal */
export function definitionName(choice: DefinitionChoice | undefined, id: string): LocalizedText {
  if (choice !== undefined && typeof choice !== "string") return choice.name;
  const builtIn = (LEFT_BEHIND_DEFINITIONS as Record<string, { name: LocalizedText }>)[id];
  return builtIn?.name ?? text(id, id);
}

/** The metadata block of a report. @internal */
export function reportMeta(
  o: ResolvedOptions,
  subject: ReportMeta["subject"],
  dataSources: readonly DataSource[],
  definition?: string,
): ReportMeta {
  return {
    ...(o.preparedBy !== undefined ? { preparedBy: o.preparedBy } : {}),
    subject,
    period: o.period,
    asOf: o.asOf,
    generatedAt: o.generatedAt,
    timeZone: o.timeZone,
    ...(definition !== undefined ? { definition } : {}),
    dataSources,
  };
}
