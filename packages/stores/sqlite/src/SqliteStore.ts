/**
 * The embedded Pomoc store: SQLite (through `node:sqlite` or better-sqlite3, see `SqliteDriver`),
 * in a file (WAL mode) or in memory.
 *
 * @since 0.1.0
 */
import { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Context, Effect, Layer } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as SqlClient from "effect/sql/SqlClient"
import * as SqlError from "effect/sql/SqlError"
import * as SqliteDialect from "./dialect/SqliteDialect.js"
import * as SqliteClient from "./SqliteClient.js"

/**
 * How to open the store.
 * @since 0.1.0
 * @category models
 */
export interface SqliteStoreConfig {
  /** A file path, or `":memory:"` for a private in-memory database (gone when the layer closes). */
  readonly filename: string
  /** `"auto"` (default) applies pending migrations at start; `"verify"` only checks the schema version. */
  readonly migrate?: SqlStore.MigrateMode | undefined
  /** How long a commit waits for another process's write lock before failing with `Busy`. Default 5000. */
  readonly busyTimeoutMs?: number | undefined
  /**
   * Report rows read per text when a report is counted (default 250,000): memory stays bounded
   * however many rows a period holds.
   * @since 0.2.0
   */
  readonly reportChunkRows?: number | undefined
}

const openError = (error: SqlError.SqlError): Store.StoreError => {
  const reason = error.reason
  const code = typeof reason.cause === "object" && reason.cause !== null && "code" in reason.cause
    ? String(reason.cause.code)
    : undefined
  const detail = code === undefined
    ? `could not open the database (${reason._tag})`
    : `could not open the database (${code})`
  if (code !== undefined && (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB")) {
    return Store.fail("open", new Store.CorruptData({ detail }))
  }
  if (code !== undefined && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))) {
    return Store.fail("open", new Store.Busy({ detail }))
  }
  // A missing directory or an unreadable file does not heal by retrying.
  return Store.fail("open", new Store.Unknown({ detail }))
}

/**
 * Opens the database, runs migrations and builds the store; it closes with the scope.
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: SqliteStoreConfig) =>
  Effect.gen(function*() {
    const onDisk = config.filename !== ":memory:" && config.filename !== ""
    const client = yield* SqliteClient.make({
      filename: config.filename,
      ...(config.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: config.busyTimeoutMs })
    }).pipe(Effect.mapError(openError))
    const store = yield* SqlStore.make({
      dialect: SqliteDialect.dialect,
      migrate: config.migrate,
      name: "sqlite",
      reportChunkRows: config.reportChunkRows,
      // A private in-memory database lives and dies with this one connection.
      capabilities: { durable: onDisk, concurrentWriters: onDisk, migrations: onDisk }
    }).pipe(Effect.provideService(SqlClient.SqlClient, client))
    // After a commit that deletes or renames (erasure destroys a data key), copy the WAL into
    // the database and truncate it, so the old page images (the destroyed key among them) do
    // not linger in the WAL file. With `secure_delete` on, the freed space in the database is
    // zeroed too. A reader still open on an old snapshot can keep the WAL from being reset:
    // then the checkpoint does what it can, and the next one finishes the job.
    const erasing = (unit: Store.UnitOfWork) => (unit.deletes?.length ?? 0) > 0 || (unit.renamePeople?.length ?? 0) > 0
    const checkpoint = client`PRAGMA wal_checkpoint(TRUNCATE)`.pipe(Effect.ignore)
    const commit: Store.StoreShape["commit"] = (unit) =>
      onDisk && erasing(unit) ? Effect.tap(store.commit(unit), () => checkpoint) : store.commit(unit)
    const withCheckpoint: Store.StoreShape = { ...store, commit }
    return { client, store: withCheckpoint }
  })

/**
 * Provides `Store` (and the underlying `SqliteClient` and generic `SqlClient`, for your own
 * queries in the same database), closing the database when the layer's scope closes.
 *
 * ```ts
 * import { Store } from "@pomoc/core"
 * import { SqliteStore } from "@pomoc/store-sqlite"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* Store.Store
 *   return yield* store.auditHead
 * })
 * Effect.runPromise(program.pipe(Effect.provide(SqliteStore.layer({ filename: "pomoc.db" }))))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  config: SqliteStoreConfig
): Layer.Layer<Store.Store | SqliteClient.SqliteClient | SqlClient.SqlClient, Store.StoreError> =>
  Layer.effectContext(
    Effect.map(make(config), ({ client, store }) =>
      Context.make(Store.Store, store).pipe(
        Context.add(SqliteClient.SqliteClient, client),
        Context.add(SqlClient.SqlClient, client)
      ))
  ).pipe(Layer.provide(Reactivity.layer))
