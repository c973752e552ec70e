/**
 * The shape of a SQLite database the client drives, typed by structure: any driver whose
 * database has `prepare(sql)` returning statements with `all`, `get`, `run` and `iterate` fits.
 * better-sqlite3 (Node 20) and `node:sqlite` (Node ≥ 22.13) both do, through the few lines of
 * {@link betterSqlite3} and {@link nodeSqlite}; {@link auto} picks `node:sqlite` where Node has it.
 *
 * @since 0.2.0
 */
import { createRequire } from "node:module"

/**
 * A prepared statement. Positional parameters are passed spread (`all(a, b)`), named ones as one
 * object (`all({ name })`).
 * @since 0.2.0
 * @category models
 */
export interface SqliteStatement {
  /** Every row, as objects keyed by column name. */
  all(...params: Array<unknown>): Array<unknown>
  /** The first row, or `undefined`. */
  get(...params: Array<unknown>): unknown
  /** Runs a statement that returns no rows; `changes` counts the rows written. */
  run(...params: Array<unknown>): { readonly changes: number | bigint }
  /** The rows one by one, without holding them all. */
  iterate(...params: Array<unknown>): IterableIterator<unknown>
}

/**
 * An open database.
 * @since 0.2.0
 * @category models
 */
export interface SqliteDatabase {
  /** Compiles one statement; throws what the driver throws. */
  prepare(sql: string): SqliteStatement
  /** Runs a script of any number of statements without parameters. */
  exec(sql: string): void
  /** Closes the connection. */
  close(): void
}

/**
 * How the client opens and reads one driver's databases: the only driver-specific code.
 * @since 0.2.0
 * @category models
 */
export interface SqliteDriver {
  /** The driver's name, in spans (`db.driver`). */
  readonly name: string
  /** Opens a file (or `":memory:"`); throws what the driver throws. */
  readonly open: (filename: string, options: { readonly readonly: boolean }) => SqliteDatabase
  /** Whether the statement returns rows (a `SELECT`, a `PRAGMA` that answers, `… RETURNING`). */
  readonly returnsRows: (statement: SqliteStatement) => boolean
  /** The rows of a statement as arrays of values, in column order. */
  readonly allValues: (statement: SqliteStatement, params: ReadonlyArray<unknown>) => Array<Array<unknown>>
  /** Whether a transaction is open on the connection. */
  readonly inTransaction: (db: SqliteDatabase) => boolean
}

/** The parts of better-sqlite3's API the client uses beyond the structural ones. */
interface BetterSqlite3Statement extends SqliteStatement {
  readonly reader: boolean
  raw(on: boolean): this
}
interface BetterSqlite3Database extends SqliteDatabase {
  readonly inTransaction: boolean
}

/** The parts of `node:sqlite`'s API the client uses beyond the structural ones. */
interface NodeSqliteStatement extends SqliteStatement {
  columns(): ReadonlyArray<unknown>
  setReturnArrays(on: boolean): void
}
interface NodeSqliteDatabase extends SqliteDatabase {
  readonly isTransaction: boolean
}

const require = createRequire(import.meta.url)

/**
 * better-sqlite3, loaded on first use (so that a Node without its compiled addon never loads it).
 * @since 0.2.0
 * @category constructors
 */
export const betterSqlite3: SqliteDriver = {
  name: "better-sqlite3",
  open: (filename, { readonly }) => {
    const Database = require("better-sqlite3") as new(
      filename: string,
      options: { readonly readonly: boolean }
    ) => SqliteDatabase
    return new Database(filename, { readonly })
  },
  returnsRows: (statement) => (statement as BetterSqlite3Statement).reader,
  allValues: (statement, params) => {
    const s = statement as BetterSqlite3Statement
    // The statement may be shared through the cache: always switch raw mode back off.
    s.raw(true)
    try {
      return s.all(...params) as Array<Array<unknown>>
    } finally {
      s.raw(false)
    }
  },
  inTransaction: (db) => (db as BetterSqlite3Database).inTransaction
}

/**
 * `node:sqlite` (Node 22.16+ or 24+), built into Node: nothing to compile.
 * @since 0.2.0
 * @category constructors
 */
export const nodeSqlite: SqliteDriver = {
  name: "node:sqlite",
  open: (filename, { readonly }) => {
    const { DatabaseSync } = require("node:sqlite") as {
      readonly DatabaseSync: new(filename: string, options: { readonly readOnly: boolean }) => SqliteDatabase
    }
    return new DatabaseSync(filename, { readOnly: readonly })
  },
  returnsRows: (statement) => (statement as NodeSqliteStatement).columns().length > 0,
  allValues: (statement, params) => {
    const s = statement as NodeSqliteStatement
    s.setReturnArrays(true)
    try {
      return s.all(...params) as Array<Array<unknown>>
    } finally {
      s.setReturnArrays(false)
    }
  },
  inTransaction: (db) => (db as NodeSqliteDatabase).isTransaction
}

/**
 * Whether this Node's `node:sqlite` has what the client needs: unflagged since 22.13, with
 * `isTransaction`, `columns()` and `setReturnArrays` since 22.16 and 24.0 (not 23).
 * @since 0.2.0
 * @category guards
 */
export const hasNodeSqlite = (): boolean => {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number)
  return major >= 24 || (major === 22 && minor >= 16)
}

/**
 * `node:sqlite` where Node has it ({@link hasNodeSqlite}), better-sqlite3 otherwise.
 * @since 0.2.0
 * @category constructors
 */
export const auto = (): SqliteDriver => (hasNodeSqlite() ? nodeSqlite : betterSqlite3)

/**
 * Opens a database with a driver (default {@link auto}) outside any client: for raw access in
 * tests and tools, bypassing the store.
 * @since 0.2.0
 * @category constructors
 */
export const open = (
  filename: string,
  options: { readonly readonly?: boolean; readonly driver?: SqliteDriver } = {}
): SqliteDatabase => (options.driver ?? auto()).open(filename, { readonly: options.readonly === true })

/**
 * The first value of the first row of `PRAGMA name` (e.g. `pragma(db, "journal_mode")`).
 * @since 0.2.0
 * @category combinators
 */
export const pragma = (db: SqliteDatabase, name: string): unknown => {
  const row = db.prepare(`PRAGMA ${name}`).get()
  return row === undefined || row === null ? undefined : Object.values(row as Record<string, unknown>)[0]
}
