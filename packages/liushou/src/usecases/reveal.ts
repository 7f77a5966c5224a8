import {
  ChildFileSchema,
  fieldClassAt,
  ForbiddenError,
  IdSchema,
  text,
  valueAt,
  type StorageRecord,
  type ChildFile,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { auditEntry } from "../_lib/write";
import { checkConsent, purposesOfReveal } from "./checks";

/**
 * What `app.reveal` returns: the child's file version read, and each asked-for field in full
 * (`undefined` where the file has no such field), keyed by the path as given.
 * @category Composition
 */
export interface RevealResult {
  readonly childId: string;
  readonly version: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

const PathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9]*(\.([A-Za-z][A-Za-z0-9]*|\d{1,4}))*$/, {
    message: 'expected a field path such as "child.idNumber" or "guardians.0.phone"',
  });
const RevealSchema = z.object({
  childId: IdSchema,
  fields: z.array(PathSchema).min(1).max(50),
  purpose: z.string().trim().min(1).max(500),
});

/**
 * Shows fields of a child's file in full, whatever the actor's role sees, and records it: one
 * audit entry (`operation: "reveal"`, the paths in `fields`, the purpose as `reason`; never the
 * values) in the same transaction as the read. A child outside the actor's scope, or not on file,
 * is refused with a ForbiddenError. @internal
 */
export async function reveal(
  ctx: Context,
  childId: string,
  fields: readonly string[],
  purpose: string,
): Promise<RevealResult> {
  const o = ctx.check(RevealSchema, { childId, fields, purpose }, text("查看完整信息", "reveal"));
  const at = ctx.now();
  const paths = o.fields.map((f) => f.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
  return ctx.storage.transaction(async (tx) => {
    const record = (await tx.files.get(o.childId)) as StorageRecord<ChildFile> | null;
    if (!record) {
      throw new ForbiddenError(
        text(
          `${ctx.actor} 无法查看 files ${o.childId}：不在其访问范围内或不存在`,
          `${ctx.actor} may not reveal files ${o.childId}: it is outside the access scope or not on file`,
        ),
      );
    }
    const classes = paths.map((p) => fieldClassAt(ChildFileSchema, p));
    await checkConsent(ctx, tx, record.value, purposesOfReveal(classes));
    await tx.audit.append([
      auditEntry(ctx, at, {
        entity: "files",
        entityId: o.childId,
        operation: "reveal",
        version: record.version,
        patches: [],
        fields: paths,
        reason: o.purpose,
      }),
    ]);
    const out: Record<string, unknown> = {};
    o.fields.forEach((f, i) =>
      Object.defineProperty(out, f, {
        value: structuredClone(valueAt(record.value, paths[i]!)),
        enumerable: true,
      }),
    );
    return { childId: o.childId, version: record.version, fields: out };
  });
}
