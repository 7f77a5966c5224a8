import {
  STORAGE_ENTITY_SCHEMAS,
  ValidationError,
  text,
  validateList,
  type StorageAdapter,
  type StorageEntityKind,
} from "@liushou/core";
import { describe, expect } from "vitest";
import { collectStream, WRITE_AT, type Harness } from "../harness";
import { changedEntity, newSampleScope, sampleEntity } from "../samples";

const LATER = "2026-03-05T08:00:00+08:00";

/**
 * An import as a host runs it over the port: every row checked against the core schema in one
 * pass (`validateList`, which lists every bad row and every repeated id), then one transaction
 * of `upsertMany`, only when all rows are good.
 */
async function importRows(
  storage: StorageAdapter,
  kind: "files" | "contacts",
  rows: readonly unknown[],
): Promise<void> {
  const values = validateList(STORAGE_ENTITY_SCHEMAS[kind], rows, {
    path: ["rows"],
    subject: text("导入数据", "import"),
    idNoun: text("实体", "entity"),
  });
  await storage.transaction((tx) =>
    (tx[kind] as StorageAdapter["files"]).upsertMany(values as never[], { at: LATER }),
  );
}

/** The row numbers an error's issues name (`rows[12].child.birthDate` → 12). */
function rowsNamed(error: ValidationError): number[] {
  return [...new Set(error.issues.map((i) => Number(/^rows\[(\d+)\]/.exec(i.path)?.[1])))].sort(
    (a, b) => a - b,
  );
}

/** Checks that every issue names its row and field and says why, in Chinese and English. */
function expectExplained(error: ValidationError): void {
  for (const issue of error.issues) {
    expect(issue.path, JSON.stringify(issue)).toMatch(/^rows\[\d+\]\.\w/);
    expect(issue.code).toBeTruthy();
    expect(issue.message["zh-CN"]).toContain(issue.path);
    expect(issue.message.en).toContain(issue.path);
  }
}

async function caught(work: Promise<unknown>): Promise<ValidationError> {
  const error = await work.then(
    () => expect.unreachable("the import must be refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

/** Ids and versions of the stored entities of a kind among `ids`. */
async function storedVersions(storage: StorageAdapter, kind: StorageEntityKind, ids: string[]) {
  const repo = storage[kind] as StorageAdapter["files"];
  const stored = await collectStream(repo.stream({ ids }));
  return stored.map((r) => [r.id, r.version]);
}

/**
 * Imports with bad rows: every bad row reported at once (row number, field, reason), and
 * nothing written, not even the good rows. @internal
 */
export function importSuite(h: Harness): void {
  describe("imports with bad rows", () => {
    h.it("every bad file row is reported in one pass, and nothing is written", async (s) => {
      expect.hasAssertions();
      const scope = newSampleScope();
      const stored = Array.from({ length: 3 }, () => sampleEntity("files", scope));
      await s.files.upsertMany(stored, { at: WRITE_AT });
      const files = Array.from({ length: 400 }, () => sampleEntity("files", scope));
      const rows: unknown[] = [...stored.map((f) => changedEntity("files", f)), ...files];
      const fresh = () => sampleEntity("files", scope);
      const bad = fresh();
      rows[1] = { ...bad, child: { ...bad.child, birthDate: "2014-02-30" } };
      rows[57] = { ...fresh(), livingArrangement: "on-the-moon" };
      rows[398] = { ...fresh(), id: "" };
      rows[402] = rows[200]; // the same id twice
      const ids = [...stored, ...rows].flatMap((r) => {
        const id = (r as { id?: unknown }).id;
        return typeof id === "string" && id !== "" ? [id] : [];
      });
      const error = await caught(importRows(s, "files", rows));
      expect(rowsNamed(error)).toEqual([1, 57, 398, 402]);
      expect(error.issues.map((i) => i.path)).toContain("rows[1].child.birthDate");
      expect(error.issues.map((i) => i.path)).toContain("rows[57].livingArrangement");
      expectExplained(error);
      expect(await storedVersions(s, "files", ids)).toEqual(
        stored.map((f) => [f.id, 1]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
      );
    });

    h.it("every bad contact row is reported in one pass, and nothing is written", async (s) => {
      expect.hasAssertions();
      const scope = newSampleScope();
      const child = sampleEntity("files", scope).id;
      const records = Array.from({ length: 1_200 }, () =>
        sampleEntity("contacts", scope, { childIds: [child] }),
      );
      const rows: unknown[] = [...records];
      rows[0] = { ...records[0], kind: "telepathy" };
      rows[700] = { ...records[700], at: "yesterday evening" };
      rows[1_199] = { ...records[1_199], childIds: [] };
      const error = await caught(importRows(s, "contacts", rows));
      expect(rowsNamed(error)).toEqual([0, 700, 1_199]);
      expect(error.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(["rows[0].kind", "rows[700].at"]),
      );
      expectExplained(error);
      expect(await collectStream(s.contacts.streamIds({ childId: child }))).toEqual([]);
      await importRows(s, "contacts", records);
      expect(await collectStream(s.contacts.streamIds({ childId: child }))).toHaveLength(1_200);
    });
  });
}
