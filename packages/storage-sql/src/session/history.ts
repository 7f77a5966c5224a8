import { checkFileHistoryRedaction } from "@liushou/core";
import type { FileChange, StorageFileChangeLog } from "@liushou/core";
import { columnText } from "./codec";
import { atomically, type SqlContext } from "./context";
import { insertRows } from "./insert";

/** The change history of child files: appended with a per-file sequence number, read in order. */
export function sqlFileChangeLog(ctx: SqlContext): StorageFileChangeLog {
  return {
    async append(changes) {
      if (changes.length === 0) return;
      await atomically(ctx, async (c) => {
        const next = new Map<string, number>();
        const ids = [...new Set(changes.map((ch) => ch.fileId))];
        const last = await c.db
          .selectFrom("ls_file_change")
          .select(["file_id", (eb) => eb.fn.max("seq").as("seq")])
          .where("region", "=", c.region)
          .where("file_id", "in", ids)
          .groupBy("file_id")
          .execute();
        for (const r of last) next.set(columnText(r.file_id), Number(r.seq));
        const rows = changes.map((ch) => {
          const seq = (next.get(ch.fileId) ?? 0) + 1;
          next.set(ch.fileId, seq);
          return [c.region, ch.fileId, seq, JSON.stringify(ch)];
        });
        const columns = ["region", "file_id", "seq", "data"];
        await insertRows(c, c.statements, { table: "ls_file_change", columns, rows }, "insert");
      });
    },

    async redact(fileId, changes) {
      await atomically(ctx, async (c) => {
        const count = await c.db
          .selectFrom("ls_file_change")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("region", "=", c.region)
          .where("file_id", "=", fileId)
          .executeTakeFirst();
        const list = checkFileHistoryRedaction(fileId, Number(count?.n ?? 0), changes);
        await c.db
          .deleteFrom("ls_file_change")
          .where("region", "=", c.region)
          .where("file_id", "=", fileId)
          .execute();
        if (list.length === 0) return;
        const rows = list.map((ch, i) => [c.region, fileId, i + 1, JSON.stringify(ch)]);
        const columns = ["region", "file_id", "seq", "data"];
        await insertRows(c, c.statements, { table: "ls_file_change", columns, rows }, "insert");
      });
    },

    async list(fileId) {
      const rows = await ctx.db
        .selectFrom("ls_file_change")
        .select("data")
        .where("region", "=", ctx.region)
        .where("file_id", "=", fileId)
        .orderBy("seq")
        .execute();
      return rows.map((r) => JSON.parse(r.data as string) as FileChange);
    },
  };
}
