import type { Kysely } from "kysely";
import { ENTITY_TABLES } from "../tables/tables";
import { createEntityTable, type MigrationContext } from "./ddl";

/** Adds the table of guardian consent records (`ls_consent`, by child and purpose). */
export async function consentTable(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await createEntityTable(db, ENTITY_TABLES.consents, ctx);
}
