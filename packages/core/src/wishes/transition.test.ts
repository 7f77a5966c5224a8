import fc from "fast-check";
import { thrown } from "../_lib/throws.test-helper";
import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../errors";
import { WishStatusSchema, type MicroWish, type WishStatus } from "../model";
import { canTransitionWish, transitionWish, WISH_TRANSITIONS } from "./transition";

const wish: MicroWish = {
  id: "w1",
  childId: "c1",
  title: "一个新书包",
  costFen: 8000,
  status: "submitted",
  history: [{ status: "submitted", at: "2026-05-01T09:00:00+08:00" }],
};
const STATUSES = WishStatusSchema.options;

describe("transitionWish", () => {
  it("walks the happy path and appends history, never touching the input", () => {
    const before = structuredClone(wish);
    const a = transitionWish(wish, "approved", { at: "2026-05-02T09:00:00+08:00", actorId: "t1" });
    const b = transitionWish(a, "claimed", {
      at: "2026-05-03T09:00:00+08:00",
      donor: { name: "爱心企业甲", kind: "company" },
      note: "六一前送达",
    });
    const c = transitionWish(b, "fulfilled", { at: "2026-05-30T09:00:00+08:00" });
    const d = transitionWish(c, "thanked", { at: "2026-06-02T09:00:00+08:00" });
    expect(d.status).toBe("thanked");
    expect(d.donor).toEqual({ name: "爱心企业甲", kind: "company" });
    expect(d.history.map((h) => h.status)).toEqual([
      "submitted",
      "approved",
      "claimed",
      "fulfilled",
      "thanked",
    ]);
    expect(d.history[1]).toEqual({
      status: "approved",
      at: "2026-05-02T09:00:00+08:00",
      actorId: "t1",
    });
    expect(d.history[2]?.note).toBe("六一前送达");
    expect(wish).toEqual(before);
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.history)).toBe(true);
    expect(a.history).toHaveLength(2);
  });

  it("needs a donor to be claimed", () => {
    const a = transitionWish(wish, "approved", { at: "2026-05-02T09:00:00+08:00" });
    expect(() => transitionWish(a, "claimed", { at: "2026-05-03T09:00:00+08:00" })).toThrow(
      ValidationError,
    );
    {
      const e = thrown(() => transitionWish(a, "claimed", { at: "2026-05-03T09:00:00+08:00" }));
      expect((e as ValidationError).issues[0]?.path).toBe("donor");
    }
  });

  it("refuses other transitions with a ConflictError naming from and to in both languages", () => {
    try {
      transitionWish(wish, "fulfilled", { at: "2026-05-02T09:00:00+08:00" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      const err = e as ConflictError;
      expect(err.messages["zh-CN"]).toContain("已提交");
      expect(err.messages["zh-CN"]).toContain("已实现");
      expect(err.messages.en).toContain("from submitted to fulfilled");
    }
  });

  it("can be cancelled from submitted, approved and claimed only", () => {
    const a = transitionWish(wish, "approved", { at: "2026-05-02T09:00:00+08:00" });
    const b = transitionWish(a, "claimed", {
      at: "2026-05-03T09:00:00+08:00",
      donor: { name: "志愿者乙" },
    });
    for (const w of [wish, a, b]) {
      expect(transitionWish(w, "cancelled", { at: "2026-05-04T09:00:00+08:00" }).status).toBe(
        "cancelled",
      );
    }
    const c = transitionWish(b, "fulfilled", { at: "2026-05-05T09:00:00+08:00" });
    expect(() => transitionWish(c, "cancelled", { at: "2026-05-06T09:00:00+08:00" })).toThrow(
      ConflictError,
    );
  });

  it("refuses a change dated before the last one, and invalid input", () => {
    expect(() => transitionWish(wish, "approved", { at: "2026-04-01T09:00:00+08:00" })).toThrow(
      ConflictError,
    );
    expect(() => transitionWish(wish, "approved", { at: "yesterday" as never })).toThrow(
      ValidationError,
    );
    expect(() =>
      transitionWish(wish, "done" as WishStatus, { at: "2026-05-02T09:00:00+08:00" }),
    ).toThrow(ValidationError);
    expect(() =>
      transitionWish({ ...wish, title: "" }, "approved", { at: "2026-05-02T09:00:00+08:00" }),
    ).toThrow(ValidationError);
  });

  it("agrees with WISH_TRANSITIONS for every pair of statuses", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), (from, to) => {
        const w: MicroWish = { ...wish, status: from, donor: { name: "捐赠人", kind: "person" } };
        const allowed = WISH_TRANSITIONS[from].includes(to);
        expect(canTransitionWish(from, to)).toBe(allowed);
        if (allowed) expect(transitionWish(w, to, { at: "2026-06-01T00:00:00Z" }).status).toBe(to);
        else
          expect(() => transitionWish(w, to, { at: "2026-06-01T00:00:00Z" })).toThrow(
            ConflictError,
          );
      }),
    );
  });
});
