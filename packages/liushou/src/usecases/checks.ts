import {
  ChildFileSchema,
  changedFieldClasses,
  consentPurposesOfClasses,
  dateInZone,
  fieldIssue,
  formatPath,
  IssueCode,
  isCalendarDate,
  outOfScope,
  requireConsent,
  storageChildIdsOf,
  text,
  ValidationError,
  type CalendarDate,
  type ChildFile,
  type ConsentPurpose,
  type ConsentRecord,
  type FieldClass,
  type FieldIssue,
  type Instant,
  type LocalizedText,
  type StorageEntities,
  type StorageEntityKind,
  type StorageSession,
} from "@liushou/core";
import type { Context } from "../context";
import { unscoped } from "../access/scoped";
import { storedById, unknownId } from "../_lib/write";

type Path = readonly (string | number)[];

/** Issue code of a consent whose `relation` is not that of the consenting person on file. @internal */
export const RELATION_MISMATCH = "relation_mismatch";

/**
 * One entity a use case is about to write: the new value, the stored value it replaces (if
 * any), and where the value sits in the caller's input (`["rows", 3]`, `[]` for a use case's
 * own input), so an issue names the field as the caller wrote it. @internal
 */
export interface EntityWrite<K extends StorageEntityKind = StorageEntityKind> {
  readonly value: StorageEntities[K];
  readonly before?: StorageEntities[K] | undefined;
  readonly path: Path;
}

/** A time a record says something happened at, with its path inside the record. */
interface Moment {
  readonly path: Path;
  readonly at: Instant | CalendarDate;
}

/**
 * The times each kind records something as having happened (a child's birth, a visit, an
 * assessment, a consent given or withdrawn, progress on a plan): none of them may lie after
 * today or before the birth of a child the record is about. Planned dates (a pairing's start, a plan's due dates) are not
 * among them.
 */
const MOMENTS: { readonly [K in StorageEntityKind]?: (value: StorageEntities[K]) => Moment[] } = {
  // A child is born on or before today: a birth date to come is a typo (2041 for 2014).
  files: (f) => [{ path: ["child", "birthDate"], at: f.child.birthDate }],
  contacts: (r) => [
    { path: ["at"], at: r.at },
    ...(r.recordedAt === undefined ? [] : [{ path: ["recordedAt"], at: r.recordedAt }]),
  ],
  assessments: (a) => [{ path: ["takenAt"], at: a.takenAt }],
  consents: (c) => [
    { path: ["givenAt"], at: c.givenAt },
    ...(c.withdrawnAt === undefined ? [] : [{ path: ["withdrawnAt"], at: c.withdrawnAt }]),
  ],
  assistancePlans: (p) =>
    p.items.flatMap((item, i) =>
      item.progress.map((e, j) => ({ path: ["items", i, "progress", j, "on"], at: e.on })),
    ),
};

/**
 * The stored entities each kind names and must find: the use cases that create such a record
 * (`applyPairingPlan`, `recordConsent`, `assessChild`) read them, and so does every other way
 * in. A contact record may name a child not on file (its children are checked by
 * `recordContact`, and by the scope).
 */
const REFERENCES: {
  readonly [K in StorageEntityKind]?: readonly (readonly [
    field: keyof StorageEntities[K] & string,
    kind: "files" | "mentors",
  ])[];
} = {
  pairings: [
    ["childId", "files"],
    ["mentorId", "mentors"],
  ],
  consents: [["childId", "files"]],
  assessments: [["childId", "files"]],
};

/** The calendar day of a recorded time in the app's time zone. */
function dayOf(ctx: Context, at: Instant | CalendarDate): CalendarDate {
  return isCalendarDate(at) ? at : dateInZone(at, ctx.timeZone);
}

/**
 * Issues of a recorded time: it may not fall after today (the day of the clock's instant in the
 * app's time zone, so any time later today is accepted) nor before the birth date of a child
 * the record is about. @internal
 */
