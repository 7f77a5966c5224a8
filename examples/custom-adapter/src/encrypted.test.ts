import { runStorageConformance } from "@liushou/storage-conformance";
import { encryptFields } from "liushou";
import { expect, it } from "vitest";
import { createSchoolDb, createSchoolTableStorage } from "./index";

// Synthetic keys; a host loads its own from a secret store.
const key = (seed: number) => Uint8Array.from({ length: 32 }, (_, i) => (i * 11 + seed) & 255);
const keys = { keys: [{ id: "k1", key: key(1) }], indexKey: key(2) };

// A third party's adapter needs no change to store identifying fields encrypted.
runStorageConformance({
  name: "school-tables, encrypted",
  create: () => encryptFields(createSchoolTableStorage(createSchoolDb()), keys),
});

it("keeps the ID number and the address out of the school's student table", async () => {
  const db = createSchoolDb();
  const storage = encryptFields(createSchoolTableStorage(db), keys);
  const child = {
    name: "测试儿童",
    gender: "female",
    birthDate: "2014-09-01",
    regionCode: "430102001001",
    idNumber: "430102201409010028",
    address: "测试村3组12号",
  } as const;
  const file = { id: "c1", child, livingArrangement: "grandparents", guardians: [], parents: [] };
  await storage.files.put(file as never, {
    expectedVersion: null,
    at: "2026-03-01T09:00:00+08:00",
  });
  const row = JSON.stringify(db.students.get("c1"));
  expect(row).toContain("测试儿童");
  expect(row).not.toContain(child.idNumber);
  expect(row).not.toContain(child.address);
  expect((await storage.files.get("c1"))!.value.child).toMatchObject(child);
});
