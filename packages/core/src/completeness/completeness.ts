import * as z from "zod";
import { requireIterable } from "../_lib/iterable";
import { resolveAsOf } from "../time/convert";
import { validate } from "../errors";
import { text, type LocalizedText } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model";
import { AsOfSchema, TimeZoneSchema } from "../model/primitives";
import {
  CountingScopeSchema,
  countBatches,
  resolveScope,
  type CountingScope,
  type StatisticsGroupBy,
  type Validated,
} from "../statistics/statistics";
import type { AsOf, CalendarDate, TimeZone } from "../time";
import { FileFieldSchema, REQUIRED_FILE_FIELDS, type FileField } from "./fields";

/**
 * A required field that a file lacks: its key, where it is (`guardians[0].phone`) and its name.
 * @category Completeness
 */
export interface MissingField {
  readonly key: string;
  readonly register: FileField["register"];
  /** Path in the file; a whole missing register is `guardians` or `parents(mother)`. */
  readonly path: string;
  readonly label: LocalizedText;
}

/**
 * How complete one child's file is.
 * @category Completeness
 */
export interface FileCompleteness {
  readonly fileId: string;
  /** Whether the child has a file on `asOf` (see `fileOpenedBy`). */
  readonly hasFile: boolean;
  /** Required field slots (a parent's fields count once per parent). */
  readonly required: number;
  readonly filled: number;
  /** `filled / required` (1 when nothing is required). */
  readonly ratio: number;
  /** A file that exists and fills every required field. */
  readonly complete: boolean;
  readonly missing: readonly MissingField[];
}

/**
 * When a record counts as a file: `openedOn` (default) means the record has an `openedOn` date
 * on or before `asOf`, so a census record without it is a child still to be filed; `record`
 * means every record given is a file.
 * @category Completeness
 */
export type FileOpenedBy = "openedOn" | "record";

/**
 * Options of {@link fileCompleteness}.
 * @category Completeness
 */
export interface FileCompletenessOptions {
  /** The fields to require. Default {@link REQUIRED_FILE_FIELDS}. */
  fields?: readonly FileField[];
  /** The date judged (for `hasFile`). */
  asOf: AsOf;
  zone?: TimeZone;
  fileOpenedBy?: FileOpenedBy;
}

const FieldsSchema = z.array(FileFieldSchema).min(1);
const FileOptionsSchema = z.object({
  fields: FieldsSchema.optional(),
  asOf: AsOfSchema,
  zone: TimeZoneSchema.optional(),
  fileOpenedBy: z.enum(["openedOn", "record"]).optional(),
});

