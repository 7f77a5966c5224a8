import { randomBytes } from "node:crypto";
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { OutputError, UsageError } from "./exit";
import type { Session } from "./io";
import { sqliteFileOf, type DbOptions } from "./open";

/** A path with symbolic links resolved where it exists (as given otherwise). */
async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/**
 * Refuses an output path that is the SQLite database itself (or its journal), before anything
 * is built: writing a report there would destroy the data.
 * @internal
 */
export async function checkOutputPath(
  session: Session,
  option: string,
  out: string,
  options: DbOptions,
): Promise<void> {
  const db = sqliteFileOf(session, options);
  if (db === undefined) return;
  const [o, d] = await Promise.all([real(resolve(out)), real(db)]);
  if ([d, `${d}-journal`, `${d}-wal`, `${d}-shm`].includes(o)) {
    throw new UsageError(
      session.t(
        `${option} 不能是数据库文件本身（${out}）`,
        `${option} must not be the database file itself (${out})`,
      ),
    );
  }
}

/**
 * Writes an output file whole or not at all: into a temporary file next to it, then renamed
 * over it. A failure leaves any earlier file as it was and is reported in one line naming the
 * option.
 * @internal
 */
export async function writeOutput(
  session: Session,
  option: string,
  out: string,
  body: string | Uint8Array,
): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await mkdir(dirname(out), { recursive: true });
    if ((await stat(out).catch(() => undefined))?.isDirectory()) {
      const error = new Error("is a folder") as Error & { code: string };
      error.code = "EISDIR";
      throw error;
    }
    await writeFile(temp, body, { flag: "wx" });
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputError(
      session.t(
        `${option}：无法写入 ${out}（${reasonOf(session, error)}）`,
        `${option}: cannot write ${out} (${reasonOf(session, error)})`,
      ),
      { cause: error },
    );
  }
}

/**
 * Reads an input file; a failure is reported in one line naming the argument and the file
 * (exit code 5, as before).
 * @internal
 */
export async function readInput(session: Session, argument: string, path: string): Promise<Buffer> {
  try {
    return await readFile(resolve(session.io.cwd, path));
  } catch (error) {
    throw new OutputError(
      session.t(
        `${argument}：无法读取 ${path}（${reasonOf(session, error)}）`,
        `${argument}: cannot read ${path} (${reasonOf(session, error)})`,
      ),
      { cause: error },
    );
  }
}

/** Why a file operation failed, in the session's language. */
function reasonOf(session: Session, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "EISDIR"
    ? session.t("这是一个文件夹", "it is a folder")
    : code === "ENOTDIR" || code === "EEXIST"
      ? session.t("路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder")
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? session.t("没有写入权限", "permission denied")
        : code === "ENOSPC"
          ? session.t("磁盘空间不足", "no space left on the device")
          : code === "ENOENT"
            ? session.t("文件不存在", "no such file")
            : error instanceof Error
              ? error.message
              : String(error);
}
