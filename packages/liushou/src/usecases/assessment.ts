import {
  assessRisk,
  AssessmentSchema,
  checkLegalDuties,
  IdSchema,
  scoreChecklist,
  text,
  updateChildFile,
  validate,
  type Assessment,
  type ChecklistScore,
  type ChildFile,
  type RiskAssessment,
  type StorageRecord,
  type StorageSession,
} from "@liushou/core";
import type { Context } from "../context";
import { requireEntity, saveEntity, validationIssue } from "../_lib/write";
import { checkStrict, requireArgument } from "../_lib/arguments";
import { checkWrites } from "./checks";
import { drain } from "./scope";

/**
 * Input of `assessChild`: the answers to one checklist. `checklistVersion` defaults to the
 * registry's latest, `takenAt` to now, `id` to a new id.
 * @category Composition
 */
export interface AssessChildInput {
  childId: string;
  checklistId: string;
  checklistVersion?: string;
  informant: Assessment["informant"];
  responses: Assessment["responses"];
  assessorId?: string;
  takenAt?: Assessment["takenAt"];
  id?: string;
}

/**
 * Result of `assessChild`: the stored assessment, its score, the child's risk after it, and
 * the file (its `riskLevel` updated, with history, when the risk changed).
 * @category Composition
 */
export interface AssessChildResult {
  readonly assessment: StorageRecord<Assessment>;
  readonly score: ChecklistScore;
  readonly risk: RiskAssessment;
  readonly file: StorageRecord<ChildFile>;
}

/** The legal findings of a file from its stored contact records. @internal */
export async function legalFindings(ctx: Context, tx: StorageSession, file: ChildFile) {
  const records = await drain(tx.contacts.stream({ childId: file.id }), (r) => r.value);
  return checkLegalDuties(file, { asOf: ctx.today(), records, timeZone: ctx.timeZone });
}

/**
 * Assesses a child: scores the answers with the checklist version they were given on, stores
 * the assessment, reassesses the child's risk from every stored assessment and the legal
 * findings, and records a changed risk level in the file's history, in one transaction. A
 * `takenAt` after today or before the child's birth is refused (`checkWrites`), as is an
 * assessment without the guardian's consent when the host requires it. @internal
 */
export async function assessChild(
  ctx: Context,
  input: AssessChildInput,
): Promise<AssessChildResult> {
  const subject = text("评估", "assessment");
  requireArgument(ctx, "input", input);
  const raw: AssessChildInput = input;
  const checklistId = validate(IdSchema, raw.checklistId, {
    subject,
    locale: ctx.locale,
    path: ["checklistId"],
  });
  const source = ctx.checklists as typeof ctx.checklists & {
    latest?: (id: string) => { version: string } | null;
  };
  const version =
    raw.checklistVersion ??
    source.latest?.(checklistId)?.version ??
    source.versions(checklistId).at(-1);
  if (version === undefined) {
    throw validationIssue(
      ctx,
      "checklistId",
      "unknown_id",
      checklistId,
      "登记册中没有此检查表",
      "no such checklist in the registry",
    );
  }
  const at = ctx.now();
  // A key the assessment does not take (a typo such as `takenAT`) is refused, not dropped.
  const assessment = checkStrict(
    ctx.locale,
    AssessmentSchema,
    { id: ctx.newId(), takenAt: at, ...raw, checklistVersion: version },
    subject,
  );
  const score = scoreChecklist(ctx.checklists, assessment);
  return ctx.storage.transaction(async (tx) => {
    const before = await requireEntity(ctx, tx, "files", assessment.childId, "childId");
    await checkWrites(ctx, tx, "assessments", [{ value: assessment, path: [] }], subject);
    const stored = await saveEntity(ctx, tx, "assessments", assessment, { at });
    const assessments = await drain(
      tx.assessments.stream({ childId: assessment.childId }),
      (r) => r.value,
    );
    const risk = assessRisk(before.value, {
      asOf: ctx.today(),
      assessments,
      findings: await legalFindings(ctx, tx, before.value),
      registry: ctx.checklists,
      timeZone: ctx.timeZone,
    });
    if (risk.level === before.value.riskLevel) {
      return { assessment: stored, score, risk, file: before };
    }
    const reason = `assessment ${assessment.id}: risk ${risk.level}`;
    const { file, change } = updateChildFile(before.value, (d) => void (d.riskLevel = risk.level), {
      actor: ctx.actor,
      at,
      reason,
      id: ctx.newId(),
    });
    const saved = await saveEntity(ctx, tx, "files", file, {
      at,
      before,
      patches: change.patches,
      reason,
    });
    await tx.fileChanges.append([change]);
    return { assessment: stored, score, risk, file: saved };
  });
}
