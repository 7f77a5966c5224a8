/**
 * Errors of one partition of a partitioned evaluation (internal: not exported by the package).
 * @module
 */
import { text, type LocalizedText } from "../i18n/locale";
import { ValidationError } from "./errors";

/**
 * A {@link ValidationError} of one partition's data or options, its issues moved under the
 * partition: each path prefixed with `path` and each message with the partition's name.
 * @param error - The error the partition's validation threw (kept as `cause`).
 * @param path - Where the partition sits in the input (`partitions[3].data`, a county's name).
 * @param name - The partition's name, as the messages give it.
 * @internal
 */
export function inPartition(
  error: ValidationError,
  path: string,
  name: string,
  subject: LocalizedText,
): ValidationError {
  const issues = error.issues.map((x) => ({
    ...x,
    path: x.path === "" ? path : `${path}.${x.path}`,
    message: text(`分区 ${name}：${x.message["zh-CN"]}`, `partition ${name}: ${x.message.en}`),
  }));
  return new ValidationError(issues, { subject, cause: error });
}
