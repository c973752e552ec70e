/**
 * PostgreSQL's failures as store reasons. `@effect/sql-pg` already sorts SQLSTATEs into
 * `effect/sql` reasons; only the classes that mean more to the store are looked at here.
 *
 * @internal
 */
import { Store } from "@pomoc/core"
import { SqlErrors } from "@pomoc/store-sql"
import type * as SqlError from "effect/sql/SqlError"

// The server ended the session (admin shutdown, crash shutdown, cannot connect now).
const SESSION_ENDED = new Set(["57P01", "57P02", "57P03"])

/** The reason behind a PostgreSQL failure; the detail names the SQLSTATE, never a value. */
export const classify = (error: SqlError.SqlError): Store.StoreErrorReason => {
  const code = SqlErrors.codeOf(error)
  const detail = SqlErrors.detailOf(error)
  if (code !== undefined) {
    if (SESSION_ENDED.has(code) || code.startsWith("08")) return new Store.ConnectionLost({ detail })
    // Data exceptions (a NUL in text, an out-of-range number) refuse the write.
    if (code.startsWith("22")) return new Store.ConstraintViolation({ detail })
  }
  return SqlErrors.byReason(error, detail)
}
