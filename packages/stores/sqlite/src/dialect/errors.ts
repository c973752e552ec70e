/**
 * SQLite's failures as store reasons. The client already sorts driver errors into `effect/sql`
 * reasons (through `classifySqliteError`); only the codes that mean more to the store are looked
 * at here.
 *
 * @internal
 */
import { Store } from "@pomoc/core"
import { SqlErrors } from "@pomoc/store-sql"
import type * as SqlError from "effect/sql/SqlError"

const isCode = (code: string, family: string): boolean => code === family || code.startsWith(family + "_")

/** The reason behind a SQLite failure; the detail names the code, never a value. */
export const classify = (error: SqlError.SqlError): Store.StoreErrorReason => {
  const code = SqlErrors.codeOf(error)
  const detail = SqlErrors.detailOf(error)
  if (code !== undefined) {
    if (isCode(code, "SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return new Store.CorruptData({ detail })
    // A full disk or an I/O error does not heal by retrying the statement.
    if (code === "SQLITE_FULL" || isCode(code, "SQLITE_IOERR")) return new Store.Unknown({ detail })
  }
  return SqlErrors.byReason(error, detail)
}
