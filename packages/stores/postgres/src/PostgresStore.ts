/**
 * The server Pomoc store: PostgreSQL through `@effect/sql-pg`.
 *
 * @since 0.1.0
 */
import { PgClient } from "@effect/sql-pg"
import { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Context, Effect, Layer, Redacted } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as SqlClient from "effect/sql/SqlClient"
import * as SqlError from "effect/sql/SqlError"
import * as PostgresDialect from "./dialect/PostgresDialect.js"

/**
 * How to reach the database: any `@effect/sql-pg` pool configuration (`host`, `port`,
 * `database`, `username`, `password`, `ssl`, `maxConnections`, `startupParameters`, …), whose
 * `url` may also be a plain string; plus the migration mode.
 * @since 0.1.0
 * @category models
 */
export interface PostgresStoreConfig extends Omit<PgClient.PgPoolConfig, "url"> {
  /** A connection URL, e.g. `postgres://pomoc@db.internal/pomoc` (plain or `Redacted`). */
  readonly url?: string | Redacted.Redacted | undefined
  /** `"auto"` (default) applies pending migrations at start; `"verify"` only checks the schema version. */
  readonly migrate?: SqlStore.MigrateMode | undefined
  /**
   * Report rows read per statement when the store counts distinct people itself (default
   * 250,000): a period's rows come a chunk at a time, so no text grows with the period.
   * @since 0.2.0
   */
  readonly reportChunkRows?: number | undefined
}

// JIT compilation is off unless the config's `startupParameters` turn it on: Pomoc's statements
// (commits, pages, a period's reports over an index range) finish in milliseconds to a second,
// and compiling one took hundreds of milliseconds (a distinct-people report over 2,000 contacts:
// 209 ms of CPU with it, 26 ms without).
const poolConfig = (
  { migrate: _, reportChunkRows: __, url, ...client }: PostgresStoreConfig
): PgClient.PgPoolConfig => ({
  ...client,
  ...(client.startupOptions?.includes("jit") ? {} : { startupParameters: { jit: "off", ...client.startupParameters } }),
  ...(url === undefined ? {} : { url: typeof url === "string" ? Redacted.make(url) : url })
})

// Connecting can fail before any statement runs; the details (host, user) stay out of the error.
const openError = (error: SqlError.SqlError): Store.StoreError => {
  const tag = error.reason._tag
  return Store.fail(
    "open",
    tag === "AuthenticationError" || tag === "AuthorizationError"
      ? new Store.Unknown({ detail: `could not open the database (${tag})` })
      : new Store.ConnectionLost({ detail: `could not open the database (${tag})` })
  )
}

/**
 * Connects a pool, runs migrations and builds the store; the pool closes with the scope.
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: PostgresStoreConfig) =>
  Effect.gen(function*() {
    const client = yield* PgClient.make(poolConfig(config)).pipe(Effect.mapError(openError))
    const store = yield* SqlStore.make({
      dialect: PostgresDialect.dialect,
      migrate: config.migrate,
      name: "postgres",
      reportChunkRows: config.reportChunkRows
    })
      .pipe(
        Effect.provideService(SqlClient.SqlClient, client)
      )
    return { client, store }
  })

/**
 * Provides `Store` (and the `PgClient` and generic `SqlClient` it runs on, for your own queries
 * in the same database), closing the pool when the layer's scope closes.
 *
 * ```ts
 * import { Store } from "@pomoc/core"
 * import { PostgresStore } from "@pomoc/store-postgres"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* Store.Store
 *   return yield* store.auditHead
 * })
 * Effect.runPromise(program.pipe(Effect.provide(PostgresStore.layer({ url: "postgres://pomoc@localhost/pomoc" }))))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  config: PostgresStoreConfig
): Layer.Layer<Store.Store | PgClient.PgClient | SqlClient.SqlClient, Store.StoreError> =>
  Layer.effectContext(
    Effect.map(make(config), ({ client, store }) =>
      Context.make(Store.Store, store).pipe(
        Context.add(PgClient.PgClient, client),
        Context.add(SqlClient.SqlClient, client)
      ))
  ).pipe(Layer.provide(Reactivity.layer))
