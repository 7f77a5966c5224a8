import { STORAGE_ENTITY_KINDS } from "@liushou/core";
import type { Guardian, Parent, StorageSession } from "@liushou/core";
import { sqlAuditLog } from "./audit";
import type { SqlContext } from "./context";
import { countContacts } from "./counts";
import { sqlFileChangeLog } from "./history";
import { sqlPeopleView } from "./people";
import { sqlRepository } from "./repository";

/** Every repository of the port over one database or one open transaction. */
export function sqlSession(ctx: SqlContext): StorageSession {
  const repositories = Object.fromEntries(
    STORAGE_ENTITY_KINDS.map((kind) => [kind, sqlRepository(ctx, kind)]),
  );
  return {
    ...(repositories as Pick<StorageSession, (typeof STORAGE_ENTITY_KINDS)[number]>),
    guardians: sqlPeopleView<Guardian>(ctx, "guardians"),
    parents: sqlPeopleView<Parent>(ctx, "parents"),
    fileChanges: sqlFileChangeLog(ctx),
    audit: sqlAuditLog(ctx),
    countContacts: (query) => countContacts(ctx, query),
  };
}
