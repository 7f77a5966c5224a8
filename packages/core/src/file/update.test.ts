import fc from "fast-check";
import { thrown } from "../_lib/throws.test-helper";
import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../errors";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model";
import type { Instant } from "../time";
import { FileChangeSchema, FileHistorySchema, type FileChange } from "./change";
import {
  fileAsOf,
  replayFileHistory,
  revertChange,
  updateChildFile,
  type FileRecipe,
} from "./update";

const input: ChildFileInput = {
  id: "c1",
  child: {
    name: "李小花",
    gender: "female",
    birthDate: "2014-04-02",
    regionCode: "430102001001",
    grade: 6,
  },
  livingArrangement: "grandparents",
  guardians: [{ id: "g1", name: "李奶奶", relation: "grandmother" }],
  parents: [
    {
      id: "p1",
      role: "father",
      name: "李大山",
      awayPeriods: [{ from: "2022-02-10", city: "深圳" }],
    },
    {
      id: "p2",
      role: "mother",
      name: "王春梅",
      awayPeriods: [{ from: "2023-03-01", city: "东莞" }],
    },
  ],
};
const meta = (at: string, reason = "更新"): { actor: string; at: Instant; reason: string } => ({
  actor: "teacher-1",
  at: at as Instant,
  reason,
});

describe("updateChildFile", () => {
  it("returns a new frozen file and the patches, leaving the input unchanged", () => {
    const before = structuredClone(input);
    const { file, change } = updateChildFile(
      input,
      (d) => {
        d.child.boarding = true;
      },
      meta("2026-09-01T08:00:00+08:00", "开学住校"),
    );
    expect(input).toEqual(before);
    expect(file.child.boarding).toBe(true);
    expect(Object.isFrozen(file)).toBe(true);
    expect(Object.isFrozen(file.child)).toBe(true);
    expect(Object.isFrozen(file.parents[0]?.awayPeriods)).toBe(true);
    expect(change).toMatchObject({ fileId: "c1", actor: "teacher-1", reason: "开学住校" });
    expect(change.patches).toEqual([{ op: "replace", path: ["child", "boarding"], value: true }]);
    expect(change.inversePatches).toEqual([
      { op: "replace", path: ["child", "boarding"], value: false },
    ]);
    expect(FileChangeSchema.parse(JSON.parse(JSON.stringify(change)))).toEqual(change);
  });

  it("records zod's normalisation in the patches", () => {
    const { file, change } = updateChildFile(
      input,
      (d) => {
        d.parents[0]!.phone = "+86 138-0013-8000";
      },
      meta("2026-09-01T08:00:00+08:00"),
    );
    expect(file.parents[0]?.phone).toBe("13800138000");
    expect(change.patches).toEqual([
      { op: "add", path: ["parents", 0, "phone"], value: "13800138000" },
    ]);
  });

  it("throws a ValidationError for an invalid result and loses nothing", () => {
    const start = updateChildFile(input, () => {}, meta("2026-09-01T08:00:00+08:00")).file;
    expect(() =>
      updateChildFile(
        start,
        (d) => {
          d.child.birthDate = "2014-02-30" as never;
        },
        meta("2026-09-02T08:00:00+08:00"),
      ),
    ).toThrow(ValidationError);
    const bad = thrown(() =>
      updateChildFile(
        start,
        (d) => {
          d.parents[0]!.phone = "12345";
        },
        meta("2026-09-02T08:00:00+08:00"),
      ),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).issues[0]?.path).toBe("parents[0].phone");
    expect(() =>
      updateChildFile(start, (d) => void (d.id = "c2"), meta("2026-09-02T08:00:00+08:00")),
    ).toThrow(ValidationError);
    expect(() =>
      updateChildFile(start, (d) => void (d.child.boarding = true), {
        ...meta("x"),
        at: "soon" as Instant,
      }),
    ).toThrow(ValidationError);
    expect(start.child.birthDate).toBe("2014-04-02");
  });

  it("accepts a recipe that returns a replacement file", () => {
    const { file, change } = updateChildFile(
      input,
      (d) => ({ ...(d as ChildFile), keyCase: true }),
      meta("2026-09-01T08:00:00+08:00"),
    );
    expect(file.keyCase).toBe(true);
    expect(change.patches).toEqual([{ op: "replace", path: ["keyCase"], value: true }]);
  });

  it("refuses a recipe that returns something other than a file object, naming it", () => {
    for (const returned of [5, null, "x", [1], true]) {
      expect(() =>
        updateChildFile(input, () => returned as never, meta("2026-09-01T08:00:00+08:00")),
      ).toThrow(
        expect.objectContaining({
          issues: [expect.objectContaining({ path: "recipe", code: "invalid_type" })],
        }),
      );
    }
  });
});

