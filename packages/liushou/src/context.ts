import {
  ActorSchema,
  ALL_PRESETS,
  builtinChecklistRegistry,
  fieldIssue,
  formatPath,
  IdSchema,
  IssueCode,
  STORAGE_ENTITY_KINDS,
  ValidationError,
  type Actor,
  type FieldIssue,
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
import { wrapAdapter } from "./storage/wrap";
import { makeAccess, type Access } from "./access/access";
import { checkStrict } from "./_lib/arguments";
import { facadeWrites } from "./access/facade";
import { maskStorage } from "./access/masked";
import { scopeStorage } from "./access/scoped";

/**
 * Options of {@link createLiushou}.
 * @category Composition
 */
export interface LiushouOptions {
  /**
   * The storage adapter (`createMemoryStorage()`, `createSqliteStorage(…)`, your own). It must
   * have every part and method of `StorageAdapter`: one lacking any is refused when the app is
   * created, naming it (`storage.audit.redact`).
   */
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
  /**
   * The current time: a `Date` or an instant with an offset. Default the system clock. It is read
   * once when the app is created, so a clock that throws or returns no instant is refused then
   * (a `ValidationError` on `clock`); a later failure is the same error, with what the clock threw
   * as `cause`, and nothing is written.
   */
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
  /**
   * Checklist versions for assessments: a registry with `get` and `versions` (what
   * `createChecklistRegistry` returns, which refuses a version listed twice). Default the
   * built-in checklists.
   */
  checklists?: ChecklistSource;
  /** The school calendar (terms, holidays) for policies counted in school weeks or terms. */
  calendar?: SchoolCalendarInput | SchoolCalendar;
  /** Report builders by name, for `buildReport`. */
  renderers?: Readonly<Record<string, ReportRenderer>>;
  /**
   * New ids (of changes, audit entries, records). Default random UUIDs. Each id is checked as an
   * id (1 to 64 characters, or a whole number): one that is not, or a function that throws, is a
   * `ValidationError` on `ids` and nothing is written.
   */
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
  /**
   * Validates input, throwing a `ValidationError` in the chosen locale, its issues named under
   * `path` (the argument's name: `id`, `purpose`) when given.
   */
  check<S extends z.ZodType>(
    schema: S,
    value: unknown,
    subject: LocalizedText,
    path?: readonly (string | number)[],
  ): z.output<S>;
}

/** Where an option that must be a function says what it should be. */
const fn = <T>(zh: string, en: string) =>
  z.custom<T>((v) => typeof v === "function", { params: { text: text(zh, en) } } as never);

const OptionsSchema = z.object({
  // The storage adapter and the actor are checked by `storageIssues` and `actorOption`.
  storage: z.unknown(),
  actor: z.unknown(),
  visibility: RoleVisibilitySchema.optional(),
  clock: fn<() => Date | Instant>(
    "应为返回当前时间的函数",
    "expected a function returning the time",
  ).optional(),
  locale: z.enum(LOCALES as [Locale, ...Locale[]]).optional(),
  timeZone: TimeZoneSchema.optional(),
  policies: PolicySetSchema.optional(),
  checklists: z
    .custom<ChecklistSource>(
      (v) =>
        typeof v === "object" &&
        v !== null &&
        typeof (v as ChecklistSource).get === "function" &&
        typeof (v as ChecklistSource).versions === "function" &&
        ["undefined", "function"].includes(typeof (v as { latest?: unknown }).latest),
      {
        params: {
          text: text(
            "应为检查表登记册（含 get 和 versions 方法，如 createChecklistRegistry(…) 的结果）",
            "expected a checklist registry with get and versions (what createChecklistRegistry(…) returns)",
          ),
        },
      } as never,
    )
    .optional(),
  calendar: SchoolCalendarSchema.optional(),
  renderers: z
    .record(
      z.string().min(1).max(200),
      fn<ReportRenderer>(
        "应为报表函数 (context, options) => 报表",
        "expected a report function (context, options) => report",
      ),
    )
    .optional(),
  ids: fn<() => string>(
    "应为返回新编号的函数",
    "expected a function returning a new id",
  ).optional(),
  consent: ConsentOptionSchema.optional(),
});

const OPTIONS = text("createLiushou 选项", "createLiushou options");

/** The methods every repository of a storage session has. */
const REPOSITORY = ["get", "query", "stream", "streamIds", "put", "upsertMany", "remove"] as const;

/** What a storage adapter must have: each part of a session and its methods. */
const ADAPTER_PARTS: readonly (readonly [part: string, methods: readonly string[]])[] = [
  ...STORAGE_ENTITY_KINDS.map((k) => [k, REPOSITORY] as const),
  ["guardians", ["query", "stream"]],
  ["parents", ["query", "stream"]],
  ["fileChanges", ["append", "list", "redact"]],
  ["audit", ["append", "query", "stream", "redact"]],
];

/**
 * Issues of a storage adapter that lacks what the port requires (`StorageAdapter`): an `id`, a
 * `transaction`, `capabilities`, and every repository with every method, each named by its
 * path (`storage.audit.redact`), so a half-made adapter is refused when the app is created
 * rather than failing with a TypeError in the middle of a use case.
 */
function storageIssues(storage: unknown): FieldIssue[] {
  const issue = (path: string, zh: string, en: string, received: unknown) =>
    fieldIssue(path, "invalid_type", text(zh, en), received);
  if (typeof storage !== "object" || storage === null || Array.isArray(storage)) {
    return [
      issue(
        "storage",
        "应为存储适配器（StorageAdapter，如 createMemoryStorage()）",
        "expected a storage adapter (StorageAdapter, such as createMemoryStorage())",
        storage,
      ),
    ];
  }
  const issues: FieldIssue[] = [];
  try {
    const s = storage as Record<string, unknown>;
    if (typeof s["id"] !== "string" || s["id"] === "") {
      issues.push(
        issue(
          "storage.id",
          "应为适配器名称（非空文本）",
          "expected the adapter's name (a non-empty text)",
          s["id"],
        ),
      );
    }
    if (typeof s["transaction"] !== "function") {
      issues.push(
        issue("storage.transaction", "应为函数", "expected a function", s["transaction"]),
      );
    }
    const caps = s["capabilities"] as Record<string, unknown> | null | undefined;
    if (typeof caps !== "object" || caps === null) {
      issues.push(
        issue(
          "storage.capabilities",
          "应为对象 { transactions, contactCounts, persistent }",
          "expected an object { transactions, contactCounts, persistent }",
          caps,
        ),
      );
    } else if (caps["contactCounts"] === true && typeof s["countContacts"] !== "function") {
      issues.push(
        issue(
          "storage.countContacts",
          "声明了 contactCounts，应为函数",
          "expected a function, as capabilities.contactCounts says",
          s["countContacts"],
        ),
      );
    }
    for (const [part, methods] of ADAPTER_PARTS) {
      const repo = s[part] as Record<string, unknown> | null | undefined;
      if (typeof repo !== "object" || repo === null) {
        issues.push(
          issue(
            `storage.${part}`,
            "应为对象（适配器缺少此部分）",
            "expected an object (the adapter lacks it)",
            repo,
          ),
        );
        continue;
      }
      for (const m of methods) {
        if (typeof repo[m] !== "function") {
          issues.push(
            issue(
              `storage.${part}.${m}`,
              "应为函数（适配器缺少此方法）",
              "expected a function (the adapter lacks this method)",
              repo[m],
            ),
          );
        }
      }
    }
  } catch {
    // A getter that throws, a revoked proxy: not an adapter either.
    issues.push(
      issue("storage", "无法读取此存储适配器", "this storage adapter cannot be read", storage),
    );
  }
  return issues;
}

/**
 * The actor option, parsed: an id (a string or a whole number: an administrator of every child)
 * or an actor object, checked against `ActorSchema` so each issue names its field
 * (`actor.role`, `actor.scope.classIds`), with no key it does not take. @internal
 */
export function actorOption(
  actor: unknown,
  locale: Locale,
  path: readonly string[] = ["actor"],
): Actor | string {
  if (typeof actor === "object" && actor !== null && !Array.isArray(actor)) {
    return checkStrict(locale, ActorSchema, actor, text("操作人", "actor"), { path });
  }
  if (typeof actor === "string" || typeof actor === "number" || typeof actor === "bigint") {
    return validate(IdSchema, actor, { subject: text("操作人", "actor"), locale, path });
  }
  throw new ValidationError(
    [
      fieldIssue(
        formatPath(path),
        "invalid_type",
        text(
          "应为操作人 { id, role, scope } 或编号（编号视为管理员）",
          "expected an actor { id, role, scope } or an id (an id acts as an administrator)",
        ),
        actor,
      ),
    ],
    { subject: text("操作人", "actor"), locale },
  );
}

/** The issues of a ValidationError, anything else thrown again. */
function issuesOf(work: () => unknown): FieldIssue[] {
  try {
    work();
    return [];
  } catch (e) {
    if (e instanceof ValidationError) return [...e.issues];
    throw e;
  }
}

/**
 * The value of a host's function (`clock`, `ids`) checked with `schema`: a ValidationError on
 * `path` when the function throws (what it threw as `cause`) or gives something the schema
 * refuses.
 */
function hostValue<S extends z.ZodType>(
  call: () => unknown,
  path: string,
  schema: S,
  subject: LocalizedText,
  threw: { code: IssueCode; message: LocalizedText },
  locale: Locale,
): z.output<S> {
  let value: unknown;
  try {
    value = call();
  } catch (cause) {
    throw new ValidationError([fieldIssue(path, threw.code, threw.message, undefined)], {
      subject,
      locale,
      cause,
    });
  }
  return validate(schema, value, { subject, locale, path: [path] });
}

/**
 * Reads the clock: its instant, or a ValidationError on `clock` when it throws (the error as
 * `cause`) or returns something that is not an instant (an invalid `Date`, a text without an
 * offset, a number). @internal
 */
export function readClock(clock: () => unknown, locale: Locale): Instant {
  return hostValue(
    clock,
    "clock",
    InstantSchema,
    text("时钟返回的时间", "time from the clock"),
    {
      code: IssueCode.INSTANT,
      message: text("时钟出错，没有返回时间", "the clock threw instead of returning the time"),
    },
    locale,
  );
}

/**
 * A new id from the host's `ids`: an id as `IdSchema` takes it (a text of 1 to 64 characters, or
 * a whole number, as text), or a ValidationError on `ids` (with what it threw as `cause`), so a
 * broken generator never stores an entry without an id. @internal
 */
function readId(ids: () => unknown, locale: Locale): string {
  return hostValue(
    ids,
    "ids",
    IdSchema,
    text("新编号", "new id"),
    { code: IssueCode.ID, message: text("编号函数出错", "the ids function threw") },
    locale,
  );
}

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

/**
 * Validates the options and builds the context. Every problem is reported at once, each named
 * by its option (`policies[1].id`, `storage.audit.redact`, `clock`): an option the function does
 * not take (a typo such as `polices`), a storage adapter missing a method, an actor with a bad
 * role or scope, a clock that throws or returns no instant (it is read once here), a checklist
 * registry without `versions`, a renderer that is not a function. @internal
 */
export function makeContext(options: LiushouOptions): Context {
  const given = options as unknown;
  const asked = (given as { locale?: unknown } | null)?.locale;
  const locale0: Locale = LOCALES.includes(asked as Locale) ? (asked as Locale) : DEFAULT_LOCALE;
  let o: z.output<typeof OptionsSchema> | undefined;
  const issues = issuesOf(() => {
    o = checkStrict(locale0, OptionsSchema, given, OPTIONS, { deep: false });
  });
  let cause: unknown;
  if (typeof given === "object" && given !== null && !Array.isArray(given)) {
    const g = given as Record<string, unknown>;
    issues.push(...storageIssues(g["storage"]));
    issues.push(...issuesOf(() => actorOption(g["actor"], locale0)));
    // The clock is read once, so one that throws or returns no instant is refused now.
    if (typeof g["clock"] === "function") {
      try {
        readClock(g["clock"] as () => unknown, locale0);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        issues.push(...e.issues);
        cause = e.cause;
      }
    }
  }
  if (issues.length > 0 || o === undefined) {
    throw new ValidationError(issues, {
      subject: OPTIONS,
      locale: locale0,
      ...(cause === undefined ? {} : { cause }),
    });
  }
  const locale = o.locale ?? DEFAULT_LOCALE;
  const timeZone = o.timeZone ?? DEFAULT_TIME_ZONE;
  const clock = o.clock ?? (() => new Date());
  const ids = o.ids ?? (() => globalThis.crypto.randomUUID());
  const check: Context["check"] = (schema, value, subject, path = []) =>
    validate(schema, value, { subject, locale, path });
  const now = (): Instant => readClock(clock, locale);
  const today = () => dateInZone(now(), timeZone);
  const storage = o.storage as StorageAdapter;
  return withActor(
    {
      storage: wrapAdapter(storage, locale),
      view: wrapAdapter(storage, locale),
      base: wrapAdapter(storage, locale),
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
      newId: () => readId(ids, locale),
      check,
    },
    o.actor as ActorInput | string,
  );
}

/** The context of another actor over the same adapter and settings. @internal */
export function withActor(ctx: Context, actor: ActorInput | string): Context {
  const a = actorOption(actor, ctx.locale);
  const access = makeAccess(a, ctx.visibility, ctx.today);
  const storage = scopeStorage(ctx.base, access);
  const next: { -readonly [K in keyof Context]: Context[K] } = {
    ...ctx,
    storage,
    actor: access.actor.id,
    access,
  };
  // app.storage writes as this actor's use cases do.
  // Its errors read in the app's locale, as the use cases' do.
  next.view = wrapAdapter(maskStorage(storage, access.visible, facadeWrites(next)), ctx.locale);
  return next;
}
