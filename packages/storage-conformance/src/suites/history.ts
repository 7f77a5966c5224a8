import { replayFileHistory, updateChildFile, type FileChange, type Instant } from "@liushou/core";
import { describe, expect } from "vitest";
import { expectUnmutated, WRITE_AT, type Harness } from "../harness";
import { newSampleScope, randomId, sampleEntity, TRICKY_STRINGS } from "../samples";

/** File histories: appended changes come back in order and replay to the same file. @internal */
export function historySuite(h: Harness): void {
  describe("file history", () => {
    h.it(
      "changes made with updateChildFile come back in order and replay to the file",
      async (s) => {
        const initial = sampleEntity("files", newSampleScope());
        await s.files.put(initial, { expectedVersion: null, at: WRITE_AT });
        let file = initial;
        const changes: FileChange[] = [];
        TRICKY_STRINGS.forEach((note, i) => {
          const u = updateChildFile(
            file,
            (d) => {
              d.child.interests = note;
              if (i === 2)
                d.guardians.push({ ...d.guardians[0]!, id: randomId("g"), primary: false });
              if (i === 4) d.parents[0]!.awayPeriods[0]!.to = "2026-02-01";
              if (i === 5) d.riskLevel = "high";
            },
            {
              actor: "teacher-7",
              at: `2026-03-${String(1 + i).padStart(2, "0")}T08:00:00+08:00` as Instant,
              reason: note,
              id: randomId("ch"),
            },
          );
          file = u.file;
          changes.push(u.change);
        });
        await expectUnmutated(changes.slice(0, 3), (c) => s.fileChanges.append(c));
        await s.fileChanges.append(changes.slice(3));
        await s.fileChanges.append([]);
        const got = await s.fileChanges.list(initial.id);
        expect(got).toEqual(changes);
        expect(replayFileHistory(initial, got)).toEqual(file);
        expect(await s.fileChanges.list(randomId("c"))).toEqual([]);
      },
    );

    h.it("histories of different files stay apart", async (s) => {
      const scope = newSampleScope();
      const [a, b] = [sampleEntity("files", scope), sampleEntity("files", scope)];
      const meta = { actor: "t1", at: WRITE_AT, reason: "住校" } as const;
      const ca = updateChildFile(a, (d) => void (d.child.boarding = true), meta).change;
      const cb = updateChildFile(b, (d) => void (d.keyCase = true), meta).change;
      await s.fileChanges.append([ca, cb, ca]);
      expect(await s.fileChanges.list(a.id)).toEqual([ca, ca]);
      expect(await s.fileChanges.list(b.id)).toEqual([cb]);
    });
  });
}
