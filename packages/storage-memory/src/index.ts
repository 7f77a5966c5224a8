/**
 * `@liushou/storage-memory`: the in-memory storage adapter, the reference implementation of
 * the storage port. Nothing survives the process; use it in tests, demos and as the model for
 * a new adapter.
 * @packageDocumentation
 */
export { createMemoryStorage, type MemoryStorageOptions } from "./memory";
