import { describe, expectTypeOf, it } from "vitest";
import type { ChildFile } from "../../model/child-file";
import type { ContactRecord } from "../../model/records";
import type { Guardian } from "../../model/people";
import type {
  StorageAdapter,
  StoragePage,
  StoragePersonRecord,
  StorageRecord,
  StorageRepository,
  StorageContactQuery,
} from "./port";

describe("StorageAdapter", () => {
  it("gives each repository its entity and filter types", () => {
    expectTypeOf<
      StorageAdapter["files"]["get"]
    >().returns.resolves.toEqualTypeOf<StorageRecord<ChildFile> | null>();
    expectTypeOf<StorageAdapter["contacts"]>().toEqualTypeOf<
      StorageRepository<ContactRecord, StorageContactQuery>
    >();
    expectTypeOf<StorageAdapter["contacts"]["query"]>()
      .parameter(0)
      .toEqualTypeOf<StorageContactQuery>();
    expectTypeOf<StorageAdapter["guardians"]["query"]>().returns.resolves.toEqualTypeOf<
      StoragePage<StoragePersonRecord<Guardian>>
    >();
    expectTypeOf<StorageAdapter["countContacts"]>().toBeNullable();
  });

  it("rejects a filter of another repository", () => {
    // @ts-expect-error files have no kinds filter
    const bad: Parameters<StorageAdapter["files"]["query"]>[0] = { kinds: ["talk"] };
    void bad;
  });
});
