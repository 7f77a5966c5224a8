import { ConflictError } from "../../errors/errors";
import { text } from "../../i18n";
import type { StorageEntityKind } from "./entities";

/**
 * The `ConflictError` an adapter throws when a write names a stale version (or creates an id
 * that is taken), with the entity, the id and both versions in zh-CN and en.
 * @param entity - The repository written to.
 * @param id - The entity id.
 * @param expected - The version the writer read (`null`: expected no entity).
 * @param actual - The version stored now (`null`: there is none).
 * @returns The error to throw.
 * @example
 * throw storageVersionConflict("files", "c1", 2, 3);
 * // message: "files c1: expected version 2, but the stored version is 3"
 * @category Storage
 */
export function storageVersionConflict(
  entity: StorageEntityKind,
  id: string,
  expected: number | null,
  actual: number | null,
): ConflictError {
  const zhExpected = expected === null ? "应为新建" : `应为版本 ${expected}`;
  const zhActual = actual === null ? "当前不存在" : `当前版本为 ${actual}`;
  const enExpected = expected === null ? "expected to create it" : `expected version ${expected}`;
  const enActual = actual === null ? "there is none" : `the stored version is ${actual}`;
  return new ConflictError(
    text(
      `${entity} ${id}：${zhExpected}，但${zhActual}（已被他人修改，请重新读取后再写）`,
      `${entity} ${id}: ${enExpected}, but ${enActual} (changed by someone else; read it again and retry)`,
    ),
  );
}
