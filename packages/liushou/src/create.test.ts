import {
  ConflictError,
  LiushouError,
  RenderError,
  StorageError,
  ValidationError,
  type StorageAdapter,
} from "@liushou/core";
import { createMemoryStorage } from "@liushou/storage-memory";
import { describe, expect, it } from "vitest";
import { createLiushou } from "./create";
import { CLASS_TEACHER, fileRow, testApp } from "./_lib/app.test-helper";
import * as liushou from "./index";

/** A call expected to be refused resolved. */
const unexpected = (): never => {
  throw new Error("expected a refusal");
};

/** The ValidationError a call throws. */
function refusal(call: () => unknown): ValidationError {
  try {
    call();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

/** A memory adapter whose chosen calls fail like a driver would, inside transactions too. */
function failing(fail: (operation: string) => boolean): StorageAdapter {
  const inner = createMemoryStorage({ id: "flaky" });
  const boom = (operation: string) => new Error(`driver lost connection in ${operation}`);
  const flaky = (files: StorageAdapter["files"]): StorageAdapter["files"] => ({
    ...files,
    get: async (id) => {
      if (fail("files.get")) throw boom("files.get");
      return files.get(id);
    },
    async *stream(filter) {
      yield* files.stream(filter);
      if (fail("files.stream")) throw boom("files.stream");
    },
  });
  return {
    ...inner,
    files: flaky(inner.files),
    transaction: (work) =>
      inner.transaction((tx) => {
        if (fail("transaction")) throw boom("transaction");
        return work({ ...tx, files: flaky(tx.files) });
      }),
  };
}

describe("createLiushou", () => {
  it("validates its options in both languages", () => {
    const storage = createMemoryStorage();
    expect(() => createLiushou({ storage, actor: "" })).toThrow(ValidationError);
    expect(() => createLiushou({ storage: {} as never, actor: "a" })).toThrow(ValidationError);
    expect(() => createLiushou({ storage, actor: "a", timeZone: "Mars/Base" })).toThrow(
      ValidationError,
    );
    const e = (() => {
      try {
        createLiushou({ storage, actor: "a", locale: "en", timeZone: "Mars/Base" });
      } catch (x) {
        return x as ValidationError;
      }
    })();
    expect(e?.message).toContain("timeZone");
    expect(e?.messages["zh-CN"]).toContain("IANA");
  });

  it("re-exports core, so a host needs one install", () => {
    expect(liushou.ChildFileSchema).toBeDefined();
    expect(liushou.planPairings).toBeTypeOf("function");
    expect(liushou.createLiushou).toBe(createLiushou);
  });

  it("takes its time from the clock and refuses a clock that returns no time", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    expect((await storage.files.get("c1"))?.updatedAt).toBe("2026-03-04T10:00:00+08:00");
    expect(() => testApp({ clock: () => "soon" as never })).toThrow(ValidationError);
    const dated = testApp({ clock: () => new Date(Date.UTC(2026, 2, 4, 2)) });
    await dated.app.importFiles([fileRow("c1")]);
    expect((await dated.storage.files.get("c1"))?.updatedAt).toBe("2026-03-04T02:00:00.000Z");
  });

  it("reads the clock once when created: one that throws or returns no instant is refused", () => {
    const ntp = new Error("ntp server unreachable");
    const clocks: [unknown, string][] = [
      [() => new Date(Number.NaN), "clock"],
      [() => "2026-03-04 10:00", "clock"],
      [() => 1_772_589_600_000, "clock"],
      [
        () => {
          throw ntp;
        },
        "clock",
      ],
      ["now", "clock"],
    ];
    for (const [clock, path] of clocks) {
      const e = refusal(() => testApp({ clock: clock as never, locale: "en" }));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.issues.map((i) => i.path)).toEqual([path]);
      expect(e.message).toMatch(/^Invalid createLiushou options/);
      expect(e.messages["zh-CN"]).toContain("字段 clock");
    }
    expect(refusal(() => testApp({ clock: clocks[3]![0] as never })).cause).toBe(ntp);
  });

  it("refuses a clock that fails later with a ValidationError on clock, writing nothing", async () => {
    let broken = false;
    const { app, storage } = testApp({
      clock: () => {
        if (broken) throw new Error("ntp server unreachable");
        return "2026-03-04T10:00:00+08:00";
      },
    });
    await app.importFiles([fileRow("c1")]);
    broken = true;
    const e = await app
      .updateFile("c1", (d) => void (d.keyCase = true), { reason: "重点" })
      .then(unexpected, (x: unknown) => x as ValidationError);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues.map((i) => i.path)).toEqual(["clock"]);
    expect((e.cause as Error).message).toBe("ntp server unreachable");
    expect((await storage.files.get("c1"))?.version).toBe(1);
  });

  it("refuses an option it does not take, naming it and the option meant", () => {
    const storage = createMemoryStorage();
    const e = refusal(() =>
      createLiushou({ storage, actor: "a", locale: "en", polices: [], timezone: "UTC" } as never),
    );
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      ["polices", "unrecognized_keys"],
      ["timezone", "unrecognized_keys"],
    ]);
    expect(e.message).toContain("polices: unknown field; did you mean policies?");
    expect(e.messages["zh-CN"]).toContain("字段 timezone：不认识的字段，是否应为 timeZone？");
  });

  it("refuses a storage adapter that lacks a method when created, naming each, never a TypeError", () => {
    const memory = createMemoryStorage();
    const noRedact = { ...memory, audit: { ...memory.audit, redact: undefined } };
    const e = refusal(() => createLiushou({ storage: noRedact as never, actor: "a" }));
    expect(e.issues.map((i) => i.path)).toEqual(["storage.audit.redact"]);
    const half = { id: "half", transaction: async () => {}, files: { get: async () => null } };
    const paths = refusal(() => createLiushou({ storage: half as never, actor: "a" })).issues.map(
      (i) => i.path,
    );
    expect(paths).toContain("storage.capabilities");
    expect(paths).toContain("storage.files.streamIds");
    expect(paths).toContain("storage.audit");
    const counting = { ...memory, countContacts: undefined };
    expect(
      refusal(() => createLiushou({ storage: counting as never, actor: "a" })).issues[0]!.path,
    ).toBe("storage.countContacts");
  });

  it("names the field of a bad actor, in createLiushou and as()", () => {
    const storage = createMemoryStorage();
    const cases: [unknown, string][] = [
      [{ id: "t1", role: "headmaster", scope: { level: "all" } }, "actor.role"],
      [{ id: "t1", role: "teacher", scope: { level: "class" } }, "actor.scope.classIds"],
      [{ id: "t1", role: "teacher", scope: { level: "all" }, admin: true }, "actor.admin"],
      [["t1"], "actor"],
      [null, "actor"],
    ];
    const app = createLiushou({ storage, actor: "a" });
    for (const [actor, path] of cases) {
      expect(refusal(() => createLiushou({ storage, actor: actor as never })).issues[0]!.path).toBe(
        path,
      );
      expect(refusal(() => app.as(actor as never)).issues[0]!.path).toBe(path);
    }
  });

  it("refuses a checklist registry without versions and a renderer that is not a function", () => {
    const storage = createMemoryStorage();
    const e = refusal(() =>
      createLiushou({
        storage,
        actor: "a",
        locale: "en",
        checklists: { get: () => null } as never,
        renderers: { roster: "roster.hbs" } as never,
      }),
    );
    expect(e.issues.map((i) => i.path)).toEqual(["checklists", "renderers.roster"]);
    expect(e.message).toContain("expected a checklist registry with get and versions");
    expect(e.message).toContain("expected a report function");
  });

  it("checks every new id from ids, storing nothing under a bad one", async () => {
    const { app, storage } = testApp({ ids: () => "" });
    const e = await app
      .importFiles([fileRow("c1")])
      .then(unexpected, (x: unknown) => x as ValidationError);
    expect(e.issues.map((i) => i.path)).toEqual(["ids"]);
    expect((await storage.files.query({})).items).toEqual([]);
    expect((await storage.audit.query({})).items).toEqual([]);
    const failing = new Error("sequence exhausted");
    const thrown = await testApp({
      ids: () => {
        throw failing;
      },
    })
      .app.importFiles([fileRow("c1")])
      .then(unexpected, (x: unknown) => x as ValidationError);
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown.cause).toBe(failing);
  });

  it("gives every error in the app's locale, whoever built it", async () => {
    const { app } = testApp({ locale: "en" });
    await app.importFiles([
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } }),
    ]);
    const teacher = app.as(CLASS_TEACHER);
    const errors = [
      await teacher
        .updateFile("c2", (d) => void (d.keyCase = true), { reason: "x" })
        .catch((x: unknown) => x),
      await teacher.reveal("c2", ["child.name"], "x").catch((x: unknown) => x),
      await teacher.storage.audit.query({}).catch((x: unknown) => x),
      await teacher
        .applyRetention({ policy: { years: 3, action: "anonymise" } })
        .catch((x: unknown) => x),
      await app
        .updateFile("c1", (d) => void (d.keyCase = true), { reason: "x", expectedVersion: 9 })
        .catch((x: unknown) => x),
      await app.storage.files
        .put((await app.getFile("c1"))!.value, {
          expectedVersion: 9,
          at: "2026-03-04T10:00:00+08:00",
        })
        .catch((x: unknown) => x),
    ] as LiushouError[];
    for (const e of errors) {
      expect(e).toBeInstanceOf(LiushouError);
      expect(e.message).toBe(e.messages.en);
    }
    const driver = createLiushou({
      storage: failing((op) => op === "files.get"),
      actor: "a",
      locale: "en",
    });
    const e = (await driver.getFile("c1").catch((x: unknown) => x)) as StorageError;
    expect(e.message).toBe(e.messages.en);
  });
  it("acts as another user with as()", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await app
      .as("principal-1")
      .updateFile("c1", (d) => void (d.keyCase = true), { reason: "重点" });
    expect((await app.fileHistory("c1"))[0]?.actor).toBe("principal-1");
    expect((await storage.audit.query({ actor: "principal-1" })).items).toHaveLength(1);
    expect(() => app.as("")).toThrow(ValidationError);
  });
});