describe("fileAsOf and revertChange", () => {
  const s0 = ChildFileSchema.parse(input);
  const u1 = updateChildFile(
    s0,
    (d) => {
      d.parents[0]!.awayPeriods[0]!.to = "2026-06-30";
    },
    meta("2026-07-01T09:00:00+08:00", "父亲返乡"),
  );
  const u2 = updateChildFile(
    u1.file,
    (d) => {
      d.livingArrangement = "relatives";
      d.guardians.push({
        id: "g2",
        name: "李姑姑",
        relation: "relative",
        entrusted: true,
        primary: true,
        guardianshipCapacity: "full",
        disqualifications: [],
      });
      d.guardians[0]!.primary = false;
    },
    meta("2026-08-31T23:30:00+08:00", "改由姑姑照护"),
  );
  const history = [u1.change, u2.change];

  it("rebuilds the file at any time; a calendar date is read in Beijing time", () => {
    expect(fileAsOf(s0, history, "2026-06-30")).toEqual(s0);
    expect(fileAsOf(s0, history, "2026-07-01")).toEqual(u1.file);
    // 23:30 in Beijing on 31 August is 15:30 UTC: in Beijing it is 31 August, so included.
    expect(fileAsOf(s0, history, "2026-08-31")).toEqual(u2.file);
    expect(fileAsOf(s0, history, "2026-08-31T15:29:59Z")).toEqual(u1.file);
    expect(fileAsOf(s0, history, "2026-08-31T15:30:00Z")).toEqual(u2.file);
    expect(fileAsOf(s0, history, "2026-08-30", { zone: "UTC" })).toEqual(u1.file);
    expect(Object.isFrozen(fileAsOf(s0, history, "2026-08-31"))).toBe(true);
  });

  it("validates the history", () => {
    expect(() => fileAsOf(s0, [u2.change, u1.change], "2026-12-31")).toThrow(ValidationError);
    expect(() => fileAsOf(s0, [{ ...u1.change, fileId: "other" }], "2026-12-31")).toThrow(
      ValidationError,
    );
    expect(() =>
      fileAsOf(s0, [{ ...u1.change, at: "July" } as unknown as FileChange], "2026-12-31"),
    ).toThrow(ValidationError);
  });

  it("undoes the latest change and refuses an undo that would overwrite later work", () => {
    const undone = revertChange(u2.file, u2.change, meta("2026-09-01T10:00:00+08:00", "录入错误"));
    expect(undone.file).toEqual(u1.file);
    expect(undone.change.reason).toBe("录入错误");
    const u3 = updateChildFile(
      u2.file,
      (d) => void (d.livingArrangement = "entrusted"),
      meta("2026-09-02T10:00:00+08:00"),
    );
    expect(() => revertChange(u3.file, u2.change, meta("2026-09-03T10:00:00+08:00"))).toThrow(
      ConflictError,
    );
    // u1 set the father's return date, untouched since: it can still be undone.
    const back = revertChange(u3.file, u1.change, meta("2026-09-03T10:00:00+08:00"));
    expect(back.file.parents[0]?.awayPeriods[0]?.to).toBeUndefined();
    expect(back.file.livingArrangement).toBe("entrusted");
  });
});

// ---------------------------------------------------------------------------------------------
// Property: replaying the history reproduces every state.

const ops: Record<string, fc.Arbitrary<FileRecipe>> = {
  name: fc
    .constantFrom("李小花", "李晓华", "Li Xiaohua", "小花")
    .map((v) => (d) => void (d.child.name = v)),
  boarding: fc.boolean().map((v) => (d) => void (d.child.boarding = v)),
  living: fc
    .constantFrom("parent", "grandparents", "relatives", "entrusted", "alone" as const)
    .map((v) => (d) => void (d.livingArrangement = v)),
  address: fc
    .option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined })
    .map((v) => (d) => {
      if (v === undefined) delete d.child.address;
      else d.child.address = v;
    }),
  keyCase: fc.boolean().map((v) => (d) => void (d.keyCase = v)),
  awayAdd: fc.integer({ min: 0, max: 3000 }).map((n) => (d) => {
    const from = new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
    d.parents[1]?.awayPeriods.push({ from: from as never, city: "广州" });
  }),
  awayDrop: fc.constant((d) => void d.parents[1]?.awayPeriods.shift()),
  guardianAdd: fc.integer({ min: 0, max: 1_000_000 }).map((n) => (d) => {
    const id = `g-${n}`;
    if (d.guardians.some((g) => g.id === id)) return;
    d.guardians.unshift({
      id,
      name: "照护人",
      relation: "relative",
      entrusted: false,
      primary: true,
      guardianshipCapacity: "full",
      disqualifications: [],
    });
  }),
  guardianDrop: fc.nat(5).map((i) => (d) => void d.guardians.splice(i, 1)),
};

describe("history replay (property)", () => {
  it("replaying the history reproduces the final file, and replay as of change k gives the k-th state", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(...Object.values(ops)), { maxLength: 15 }),
        fc.array(fc.integer({ min: 0, max: 90_000 }), { maxLength: 15 }),
        (recipes, gaps) => {
          const initial = ChildFileSchema.parse(input);
          const frozenBefore = structuredClone(initial);
          const states: ChildFile[] = [initial];
          const history: FileChange[] = [];
          let ms = Date.parse("2026-01-01T00:00:00Z");
          recipes.forEach((recipe, i) => {
            ms += 1000 + (gaps[i] ?? 0) * 1000;
            const prev = states[states.length - 1]!;
            const snapshot = structuredClone(prev);
            const { file, change } = updateChildFile(
              prev,
              recipe,
              meta(new Date(ms).toISOString()),
            );
            expect(prev).toEqual(snapshot);
            expect(Object.isFrozen(file)).toBe(true);
            states.push(file);
            history.push(change);
          });
          const stored = FileHistorySchema.parse(JSON.parse(JSON.stringify(history)));
          expect(replayFileHistory(initial, stored)).toEqual(states[states.length - 1]);
          history.forEach((c, k) => {
            expect(fileAsOf(initial, stored, c.at as Instant)).toEqual(states[k + 1]);
            const before = new Date(Date.parse(c.at) - 1).toISOString() as Instant;
            expect(fileAsOf(initial, stored, before)).toEqual(states[k]);
          });
          expect(initial).toEqual(frozenBefore);
          // Undoing the latest change gives back the state before it.
          const last = history[history.length - 1];
          if (last) {
            const undone = revertChange(
              states[states.length - 1]!,
              last,
              meta(new Date(ms + 1000).toISOString()),
            );
            expect(undone.file).toEqual(states[states.length - 2]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
