import {
  ALL_PRESETS,
  builtinChecklistRegistry,
  dateInZone,
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  InstantSchema,
  invalidArgument,
  LOCALES,
  PolicySetSchema,
  SchoolCalendarSchema,
  createSchoolCalendar,
  text,
  TimeZoneSchema,
  validate,
  type CalendarDate,
  type ChecklistSource,
  type Instant,
  type Locale,
  type LocalizedText,
  type Policy,
  type PolicyInput,
  type SchoolCalendar,
  type SchoolCalendarInput,
  type StorageAdapter,
  type TimeZone,
  type ActorInput,
  type RoleVisibility,
  RoleVisibilitySchema,
  type ConsentPurpose,
} from "@liushou/core";
import * as z from "zod";
import type { ReportRenderer } from "./usecases/reports";
import { ConsentOptionSchema, type ConsentOption } from "./usecases/consent";
import { wrapStorage } from "./storage/wrap";
import { ActorOptionSchema, makeAccess, type Access } from "./access/access";
import { facadeWrites } from "./access/facade";
import { maskStorage } from "./access/masked";
import { scopeStorage } from "./access/scoped";

/**
 * Options of {@link createLiushou}.
 * @category Composition
 */
export interface LiushouOptions {
  /** The storage adapter (`createMemoryStorage()`, `createSqliteStorage(…)`, your own). */
  storage: StorageAdapter;
  /**
   * Who acts: an {@link ActorInput} (an id recorded in histories and the audit log, a role that
   * decides which field classes are shown in full, a scope that decides which children it
   * reaches). A bare id acts as an administrator with every child in scope (scripts,
   * single-user tools); multi-user hosts pass the signed-in user's actor.
   */
  actor: ActorInput | string;
  /** Which field classes each role sees in full; roles given replace `DEFAULT_ROLE_VISIBILITY`'s. */
  visibility?: RoleVisibility;
  /** The current time. Default the system clock. */
  clock?: () => Date | Instant;
  /** Locale of error messages (both texts stay available). Default zh-CN. */
  locale?: Locale;
  /** Zone in which instants become days. Default `Asia/Shanghai`. */
  timeZone?: TimeZone;
  /**
   * Visit policies for compliance and due lists. Default every preset (`ALL_PRESETS`) with a
   * `calendar`, and without one the presets that need none (those counted in school weeks or
   * terms are left out). Policies given that follow the school calendar need `calendar`.
   */
  policies?: readonly (PolicyInput | Policy)[];
  /** Checklist versions for assessments. Default the built-in checklists. */
  checklists?: ChecklistSource;
  /** The school calendar (terms, holidays) for policies counted in school weeks or terms. */
  calendar?: SchoolCalendarInput | SchoolCalendar;
  /** Report builders by name, for `buildReport`. */
  renderers?: Readonly<Record<string, ReportRenderer>>;
  /** New ids (of changes, audit entries, records). Default random UUIDs. */
  ids?: () => string;
  /**
   * Guardian consent checked before processing a child under 14 (PIPL Art. 31): the purposes
   * required (`{ required: ["file", "sensitive", "health", "financial", "assessment"] }`), or
   * `false`, the default, to check none. See the access guide for which use cases check what.
   */
  consent?: ConsentOption;
}

/** What every use case reads: the wrapped storage and the settings. @internal */
export interface Context {
  /** The adapter as the actor sees it: scoped reads, checked writes, not masked. */
  readonly storage: StorageAdapter;
  /** The same, with reads masked for the actor's role: what leaves the library. */
  readonly view: StorageAdapter;
  /** The unwrapped adapter (errors wrapped only), to build another actor's context. */
  readonly base: StorageAdapter;
  /** The actor's id, recorded in histories and the audit log. */
  readonly actor: string;
  readonly access: Access;
  readonly visibility: RoleVisibility | undefined;
  readonly locale: Locale;
  readonly timeZone: TimeZone;
  readonly policies: readonly Policy[];
  readonly checklists: ChecklistSource;
  readonly calendar: SchoolCalendar | undefined;
  readonly renderers: Readonly<Record<string, ReportRenderer>>;
  /** The consent purposes checked before processing (empty: none). */
  readonly consent: readonly ConsentPurpose[];
  /** The clock's current instant. */
  now(): Instant;
  /** Today in `timeZone`. */
  today(): CalendarDate;
  newId(): string;
  /** Validates input, throwing a `ValidationError` in the chosen locale. */
  check<S extends z.ZodType>(schema: S, value: unknown, subject: LocalizedText): z.output<S>;
}

