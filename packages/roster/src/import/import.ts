import { createHash } from "node:crypto";
import {
  CalendarDateSchema,
  ChildFileSchema,
  dateInZone,
  DEFAULT_TIME_ZONE,
  FieldClassSchema,
  ForbiddenError,
  invalidArgument,
  requireObject,
  safeValidate,
  text,
  validate,
  type CalendarDate,
  type ChildFile,
  type ChildFileInput,
  type FieldIssue,
  type SchoolClassInput,
  type SchoolInput,
  type SchoolStage,
} from "@liushou/core";
import type { ImportResult, Liushou } from "liushou";
import * as z from "zod";
import type { RosterField } from "../columns";
import { RosterError, rosterIssue, type RosterIssue } from "../_lib/issue";
import { CallbackSchema } from "../_lib/options";
import { readRoster, type ReadRosterOptions, type RosterReadResult } from "../read";
import type { RosterChild } from "../rows/parse";
import { rosterFile, type RowIds } from "./merge";

/**
 * Options of {@link importRoster}.
 * @category Roster
 */
export interface ImportRosterOptions extends ReadRosterOptions {
  /** Import the good rows even when some are bad (the bad ones are returned in `skipped`). Default `false`: any bad row and nothing is written. */
  partial?: boolean;
  /** The day of the import: new away periods start on it. Default today in `zone`. */
  asOf?: CalendarDate;
  /** Reason kept in each changed file's history. Default `roster import`. */
  reason?: string;
  /** Called as the import advances: the step, then the rows done and in all. */
  onStep?: (step: "read" | "match" | "write", done: number, total: number) => void;
}

/**
 * What an import did: files created, changed (each change in the file's history) and left as
 * they were, the schools and classes it added, the rows skipped in a partial import, and the
 * file id of every imported row.
 * @category Roster
 */
export interface RosterImportResult extends ImportResult {
  readonly schools: ImportResult;
  readonly classes: ImportResult;
  /** The bad rows' issues (only in a partial import; otherwise a bad row throws). */
  readonly skipped: readonly RosterIssue[];
  /** Row number → file id of every imported row. */
  readonly files: readonly { readonly row: number; readonly id: string }[];
  /** The read roster, for its region directory and columns. */
  readonly read: RosterReadResult;
}

/** A short stable id from text, without the text (ID and student numbers stay out of ids). */
const hashId = (prefix: string, key: string): string =>
  `${prefix}-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;

/** The column a zod issue of a roster file belongs to. */
function fieldOf(path: string, file: ChildFileInput): RosterField | undefined {
  const [head, index, leaf] = path.split(/[.[\]]+/).filter(Boolean);
  if (head === "child") {
    const map: Record<string, RosterField> = { schoolId: "school", classId: "class" };
    return map[index ?? ""] ?? (index as RosterField);
  }
  if (head === "parents") {
    const role = file.parents?.[Number(index)]?.role ?? "father";
    if (leaf === "phone") return `${role}Phone`;
    if (leaf === "awayPeriods" || leaf === "workplace") return `${role}Workplace`;
    return `${role}Name`;
  }
  if (head === "guardians")
    return leaf === "phone" ? "phone" : leaf === "relation" ? "guardianRelation" : "guardianName";
  if (head === "livingArrangement") return "livingArrangement";
  if (head === "keyCase") return "keyCase";
  return undefined;
}

/** The school stage a school's name or its pupils' grades imply. */
function stageOf(name: string, grades: readonly number[]): SchoolStage {
  if (/九年|一贯/.test(name)) return "nine-year";
  if (/高中|高级中学/.test(name)) return "high";
  if (/小学|教学点/.test(name)) return "primary";
  if (/初中|初级中学|中学/.test(name)) return "middle";
  return Math.max(0, ...grades) > 6 ? "middle" : "primary";
}

/** The options `importRoster` adds to those of `readRoster` (which checks its own). */
const ImportOptionsSchema = z.looseObject({
  partial: z.boolean().optional(),
  asOf: CalendarDateSchema.optional(),
  reason: z.string().optional(),
  onStep: CallbackSchema.optional(),
});

/**
 * Refuses an app whose actor does not see every field class: the stored files are matched by
 * student and ID number and merged with the roster, so they must be read unmasked.
 */
function requireFullView(app: Liushou): void {
  const visible = (app as { visibleClasses?: unknown } | null)?.visibleClasses;
  if (typeof app !== "object" || !Array.isArray(visible)) {
    throw invalidArgument(
      "app",
      "invalid_type",
      text("应为 createLiushou() 创建的应用", "expected an app made by createLiushou()"),
      app,
    );
  }
  const hidden = FieldClassSchema.options.filter((c) => !app.visibleClasses.includes(c));
  if (hidden.length === 0) return;
  throw new ForbiddenError(
    text(
      `导入花名册需要能看到全部字段类别的操作人（缺少：${hidden.join("、")}）：请为其角色在 createLiushou 的 visibility 中列出全部类别`,
      `importing a roster needs an actor who sees every field class (hidden: ${hidden.join(", ")}): list them all for its role in createLiushou's visibility`,
    ),
  );
}

