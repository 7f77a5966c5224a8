import type { ChildFile, StorageEntityKind } from "@liushou/core";
import { ENTITY_TABLES } from "../tables/tables";

/** A row to insert: column name → value. */
export type Row = Record<string, string | number | null>;

/** A table and the rows of one batch to write to it. */
export interface TableRows {
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** The column names of an entity's table, in the order rows list their values. */
export function entityColumns(kind: StorageEntityKind): readonly string[] {
  const spec = ENTITY_TABLES[kind];
  return ["region", "id", "version", "updated_at", ...spec.columns.map((c) => c.name), "data"];
}

/** The values of an entity's row, in {@link entityColumns} order. */
export function entityValues(
  kind: StorageEntityKind,
  region: string,
  value: { id: string },
  version: number,
  at: string,
): (string | number | null)[] {
  const spec = ENTITY_TABLES[kind];
  const values: (string | number | null)[] = [region, value.id, version, at];
  for (const c of spec.columns) values.push(c.get(value));
  values.push(JSON.stringify(value));
  return values;
}

/** The tables derived from an entity's lists: its link table and, for files, its people. */
export function sideTables(kind: StorageEntityKind): readonly { table: string; key: string }[] {
  const link = ENTITY_TABLES[kind].link;
  const tables = link ? [{ table: link.table, key: "entity_id" }] : [];
  if (kind === "files") tables.push({ table: "ls_person", key: "file_id" });
  return tables;
}

/** The rows of the derived tables for a batch of entities. */
export function sideRows(
  kind: StorageEntityKind,
  region: string,
  values: readonly { id: string }[],
): TableRows[] {
  const out: TableRows[] = [];
  const link = ENTITY_TABLES[kind].link;
  if (link) {
    const rows: (string | number | null)[][] = [];
    for (const value of values) {
      const copies = link.copy.map((c) => c.get(value));
      for (const item of link.get(value)) rows.push([region, value.id, item, ...copies]);
    }
    const columns = ["region", "entity_id", link.column, ...link.copy.map((c) => c.name)];
    out.push({ table: link.table, columns, rows });
  }
  if (kind === "files") {
    const rows: (string | number | null)[][] = [];
    for (const file of values as readonly ChildFile[]) {
      for (const register of ["guardians", "parents"] as const) {
        for (const p of file[register]) {
          rows.push([region, register, file.id, p.id, p.phone ?? null, JSON.stringify(p)]);
        }
      }
    }
    const columns = ["region", "register", "file_id", "person_id", "phone", "data"];
    out.push({ table: "ls_person", columns, rows });
  }
  return out;
}
