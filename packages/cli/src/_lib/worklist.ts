import type { WorkItem } from "@liushou/core";
import { loadCareData, namesOf } from "./data";
import type { Session } from "./io";
import type { OpenApp } from "./open";
import { progress } from "./progress";

/** A work item with the names a person reads: child, mentor, policy and the child's region. @internal */
export interface DescribedItem {
  readonly item: WorkItem;
  readonly policyId: string;
  readonly policy: string;
  readonly childId: string | undefined;
  readonly child: string;
  readonly region: string;
  readonly mentorId: string | undefined;
  readonly mentor: string;
  readonly due: string;
  readonly closesOn: string;
  readonly required: number;
  readonly done: number;
  readonly shortBy: number;
  readonly daysLate: number;
  readonly risk: WorkItem["risk"];
  readonly keyCase: boolean;
}

/**
 * The due list of the open app (with a progress line), each item with names: what `due` prints
 * and `export-ics` writes. @internal
 */
export async function describedWorkList(
  session: Session,
  { app, storage, today }: OpenApp,
  options: { withinDays: number; limit?: number; school?: string },
): Promise<{ overdue: DescribedItem[]; dueSoon: DescribedItem[] }> {
  const bar = progress(session);
  const label = session.t("计算待办", "evaluating");
  bar.update(label, 0, 1);
  const list = await app.listDue({
    asOf: today,
    withinDays: options.withinDays,
    ...(options.limit ? { limit: options.limit } : {}),
    ...(options.school ? { scope: { schoolId: options.school } } : {}),
  });
  bar.update(label, 1, 1);
  bar.done();
  const data = await loadCareData(storage);
  const names = await namesOf(data);
  const regionOf = new Map(data.files.map((f) => [f.id, f.child.regionCode]));
  const describe = (item: WorkItem): DescribedItem => ({
    item,
    policyId: item.policyId,
    policy: item.policyName[session.locale],
    childId: item.childId,
    child: names.child(item.childId),
    region: names.region(item.childId === undefined ? undefined : regionOf.get(item.childId)),
    mentorId: item.mentorId,
    mentor: names.mentor(item.mentorId),
    due: item.due,
    closesOn: item.closesOn,
    required: item.required,
    done: item.done,
    shortBy: item.shortBy,
    daysLate: item.daysLate,
    risk: item.risk,
    keyCase: item.keyCase,
  });
  return { overdue: list.overdue.map(describe), dueSoon: list.dueSoon.map(describe) };
}
