/**
 * The persistence port. Core owns this contract and its meaning: {@link make} builds the whole
 * store from a few primitives an adapter supplies (`@pomoc/store-sqlite`,
 * `@pomoc/store-postgres`, or your own, proven with `@pomoc/store-testkit`), and
 * {@link layerMemory} is the in-memory store beside the contract.
 *
 * The store is deliberately simple: it keeps versioned records (the encoded entities, with
 * sensitive fields already encrypted by core), a few index columns, facets for reports, and the
 * audit chain. One {@link StoreShape.commit} writes records and their audit entries atomically,
 * optionally resting on preconditions (`expect`) and guard keys.
 *
 * @since 0.1.0
 */
export * from "./store/contract.js"
export type { Keyset } from "./store/cursor.js"
export { make, pageWith } from "./store/make.js"
export type { InspectedMemory, MemoryInspector } from "./store/memory.js"
export { layerMemory, makeMemory, makeMemoryWithInspector, memoryOf } from "./store/memory.js"
export type {
  KeyHolder,
  RecordKey,
  RecordPut,
  RecordVersion,
  SelectQuery,
  StorePrimitives
} from "./store/primitives.js"
export { compareFacetValues, compareText } from "./store/order.js"
