/**
 * The type of an indexed column: an id, a short code (enum, region code), a calendar date
 * (`YYYY-MM-DD`, which sorts as text), an instant (epoch milliseconds) or a small integer.
 */
export type ColumnType = "id" | "code" | "date" | "instant" | "int";

/** A value as it is written to an indexed column. */
export type ColumnValue = string | number | null;

/** One indexed column of an entity table, read from the entity. */
export interface ColumnSpec<E> {
  readonly name: string;
  readonly type: ColumnType;
  readonly get: (entity: E) => ColumnValue;
}

/**
 * A table of (entity id, value) pairs for a list field (the children a contact record names,
 * the classes a mentor teaches), so "every record of this child" is one index range.
 */
export interface LinkSpec<E> {
  readonly table: string;
  /** The column holding each value of the list (`child_id`, `class_id`). */
  readonly column: string;
  readonly get: (entity: E) => readonly string[];
  /** Columns of the entity copied into each link row, so counts read the link index alone. */
  readonly copy: readonly ColumnSpec<E>[];
  /** Extra indexes after `region` (the link's primary key is region, entity, value). */
  readonly indexes: readonly (readonly string[])[];
}

/** How one kind of entity is stored: its table, its indexed columns and its indexes. */
export interface EntityTableSpec<E = any> {
  readonly table: string;
  readonly columns: readonly ColumnSpec<E>[];
  /** Indexes after `region`; each ends with `id`, the order every query returns. */
  readonly indexes: readonly (readonly string[])[];
  readonly link?: LinkSpec<E>;
}