/** What is stored already: files by student and ID number, schools by id and name. */
async function storedIndex(app: Liushou) {
  const byKey = new Map<string, ChildFile>();
  for await (const r of app.storage.files.stream({})) {
    const c = r.value.child;
    if (c.studentNumber) byKey.set(`s:${c.studentNumber}`, r.value);
    if (c.idNumber) byKey.set(`i:${c.idNumber}`, r.value);
  }
  const schools = new Map<string, string>();
  for await (const r of app.storage.schools.stream({})) {
    schools.set(r.value.id, r.value.id);
    schools.set(r.value.name, r.value.id);
  }
  return { byKey, schools };
}

/**
 * Imports a roster into Liushou: reads and checks every row ({@link readRoster}); unless
 * `partial`, any bad row throws a {@link RosterError} listing them all and nothing is written.
 * Each child is matched to its stored file by student number, then ID number, so importing the
 * same roster again changes nothing, and a changed row becomes a change in that file's history
 * (`importFiles`). Fields the roster does not hold are kept. Unknown schools and classes are
 * added (a school's stage guessed from its name, its region the county of its first pupil).
 * Matching and merging read the stored files in full, so the app's actor must see every field
 * class: `createLiushou({ actor: "admin", visibility: { administrator: FieldClassSchema.options } })`.
 * @param app - The Liushou use cases (`createLiushou`), its actor seeing every field class.
 * @param bytes - The roster file's content.
 * @param options - Reading options, `partial`, `asOf`, `reason`, progress.
 * @returns Counts of created, updated and unchanged files, schools and classes.
 * @throws RosterError when a row is bad and `partial` is not set; ValidationError for bad options;
 * ForbiddenError when the actor does not see every field class.
 * @example
 * const app = createLiushou({ storage, actor: "admin", visibility: { administrator: FieldClassSchema.options } });
 * await importRoster(app, await readFile("花名册.xlsx"))  //=> { created: 120, updated: 0, unchanged: 0, … }
 * await importRoster(app, await readFile("花名册.xlsx"))  //=> { created: 0, updated: 0, unchanged: 120, … }
 * @category Roster
 */