describe("StorageError wrapping", () => {
  it("turns a driver failure into StorageError { adapterId, operation, cause }", async () => {
    const app = createLiushou({ storage: failing((op) => op === "files.get"), actor: "a" });
    const e = await app.getFile("c1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect(e).toMatchObject({
      adapterId: "flaky",
      operation: "files.get",
      code: "LIUSHOU_STORAGE",
    });
    expect((e as StorageError).cause).toBeInstanceOf(Error);
    // Inside a use case's transaction too, and nothing is written.
    const update = await app.updateFile("c1", () => {}, { reason: "x" }).catch((x: unknown) => x);
    expect(update).toMatchObject({ name: "StorageError", operation: "files.get" });
  });

  it("wraps failures of streams and transactions", async () => {
    const streams = createLiushou({ storage: failing((op) => op === "files.stream"), actor: "a" });
    await expect(streams.listDue({ asOf: "2026-03-04" })).rejects.toMatchObject({
      name: "StorageError",
      operation: "files.stream",
    });
    const tx = createLiushou({ storage: failing((op) => op === "transaction"), actor: "a" });
    await expect(tx.importFiles([fileRow("c1")])).rejects.toMatchObject({
      name: "StorageError",
      operation: "transaction",
    });
  });

  it("passes Liushou's own errors and the work's errors through unchanged", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const conflict = await app.storage.files
      .put((await storage.files.get("c1"))!.value, {
        expectedVersion: 9,
        at: "2026-03-04T10:00:00+08:00",
      })
      .catch((x: unknown) => x);
    expect(conflict).toBeInstanceOf(ConflictError);
    const mine = new Error("mine");
    await expect(
      app.storage.transaction(async () => {
        throw mine;
      }),
    ).rejects.toBe(mine);
  });
});

