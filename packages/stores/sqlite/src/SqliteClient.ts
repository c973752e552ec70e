/**
 * An `effect/sql` client for SQLite through any driver of the structural
 * `SqliteDriver` shape: better-sqlite3 on Node 20, `node:sqlite` on Node 22.16+
 * and 24 (the default where Node has it).
 *
 * One connection serves the whole process: every statement, stream and
 * transaction takes it through a one-permit semaphore, so transactions never
 * interleave. Prepared statements are kept in an `effect/Cache` (least recently
 * used first out, optionally for a limited time), foreign keys are enforced, and
 * file databases run in WAL mode with `synchronous = NORMAL` unless told
 * otherwise. Configuration names follow `@effect/sql-sqlite-node`.
 *
 * @since 0.1.0
 */
import * as Cache from "effect/Cache"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Pull from "effect/Pull"
import * as Reactivity from "effect/reactivity/Reactivity"
import type * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import * as SqlClient from "effect/sql/SqlClient"
import type * as SqlConnection from "effect/sql/SqlConnection"
import type { SqlError } from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"
import * as Stream from "effect/Stream"
import { toSqlError } from "./internal/sqliteError.js"
import * as SqliteDriver from "./SqliteDriver.js"

type PreparedStatement = SqliteDriver.SqliteStatement

/**
 * How to open the database.
 *
 * @since 0.1.0
 * @category models
 */
export interface SqliteClientConfig {
  /** A file path, or `":memory:"` for a private in-memory database. */
  readonly filename: string
  /** Open without write access. Default `false`. */
  readonly readonly?: boolean | undefined
  /**
   * Keep a file database out of WAL mode (and `synchronous = NORMAL`). Default `false`;
   * in-memory and read-only databases never use WAL.
   * @since 0.2.0
   */
  readonly disableWAL?: boolean | undefined
  /**
   * @deprecated Since 0.2.0: use `disableWAL` (`walMode: false` is `disableWAL: true`).
   */
  readonly walMode?: boolean | undefined
  /** How long a statement waits for another process's lock before failing. Default 5000. */
  readonly busyTimeoutMs?: number | undefined
  /**
   * How many prepared statements to keep. Default 200; 0 turns the cache off.
   * @since 0.2.0
   */
  readonly prepareCacheSize?: number | undefined
  /**
   * How long a prepared statement stays cached. Default: until evicted.
   * @since 0.2.0
   */
  readonly prepareCacheTTL?: Duration.Input | undefined
  /** @deprecated Since 0.2.0: use `prepareCacheSize`. */
  readonly statementCacheSize?: number | undefined
  /**
   * The driver (default: `node:sqlite` where Node has it, better-sqlite3 otherwise).
   * @since 0.2.0
   */
  readonly driver?: SqliteDriver.SqliteDriver | undefined
  /** Renames identifiers written with `sql("name")` and the insert/update helpers (e.g. camelCase to snake_case). */
  readonly transformQueryNames?: ((name: string) => string) | undefined
  /** Renames the columns of result rows (e.g. snake_case to camelCase). */
  readonly transformResultNames?: ((name: string) => string) | undefined
  /** Extra attributes for every statement span. */
  readonly spanAttributes?: Readonly<Record<string, unknown>> | undefined
}

/**
 * The parameters of one execution in {@link SqliteClientShape.executeMany}: positional
 * (`?`) values in order, or an object for named (`@name`, `:name`, `$name`) parameters.
 *
 * @since 0.1.0
 * @category models
 */
export type BatchParameters = ReadonlyArray<unknown> | Readonly<Record<string, unknown>>

/**
 * What {@link SqliteClientShape.executeMany} did.
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchResult {
  /** How many times the statement ran. */
  readonly executions: number
  /** Rows inserted, updated or deleted, summed over all executions. */
  readonly changes: number
}

/**
 * A `SqlClient` for SQLite, with a fast path for running one statement many times.
 *
 * @since 0.1.0
 * @category models
 */
