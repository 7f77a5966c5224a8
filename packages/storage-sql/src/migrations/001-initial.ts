import { sql, type Kysely } from "kysely";
import { ENTITY_TABLES } from "../tables/tables";
import { columnType, createEntityTable, createTable, type MigrationContext } from "./ddl";

/** The entity kinds of the first schema; later kinds come with their own migration. */
const INITIAL_KINDS = [
  "files",
  "schools",
  "classes",
  "mentors",
  "pairings",
  "contacts",
  "assessments",
  "assistancePlans",
  "wishes",
  "activities",
  "aid",
] as const;

/**
 * The first schema: one table per entity kind (with its link table), the guardians and
 * parents of every file, the change history of files, and the append-only audit log. Every
 * table starts with the county `region`.
 */
export async function initialSchema(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  const { flavor } = ctx;
  const t = (type: Parameters<typeof columnType>[0]) => columnType(type, flavor);
  for (const kind of INITIAL_KINDS) await createEntityTable(db, ENTITY_TABLES[kind], ctx);

  const people = db.schema
    .createTable("ls_person")
    .addColumn("region", t("region"), (c) => c.notNull())
    .addColumn("register", t("code"), (c) => c.notNull())
    .addColumn("file_id", t("id"), (c) => c.notNull())
    .addColumn("person_id", t("id"), (c) => c.notNull())
    .addColumn("phone", t("code"))
    .addColumn("data", t("json"), (c) => c.notNull())
    .addPrimaryKeyConstraint("ls_person__pk", [
      "region",
      "register",
      "file_id",
      "person_id",
    ] as never);
  await createTable(
    db,
    people,
    "ls_person",
    [
      ["register", "phone", "file_id", "person_id"],
      ["register", "person_id", "file_id"],
    ],
    ctx,
  );

  const changes = db.schema
    .createTable("ls_file_change")
    .addColumn("region", t("region"), (c) => c.notNull())
    .addColumn("file_id", t("id"), (c) => c.notNull())
    .addColumn("seq", t("int"), (c) => c.notNull())
    .addColumn("data", t("json"), (c) => c.notNull())
    .addPrimaryKeyConstraint("ls_file_change__pk", ["region", "file_id", "seq"] as never);
  await createTable(db, changes, "ls_file_change", [], ctx);

  // The audit log is ordered by an increasing sequence number, which each dialect spells its
  // own way; PostgreSQL keeps the region in the key so the table can be partitioned by it.
  let audit = db.schema.createTable("ls_audit");
  if (flavor === "sqlite") audit = audit.addColumn("seq", "integer", (c) => c.primaryKey());
  else if (flavor === "mysql")
    audit = audit.addColumn("seq", "bigint", (c) => c.primaryKey().autoIncrement());
  else audit = audit.addColumn("seq", sql.raw("bigserial"), (c) => c.notNull());
  audit = audit
    .addColumn("region", t("region"), (c) => c.notNull())
    .addColumn("kind", t("code"), (c) => c.notNull())
    .addColumn("entity_id", t("id"), (c) => c.notNull())
    .addColumn("actor", t("id"), (c) => c.notNull())
    .addColumn("at_ms", t("instant"), (c) => c.notNull())
    .addColumn("data", t("json"), (c) => c.notNull());
  if (flavor === "postgres")
    audit = audit.addPrimaryKeyConstraint("ls_audit__pk", ["region", "seq"] as never);
  await createTable(
    db,
    audit,
    "ls_audit",
    [["seq"], ["kind", "entity_id", "seq"], ["actor", "seq"], ["at_ms", "seq"]],
    ctx,
  );
}
