/**
 * The part of driver-error classification every dialect shares: `effect/sql` already sorts
 * driver failures into reasons (with its own SQLite and PostgreSQL classifiers); a dialect looks
 * at its own codes first and hands the rest to {@link byReason}.
 *
 * @since 0.2.0
 */
import { Store } from "@pomoc/core"
import type * as SqlError from "effect/sql/SqlError"

/**
 * The driver's error code (a SQLSTATE, a `SQLITE_*` name, …) of a failure, if it has one.
 * @since 0.2.0
 * @category combinators
 */
export const codeOf = (error: SqlError.SqlError): string | undefined => {
  const cause = error.reason.cause
  if (typeof cause !== "object" || cause === null || !("code" in cause)) return undefined
  const code = (cause as { readonly code: unknown }).code
  return typeof code === "string" ? code : typeof code === "number" ? String(code) : undefined
}

/**
 * The detail of a store error from a driver failure: its reason and code, never its message.
 * @since 0.2.0
 * @category combinators
 */
export const detailOf = (error: SqlError.SqlError): string => {
  const code = codeOf(error)
  return code === undefined ? error.reason._tag : `${error.reason._tag} (${code})`
}

/**
 * The store reason for an `effect/sql` reason, with the given detail.
 * @since 0.2.0
 * @category combinators
 */
export const byReason = (error: SqlError.SqlError, detail: string = detailOf(error)): Store.StoreErrorReason => {
  switch (error.reason._tag) {
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