export interface SqliteClientShape extends SqlClient.SqlClient {
  readonly config: SqliteClientConfig
  /**
   * Runs `sql` once per element of `rows` inside one transaction (a savepoint
   * when a transaction is already open), preparing it once: either every
   * execution takes effect or none does.
   *
   * `sql` is raw SQL with `?` or named placeholders; `transformQueryNames` is
   * not applied to it. The loop runs synchronously and cannot be interrupted
   * half-way. Booleans bind as 1/0, `undefined` as NULL and dates as ISO strings.
   */
  readonly executeMany: (sql: string, rows: Iterable<BatchParameters>) => Effect.Effect<BatchResult, SqlError>
}

/**
 * The SQLite client service. Its layer also provides the generic `SqlClient.SqlClient`.
 *
 * @since 0.1.0
 * @category services
 */
export class SqliteClient extends Context.Service<SqliteClient, SqliteClientShape>()(
  "@pomoc/store-sqlite/SqliteClient"
) {
  /**
   * Opens the database and provides both `SqliteClient` and `SqlClient.SqlClient`;
   * the connection closes when the layer's scope closes.
   */
  static readonly layer = (config: SqliteClientConfig): Layer.Layer<SqliteClient | SqlClient.SqlClient, SqlError> =>
    layer(config)
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000
const DEFAULT_STATEMENT_CACHE_SIZE = 200
const STREAM_CHUNK_SIZE = 256

type Row = Record<string, unknown>
type TransformRows = (<A extends object>(rows: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined

const needsConversion = (value: unknown): boolean =>
  typeof value === "boolean" || value === undefined || value instanceof Date

const convert = (value: unknown): unknown =>
  typeof value === "boolean"
    ? (value ? 1 : 0)
    : value === undefined
    ? null
    : value instanceof Date
    ? value.toISOString()
    : value

/** better-sqlite3 refuses booleans, `undefined` and dates; convert them without copying when there are none. */
const bindable = (params: ReadonlyArray<unknown>): Array<unknown> => {
  for (let i = 0; i < params.length; i++) {
    if (needsConversion(params[i])) return params.map(convert)
  }
  return params as Array<unknown>
}

const bindableBatch = (params: BatchParameters): Array<unknown> | Record<string, unknown> => {
  if (Array.isArray(params)) return bindable(params as ReadonlyArray<unknown>)
  const record = params as Readonly<Record<string, unknown>>
  for (const key in record) {
    if (needsConversion(record[key])) {
      const converted: Record<string, unknown> = {}
      for (const k in record) converted[k] = convert(record[k])
      return converted
    }
  }
  return record
}

const attempt = <A>(operation: string, run: () => A): Effect.Effect<A, SqlError> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(run())
    } catch (cause) {
      return Effect.fail(toSqlError(cause, operation))
    }
  })

const emptyIterator: IterableIterator<never> = [][Symbol.iterator]()

/** Binds one execution's parameters: positional ones spread, named ones as one object. */
const bind = (params: BatchParameters): Array<unknown> => {
  const bound = bindableBatch(params)
  return Array.isArray(bound) ? bound : [bound]
}

