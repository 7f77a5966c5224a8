import type { Liushou } from "liushou";
import type { Say } from "./say";

/**
 * A change to a child's file kept as history (动态档案): a mentor adds the interests learnt on
 * a home visit; the file as it was the day before is rebuilt from the history.
 * @param app - The use cases.
 * @param say - Where the story goes.
 * @param childId - A left-behind child (from the end-of-term review), if there is one.
 */
export async function keepFileHistory(
  app: Liushou,
  say: Say,
  childId: string | undefined,
): Promise<void> {
  say.heading("动态档案", "The dynamic file");
  if (childId === undefined) return;
  const before = (await app.fileHistory(childId)).length;
  const { change } = await app.updateFile(
    childId,
    (draft) => void (draft.child.interests = "画画、踢毽子"),
    { reason: say.t("家访后补充兴趣爱好", "interests added after a home visit") },
  );
  const history = await app.fileHistory(childId);
  say.line(
    say.t(
      `档案 ${childId}：本次修改 ${change.patches.length} 处，历史共 ${history.length} 条（此前 ${before} 条），原因：${change.reason}`,
      `File ${childId}: ${change.patches.length} patch(es) now, ${history.length} change(s) in its history (${before} before), reason: ${change.reason}`,
    ),
  );
  const asItWas = await app.fileAsOf(childId, "2026-06-29");
  const now = await app.getFile(childId);
  say.line(
    `${say.t("修改前（按日期还原）：", "As it was the day before:")} ${asItWas?.child.interests ?? "—"}`,
  );
  say.line(`${say.t("修改后：", "After:")} ${now?.value.child.interests ?? "—"}`);
}