describe("buildReport", () => {
  it("calls the named renderer with the stored data and the clock's day", async () => {
    const { app } = testApp({
      renderers: {
        roster: async (ctx, options) => {
          const files = [];
          for await (const r of ctx.storage.files.stream((options as { filter: object }).filter))
            files.push(r.value.child.name);
          return { asOf: ctx.asOf, zone: ctx.timeZone, files };
        },
        broken: () => {
          throw new TypeError("template missing");
        },
      },
    });
    await app.importFiles([
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, name: "第二个" } }),
    ]);
    expect(await app.buildReport("roster", { filter: { schoolId: "s1" } })).toEqual({
      asOf: "2026-03-04",
      zone: "Asia/Shanghai",
      files: ["测试儿童", "第二个"],
    });
    const e = await app.buildReport("broken").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RenderError);
    expect((e as LiushouError).cause).toBeInstanceOf(TypeError);
    await expect(app.buildReport("nope")).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "name" }],
    });
    await expect(app.buildReport("toString")).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("buildReport and the actor", () => {
  it("tells the renderer who asks and what its role sees, frozen so the scope cannot widen", async () => {
    const seen: { actor?: unknown; visible?: readonly string[]; mutated: string[] } = {
      mutated: [],
    };
    const { app } = testApp({
      renderers: {
        probe: (ctx) => {
          seen.actor = ctx.actor;
          seen.visible = ctx.visibleClasses;
          const tries: [string, () => void][] = [
            ["scope", () => (ctx.actor.scope as { classIds: string[] }).classIds.push("k2")],
            ["visible", () => (ctx.visibleClasses as string[]).push("identifying")],
          ];
          for (const [name, change] of tries) {
            try {
              change();
              seen.mutated.push(name);
            } catch {
              // frozen
            }
          }
          return null;
        },
      },
    });
    const id = "430102201409010028";
    await app.importFiles([
      fileRow("c1", { child: { ...fileRow("c1").child, idNumber: id } }),
      fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } }),
    ]);
    const teacher = app.as(CLASS_TEACHER);
    await teacher.buildReport("probe");
    expect(seen.actor).toEqual(CLASS_TEACHER);
    expect(seen.visible).toEqual(teacher.visibleClasses);
    expect(seen.mutated).toEqual([]);
    expect(() => (teacher.visibleClasses as string[]).push("identifying")).toThrow(TypeError);
    expect(await teacher.getFile("c2")).toBeNull();
    expect((await teacher.getFile("c1"))!.value.child.idNumber).not.toBe(id);
  });

  it("keeps the error of an unknown report name short, whatever the name", async () => {
    const { app } = testApp();
    const e = (await app.buildReport("x".repeat(100_000)).catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message.length).toBeLessThan(300);
  });
});