const makeConnection = (
  db: SqliteDriver.SqliteDatabase,
  driver: SqliteDriver.SqliteDriver,
  cache: Cache.Cache<string, PreparedStatement, SqlError> | undefined
): SqlConnection.Connection => {
  const prepareUncached = (sql: string) => attempt("prepare", () => db.prepare(sql))
  const prepare = cache === undefined ? prepareUncached : (sql: string) => Cache.get(cache, sql)

  const runRows = (statement: PreparedStatement, params: ReadonlyArray<unknown>): ReadonlyArray<Row> => {
    if (driver.returnsRows(statement)) return statement.all(...bindable(params)) as Array<Row>
    statement.run(...bindable(params))
    return []
  }
  const runValues = (
    statement: PreparedStatement,
    params: ReadonlyArray<unknown>
  ): ReadonlyArray<ReadonlyArray<unknown>> => {
    if (driver.returnsRows(statement)) return driver.allValues(statement, bindable(params))
    statement.run(...bindable(params))
    return []
  }

  const executeUnpreparedRows = (sql: string, params: ReadonlyArray<unknown>): ReadonlyArray<Row> => {
    let statement: PreparedStatement
    try {
      statement = db.prepare(sql)
    } catch (cause) {
      // better-sqlite3 refuses to prepare a script of several statements (a migration, say).
      if (params.length === 0 && cause instanceof RangeError && /more than one statement/i.test(cause.message)) {
        db.exec(sql)
        return []
      }
      throw cause
    }
    // node:sqlite prepares only a script's first statement: a script without parameters that
    // returns nothing runs whole.
    if (params.length === 0 && !driver.returnsRows(statement)) {
      db.exec(sql)
      return []
    }
    return runRows(statement, params)
  }

  const withStatement = <A>(sql: string, operation: string, run: (statement: PreparedStatement) => A) =>
    Effect.flatMap(prepare(sql), (statement) => attempt(operation, () => run(statement)))

  return {
    execute: (sql, params, transformRows) =>
      withStatement(sql, "execute", (statement) => {
        const rows = runRows(statement, params)
        return transformRows === undefined ? rows : transformRows(rows)
      }),
    executeRaw: (sql, params) =>
      withStatement(
        sql,
        "executeRaw",
        (statement) =>
          driver.returnsRows(statement) ? statement.all(...bindable(params)) : statement.run(...bindable(params))
      ),
    executeValues: (sql, params) => withStatement(sql, "executeValues", (statement) => runValues(statement, params)),
    executeValuesUnprepared: (sql, params) =>
      Effect.flatMap(
        prepareUncached(sql),
        (statement) => attempt("executeValuesUnprepared", () => runValues(statement, params))
      ),
    executeUnprepared: (sql, params, transformRows) =>
      attempt("executeUnprepared", () => {
        const rows = executeUnpreparedRows(sql, params)
        return transformRows === undefined ? rows : transformRows(rows)
      }),
    executeStream: (sql, params, transformRows) =>
      Stream.unwrap(
        Effect.map(
          Effect.acquireRelease(
            // A statement being iterated cannot run again until it finishes, so
            // streams get their own statement rather than a cached one.
            attempt("executeStream", (): IterableIterator<Row> => {
              const statement = db.prepare(sql)
              if (!driver.returnsRows(statement)) {
                statement.run(...bindable(params))
                return emptyIterator
              }
              return statement.iterate(...bindable(params)) as IterableIterator<Row>
            }),
            (iterator) => Effect.sync(() => void iterator.return?.())
          ),
          (iterator) => Stream.fromPull(Effect.succeed(pullRows(iterator, transformRows)))
        )
      )
  }
}

const pullRows = (
  iterator: IterableIterator<Row>,
  transformRows: TransformRows
): Pull.Pull<readonly [Row, ...Array<Row>], SqlError> =>
  Effect.suspend((): Pull.Pull<readonly [Row, ...Array<Row>], SqlError> => {
    const chunk: Array<Row> = []
    try {
      while (chunk.length < STREAM_CHUNK_SIZE) {
        const next = iterator.next()
        if (next.done === true) break
        chunk.push(next.value)
      }
    } catch (cause) {
      return Effect.fail(toSqlError(cause, "executeStream"))
    }
    if (chunk.length === 0) return Cause.done()
    const rows = transformRows === undefined ? chunk : transformRows(chunk)
    return Effect.succeed(rows as unknown as readonly [Row, ...Array<Row>])
  })

