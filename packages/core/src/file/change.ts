import * as z from "zod";
import { copyPlainData, RESERVED_KEYS, reservedKeyText } from "../_lib/plain-data";
import { IssueCode } from "../errors/codes";
import { addIssue } from "../errors/issues";
import {
  IdSchema,
  InstantSchema,
  MAX_DEPTH,
  MAX_ID_LENGTH,
  MAX_PATCHES_PER_CHANGE,
  MAX_TEXT_LENGTH,
} from "../model";

/**
 * One JSON patch operation as immer records it (`path` is an array of keys and indexes).
 * @example
 * PatchSchema.parse({ op: "replace", path: ["child", "boarding"], value: true })
 * @category Child file
 */
export const PatchSchema = z.object({
  op: z.enum(["add", "remove", "replace"]),
  path: z
    .array(
      z.union([
        z
          .string()
          .max(MAX_ID_LENGTH)
          .superRefine((key, ctx) => {
            if (RESERVED_KEYS.has(key)) addIssue(ctx, IssueCode.RESERVED_KEY, reservedKeyText(key));
          }),
        z.number().int().nonnegative(),
      ]),
    )
    .max(MAX_DEPTH),
  value: z
    .unknown()
    .superRefine((value, ctx) => {
      const r = copyPlainData(value);
      if (!r.ok) {
        const { code, message, path } = r.problem;
        addIssue(ctx, code, message, { path });
      }
    })
    .optional(),
});
/** @category Child file */
export type FilePatch = z.infer<typeof PatchSchema>;

/**
 * One change to a child file (动态档案): who made it, when, why, and the patches that make it
 * and undo it. Plain JSON: hosts store the history as is and reload it with this schema.
 * @example
 * FileChangeSchema.parse(JSON.parse(JSON.stringify(change)))
 * @category Child file
 */
export const FileChangeSchema = z.object({
  /** Host-assigned id of the change, if any. */
  id: IdSchema.optional(),
  /** Id of the child file changed. */
  fileId: IdSchema,
  /** Who made the change (a user or staff id). */
  actor: IdSchema,
  /** When the change was made. */
  at: InstantSchema,
  /** Why (a parent changed jobs, the guardian changed…). */
  reason: z.string().min(1).max(MAX_TEXT_LENGTH),
  patches: z.array(PatchSchema).max(MAX_PATCHES_PER_CHANGE),
  inversePatches: z.array(PatchSchema).max(MAX_PATCHES_PER_CHANGE),
});
/** @category Child file */
export type FileChange = z.infer<typeof FileChangeSchema>;

/**
 * The history of a child file: its changes, oldest first.
 * @example
 * const history = FileHistorySchema.parse(JSON.parse(stored)) // FileChange[]
 * @category Child file
 */
export const FileHistorySchema = z.array(FileChangeSchema);
