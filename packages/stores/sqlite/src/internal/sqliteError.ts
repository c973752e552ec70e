/**
 * Turns whatever better-sqlite3 throws into effect/sql's `SqlError`, so no raw
 * driver error ever escapes the client.
 *
 * @internal
 */
import * as SqlError from "effect/sql/SqlError"

// Result codes by number (node:sqlite reports `errcode`, better-sqlite3 the name as `code`):
// the primary codes, and the extended ones the classification looks at.
const PRIMARY = [
  "SQLITE_OK",
  "SQLITE_ERROR",
  "SQLITE_INTERNAL",
  "SQLITE_PERM",
  "SQLITE_ABORT",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_NOMEM",
  "SQLITE_READONLY",
  "SQLITE_INTERRUPT",
  "SQLITE_IOERR",
  "SQLITE_CORRUPT",
  "SQLITE_NOTFOUND",
  "SQLITE_FULL",
  "SQLITE_CANTOPEN",
  "SQLITE_PROTOCOL",
  "SQLITE_EMPTY",
  "SQLITE_SCHEMA",
  "SQLITE_TOOBIG",
  "SQLITE_CONSTRAINT",
  "SQLITE_MISMATCH",
  "SQLITE_MISUSE",
  "SQLITE_NOLFS",
  "SQLITE_AUTH",
  "SQLITE_FORMAT",
  "SQLITE_RANGE",
  "SQLITE_NOTADB"
]
const EXTENDED: Readonly<Record<number, string>> = {
  517: "SQLITE_BUSY_SNAPSHOT",
  261: "SQLITE_BUSY_RECOVERY",
  275: "SQLITE_CONSTRAINT_CHECK",
  787: "SQLITE_CONSTRAINT_FOREIGNKEY",
  1299: "SQLITE_CONSTRAINT_NOTNULL",
  1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
  2067: "SQLITE_CONSTRAINT_UNIQUE"
}

/** The `SQLITE_*` name of a driver error: better-sqlite3's `code`, or node:sqlite's numeric `errcode`. */
export const sqliteCodeOf = (cause: unknown): string | undefined => {
  if (typeof cause !== "object" || cause === null) return undefined
  const { code, errcode } = cause as { readonly code?: unknown; readonly errcode?: unknown }
  if (typeof code === "string" && code.startsWith("SQLITE_")) return code
  if (typeof errcode !== "number") return undefined
  return EXTENDED[errcode] ?? PRIMARY[errcode & 0xff]
}

/**
 * The cause as effect/sql and the store read it: a driver error whose `code` is not a `SQLITE_*`
 * name (node:sqlite's `ERR_SQLITE_ERROR`) is seen through a view carrying the name, the original
 * error as its prototype (message and stack intact, nothing mutated).
 */
const normalise = (cause: unknown, code: string | undefined): unknown =>
  code === undefined || (cause as { readonly code?: unknown }).code === code
    ? cause
    : Object.create(cause as object, { code: { value: code, enumerable: true } })

const codeOf = sqliteCodeOf

const messageOf = (cause: unknown): string =>
  cause instanceof Error ? cause.message : typeof cause === "string" ? cause : ""

const isCode = (code: string, family: string): boolean => code === family || code.startsWith(family + "_")

const UNIQUE_PREFIX = "UNIQUE constraint failed:"

/** The `table.column` list SQLite names in a UNIQUE failure; never a value. */
const uniqueConstraintOf = (message: string): string => {
  const index = message.indexOf(UNIQUE_PREFIX)
  const constraint = index === -1 ? "" : message.slice(index + UNIQUE_PREFIX.length).trim()
  return constraint.length === 0 ? "unknown" : constraint
}

/**
 * Classifies a thrown value into a `SqlErrorReason`.
 *
 * SQLite messages name tables, columns and constraints but never bound
 * values, so they are safe to keep; parameters are never put in a message.
 */
export const classify = (raw: unknown, operation: string): SqlError.SqlErrorReason => {
  const driverMessage = messageOf(raw)
  const code = codeOf(raw)
  const cause = normalise(raw, code)
  if (code === undefined) {
    // better-sqlite3 reports a missing directory (and a closed handle) as a plain TypeError.
    if (operation === "open") {
      return new SqlError.ConnectionError({
        cause,
        operation,
        message: `SQLite could not open the database: ${driverMessage}`
      })
    }
    // better-sqlite3: "The database connection is not open"; node:sqlite: "database is not open",
    // or "statement has been finalized" for a statement prepared before the close.
    if (/database (connection )?is not open|statement has been finalized/i.test(driverMessage)) {
      return new SqlError.ConnectionError({
        cause,
        operation,
        message: "SQLite connection is closed"
      })
    }
    // better-sqlite3 throws TypeError/RangeError for binding and statement-shape problems.
    return new SqlError.UnknownError({
      cause,
      operation,
      message: `SQLite ${operation} failed: ${driverMessage}`
    })
  }
  const message = `SQLite ${operation} failed (${code}): ${driverMessage}`
  const props = { cause, operation, message }
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return new SqlError.UniqueViolation({ ...props, constraint: uniqueConstraintOf(driverMessage) })
  }
  // In WAL mode a read snapshot that went stale cannot be upgraded to a write:
  // only re-running the whole transaction helps.
  if (code === "SQLITE_BUSY_SNAPSHOT") {
    return new SqlError.SerializationError(props)
  }
  if (isCode(code, "SQLITE_BUSY") || isCode(code, "SQLITE_LOCKED")) {
    return new SqlError.LockTimeoutError(props)
  }
  if (isCode(code, "SQLITE_READONLY")) {
    return new SqlError.AuthorizationError(props)
  }
  if (isCode(code, "SQLITE_CORRUPT") || isCode(code, "SQLITE_NOTADB")) {
    return new SqlError.UnknownError({
      ...props,
      message: `SQLite database file is corrupt or not a database (${code})`
    })
  }
  if (
    code === "SQLITE_ERROR" &&
    /syntax error|incomplete input|no such (table|column|function)|has no column named/i.test(driverMessage)
  ) {
    return new SqlError.SqlSyntaxError(props)
  }
  return SqlError.classifySqliteError(cause, props)
}

/** Wraps a thrown value as a `SqlError`. */
export const toSqlError = (cause: unknown, operation: string): SqlError.SqlError =>
  new SqlError.SqlError({ reason: classify(cause, operation) })
