/**
 * Maps effect/sql's `SqlError` (and anything a driver throws through it) to the one
 * `StoreError` of the Store contract. Details name the driver's classification and error code,
 * never a bound value, so no personal data reaches an error.
 *
 * @internal
 */
import { Store } from "@pomoc/core"
import { Effect } from "effect"
import * as SqlError from "effect/sql/SqlError"

const codeOf = (cause: unknown): string | undefined => {
  if (typeof cause !== "object" || cause === null || !("code" in cause)) return undefined
  const code = (cause as { readonly code: unknown }).code
  return typeof code === "string" ? code : typeof code === "number" ? String(code) : undefined
}

// PostgreSQL: the server ended the session (admin shutdown, crash shutdown, cannot connect now).
const PG_SESSION_ENDED = new Set(["57P01", "57P02", "57P03"])

/** The reason behind a driver failure; `code` is a SQLSTATE or SQLITE_* code, never a value. */
export const reasonOf = (error: SqlError.SqlError): Store.StoreErrorReason => {
  const reason = error.reason
  const code = codeOf(reason.cause)
  const detail = code === undefined ? reason._tag : `${reason._tag} (${code})`
  if (code !== undefined) {
    if (PG_SESSION_ENDED.has(code) || code.startsWith("08")) return new Store.ConnectionLost({ detail })
    if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return new Store.CorruptData({ detail })
    if (code === "SQLITE_FULL" || code === "SQLITE_IOERR" || code.startsWith("SQLITE_IOERR_")) return new Store.Unknown({ detail })
    // PostgreSQL data exceptions (a NUL in text, an out-of-range number) refuse the write.
    if (code.startsWith("22")) return new Store.ConstraintViolation({ detail })
  }
  switch (reason._tag) {
    case "ConnectionError":
      return new Store.ConnectionLost({ detail })
    case "LockTimeoutError":
    case "DeadlockError":
    case "SerializationError":
    case "StatementTimeoutError":
      return new Store.Busy({ detail })
    case "UniqueViolation":
    case "ConstraintError":
      return new Store.ConstraintViolation({ detail })
    case "SqlSyntaxError":
    case "AuthenticationError":
    case "AuthorizationError":
    case "UnknownError":
      return new Store.Unknown({ detail })
  }
}

/** A `StoreError` for `operation` from a driver failure. */
export const fromSqlError = (operation: string) => (error: SqlError.SqlError): Store.StoreError =>
  Store.fail(operation, reasonOf(error))

/**
 * Runs `effect`, turning driver failures into `StoreError`s and keeping `StoreError`s as they are.
 * A failed transaction can fail twice (the statement, then its rollback on a dead connection):
 * the first `StoreError`, else the first driver error (failure, then defect), decides.
 */
export const mapSqlErrors = (operation: string) =>
<A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, Exclude<E, SqlError.SqlError> | Store.StoreError, R> =>
  Effect.catchCause(effect, (cause): Effect.Effect<never, Exclude<E, SqlError.SqlError> | Store.StoreError> => {
    let sqlError: SqlError.SqlError | undefined
    for (const reason of cause.reasons) {
      if (reason._tag === "Fail") {
        if (reason.error instanceof Store.StoreError) return Effect.fail(reason.error)
        if (sqlError === undefined && SqlError.isSqlError(reason.error)) sqlError = reason.error
      }
    }
    // effect/sql turns a failed ROLLBACK (the connection is gone) into a defect: it is still a
    // driver error, and must not leak raw.
    for (const reason of cause.reasons) {
      if (sqlError === undefined && reason._tag === "Die" && SqlError.isSqlError(reason.defect)) sqlError = reason.defect
    }
    return sqlError === undefined
      ? (Effect.failCause(cause) as Effect.Effect<never, Exclude<E, SqlError.SqlError>>)
      : Effect.fail(fromSqlError(operation)(sqlError))
  })

/** A `CorruptData` failure: the named column of a row could not be read. */
export const corrupt = (operation: string, detail: string): Store.StoreError =>
  Store.fail(operation, new Store.CorruptData({ detail }))