const openDatabase = (
  config: SqliteClientConfig,
  driver: SqliteDriver.SqliteDriver
): Effect.Effect<SqliteDriver.SqliteDatabase, SqlError, Scope.Scope> =>
  Effect.acquireRelease(
    attempt("open", () => {
      const readonly = config.readonly === true
      const memory = config.filename === ":memory:" || config.filename === ""
      const db = driver.open(config.filename, { readonly })
      try {
        db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`)
        db.exec("PRAGMA foreign_keys = ON")
        // Deleted content is overwritten with zeros, not left in free pages (erasure).
        db.exec("PRAGMA secure_delete = ON")
        if (!memory && !readonly && config.disableWAL !== true && config.walMode !== false) {
          db.exec("PRAGMA journal_mode = WAL")
          // Under WAL, NORMAL is still crash-safe (a crash can only lose the
          // last commits, never corrupt the file) and avoids an fsync per commit.
          db.exec("PRAGMA synchronous = NORMAL")
        }
        // A file that is not a database fails on first read, not on open: read now.
        db.prepare("SELECT count(*) FROM sqlite_master").get()
      } catch (cause) {
        db.close()
        throw cause
      }
      return db
    }),
    (db) =>
      Effect.suspend(() => {
        try {
          db.close()
          return Effect.void
        } catch (cause) {
          return Effect.logWarning("SqliteClient: closing the database failed", toSqlError(cause, "close").reason._tag)
        }
      })
  )

/**
 * Opens the database and builds the client; the connection closes with the scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = Effect.fnUntraced(function*(
  config: SqliteClientConfig
): Effect.fn.Return<SqliteClientShape, SqlError, Scope.Scope | Reactivity.Reactivity> {
  const driver = config.driver ?? SqliteDriver.auto()
  const db = yield* openDatabase(config, driver)
  const readonly = config.readonly === true
  const cacheSize = config.prepareCacheSize ?? config.statementCacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE
  const cache = cacheSize <= 0
    ? undefined
    : yield* Cache.make<string, PreparedStatement, SqlError>({
      capacity: cacheSize,
      lookup: (sql) => attempt("prepare", () => db.prepare(sql)),
      ...(config.prepareCacheTTL === undefined ? {} : { timeToLive: config.prepareCacheTTL })
    })
  if (cache !== undefined) yield* Effect.addFinalizer(() => Cache.invalidateAll(cache))
  const connection = makeConnection(db, driver, cache)
  const semaphore = yield* Semaphore.make(1)
  const acquirers = SqlClient.makeSqliteAcquirers({
    connection: Effect.succeed(connection),
    semaphore,
    isTransaction: () => driver.inTransaction(db)
  })

  const client = yield* SqlClient.make({
    ...acquirers,
    driver: `pomoc-${driver.name}`,
    compiler: Statement.makeCompilerSqlite(config.transformQueryNames),
    transformRows: config.transformResultNames === undefined
      ? undefined
      : Statement.defaultTransforms(config.transformResultNames).array,
    spanAttributes: [
      ...(config.spanAttributes === undefined ? [] : Object.entries(config.spanAttributes)),
      ["db.system.name", "sqlite"]
    ],
    // Only one connection exists, so take the write lock when the transaction
    // starts: a deferred transaction that later wants to write can fail with
    // SQLITE_BUSY without waiting for the busy timeout.
    beginTransaction: readonly ? "BEGIN" : "BEGIN IMMEDIATE",
    prepareTransactionControls: true,
    releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`
  })

  const executeMany = (sql: string, rows: Iterable<BatchParameters>): Effect.Effect<BatchResult, SqlError> =>
    client.withTransaction(
      // Inside the transaction this fiber holds the connection's only permit,
      // so it may drive the database directly.
      attempt("executeMany", () => {
        const statement = db.prepare(sql)
        let executions = 0
        let changes = 0
        for (const params of rows) {
          changes += Number(statement.run(...bind(params)).changes)
          executions++
        }
        return { executions, changes }
      })
    ).pipe(Effect.withSpan("SqliteClient.executeMany"))

  return Object.assign(client, { config, executeMany })
})

/**
 * Provides {@link SqliteClient} and the generic `SqlClient.SqlClient` from one connection,
 * closed when the layer's scope closes.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: SqliteClientConfig): Layer.Layer<SqliteClient | SqlClient.SqlClient, SqlError> =>
  Layer.effectContext(
    Effect.map(
      make(config),
      (client) => Context.make(SqliteClient, client).pipe(Context.add(SqlClient.SqlClient, client))
    )
  ).pipe(Layer.provide(Reactivity.layer))
