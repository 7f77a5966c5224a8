import type { StoragePeopleView, StoragePersonQuery, StoragePersonRecord } from "@liushou/core";
import { columnText, keysetReads, type Keys, type KeysetPage } from "./codec";
import type { SqlContext } from "./context";
import { fileInScope } from "./filters";

/**
 * The guardians or parents of every stored file, read from the people table that each file
 * write keeps in step, with the version of the file that holds them.
 */
export function sqlPeopleView<P>(
  ctx: SqlContext,
  register: "guardians" | "parents",
): StoragePeopleView<P> {
  async function read(
    filter: StoragePersonQuery,
    limit: number,
    after: Keys | null,
  ): Promise<KeysetPage<StoragePersonRecord<P>>> {
    let q = ctx.db
      .selectFrom("ls_person as p")
      .innerJoin("ls_file as f", (j) =>
        j.onRef("f.region", "=", "p.region").onRef("f.id", "=", "p.file_id"),
      )
      .select(["p.file_id", "p.data", "f.version", "f.updated_at"])
      .where("p.region", "=", ctx.region)
      .where("p.register", "=", register);
    if (filter.fileId !== undefined) q = q.where("p.file_id", "=", filter.fileId);
    if (filter.personId !== undefined) q = q.where("p.person_id", "=", filter.personId);
    if (filter.phone !== undefined) q = q.where("p.phone", "=", filter.phone);
    if (filter.scope !== undefined) q = fileInScope(q, "f", filter.scope);
    if (after) {
      const [fileId, personId] = after.map(String);
      q = q.where((eb) =>
        eb.or([
          eb("p.file_id", ">", fileId),
          eb.and([eb("p.file_id", "=", fileId), eb("p.person_id", ">", personId)]),
        ]),
      );
    }
    const rows = await q
      .orderBy("p.file_id")
      .orderBy("p.person_id")
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((r): StoragePersonRecord<P> => {
      const value = JSON.parse(r.data as string) as P & { id: string };
      return {
        id: value.id,
        value,
        fileId: columnText(r.file_id),
        version: Number(r.version),
        updatedAt: r.updated_at as never,
      };
    });
    const last = items[items.length - 1];
    const more = rows.length > limit && last;
    return { items, next: more ? [last.fileId, last.id] : null };
  }

  return keysetReads(read, ctx.batchSize);
}
