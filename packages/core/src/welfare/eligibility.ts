import * as z from "zod";
import { validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import { AidSchema, type Aid } from "../model/records";
import { CalendarDateSchema } from "../model/primitives";
import type { CalendarDate } from "../time/types";
import { HouseholdSchema, type Household, type HouseholdInput } from "./schema";

/**
 * One child's eligibility for the subsidy (两免一补) and hardship relief (济难救助), with the
 * reasons in both languages.
 * @category Welfare
 */
export interface AidEligibility {
  readonly childId: string;
  readonly subsidy: boolean;
  readonly hardshipRelief: boolean;
  readonly reasons: readonly LocalizedText[];
  /** Eligible, and no aid of that kind dated in the year of `asOf`. */
  readonly notYetAided: readonly ("subsidy" | "hardship-relief")[];
}

const InputSchema = z.object({
  files: z.array(ChildFileSchema),
  households: z.array(HouseholdSchema),
  aid: z.array(AidSchema).default([]),
  asOf: CalendarDateSchema,
  /**
   * Yearly income per person below which a household counts as in hardship, in fen. No default
   * from the summaries: hosts set their county's line (omitted, income is not used).
   */
  hardshipLinePerPersonFen: z.number().int().positive().optional(),
});

/**
 * Which left-behind children are eligible for the subsidy and hardship relief: “将家庭困难的留守
 * 儿童纳入到“两免一补”、“济难救助”中来，确保他们完成国家规定义务教育” (school summary, L182), and
 * again “将家庭困难的留守儿童纳入到“两免一补”、“济难救助”中来” (county summary, L323). A child of a household in hardship — flagged, on minimum living
 * support, or below `hardshipLinePerPersonFen` of income per person of the household — is
 * eligible for hardship relief, and for the subsidy too while in compulsory education (grade
 * 1–9, enrolled). The latest household record on or before `asOf` is used. `notYetAided` lists
 * what the child is owed this year against the `aid` records.
 * @param input - `files` (the left-behind children), `households`, `aid`, `asOf` and the optional income line.
 * @returns One row per child with a household record, in file order.
 * @throws ValidationError on malformed input.
 * @example
 * aidEligibility({ files, households, aid, asOf: "2026-09-30" })[0]
 * //=> { childId: "c1", subsidy: true, hardshipRelief: true, reasons: [ … ], notYetAided: ["hardship-relief"] }
 * @category Welfare
 */
export function aidEligibility(input: {
  files: readonly (ChildFileInput | ChildFile)[];
  households: readonly (HouseholdInput | Household)[];
  aid?: readonly (z.input<typeof AidSchema> | Aid)[];
  asOf: CalendarDate;
  hardshipLinePerPersonFen?: number;
}): AidEligibility[] {
  const o = validate(InputSchema, input, { subject: text("资助资格", "aid eligibility") });
  const latest = new Map<string, Household>();
  for (const h of o.households) {
    if (h.recordedOn > o.asOf) continue;
    const prev = latest.get(h.childId);
    if (!prev || h.recordedOn > prev.recordedOn) latest.set(h.childId, h);
  }
  const year = o.asOf.slice(0, 4);
  const out: AidEligibility[] = [];
  for (const f of o.files) {
    const h = latest.get(f.id);
    if (!h) continue;
    const reasons: LocalizedText[] = [];
    if (h.hardship) reasons.push(text("家庭困难", "the family is in hardship"));
    if (h.minimumLivingSupport) reasons.push(text("低保户", "on minimum living support"));
    if (h.yearlyIncomeFen !== undefined && o.hardshipLinePerPersonFen !== undefined) {
      const perPerson = Math.floor(h.yearlyIncomeFen / h.size);
      if (perPerson < o.hardshipLinePerPersonFen) {
        reasons.push(
          text(
            `家庭人均年收入 ${(perPerson / 100).toFixed(0)} 元（${h.size} 口人），低于 ${(o.hardshipLinePerPersonFen / 100).toFixed(0)} 元`,
            `income per person ${(perPerson / 100).toFixed(0)} yuan a year (${h.size} people), below ${(o.hardshipLinePerPersonFen / 100).toFixed(0)}`,
          ),
        );
      }
    }
    const hardshipRelief = reasons.length > 0;
    const { status } = f.child.schooling;
    const compulsory = status === "enrolled" && f.child.grade !== undefined && f.child.grade <= 9;
    const subsidy = hardshipRelief && compulsory;
    if (hardshipRelief && !compulsory) {
      reasons.push(
        text("不在义务教育阶段在读，不享受两免一补", "not enrolled in grades 1–9: no subsidy"),
      );
    }
    const aided = (kind: "subsidy" | "hardship-relief") =>
      o.aid.some(
        (a) =>
          a.kind === kind &&
          a.childIds.includes(f.id) &&
          a.date.slice(0, 4) === year &&
          a.date <= o.asOf,
      );
    const notYetAided = [
      ...(subsidy && !aided("subsidy") ? (["subsidy"] as const) : []),
      ...(hardshipRelief && !aided("hardship-relief") ? (["hardship-relief"] as const) : []),
    ];
    out.push({ childId: f.id, subsidy, hardshipRelief, reasons, notYetAided });
  }
  return out;
}
