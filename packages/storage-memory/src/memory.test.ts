import { runStorageConformance } from "@liushou/storage-conformance";
import { createMemoryStorage } from "./index";

runStorageConformance({ name: "memory", create: () => createMemoryStorage() });