export function momentIssues(
  ctx: Context,
  path: Path,
  at: Instant | CalendarDate,
  children: readonly ChildFile[] = [],
  today: CalendarDate = ctx.today(),
): FieldIssue[] {
  const day = dayOf(ctx, at);
  if (day > today) {
    return [
      fieldIssue(
        formatPath(path),
        IssueCode.DATE_ORDER,
        text(
          `不能晚于今天（${today}，${ctx.timeZone}）：尚未发生的事不能记录`,
          `must not be later than today, ${today} (${ctx.timeZone}): what has not happened yet cannot be recorded`,
        ),
        at,
      ),
    ];
  }
  const born = children.find((c) => day < c.child.birthDate);
  if (born === undefined) return [];
  return [
    fieldIssue(
      formatPath(path),
      IssueCode.DATE_ORDER,
      text(
        `不能早于儿童 ${born.id} 的出生日期 ${born.child.birthDate}`,
        `must not be before the birth date of child ${born.id}, ${born.child.birthDate}`,
      ),
      at,
    ),
  ];
}

/**
 * Issues of the person a consent names: `guardianId` must be a guardian or parent in the
 * child's file, and `relation` must be theirs (a guardian's `relation`, a parent's `role`).
 */
function consentPersonIssues(consent: ConsentRecord, file: ChildFile, path: Path): FieldIssue[] {
  const relations = [
    ...file.guardians.filter((g) => g.id === consent.guardianId).map((g) => g.relation),
    ...file.parents.filter((p) => p.id === consent.guardianId).map((p) => p.role),
  ];
  if (relations.length === 0) {
    return [
      fieldIssue(
        formatPath([...path, "guardianId"]),
        IssueCode.UNKNOWN_ID,
        text(
          `档案 ${file.id} 中没有这位监护人或父母`,
          `no guardian or parent of file ${file.id} has this id`,
        ),
        consent.guardianId,
      ),
    ];
  }
  if (relations.includes(consent.relation)) return [];
  const expected = relations.join(", ");
  return [
    fieldIssue(
      formatPath([...path, "relation"]),
      RELATION_MISMATCH,
      text(
        `与档案 ${file.id} 中 ${consent.guardianId} 的关系（${expected}）不符`,
        `does not match the relation of ${consent.guardianId} in file ${file.id} (${expected})`,
      ),
      consent.relation,
    ),
  ];
}

/** The purposes of `wanted` the host requires consent for. */
function required(ctx: Context, wanted: readonly ConsentPurpose[]): ConsentPurpose[] {
  return [...new Set(wanted)].filter((p) => ctx.consent.includes(p));
}

/** Every consent record of a child visible in the session. @internal */
export async function consentsOf(tx: StorageSession, childId: string): Promise<ConsentRecord[]> {
  const out: ConsentRecord[] = [];
  for await (const r of tx.consents.stream({ childId })) out.push(r.value);
  return out;
}

/**
 * Throws a `ConsentRequiredError` unless a guardian's consent is in force now for each of the
 * purposes the host requires among `purposes` (a child of 14 or more needs none). @internal
 */
export async function checkConsent(
  ctx: Context,
  tx: StorageSession,
  file: ChildFile,
  purposes: readonly ConsentPurpose[],
): Promise<void> {
  const needed = required(ctx, purposes);
  if (needed.length === 0) return;
  const records = await consentsOf(tx, file.id);
  for (const p of needed) requireConsent(file, p, records, ctx.now(), ctx.timeZone);
}

/**
 * The purposes a change of a child's file is processing for: `file` for any change, and the
 * purposes of the field classes it touches (`consentPurposesOfClasses`). @internal
 */
export function purposesOfFileChange(before: ChildFile, after: ChildFile): ConsentPurpose[] {
  return ["file", ...consentPurposesOfClasses(changedFieldClasses(ChildFileSchema, before, after))];
}

/** The purposes of showing fields of these classes in full. @internal */
export function purposesOfReveal(classes: readonly (FieldClass | undefined)[]): ConsentPurpose[] {
  return consentPurposesOfClasses(classes.filter((c): c is FieldClass => c !== undefined));
}

/** The consent purposes a write of one entity processes: a stored file's change, an assessment. */
function purposesOfWrite<K extends StorageEntityKind>(
  kind: K,
  w: EntityWrite<K>,
): ConsentPurpose[] {
  if (kind === "assessments") return ["assessment"];
  if (kind === "files" && w.before !== undefined) {
    return purposesOfFileChange(w.before as ChildFile, w.value as ChildFile);
  }
  return []; // creating a file is not checked: consent is recorded against a file on file
}

