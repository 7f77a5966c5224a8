import { Command } from "commander";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { examples } from "./help";

/** `liushou init`: creates the database (an SQLite file by default) and migrates it. @internal */
export function initCommand(session: Session): Command {
  const { t } = session;
  return new Command("init")
    .description(
      t(
        "创建数据库（默认 SQLite 文件）并建表、迁移到最新",
        "create the database (an SQLite file by default) and migrate it",
      ),
    )
    .addHelpText(
      "after",
      examples(session, [
        ["liushou init", t("在当前目录创建 liushou.db", "create liushou.db here")],
        [
          "liushou init --db county.db --region 430102",
          t("指定文件和县级区划代码", "a file and the county code"),
        ],
        [
          "liushou init --db postgres://postgres@127.0.0.1:5432/liushou",
          t("使用 PostgreSQL", "use PostgreSQL"),
        ],
      ]),
    )
    .action(async (_options, cmd: Command) => {
      const o = cmd.optsWithGlobals<DbOptions>();
      await withApp(session, o, async ({ storage }) => {
        session.result({ db: o.db, adapter: storage.id, migrated: true }, () => [
          t(
            `数据库已就绪：${o.db}（${storage.id}，已迁移到最新）`,
            `Database ready: ${o.db} (${storage.id}, migrated)`,
          ),
        ]);
      });
    });
}
