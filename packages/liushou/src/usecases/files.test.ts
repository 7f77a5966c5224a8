import { ConflictError, ValidationError, type ChildFileInput } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { fileRow, testApp } from "../_lib/app.test-helper";

describe("importFiles", () => {
  it("reports every bad row in one error and writes nothing", async () => {
    const { app, storage } = testApp();
    const rows: unknown[] = [
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, birthDate: "2014-02-30" } }),
      fileRow("c3"),
      { id: "c4", livingArrangement: "moon" },
      fileRow("c5"),
    ];
    const error = await app.importFiles(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(paths).toContain("rows[1].child.birthDate");
    expect(paths.some((p) => p.startsWith("rows[3]."))).toBe(true);
    expect(paths.every((p) => p.startsWith("rows[1]") || p.startsWith("rows[3]"))).toBe(true);
    expect((await storage.files.query({})).items).toEqual([]);
    expect((await storage.audit.query({})).items).toEqual([]);
  });

  it("reports ids listed twice", async () => {
    const { app } = testApp();
    const error = await app.importFiles([fileRow("c1"), fileRow("c1")]).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["rows[1].id"]);
  });

  it("creates new files, replaces changed ones through the history, skips equal ones", async () => {
    const { app, storage, setNow } = testApp();
    const rows = [fileRow("c1"), fileRow("c2"), fileRow("c3")];
    expect(await app.importFiles(rows)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await storage.files.get("c2"))?.updatedAt).toBe("2026-03-04T10:00:00+08:00");
    setNow("2026-03-05T08:00:00+08:00");
    const again = [fileRow("c1"), fileRow("c2", { keyCase: true }), fileRow("c3"), fileRow("c4")];
    expect(await app.importFiles(again, { reason: "学期初重新导入" })).toEqual({
      created: 1,
      updated: 1,
      unchanged: 2,
    });
    expect((await storage.files.get("c2"))?.version).toBe(2);
    const history = await app.fileHistory("c2");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      fileId: "c2",
      actor: "teacher-7",
      at: "2026-03-05T08:00:00+08:00",
      reason: "学期初重新导入",
      patches: [{ op: "replace", path: ["keyCase"], value: true }],
    });
    const audit = (await storage.audit.query({ entityId: "c2" })).items;
    expect(audit.map((a) => [a.operation, a.version])).toEqual([
      ["import", undefined],
      ["update", 2],
    ]);
    expect(await app.fileAsOf("c2", "2026-03-04")).toMatchObject({ keyCase: false });
    expect(await app.fileAsOf("c2", "2026-03-05")).toMatchObject({ keyCase: true });
  });
});

describe("updateFile", () => {
  it("writes the file, its history and the audit entry together, from the clock", async () => {
    const { app, storage, setNow } = testApp();
    await app.importFiles([fileRow("c1")]);
    setNow("2026-09-01T08:00:00+08:00");
    const { file, change } = await app.updateFile(
      "c1",
      (d) => {
        d.child.boarding = true;
        d.guardians[0]!.phone = "+86 139 0000 0001";
      },
      { reason: "住校" },
    );
    expect(file.version).toBe(2);
    // A bare actor id is an administrator, masked like one; storage keeps the full value.
    expect(file.value.guardians[0]!.phone).toBe("13*******01");
    expect((await storage.files.get("c1"))?.value.guardians[0]!.phone).toBe("13900000001");
    expect(change).toMatchObject({
      actor: "teacher-7",
      at: "2026-09-01T08:00:00+08:00",
      reason: "住校",
    });
    expect(await app.fileHistory("c1")).toEqual([change]);
    const [, entry] = (await storage.audit.query({ entityId: "c1" })).items;
    expect(entry).toMatchObject({
      operation: "update",
      version: 2,
      actor: "teacher-7",
      reason: "住校",
      patches: (await storage.fileChanges.list("c1"))[0]!.patches,
    });
    expect(await app.fileAsOf("c1", "2026-08-31")).toMatchObject({ child: { boarding: false } });
    expect((await app.getFile("c1"))?.value).toEqual(file.value);
  });

  it("refuses a stale version and an invalid result, writing nothing", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await expect(
      app.updateFile("c1", (d) => void (d.keyCase = true), { reason: "x", expectedVersion: 3 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      app.updateFile("c1", (d) => void (d.child.birthDate = "2014-13-01" as never), {
        reason: "x",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(app.updateFile("nobody", () => {}, { reason: "x" })).rejects.toMatchObject({
      issues: [{ path: "id", code: "unknown_id" }],
    });
    await expect(app.updateFile("c1", () => {}, { reason: "" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await storage.files.get("c1"))?.version).toBe(1);
    expect(await app.fileHistory("c1")).toEqual([]);
    expect((await storage.audit.query({ entityId: "c1" })).items).toHaveLength(1);
  });

  it("does not mutate the imported rows", async () => {
    const { app } = testApp();
    const rows: ChildFileInput[] = [fileRow("c1")];
    const before = structuredClone(rows);
    await app.importFiles(rows);
    await app.updateFile("c1", (d) => void (d.keyCase = true), { reason: "重点" });
    expect(rows).toEqual(before);
  });
});