const OptionsSchema = z.object({
  storage: z.custom<StorageAdapter>(
    (v) =>
      typeof v === "object" &&
      v !== null &&
      typeof (v as StorageAdapter).id === "string" &&
      typeof (v as StorageAdapter).transaction === "function" &&
      typeof (v as StorageAdapter).files?.get === "function",
    { message: "expected a storage adapter (StorageAdapter)" },
  ),
  actor: ActorOptionSchema,
  visibility: RoleVisibilitySchema.optional(),
  clock: z.custom<() => Date | Instant>((v) => typeof v === "function").optional(),
  locale: z.enum(LOCALES as [Locale, ...Locale[]]).optional(),
  timeZone: TimeZoneSchema.optional(),
  policies: PolicySetSchema.optional(),
  checklists: z
    .custom<ChecklistSource>(
      (v) =>
        typeof v === "object" && v !== null && typeof (v as ChecklistSource).get === "function",
      { message: "expected a checklist registry" },
    )
    .optional(),
  calendar: SchoolCalendarSchema.optional(),
  renderers: z
    .record(
      z.string(),
      z.custom<ReportRenderer>((v) => typeof v === "function"),
    )
    .optional(),
  ids: z.custom<() => string>((v) => typeof v === "function").optional(),
  consent: ConsentOptionSchema.optional(),
});

const ClockSchema = z.union([z.date().refine((d) => !Number.isNaN(d.getTime())), InstantSchema]);

/**
 * The policies of the context: those given, refused when one follows the school calendar and
 * there is none (it could never be evaluated); by default every preset the calendar allows.
 */
function policiesOf(
  given: readonly Policy[] | undefined,
  hasCalendar: boolean,
  locale: Locale,
): readonly Policy[] {
  if (given === undefined)
    return hasCalendar ? ALL_PRESETS : ALL_PRESETS.filter((p) => p.calendar !== "school");
  const i = hasCalendar ? -1 : given.findIndex((p) => p.calendar === "school");
  if (i < 0) return given;
  throw invalidArgument(
    "calendar",
    "invalid_type",
    text(
      `政策 ${given[i]!.id} 按校历计算，须提供 calendar`,
      `policy ${given[i]!.id} follows the school calendar, so calendar is required`,
    ),
    undefined,
    { locale },
  );
}

/** Validates the options and builds the context. @internal */
export function makeContext(options: LiushouOptions): Context {
  const o = validate(OptionsSchema, options, {
    subject: text("createLiushou 选项", "createLiushou options"),
    locale: options?.locale ?? DEFAULT_LOCALE,
  });
  const locale = o.locale ?? DEFAULT_LOCALE;
  const timeZone = o.timeZone ?? DEFAULT_TIME_ZONE;
  const clock = o.clock ?? (() => new Date());
  const check: Context["check"] = (schema, value, subject) =>
    validate(schema, value, { subject, locale });
  const now = (): Instant => {
    const t = check(ClockSchema, clock(), text("时钟返回的时间", "time from the clock"));
    return t instanceof Date ? (t.toISOString() as Instant) : t;
  };
  const today = () => dateInZone(now(), timeZone);
  return withActor(
    {
      storage: wrapStorage(o.storage),
      view: wrapStorage(o.storage),
      base: wrapStorage(o.storage),
      actor: "",
      access: undefined as never,
      visibility: o.visibility,
      locale,
      timeZone,
      policies: policiesOf(o.policies, o.calendar !== undefined, locale),
      checklists: o.checklists ?? builtinChecklistRegistry(),
      calendar: o.calendar === undefined ? undefined : createSchoolCalendar(o.calendar),
      renderers: o.renderers ?? {},
      consent: o.consent ? (o.consent.required as ConsentPurpose[]) : [],
      now,
      today,
      newId: o.ids ?? (() => globalThis.crypto.randomUUID()),
      check,
    },
    o.actor,
  );
}

/** The context of another actor over the same adapter and settings. @internal */
export function withActor(ctx: Context, actor: ActorInput | string): Context {
  const a = ctx.check(ActorOptionSchema, actor, text("操作人", "actor"));
  const access = makeAccess(a, ctx.visibility, ctx.today);
  const storage = scopeStorage(ctx.base, access);
  const next: { -readonly [K in keyof Context]: Context[K] } = {
    ...ctx,
    storage,
    actor: access.actor.id,
    access,
  };
  // app.storage writes as this actor's use cases do.
  next.view = maskStorage(storage, access.visible, facadeWrites(next));
  return next;
}
