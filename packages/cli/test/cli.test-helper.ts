import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/program";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const SRC = fileURLToPath(new URL("../src/bin.ts", import.meta.url));

/** What a run printed and its exit code. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON. */
  json<T = any>(): T;
}

const withJson = (code: number, stdout: string, stderr: string): Run => ({
  code,
  stdout,
  stderr,
  json: () => JSON.parse(stdout),
});

/**
 * Spawns the `liushou` executable: the built `dist/bin.js` (CI builds before testing), or the
 * sources through tsx when there is no build.
 */
export function spawnCli(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Run> {
  const argv = existsSync(BIN)
    ? [BIN, ...args]
    : ["--conditions=@liushou/source", "--import", "tsx", SRC, ...args];
  return new Promise((done) => {
    execFile(
      process.execPath,
      argv,
      { cwd, env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8", ...env }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 70) : 0;
        done(withJson(code, stdout, stderr));
      },
    );
  });
}

/** Runs the command in-process, capturing its output; `tty` makes stderr a terminal. */
export async function inProcess(
  cwd: string,
  args: readonly string[],
  options: { env?: Record<string, string>; tty?: boolean } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd,
    now: () => new Date("2026-03-02T01:00:00Z"),
  });
  return withJson(code, stdout, stderr);
}

/** A temporary folder holding a roster (UTF-8 CSV with BOM), mentors and a mapping file. */
export async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "liushou-cli-"));
  const rows = [
    "姓名,性别,出生日期,学籍号,学校,年级,班级,区划代码,父亲姓名,母亲姓名,务工地,监护人,与儿童关系,联系电话",
    "王小明,男,2015-03-02,S001,芙蓉区示范小学,三年级,2班,430102001001,王大山,李春花,广东深圳,王奶奶,奶奶,13800138000",
    "李小红,女,2014-09-01,S002,芙蓉区示范小学,4,1班,430102001002,李大海,赵秀英,浙江杭州,李爷爷,爷爷,13900139000",
  ];
  await writeFile(join(dir, "roster.csv"), `\uFEFF${rows.join("\r\n")}\r\n`);
  await writeFile(
    join(dir, "bad.csv"),
    `${[...rows, "张三,男,2015-02-30,S003,芙蓉区示范小学,3,2班,430102999999,,,,,,"].join("\n")}\n`,
  );
  await writeFile(
    join(dir, "mentors.json"),
    JSON.stringify([
      {
        id: "t-1",
        kind: "class-teacher",
        name: "张老师",
        gender: "female",
        schoolId: "芙蓉区示范小学",
      },
      {
        id: "t-2",
        kind: "subject-teacher",
        name: "刘老师",
        gender: "male",
        schoolId: "芙蓉区示范小学",
      },
    ]),
  );
  return dir;
}
