import type { ContactRecord } from "../../model/records";
import type { Instant } from "../../time/types";
import { invalidArgument, requireObject } from "../../errors/validate";
import { storageChildrenInScope, inStorageInstantRange, type StorageFileLookup } from "./match";
import type { StorageContactCount, StorageContactCountQuery } from "./port";

/**
 * Counts contact records per child or per mentor: the pure reference of an adapter's
 * `countContacts` (which must return exactly the same rows). A record naming several children
 * counts once for each; subjects with no record are left out; rows ascend by `subjectId`.
 * @param records - Contact records (an array or any iterable).
 * @param query - Grouping and filters. With a `scope`, a per-child count keeps the children in
 * scope, a per-mentor count the records naming at least one child in scope.
 * @param fileOf - Reads a stored file by id; needed with a `scope`.
 * @returns One row per subject with at least one record.
 * @example
 * countContactRecords(records, { groupBy: "child", kinds: ["home-visit"] })
 * //=> [{ subjectId: "c1", contacts: 2 }, { subjectId: "c2", contacts: 1 }]
 * @category Storage
 */
export function countContactRecords(
  records: Iterable<ContactRecord>,
  query: StorageContactCountQuery,
  fileOf?: StorageFileLookup,
): StorageContactCount[] {
  requireObject(query as unknown, "query");
  if (
    typeof (records as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== "function"
  ) {
    throw invalidArgument(
      "records",
      "invalid_type",
      { "zh-CN": "应为走访记录的列表", en: "expected a list of contact records" },
      records,
    );
  }
  const subjects = query.subjectIds ? new Set(query.subjectIds) : undefined;
  const kinds = query.kinds ? new Set<string>(query.kinds) : undefined;
  const initiators = query.initiators ? new Set<string>(query.initiators) : undefined;
  const counts = new Map<string, number>();
  const add = (id: string): void => {
    if (!subjects || subjects.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  let index = 0;
  for (const r of records) {
    if (typeof r !== "object" || r === null || !Array.isArray(r.childIds)) {
      throw invalidArgument(
        `records[${index}]`,
        "invalid_type",
        { "zh-CN": "应为走访记录", en: "expected a contact record" },
        r,
      );
    }
    index++;
    if (kinds && !kinds.has(r.kind)) continue;
    if (initiators && !initiators.has(r.initiator)) continue;
    if (!inStorageInstantRange(r.at as Instant, query.at)) continue;
    if (query.groupBy === "child") {
      for (const id of r.childIds) if (storageChildrenInScope([id], query.scope, fileOf)) add(id);
    } else if (
      r.mentorId !== undefined &&
      storageChildrenInScope(r.childIds, query.scope, fileOf)
    ) {
      add(r.mentorId);
    }
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([subjectId, contacts]) => ({ subjectId, contacts }));
}
