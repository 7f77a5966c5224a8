import { createMemoryStorage } from "@liushou/storage-memory";
import type { ActorInput, ChildFileInput, Instant, StorageAdapter } from "@liushou/core";
import { createLiushou, type Liushou } from "../create";
import type { LiushouOptions } from "../context";
import type { RecordConsentInput } from "../usecases/consent";
import { riskFile } from "../../../core/src/risk/assess.test-helper";

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

/** A valid file input: core's risk-test file, placed in school `s1`, class `k1`. */
export function fileRow(id: string, patch: Partial<ChildFileInput> = {}): ChildFileInput {
  const file = riskFile(id);
  return { ...file, child: { ...file.child, schoolId: "s1", classId: "k1" }, ...patch };
}

/** A class teacher of class `k1`, the actor the scope and masking tests read as. */
export const CLASS_TEACHER: ActorInput = {
  id: "t1",
  role: "teacher",
  scope: { level: "class", classIds: ["k1"] },
};

/** The consent purposes the consent tests require (`createLiushou({ consent })`). */
export const REQUIRED_CONSENT = {
  required: ["file", "sensitive", "health", "assessment"] as const,
};

/** Grandfather `g1`'s written consent for child `c1` to `purpose`, covering health data. */
export const consentOf = (purpose: string, over: Record<string, unknown> = {}) =>
  ({
    childId: "c1",
    purpose,
    guardianId: "g1",
    relation: "grandfather",
    method: "written",
    dataClasses: ["health"],
    ...over,
  }) as RecordConsentInput;
