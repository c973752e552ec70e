/**
 * Test helpers of `store-postgres`: a private schema per test on the harness's cluster, stores
 * opened in it, and a raw second connection pool into it for probes.
 */
import { PgClient } from "@effect/sql-pg"
import { Store } from "@pomoc/core"
import { Context, Effect, Exit, Layer, Redacted, Scope } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { PostgresStore } from "../src/index.js"
import { pgConnection } from "./pg.js"

let schemas = 0

/** A fresh, empty schema name (created by {@link createSchema}). */
export const freshSchema = (): string => `pomoc_t${process.pid}_${Date.now().toString(36)}_${schemas++}`

/** Pool configuration into `schema` (`search_path`), optionally with an application name. */
export const clientConfig = (schema: string, applicationName?: string): PgClient.PgPoolConfig => ({
  url: Redacted.make(pgConnection().url),
  startupParameters: { search_path: schema },
  ...(applicationName === undefined ? {} : { applicationName })
})

/** A raw pool into `schema`, bypassing the store. */
export const rawLayer = (schema: string) => PgClient.layer(clientConfig(schema))

/** Runs `f` with a raw `SqlClient` into `schema`. */
export const withRaw = <A, E>(schema: string, f: (sql: SqlClient.SqlClient) => Effect.Effect<A, E>) =>
  Effect.scoped(
    Effect.gen(function*() {
      const context = yield* Layer.build(rawLayer(schema))
      return yield* f(Context.get(context, SqlClient.SqlClient))
    })
  )

/** Creates `schema` (empty). */
export const createSchema = (schema: string) => withRaw("public", (sql) => sql`CREATE SCHEMA ${sql(schema)}`)

/** Opens a store in `schema` until the returned `close` runs. */
export const openStore = (
  schema: string,
  options: { readonly migrate?: "auto" | "verify"; readonly applicationName?: string } = {}
) =>
  Effect.gen(function*() {
    const scope = Scope.makeUnsafe()
    const context = yield* Layer.buildWithScope(
      PostgresStore.layer({ ...clientConfig(schema, options.applicationName), migrate: options.migrate }),
      scope
    )
    return { store: Context.get(context, Store.Store), close: Scope.close(scope, Exit.void) }
  })

/** Opens a store in `schema` for the duration of `f`. */
export const withStore = <A, E>(
  schema: string,
  f: (store: Store.StoreShape) => Effect.Effect<A, E>,
  options: { readonly migrate?: "auto" | "verify" } = {}
) => Effect.acquireUseRelease(openStore(schema, options), ({ store }) => f(store), ({ close }) => close)
