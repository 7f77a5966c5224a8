import { Command, CommanderError, Option } from "commander";
import { isLiushouError, ValidationError } from "@liushou/core";
import { RosterError } from "@liushou/roster";
import { dateFlag } from "./_lib/dates";
import { regionFlag } from "./_lib/region";
import { EXIT_CODES, exitCodeOf, type ExitCode } from "./_lib/exit";
import { makeSession, pickLocale, type CliIo, type Session } from "./_lib/io";
import { assessCommand } from "./commands/assess";
import { dueCommand } from "./commands/due";
import { examples } from "./commands/help";
import { icsCommand } from "./commands/ics";
import { importCommand } from "./commands/import";
import { initCommand } from "./commands/init";
import { pairCommand } from "./commands/pair";
import { recordCommand } from "./commands/record";
import { reportCommand } from "./commands/report";
import { statsCommand } from "./commands/stats";

/** The value of an option in raw arguments (`--lang en` or `--lang=en`), before parsing. */
function rawOption(argv: readonly string[], name: string): string | undefined {
  for (const [i, a] of argv.entries()) {
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/** The whole command tree. */
function program(session: Session): Command {
  const { t, io } = session;
  const root = new Command("liushou")
    .description(
      t(
        "留守儿童关爱工作命令行：导入花名册、结对、待办、走访记录、评估、统计与报告",
        "Liushou on the command line: rosters, pairing, work lists, visits, assessments, statistics and reports",
      ),
    )
    .addOption(
      new Option(
        "--db <path-or-url>",
        t(
          "数据库：SQLite 文件路径，或 postgres:// / mysql:// 地址",
          "database: an SQLite file path, or a postgres:// / mysql:// URL",
        ),
      ).default(io.env.LIUSHOU_DB ?? "liushou.db"),
    )
    .option("--json", t("输出 JSON（供脚本使用）", "print JSON (for scripts)"))
    .addOption(
      new Option(
        "--lang <lang>",
        t(
          "语言：zh-CN 或 en（默认看 LANG/LC_ALL，否则中文）",
          "language: zh-CN or en (default from LANG/LC_ALL, else Chinese)",
        ),
      ).choices(["zh-CN", "zh", "en"]),
    )
    .option(
      "--actor <id>",
      t("操作人（记入历史与审计）", "who acts (kept in histories and the audit log)"),
      io.env.LIUSHOU_ACTOR ?? io.env.USER ?? "cli",
    )
    .option(
      "--region <code>",
      t(
        "县级区划代码（建新库时写入每行）",
        "county region code (written on every row of a new database)",
      ),
    )
    .option(
      "--today <date>",
      t(
        "按这一天工作（补录或脚本用），默认今天（北京时间）",
        "act as on this day (back-filling, scripts); default today in Beijing",
      ),
    )
    .addHelpText(
      "after",
      `${examples(session, [
        ["liushou init", t("创建 liushou.db", "create liushou.db")],
        ["liushou import roster 花名册.xlsx", t("导入花名册", "import a roster")],
        ["liushou pair --apply", t("结对并写入", "pair and store")],
        ["liushou due", t("今天的待办", "today's work list")],
        [
          "liushou report work-summary --format docx --out 总结.docx",
          t("工作总结", "the work summary"),
        ],
      ])}\n${t("退出码", "Exit codes")}: 0 ${t("成功", "ok")}, 1 ${t("数据校验失败", "validation")}, 2 ${t("用法错误", "usage")}, 3 ${t("存储错误", "storage")}, 4 ${t("并发冲突", "conflict")}, 5 ${t("输出失败", "output")}, 70 ${t("内部错误", "internal")}\n`,
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    })
    // --today and --region before any command looks at a file or the database.
    .hook("preAction", (_root, action) => {
      const global = action.optsWithGlobals<{ today?: string; region?: string }>();
      dateFlag(session, "--today", global.today);
      regionFlag(session, "--region", global.region, ["county"]);
    });
  for (const make of [
    initCommand,
    importCommand,
    pairCommand,
    dueCommand,
    recordCommand,
    assessCommand,
    statsCommand,
    reportCommand,
    icsCommand,
  ]) {
    root.addCommand(
      make(session)
        .exitOverride()
        .showHelpAfterError()
        .configureOutput({
          writeOut: (s) => void io.stdout.write(s),
          writeErr: (s) => void io.stderr.write(s),
        }),
    );
  }
  return root;
}

/** Prints an error: its message and, for a validation error, every issue. */
function report(session: Session, error: unknown, code: ExitCode): void {
  const { io, locale } = session;
  const message = isLiushouError(error)
    ? error.messageIn(locale)
    : error instanceof Error
      ? error.message
      : String(error);
  const issues =
    error instanceof RosterError
      ? error.rosterIssues.map((i) => ({
          row: i.row,
          column: i.column,
          value: i.value,
          code: i.code,
          message: i.message[locale],
        }))
      : error instanceof ValidationError
        ? error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message[locale] }))
        : [];
  if (session.json) {
    io.stdout.write(
      `${JSON.stringify({ error: { exitCode: code, code: (error as { code?: unknown })?.code ?? null, message, issues } }, null, 2)}\n`,
    );
  }
  io.stderr.write(`${session.t("错误", "Error")}: ${message}\n`);
  for (const i of issues) io.stderr.write(`  - ${i.message}\n`);
  if (code === EXIT_CODES.INTERNAL && error instanceof Error && error.stack)
    io.stderr.write(`${error.stack}\n`);
}

/**
 * Runs the `liushou` command with the given arguments (without `node` and the script) and
 * returns its exit code; nothing calls `process.exit`, so a host or a test can run it in-process.
 * @param argv - The arguments, e.g. `["import", "roster", "花名册.xlsx", "--json"]`.
 * @param io - Streams, environment, working directory and clock. Default the process's.
 * @returns The exit code (see {@link EXIT_CODES}).
 * @example
 * const code = await runCli(["due", "--db", "county.db", "--json"]);
 * code //=> 0
 * @category CLI
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  },
): Promise<ExitCode> {
  const lang = rawOption(argv, "--lang");
  const session = makeSession(io, pickLocale(lang, io.env), argv.includes("--json"));
  const root = program(session);
  if (argv.length === 0) {
    root.outputHelp();
    return EXIT_CODES.USAGE;
  }
  try {
    await root.parseAsync([...argv], { from: "user" });
    return EXIT_CODES.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.USAGE;
    }
    const code = exitCodeOf(error);
    report(session, error, code);
    return code;
  }
}
