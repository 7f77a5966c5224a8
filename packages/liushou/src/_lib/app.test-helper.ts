import { createMemoryStorage } from "@liushou/storage-memory";
import type { ChildFileInput, Instant, StorageAdapter } from "@liushou/core";
import { createLiushou, type Liushou } from "../create";
import type { LiushouOptions } from "../context";

/** A settable clock and an app over a fresh memory adapter. */
export function testApp(options: Partial<LiushouOptions> = {}): {
  app: Liushou;
  storage: StorageAdapter;
  setNow(at: Instant): void;
} {
  let now: Instant = "2026-03-04T10:00:00+08:00";
  let n = 0;
  const storage = options.storage ?? createMemoryStorage();
  const app = createLiushou({
    storage,
    actor: "teacher-7",
    clock: () => now,
    ids: () => `id-${++n}`,
    ...options,
  });
  return { app, storage, setNow: (at) => void (now = at) };
}

/** A valid file input (the one the risk tests use). */
export function fileRow(id: string, patch: Partial<ChildFileInput> = {}): ChildFileInput {
  return {
    id,
    child: {
      name: "测试儿童",
      gender: "female",
      birthDate: "2014-09-01",
      regionCode: "430102001001",
      schoolId: "s1",
      classId: "k1",
    },
    livingArrangement: "grandparents",
    guardians: [
      {
        id: "g1",
        name: "测试祖父",
        relation: "grandfather",
        entrusted: true,
        birthYear: 1958,
        writtenNoticeOn: "2025-09-01",
      },
    ],
    parents: [
      {
        id: "p1",
        role: "father",
        name: "测试父亲",
        awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
      },
    ],
    consent: { givenOn: "2025-09-01" },
    ...patch,
  };
}
