/**
 * `@pomoc/store-memory`: the in-memory reference adapter of the Pomoc `Store` contract.
 *
 * @packageDocumentation
 */

/** @since 0.1.0 */
export * as MemoryStore from "./MemoryStore.js"
