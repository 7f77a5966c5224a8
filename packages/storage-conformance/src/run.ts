import type { StorageAdapter } from "@liushou/core";
import { describe, it } from "vitest";
import type { Harness } from "./harness";
import { auditSuite } from "./suites/audit";
import { bulkSuite } from "./suites/bulk";
import { concurrencySuite } from "./suites/concurrency";
import { countSuite } from "./suites/counts";
import { crudSuite } from "./suites/crud";
import { historySuite } from "./suites/history";
import { importSuite } from "./suites/import";
import { paginationSuite } from "./suites/pagination";
import { persistenceSuite } from "./suites/persistence";
import { querySuite } from "./suites/queries";
import { redactionSuite } from "./suites/redaction";
import { roundTripSuite } from "./suites/roundtrip";
import { scopeSuite } from "./suites/scope";
import { streamingSuite } from "./suites/streaming";
import { transactionSuite } from "./suites/transactions";

/**
 * How the suite makes and releases the adapter under test.
 * @category Conformance
 */
export interface StorageConformanceOptions<A extends StorageAdapter = StorageAdapter> {
  /** Shown in the test names: `storage conformance: <name>`. */
  name: string;
  /** Makes a ready adapter; called once per test. Tests use random ids, so a shared database is fine. */
  create: () => A | Promise<A>;
  /** Releases the adapter after each test. Default: `adapter.close?.()`. */
  destroy?: (adapter: A) => void | Promise<void>;
  /** Time limit of each test in milliseconds. Default 30,000. */
  timeout?: number;
  /**
   * Closes an adapter and opens a new one over the same data (a file adapter reopens its
   * file). Given, and with `capabilities.persistent`, the suite checks that data survives.
   */
  reopen?: (adapter: A) => A | Promise<A>;
}

/**
 * Declares the storage conformance suite for one adapter, inside a Vitest test file: CRUD
 * with versions and conflicts on every repository, every query filter, pagination, bulk
 * upsert, imports with bad rows (every one reported, nothing written), transactions and rollback, concurrent writers, the audit log, file histories,
 * round-trips of every kind of value, streaming, contact counts, access scopes (no read, count or
 * stream ever returns a child outside the scope), the audit hash chain, retention's redaction of
 * file histories and audit patches (the chain still verifies, a rollback leaves nothing), and (with `reopen`) persistence. Returned entities are
 * checked against the core schemas and inputs must never be mutated. Tests that need a
 * capability the adapter does not declare are skipped, visibly.
 * @param options - `name`, `create`, and optionally `destroy`, `timeout` and `reopen`.
 * @example
 * // my-storage.test.ts
 * import { runStorageConformance } from "@liushou/storage-conformance";
 * import { createMyStorage } from "./index";
 *
 * runStorageConformance({ name: "my-storage", create: () => createMyStorage({ url }) });
 * @category Conformance
 */
export function runStorageConformance<A extends StorageAdapter>(
  options: StorageConformanceOptions<A>,
): void {
  const { name, create, destroy = (a: A) => a.close?.(), timeout = 30_000, reopen } = options;
  const harness: Harness = {
    name,
    it(title, work) {
      it(
        title,
        async (ctx) => {
          let current = await create();
          const reopened = reopen
            ? async (s: StorageAdapter) => (current = await reopen(s as A))
            : undefined;
          try {
            await work(current, ctx, reopened);
          } finally {
            await destroy(current);
          }
        },
        timeout,
      );
    },
  };
  describe(`storage conformance: ${name}`, () => {
    crudSuite(harness);
    querySuite(harness);
    paginationSuite(harness);
    bulkSuite(harness);
    importSuite(harness);
    transactionSuite(harness);
    concurrencySuite(harness);
    auditSuite(harness);
    historySuite(harness);
    redactionSuite(harness);
    roundTripSuite(harness);
    streamingSuite(harness);
    countSuite(harness);
    scopeSuite(harness);
    persistenceSuite(harness);
  });
}