export async function importRoster(
  app: Liushou,
  bytes: Uint8Array,
  options: ImportRosterOptions = {},
): Promise<RosterImportResult> {
  requireFullView(app);
  requireObject(options as unknown, "options");
  validate(ImportOptionsSchema, options, { subject: text("导入选项", "import options") });
  const step = options.onStep ?? (() => {});
  const read = await readRoster(bytes, { ...options, onProgress: (d, t) => step("read", d, t) });
  const zone = options.zone ?? DEFAULT_TIME_ZONE;
  const asOf = options.asOf ?? dateInZone(new Date().toISOString(), zone);
  const stored = await storedIndex(app);
  const issues: RosterIssue[] = [...read.issues];
  const schools = new Map<string, SchoolInput & { id: string }>();
  const classes = new Map<string, SchoolClassInput>();
  const files: { row: number; id: string; file: ChildFileInput }[] = [];
  const total = read.children.length;
  for (const [i, child] of read.children.entries()) {
    const base =
      (child.studentNumber && stored.byKey.get(`s:${child.studentNumber}`)) ||
      (child.idNumber && stored.byKey.get(`i:${child.idNumber}`)) ||
      undefined;
    const ids = rowIds(child, base, stored.schools, schools, classes, read.children);
    const file = rosterFile(child, base, ids, asOf);
    const checked = safeValidate(ChildFileSchema, file);
    if (checked.success) files.push({ row: child.row, id: ids.fileId, file });
    else issues.push(...checked.error.issues.map((x) => fileIssue(child, x, file, read)));
    if (i % 500 === 499) step("match", i + 1, total);
  }
  step("match", total, total);
  issues.sort((a, b) => a.row - b.row);
  if (issues.length > 0 && !options.partial) throw new RosterError(issues);
  const reason = options.reason ?? "roster import";
  step("write", 0, files.length);
  const usedClasses = new Set(files.map((f) => f.file.child.classId));
  const usedSchools = new Set(files.map((f) => f.file.child.schoolId));
  const schoolResult = await app.importEntities(
    "schools",
    [...schools.values()].filter((s) => usedSchools.has(s.id)),
    { reason },
  );
  const classResult = await app.importEntities(
    "classes",
    [...classes.values()].filter((c) => usedClasses.has(c.id)),
    { reason },
  );
  const result = await app.importFiles(
    files.map((f) => f.file),
    { reason },
  );
  step("write", files.length, files.length);
  return {
    ...result,
    schools: schoolResult,
    classes: classResult,
    skipped: issues,
    files: files.map(({ row, id }) => ({ row, id })),
    read,
  };
}

/** A schema issue of a built file as a roster issue on the column it came from. */
function fileIssue(
  child: RosterChild,
  issue: FieldIssue,
  file: ChildFileInput,
  read: RosterReadResult,
): RosterIssue {
  const field = fieldOf(issue.path, file);
  const column = (field && read.columns[field]) ?? field ?? issue.path;
  const reason = text(
    issue.message["zh-CN"].replace(/^字段 [^：]*：/, "").replace(/（收到：.*）$/, ""),
    issue.message.en.replace(/^[^:]*: /, "").replace(/ \(received: .*\)$/, ""),
  );
  return rosterIssue(child.row, column, field, undefined, issue.code, reason, issue.received ?? "");
}

/** The file, school and class ids of a row, adding new schools and classes to the maps. */
function rowIds(
  child: RosterChild,
  base: ChildFile | undefined,
  storedSchools: ReadonlyMap<string, string>,
  schools: Map<string, SchoolInput & { id: string }>,
  classes: Map<string, SchoolClassInput>,
  all: readonly RosterChild[],
): RowIds {
  const fileId =
    base?.id ??
    hashId("c", child.studentNumber ? `s:${child.studentNumber}` : `i:${child.idNumber}`);
  if (child.school === undefined) return { fileId };
  let schoolId = storedSchools.get(child.school) ?? schools.get(child.school)?.id;
  if (schoolId === undefined) {
    schoolId = hashId("s", child.school);
    const grades = all.filter((c) => c.school === child.school && c.grade).map((c) => c.grade!);
    schools.set(child.school, {
      id: schoolId,
      name: child.school,
      stage: stageOf(child.school, grades),
      regionCode: child.regionCode.slice(0, 6),
    });
  }
  if (child.className === undefined || child.grade === undefined) return { fileId, schoolId };
  const classId = hashId("k", `${schoolId}|${child.grade}|${child.className}`);
  classes.set(classId, { id: classId, schoolId, grade: child.grade, name: child.className });
  return { fileId, schoolId, classId };
}