function filled(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function anyFilled(entry: Record<string, unknown>, names: readonly string[]): boolean {
  for (const n of names) if (filled(entry[n])) return true;
  return false;
}

const ROLE_TEXT = { father: text("父亲", "father"), mother: text("母亲", "mother") } as const;

/** Labels of whole missing registers, built once per report. @internal */
type LabelCache = Map<string, LocalizedText>;

function wholeLabel(cache: LabelCache, f: FileField, who: LocalizedText): LocalizedText {
  const id = `${f.key}|${who.en}`;
  let label = cache.get(id);
  if (!label) {
    label = text(
      `${f.label["zh-CN"]}（${who["zh-CN"]}未登记）`,
      `${f.label.en} (${who.en} not on file)`,
    );
    cache.set(id, label);
  }
  return label;
}

const GUARDIAN_TEXT = text("临时监护人", "guardian");

/** What one file's check found. `missing` is built only when asked for. @internal */
interface Scan {
  hasFile: boolean;
  required: number;
  filled: number;
  /** Indexes (into `fields`) of the missing fields, one per missing slot. */
  missingIdx: number[];
  missing: MissingField[] | undefined;
}

/** The per-child check; `file` is validated. @internal */
function scanFile(
  file: ChildFile,
  fields: readonly FileField[],
  asOf: CalendarDate,
  openedBy: FileOpenedBy,
  collect: boolean,
  labels: LabelCache,
): Scan {
  const missing: MissingField[] | undefined = collect ? [] : undefined;
  const missingIdx: number[] = [];
  let idx = 0;
  let required = 0;
  let ok = 0;
  const check = (f: FileField, entry: Record<string, unknown>, prefix: string): void => {
    required++;
    if (anyFilled(entry, f.fields)) {
      ok++;
      return;
    }
    missingIdx.push(idx);
    missing?.push({
      key: f.key,
      register: f.register,
      path: `${prefix}${f.fields[0]}`,
      label: f.label,
    });
  };
  const whole = (f: FileField, path: string, who: LocalizedText): void => {
    required++;
    missingIdx.push(idx);
    missing?.push({ key: f.key, register: f.register, path, label: wholeLabel(labels, f, who) });
  };
  const primary = file.guardians.filter((g) => g.primary);
  const living = primary.length ? primary : file.guardians.slice(0, 1);
  for (let n = 0; n < fields.length; n++) {
    const f = fields[n] as FileField;
    idx = n;
    if (f.register === "child") {
      check(f, file.child as unknown as Record<string, unknown>, "child.");
    } else if (f.register === "guardian") {
      if (living.length === 0) whole(f, "guardians", GUARDIAN_TEXT);
      for (const g of living) {
        check(
          f,
          g as unknown as Record<string, unknown>,
          `guardians[${file.guardians.indexOf(g)}].`,
        );
      }
    } else {
      for (const role of ["father", "mother"] as const) {
        const i = file.parents.findIndex((p) => p.role === role);
        const p = file.parents[i];
        if (!p) whole(f, `parents(${role})`, ROLE_TEXT[role]);
        else if (!p.deceased || f.whenDeceased)
          check(f, p as unknown as Record<string, unknown>, `parents[${i}].`);
      }
    }
  }
  const hasFile = openedBy === "record" || (file.openedOn !== undefined && file.openedOn <= asOf);
  return { hasFile, required, filled: ok, missingIdx, missing };
}

function toCompleteness(fileId: string, s: Scan): FileCompleteness {
  return {
    fileId,
    hasFile: s.hasFile,
    required: s.required,
    filled: s.filled,
    ratio: s.required === 0 ? 1 : s.filled / s.required,
    complete: s.hasFile && s.filled === s.required,
    missing: s.missing ?? [],
  };
}

/**
 * Checks one child's file against the required register fields: which are missing (as paths
 * with bilingual names), the share filled, whether the file exists on `asOf` and is complete.
 * @param file - A child file.
 * @param options - `asOf`, and optionally `fields` (default {@link REQUIRED_FILE_FIELDS}) and `fileOpenedBy`.
 * @returns The missing fields, the counts and the ratio.
 * @throws ValidationError for an invalid file or options.
 * @example
 * const c = fileCompleteness(file, { asOf: "2026-09-01" });
 * c.missing[0] //=> { key: "child.moralCharacter", register: "child", path: "child.moralCharacter", label: { "zh-CN": "思想品德", en: "moral character" } }
 * @category Completeness
 */
export function fileCompleteness(
  file: ChildFile | ChildFileInput,
  options: FileCompletenessOptions,
): FileCompleteness {
  const opts = validate(FileOptionsSchema, options, {
    subject: text("建档检查选项", "completeness options"),
  });
  const parsed = validate(ChildFileSchema, file, { subject: text("儿童档案", "child file") });
  const scan = scanFile(
    parsed,
    opts.fields ?? REQUIRED_FILE_FIELDS,
    resolveAsOf(opts.asOf, opts.zone),
    opts.fileOpenedBy ?? "openedOn",
    true,
    new Map(),
  );
  return toCompleteness(parsed.id, scan);
}

/**
 * One group's completeness: left-behind children, how many have a file and a complete file,
 * the rates, and field-level completeness.
 * @category Completeness
 */
export interface CompletenessRow {
  readonly key: string;
  readonly label: LocalizedText;
  /** Left-behind children in the group on `asOf`: the denominator of the archive rate. */
  readonly leftBehind: number;
  readonly withFile: number;
  readonly completeFiles: number;
  /** 建档率: `withFile / leftBehind` (`null` with no left-behind child). */
  readonly archiveRate: number | null;
  /** `completeFiles / leftBehind`. */
  readonly completeRate: number | null;
  /** Required field slots over the files that exist. */
  readonly fieldsRequired: number;
  readonly fieldsFilled: number;
  /** `fieldsFilled / fieldsRequired` over existing files (`null` with no file). */
  readonly fieldRate: number | null;
  /** Missing field slots in existing files, by field key (a parent field can be missing twice in one file). */
  readonly missingByField: Readonly<Record<string, number>>;
}

/**
 * Result of {@link completenessReport}.
 * @category Completeness
 */
export interface CompletenessReport {
  readonly asOf: CalendarDate;
  readonly definition: string;
  readonly groupBy: StatisticsGroupBy;
  readonly fileOpenedBy: FileOpenedBy;
  readonly rows: readonly CompletenessRow[];
  readonly total: CompletenessRow;
  /** The check of every left-behind child, in input order (empty with `details: false`). */
  readonly children: readonly FileCompleteness[];
}

/**
 * Options of {@link completenessReport}.
 * @category Completeness
 */
export interface CompletenessReportOptions extends CountingScope {
  fields?: readonly FileField[];
  fileOpenedBy?: FileOpenedBy;
  /** List each left-behind child's missing fields in `children` (default `true`; `false` is faster for rates only). */
  details?: boolean;
}

const ReportOptionsSchema = CountingScopeSchema.extend({
  fields: FieldsSchema.optional(),
  fileOpenedBy: z.enum(["openedOn", "record"]).optional(),
  details: z.boolean().optional(),
});

interface Acc {
  key: string;
  left: number;
  withFile: number;
  complete: number;
  required: number;
  filled: number;
  /** Missing slots per field index. */
  missing: number[];
}

function toRow(a: Acc, label: LocalizedText, fields: readonly FileField[]): CompletenessRow {
  const missingByField: Record<string, number> = {};
  a.missing.forEach((count, i) => {
    const key = (fields[i] as FileField).key;
    if (count > 0) missingByField[key] = (missingByField[key] ?? 0) + count;
  });
  return {
    key: a.key,
    label,
    leftBehind: a.left,
    withFile: a.withFile,
    completeFiles: a.complete,
    archiveRate: a.left === 0 ? null : a.withFile / a.left,
    completeRate: a.left === 0 ? null : a.complete / a.left,
    fieldsRequired: a.required,
    fieldsFilled: a.filled,
    fieldRate: a.required === 0 ? null : a.filled / a.required,
    missingByField,
  };
}

/**
 * The archive rate (建档率) and file completeness of the left-behind children, per class,
 * school, township, county or any grouping of the statistics. "建档率 100%" means every child
 * who is left-behind on `asOf` has a file (files ÷ left-behind children); the complete-file rate
 * and the field rate say how much of each file is filled in.
 * @param files - Records of the children (the census roster; a record without `openedOn` is a child not yet filed).
 * @param options - `asOf`, `definition`, `groupBy`, names, `fields`, `fileOpenedBy`.
 * @returns Rows per group, a total, and each left-behind child's check.
 * @throws ValidationError for invalid files or options.
 * @example
 * const r = completenessReport(files, { asOf: "2026-09-01", groupBy: "school", schools });
 * r.total.archiveRate //=> 0.97
 * r.total.missingByField["guardian.disciplineStyle"] //=> 41
 * @category Completeness
 */
export function completenessReport(
  files: readonly (ChildFile | ChildFileInput)[],
  options: CompletenessReportOptions,
): CompletenessReport {
  const counter = new CompletenessCounter(options);
  counter.add(files);
  return counter.result();
}

/**
 * {@link completenessReport} over files read in batches (a county at a time, from storage):
 * one batch is held at a time, and the result equals that of all the files at once (with
 * `details: false` nothing per child is kept, so memory stays bounded).
 * @param batches - Arrays of files, as an iterable or async iterable.
 * @param options - As for {@link completenessReport}.
 * @returns Rows per group, a total, and (with `details`) each left-behind child's check.
 * @throws ValidationError for invalid files (indexed within their batch) or options, or a file
 * id an earlier batch gave (`batches[b][i].id`).
 * @example
 * const r = await completenessReportPartitioned(filesByCounty(), { asOf: "2026-09-01", groupBy: "county", details: false });
 * r.total.archiveRate //=> 0.97
 * @category Completeness
 */
export function completenessReportPartitioned(
  batches:
    | AsyncIterable<readonly (ChildFile | ChildFileInput)[]>
    | Iterable<readonly (ChildFile | ChildFileInput)[]>,
  options: CompletenessReportOptions,
): Promise<CompletenessReport> {
  const counter = new CompletenessCounter(options);
  requireIterable(batches, "batches", text("儿童档案批次", "file batches"));
  return countBatches(counter, batches);
}

/** Completeness counted batch by batch: `add` each batch, then `result()`. */
class CompletenessCounter {
  private readonly opts: Validated<CompletenessReportOptions>;
  private readonly definitionChoice: CompletenessReportOptions["definition"];
  private readonly fields: readonly FileField[];
  private readonly openedBy: FileOpenedBy;
  private readonly details: boolean;
  private readonly groups = new Map<string, Acc>();
  private readonly total: Acc;
  private readonly children: FileCompleteness[] = [];
  private readonly labels: LabelCache = new Map();
  private scope: ReturnType<typeof resolveScope> | undefined;

  constructor(options: CompletenessReportOptions) {
    this.opts = validate(ReportOptionsSchema, options, {
      subject: text("建档率统计选项", "completeness report options"),
    }) as Validated<CompletenessReportOptions>;
    this.definitionChoice = options.definition;
    this.fields = this.opts.fields ?? REQUIRED_FILE_FIELDS;
    this.openedBy = this.opts.fileOpenedBy ?? "openedOn";
    this.details = this.opts.details ?? true;
    this.total = this.newAcc("all");
  }

  private newAcc(key: string): Acc {
    return {
      key,
      left: 0,
      withFile: 0,
      complete: 0,
      required: 0,
      filled: 0,
      missing: new Array<number>(this.fields.length).fill(0),
    };
  }

  add(files: unknown): void {
    const scope = resolveScope(files, this.opts, this.definitionChoice);
    this.scope = scope;
    const { list, grouper, isLeftBehind, asOf } = scope;
    for (const file of list) {
      if (!isLeftBehind(file)) continue;
      const key = grouper.keyOf(file);
      let acc = this.groups.get(key);
      if (!acc) this.groups.set(key, (acc = this.newAcc(key)));
      const c = scanFile(file, this.fields, asOf, this.openedBy, this.details, this.labels);
      if (this.details) this.children.push(toCompleteness(file.id, c));
      const complete = c.hasFile && c.filled === c.required;
      for (const a of [acc, this.total]) {
        a.left++;
        if (!c.hasFile) continue;
        a.withFile++;
        if (complete) a.complete++;
        a.required += c.required;
        a.filled += c.filled;
        for (const i of c.missingIdx) a.missing[i] = (a.missing[i] as number) + 1;
      }
    }
  }

  result(): CompletenessReport {
    const { definition, asOf, groupBy, grouper } =
      this.scope ?? resolveScope([], this.opts, this.definitionChoice);
    return {
      asOf,
      definition: definition.id,
      groupBy,
      fileOpenedBy: this.openedBy,
      rows: [...this.groups.values()]
        .sort((a, b) => grouper.compare(a.key, b.key))
        .map((a) => toRow(a, grouper.label(a.key), this.fields)),
      total: toRow(this.total, text("合计", "total"), this.fields),
      children: this.children,
    };
  }
}
