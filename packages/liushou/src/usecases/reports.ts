import {
  LiushouError,
  RenderError,
  text,
  type Actor,
  type CalendarDate,
  type FieldClass,
  type ComplianceReport,
  type Instant,
  type Locale,
  type Policy,
  type StorageSession,
  type TimeZone,
  type WorkList,
} from "@liushou/core";
import type { Context } from "../context";
import { validationIssue } from "../_lib/write";
import { compliance, listDue, type ComplianceOptions, type DueOptions } from "./compliance";

/**
 * What a report builder gets: the stored data (read through the wrapped storage, in the actor's
 * scope and unmasked, so core's checks accept it: the builder masks what it outputs, as the
 * built-in reports of `@liushou/report` do by default), who asks for the report and the field
 * classes its role sees in full (mask the others: `maskFields(ChildFileSchema, file,
 * ctx.visibleClasses)`), the day and instant of the build from the clock, the settings, and the
 * compliance use cases.
 * @category Composition
 */
export interface ReportContext {
  readonly storage: StorageSession;
  /** Who asks for the report: its id, role and scope. */
  readonly actor: Actor;
  /**
   * The field classes the actor's role sees in full (`app.visibleClasses`): a value of another
   * class must leave the report masked, or be shown through `app.reveal`, which audits it.
   */
  readonly visibleClasses: readonly FieldClass[];
  readonly asOf: CalendarDate;
  readonly now: Instant;
  readonly timeZone: TimeZone;
  readonly locale: Locale;
  readonly policies: readonly Policy[];
  compliance(options: ComplianceOptions): Promise<ComplianceReport>;
  listDue(options?: DueOptions): Promise<WorkList>;
}

/**
 * A report builder plugged into `createLiushou({ renderers })`: given the context and the
 * caller's options, it returns the report (a model, a file's bytes, anything).
 * @example
 * const monthly: ReportRenderer = async (ctx, options) => (await ctx.compliance(options as ComplianceOptions)).summary();
 * @category Composition
 */
export type ReportRenderer = (
  context: ReportContext,
  options: unknown,
) => unknown | Promise<unknown>;

/**
 * Builds a report with the renderer registered under `name`. A renderer's own failure becomes a
 * `RenderError` (Liushou's errors pass through). @internal
 */
export async function buildReport(ctx: Context, name: string, options?: unknown): Promise<unknown> {
  // The name is shown cut short in the error: a huge or odd one never makes a huge message.
  const renderer = typeof name === "string" ? ctx.renderers[name] : undefined;
  if (!renderer || !Object.hasOwn(ctx.renderers, name)) {
    const known = Object.keys(ctx.renderers).join(", ") || "—";
    throw validationIssue(
      ctx,
      "name",
      "unknown_id",
      name,
      `没有名为该值的报表（已有：${known}）`,
      `no report renderer of that name (known: ${known})`,
    );
  }
  const now = ctx.now();
  const context: ReportContext = {
    storage: ctx.storage,
    actor: ctx.access.actor,
    visibleClasses: ctx.access.visible,
    asOf: ctx.today(),
    now,
    timeZone: ctx.timeZone,
    locale: ctx.locale,
    policies: ctx.policies,
    compliance: (o) => compliance(ctx, o),
    listDue: (o) => listDue(ctx, o),
  };
  try {
    return await renderer(context, options);
  } catch (e) {
    if (e instanceof LiushouError) throw e;
    throw new RenderError(text(`报表 ${name} 生成失败`, `report ${name} failed`), {
      cause: e,
      locale: ctx.locale,
    });
  }
}