/**
 * Runs, in one pass over a batch of writes of one kind, the checks every way of writing that
 * kind shares (the use cases, `importEntities`, `importFiles`, `app.storage`):
 * - the children and mentors a pairing, consent or assessment names are stored (a
 *   ValidationError naming each unknown id, then a ForbiddenError for a child outside the
 *   actor's scope);
 * - a consent's `guardianId` and `relation` are those of a guardian or parent in the file;
 * - recorded times (a file's `child.birthDate`, `at`, `recordedAt`, `takenAt`, `givenAt`,
 *   `withdrawnAt`, progress `on`) fall on or before today and on or after the birth of the
 *   children named;
 * - the guardian's consent (`createLiushou({ consent })`) for a stored file's change and for an
 *   assessment (`ConsentRequiredError`).
 *
 * The files and mentors are read once for the batch. Nothing is written. @internal
 */
export async function checkWrites<K extends StorageEntityKind>(
  ctx: Context,
  tx: StorageSession,
  kind: K,
  writes: readonly EntityWrite<K>[],
  subject: LocalizedText,
): Promise<void> {
  if (writes.length === 0) return;
  const moments = MOMENTS[kind] as ((v: StorageEntities[K]) => Moment[]) | undefined;
  const references = REFERENCES[kind] ?? [];
  // The children each write names, once.
  const named = writes.map((w) =>
    kind === "files" ? [] : (storageChildIdsOf(kind, w.value) ?? []),
  );
  // The children's files are read when a check needs them (a birth date, the people, a reference).
  const childIds = moments !== undefined || references.length > 0 ? [...new Set(named.flat())] : [];
  const files = await storedById(tx, "files", childIds);
  const mentorIds = references.some(([, k]) => k === "mentors")
    ? writes.map((w) => (w.value as { mentorId: string }).mentorId)
    : [];
  const mentors = await storedById(tx, "mentors", [...new Set(mentorIds)]);
  // A child on file outside the scope reads as absent: look it up unscoped to tell the two apart.
  const absent = references.length > 0 ? childIds.filter((id) => !files.has(id)) : [];
  const hidden = await storedById(unscoped(tx), "files", absent);

  const issues: FieldIssue[] = [];
  const today = ctx.today();
  for (const [i, w] of writes.entries()) {
    for (const [field, k] of references) {
      const id = (w.value as Record<string, string>)[field]!;
      const found = k === "files" ? files.has(id) || hidden.has(id) : mentors.has(id);
      if (!found) issues.push(...unknownId(ctx, k, id, formatPath([...w.path, field])).issues);
    }
    const children = named[i]!.flatMap((id) => {
      const f = files.get(id);
      return f ? [f.value] : [];
    });
    if (kind === "consents" && children[0] !== undefined) {
      issues.push(...consentPersonIssues(w.value as ConsentRecord, children[0], w.path));
    }
    for (const m of moments?.(w.value) ?? []) {
      issues.push(...momentIssues(ctx, [...w.path, ...m.path], m.at, children, today));
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, { subject, locale: ctx.locale });
  const [outside] = hidden.keys();
  if (outside !== undefined) throw outOfScope(ctx.actor, `files ${outside}`);

  if (ctx.consent.length === 0) return;
  // One check per child, with every purpose its writes process.
  const purposes = new Map<string, { file: ChildFile; purposes: ConsentPurpose[] }>();
  for (const [i, w] of writes.entries()) {
    const wanted = purposesOfWrite(kind, w);
    const file =
      kind === "files" ? (w.before as ChildFile | undefined) : files.get(named[i]![0]!)?.value;
    if (wanted.length === 0 || file === undefined) continue;
    const entry = purposes.get(file.id) ?? { file, purposes: [] };
    entry.purposes.push(...wanted);
    purposes.set(file.id, entry);
  }
  for (const { file, purposes: p } of purposes.values()) await checkConsent(ctx, tx, file, p);
}
