import { STORAGE_ENTITY_SCHEMAS, type StorageAdapter } from "@liushou/core";
import { importRoster, type RosterImportResult, type RosterMappingInput } from "@liushou/roster";
import type { ImportableKind } from "liushou";
import { Command } from "commander";
import { UsageError } from "../_lib/exit";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { readInput } from "../_lib/output";
import { progress } from "../_lib/progress";
import { examples } from "./help";

/** The kinds `import` takes as JSON (everything but child files, which come by roster). */
const JSON_KINDS = Object.keys(STORAGE_ENTITY_SCHEMAS).filter(
  (k) => k !== "files",
) as ImportableKind[];

interface ImportOptions extends DbOptions {
  mapping?: string;
  partial?: boolean;
  reason?: string;
}

/** Reads a JSON file, a usage error naming the file when it is not JSON. */
async function readJson(session: Session, argument: string, path: string): Promise<unknown> {
  const raw = (await readInput(session, argument, path)).toString("utf8");
  try {
    return JSON.parse(raw);
  } catch {
    throw new UsageError(session.t(`${path} 不是有效的 JSON`, `${path} is not valid JSON`));
  }
}

/** Stored schools by name, so JSON rows may name a school instead of giving its id. */
async function schoolsByName(storage: StorageAdapter): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const r of storage.schools.stream({})) out.set(r.value.name, r.value.id);
  return out;
}

/** Rows with a `schoolId` that is a stored school's name given that school's id. */
function withSchoolIds(rows: unknown, named: ReadonlyMap<string, string>): unknown[] {
  if (!Array.isArray(rows)) return rows as unknown[];
  return rows.map((row: unknown) => {
    const id = (row as { schoolId?: unknown } | null)?.schoolId;
    return typeof id === "string" && named.has(id)
      ? { ...(row as object), schoolId: named.get(id) }
      : row;
  });
}

/** The summary lines of a roster import. */
function rosterLines(session: Session, r: RosterImportResult): string[] {
  const { t } = session;
  const lines = [
    t(
      `导入完成：新建 ${r.created} 份档案，更新 ${r.updated} 份（变更已记入档案历史），未变 ${r.unchanged} 份；新增学校 ${r.schools.created} 所、班级 ${r.classes.created} 个。`,
      `Imported: ${r.created} files created, ${r.updated} updated (changes kept in each file's history), ${r.unchanged} unchanged; ${r.schools.created} schools and ${r.classes.created} classes added.`,
    ),
  ];
  if (r.skipped.length > 0) {
    lines.push(
      t(
        `跳过 ${new Set(r.skipped.map((i) => i.row)).size} 行有问题的数据：`,
        `Skipped ${new Set(r.skipped.map((i) => i.row)).size} bad rows:`,
      ),
    );
    for (const i of r.skipped) lines.push(`  ${i.message[session.locale]}`);
  }
  return lines;
}

/** `liushou import roster <file>` and `liushou import <kind> <file.json>`. @internal */
export function importCommand(session: Session): Command {
  const { t } = session;
  return new Command("import")
    .description(
      t(
        "导入花名册（Excel/CSV）或其他数据（JSON）",
        "import a roster (Excel/CSV) or other data (JSON)",
      ),
    )
    .argument(
      "<what>",
      t(
        `roster（花名册），或 ${JSON_KINDS.join("、")} 之一（JSON 数组）`,
        `roster, or one of ${JSON_KINDS.join(", ")} (a JSON array)`,
      ),
    )
    .argument("<file>", t("文件路径（.xlsx、.csv 或 .json）", "file path (.xlsx, .csv or .json)"))
    .option(
      "--mapping <file>",
      t("映射文件（JSON）：列名与取值的对应", "mapping file (JSON): headers and value spellings"),
    )
    .option(
      "--partial",
      t(
        "有问题的行跳过，其余照常导入（默认：任一行有问题则不写入）",
        "import the good rows and skip the bad (default: any bad row and nothing is written)",
      ),
    )
    .option("--reason <text>", t("记入档案历史的原因", "reason kept in the file history"))
    .addHelpText(
      "after",
      examples(session, [
        [
          "liushou import roster 花名册.xlsx",
          t(
            "导入花名册；有问题的行全部列出，不写入",
            "import; bad rows are all listed and nothing is written",
          ),
        ],
        [
          "liushou import roster 名单.csv --mapping 映射.json --partial",
          t("自定义列名，跳过问题行", "own headers, skip bad rows"),
        ],
        [
          "liushou import mentors teachers.json",
          t("导入帮扶人（JSON 数组）", "import mentors (a JSON array)"),
        ],
      ]),
    )
    .action(async (what: string, file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<ImportOptions>();
      if (what !== "roster" && !JSON_KINDS.includes(what as ImportableKind)) {
        throw new UsageError(
          t(
            `无法导入 ${what}：应为 roster 或 ${JSON_KINDS.join("、")}`,
            `cannot import ${what}: expected roster or one of ${JSON_KINDS.join(", ")}`,
          ),
        );
      }
      const bytes =
        what === "roster" ? new Uint8Array(await readInput(session, "<file>", file)) : undefined;
      const mapping = o.mapping
        ? ((await readJson(session, "--mapping", o.mapping)) as RosterMappingInput)
        : undefined;
      const rows = bytes ? undefined : await readJson(session, "<file>", file);
      await withApp(session, o, async ({ app, today }) => {
        if (!bytes) {
          const r = await app.importEntities(
            what as ImportableKind,
            withSchoolIds(rows, await schoolsByName(app.storage)),
            o.reason ? { reason: o.reason } : {},
          );
          session.result({ kind: what, ...r }, () => [
            t(
              `导入 ${what}：新建 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}`,
              `Imported ${what}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`,
            ),
          ]);
          return;
        }
        const bar = progress(session);
        const label = {
          read: t("读取", "reading"),
          match: t("核对", "checking"),
          write: t("写入", "writing"),
        };
        try {
          const r = await importRoster(app, bytes, {
            asOf: today,
            ...(mapping ? { mapping } : {}),
            ...(o.partial ? { partial: true } : {}),
            ...(o.reason ? { reason: o.reason } : {}),
            onStep: (step, done, total) => bar.update(label[step], done, total),
          });
          bar.done();
          const { read, ...rest } = r;
          session.result(
            { ...rest, format: read.format, encoding: read.encoding, rows: read.rowCount },
            () => rosterLines(session, r),
          );
        } finally {
          bar.done();
        }
      });
    });
}
