import { runStorageConformance } from "@liushou/storage-conformance";
import { createSchoolDb, createSchoolTableStorage, type SchoolDb } from "./index";

const databases = new WeakMap<object, SchoolDb>();

runStorageConformance({
  name: "school-tables",
  create: () => {
    const db = createSchoolDb();
    const storage = createSchoolTableStorage(db);
    databases.set(storage, db);
    return storage;
  },
  // The school's tables stay; a new adapter over them must see everything written before.
  reopen: (storage) => createSchoolTableStorage(databases.get(storage)),
});
