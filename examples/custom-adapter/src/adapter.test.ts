import { runStorageConformance } from "@liushou/storage-conformance";
import { createSchoolTableStorage } from "./index";

runStorageConformance({ name: "school-tables", create: () => createSchoolTableStorage() });
