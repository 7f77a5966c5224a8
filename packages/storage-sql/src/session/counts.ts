import type { StorageContactCount, StorageContactCountQuery } from "@liushou/core";
import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";
import { columnText } from "./codec";
import type { SqlContext } from "./context";
import { instantRange, scopedFileIds, scopedLinkIds } from "./filters";

/**
 * Contact counts answered by the database: `GROUP BY` the child (over the link table, which
 * carries each record's instant, kind and initiator, so the index alone answers) or the
 * mentor (over the records), ascending by subject id.
 */
export async function countContacts(
  ctx: SqlContext,
  query: StorageContactCountQuery,
): Promise<StorageContactCount[]> {
  const byChild = query.groupBy === "child";
  const subject = byChild ? "t.child_id" : "t.mentor_id";
  let q: SelectQueryBuilder<any, any, any> = ctx.db
    .selectFrom(byChild ? "ls_contact_child as t" : "ls_contact as t")
    .select([subject, (eb) => eb.fn.countAll().as("contacts")])
    .where("t.region", "=", ctx.region);
  if (!byChild) q = q.where("t.mentor_id", "is not", null);
  q = instantRange(q, "t.at_ms", query.at);
  const scope = query.scope;
  if (scope !== undefined) {
    q = byChild
      ? q.where("t.child_id", "in", (eb: ExpressionBuilder<any, any>) =>
          scopedFileIds(eb, ctx.region, scope),
        )
      : q.where("t.id", "in", (eb: ExpressionBuilder<any, any>) =>
          scopedLinkIds(eb, "contacts", ctx.region, scope),
        );
  }
  for (const [column, list] of [
    ["t.kind", query.kinds],
    ["t.initiator", query.initiators],
    [subject, query.subjectIds],
  ] as const) {
    if (list === undefined) continue;
    if (list.length === 0) return [];
    q = q.where(column, "in", list);
  }
  const rows = await q.groupBy(subject).orderBy(subject).execute();
  const key = byChild ? "child_id" : "mentor_id";
  return rows.map((r) => ({ subjectId: columnText(r[key]), contacts: Number(r.contacts) }));
}
