import {
  completenessReport,
  type ChildFile,
  type DefinitionChoice,
  type CompletenessReport,
} from "@liushou/core";
import type { ResolvedOptions } from "../reports/options";

/**
 * The left-behind children among the files on `asOf`, as core counts them (the children
 * `completenessReport` checks), in input order, with the report itself.
 * @internal
 */
export function leftBehindFiles(
  files: readonly ChildFile[],
  o: ResolvedOptions,
  definition: DefinitionChoice | undefined,
): { files: ChildFile[]; completeness: CompletenessReport } {
  const completeness = completenessReport(files, {
    asOf: o.asOf,
    zone: o.timeZone,
    ...(definition !== undefined ? { definition } : {}),
  });
  const ids = new Set(completeness.children.map((c) => c.fileId));
  return { files: files.filter((f) => ids.has(f.id)), completeness };
}
