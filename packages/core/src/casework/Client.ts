/**
 * The Promise face of the case-work API, for apps that do not use Effect. Every method returns
 * a Promise; a failure rejects with one of the typed error classes (`InvalidInput`,
 * `AccessDenied`, `CommandRefused`, `InvalidCommand`, `NotFound`, `StoreError`, …), each an
 * `Error` with a `_tag`, so `instanceof` and `switch (error._tag)` both work.
 *
 * @since 0.1.0
 */
import { type Effect, type Layer, ManagedRuntime } from "effect"
import type { Plugins } from "../plugins/Plugin.js"
import { type Api, Casework, type RegisteredPlugins } from "./Casework.js"
import { operations } from "./operations/index.js"

/**
 * An Effect-returning operation as the async method of the same arguments.
 * @since 0.1.0
 * @category models
 */
export type Promised<F> = F extends (...args: infer A) => Effect.Effect<infer R, infer _E, infer _C>
  ? (...args: A) => Promise<R>
  : never

/**
 * Every case-work operation (and `batch`) as an async method, plus `dispose` to close the store.
 * Derived from the operations table.
 * @since 0.2.0
 * @category models
 */
export type CaseworkClient<Ps extends Plugins = RegisteredPlugins> =
  & { readonly [K in keyof Api<Ps>]: Promised<Api<Ps>[K]> }
  & {
    /** Releases the store (closes database connections). */
    readonly dispose: () => Promise<void>
  }

/**
 * @since 0.1.0
 * @category models
 * @deprecated Use {@link CaseworkClient}.
 */
export type PomocClient = CaseworkClient

/**
 * Builds the Promise client from a layer that provides {@link Casework} (for example
 * `Casework.layer(config)` provided with a store and a field-crypto layer). Pass the plugins
 * (`{ plugins: registry.plugins }`) for the methods of their own operations.
 *
 * @example
 * ```ts
 * const client = createClient(layer)
 * const { value: person } = await client.registerPerson(actor, { _tag: "pseudonymous", … })
 * await client.dispose()
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const createClient = <E, const Ps extends Plugins = RegisteredPlugins>(
  layer: Layer.Layer<Casework, E>,
  options?: {
    /** The registered plugins, for the methods of their own operations (`Plugin.operations`). */
    readonly plugins?: Ps
  }
): CaseworkClient<Ps> => {
  const runtime = ManagedRuntime.make(layer)
  const methods: Record<string, unknown> = {
    dispose: () => runtime.dispose()
  }
  const pluginOperations = (options?.plugins ?? []).flatMap((p) => Object.keys(p.operations ?? {}))
  for (const name of [...Object.keys(operations), ...pluginOperations, "batch"]) {
    methods[name] = (...args: ReadonlyArray<unknown>) =>
      runtime.runPromise(
        Casework.use((api) =>
          (api[name as keyof Api] as (...a: ReadonlyArray<unknown>) => Effect.Effect<unknown, unknown>)(...args)
        )
      )
  }
  return methods as CaseworkClient<Ps>
}
