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
import { fileRow, testApp } from "./_lib/app.test-helper";
import * as liushou from "./index";

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
    const broken = testApp({ clock: () => "soon" as never }).app;
    await expect(broken.importFiles([fileRow("c1")])).rejects.toBeInstanceOf(ValidationError);
    const dated = testApp({ clock: () => new Date(Date.UTC(2026, 2, 4, 2)) });
    await dated.app.importFiles([fileRow("c1")]);
    expect((await dated.storage.files.get("c1"))?.updatedAt).toBe("2026-03-04T02:00:00.000Z");
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
