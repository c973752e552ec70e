/**
 * Maps effect/sql's `SqlError` (and anything a driver throws through it) to the one `StoreError`
 * of the Store contract, through the dialect's classifier. Details name the driver's
 * classification and error code, never a bound value, so no personal data reaches an error.
 *
 * @internal
 */
import { Store } from "@pomoc/core"
import { Effect } from "effect"
import * as SqlError from "effect/sql/SqlError"

/** A `StoreError` for `operation` from a driver failure, through `classify`. */
export const fromSqlError =
  (operation: string, classify: (error: SqlError.SqlError) => Store.StoreErrorReason) =>
  (error: SqlError.SqlError): Store.StoreError => Store.fail(operation, classify(error))

/**
 * Runs `effect`, turning driver failures into `StoreError`s and keeping `StoreError`s as they are.
 * A failed transaction can fail twice (the statement, then its rollback on a dead connection):
 * the first `StoreError`, else the first driver error (failure, then defect), decides.
 */
export const mapSqlErrors =
  (operation: string, classify: (error: SqlError.SqlError) => Store.StoreErrorReason) =>
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
      // driver error, and must not leak raw. A StoreError thrown while decoding rows is a defect too.
      for (const reason of cause.reasons) {
        if (reason._tag !== "Die") continue
        if (reason.defect instanceof Store.StoreError) return Effect.fail(reason.defect)
        if (sqlError === undefined && SqlError.isSqlError(reason.defect)) sqlError = reason.defect
      }
      return sqlError === undefined
        ? (Effect.failCause(cause) as Effect.Effect<never, Exclude<E, SqlError.SqlError>>)
        : Effect.fail(fromSqlError(operation, classify)(sqlError))
    })

/** A `CorruptData` failure: the named column of a row could not be read. */
export const corrupt = (operation: string, detail: string): Store.StoreError =>
  Store.fail(operation, new Store.CorruptData({ detail }))
