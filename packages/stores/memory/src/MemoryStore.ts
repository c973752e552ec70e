/**
 * The in-memory store, now core's `Store.layerMemory` (with `Store.makeMemory`,
 * `Store.makeMemoryWithInspector`). This module re-exports them under their old names for one
 * release.
 *
 * @since 0.1.0
 * @deprecated Since 0.2.0: use `Store.layerMemory`, `Store.makeMemory` and
 * `Store.makeMemoryWithInspector` from `@pomoc/core`.
 */
import { Store } from "@pomoc/core"
import type { Effect, Layer } from "effect"

/**
 * Raw access to what a memory store holds (see `Store.MemoryInspector`).
 * @since 0.1.0
 * @category models
 * @deprecated Since 0.2.0: use `Store.MemoryInspector` from `@pomoc/core`.
 */
export type Inspector = Store.MemoryInspector

/**
 * A memory store together with its {@link Inspector}.
 * @since 0.1.0
 * @category models
 * @deprecated Since 0.2.0: use `Store.InspectedMemory` from `@pomoc/core`.
 */
export type Inspected = Store.InspectedMemory

/**
 * Makes an empty memory store.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "@pomoc/store-memory"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* MemoryStore.make()
 *   return store.capabilities
 * })
 * ```
 * @since 0.1.0
 * @category constructors
 * @deprecated Since 0.2.0: use `Store.makeMemory` from `@pomoc/core`.
 */
export const make: () => Effect.Effect<Store.StoreShape> = Store.makeMemory

/**
 * Makes an empty memory store and an {@link Inspector} into it.
 * @since 0.1.0
 * @category constructors
 * @deprecated Since 0.2.0: use `Store.makeMemoryWithInspector` from `@pomoc/core`.
 */
export const makeWithInspector: () => Effect.Effect<Inspected> = Store.makeMemoryWithInspector

/**
 * Provides `Store` with a fresh, empty memory store each time the layer is built.
 * @since 0.1.0
 * @category layers
 * @deprecated Since 0.2.0: use `Store.layerMemory` from `@pomoc/core`.
 */
export const layer: Layer.Layer<Store.Store> = Store.layerMemory
