/**
 * A check for a SQL dialect's error classifier: each driver failure maps to the expected store
 * reason with the right `retryable`, and the driver's message (which may hold a bound value)
 * never reaches the store error.
 * @since 0.2.0
 */
import type { Store } from "@pomoc/core"
import * as SqlError from "effect/sql/SqlError"
import { describe, expect, it } from "vitest"

/**
 * A value planted in every driver message and cause; it must never reach a store error.
 * @since 0.2.0
 * @category models
 */
export const PLANTED = "Jana Nováková, born 1990"

/**
 * The properties of a driver failure carrying `code`, with the planted value in its message.
 * @since 0.2.0
 * @category constructors
 */
export const driverFailure = (code?: string) => ({
  cause: Object.assign(new Error(`driver says: ${PLANTED}`), code === undefined ? {} : { code }),
  message: `failed for ${PLANTED}`,
  operation: "execute"
})

/**
 * One case: a name, the driver's reason, the store reason expected, and whether it is retryable.
 * @since 0.2.0
 * @category models
 */
export type ClassifierCase = readonly [string, SqlError.SqlErrorReason, Store.StoreErrorReason["_tag"], boolean]

/**
 * Registers one vitest test per case for `classify`.
 *
 * @example
 * ```ts
 * import { classifierSuite, driverFailure } from "@pomoc/store-testkit"
 * import * as SqlError from "effect/sql/SqlError"
 * import { SqlErrors } from "@pomoc/store-sql"
 *
 * classifierSuite("shared", (error) => SqlErrors.byReason(error), [
 *   ["connection error", new SqlError.ConnectionError(driverFailure()), "ConnectionLost", true]
 * ])
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const classifierSuite = (
  name: string,
  classify: (error: SqlError.SqlError) => Store.StoreErrorReason,
  cases: ReadonlyArray<ClassifierCase>
): void => {
  describe(`${name} errors → StoreError`, () => {
    for (const [caseName, reason, tag, retryable] of cases) {
      it(caseName, () => {
        const mapped = classify(new SqlError.SqlError({ reason }))
        expect(mapped._tag).toBe(tag)
        expect(mapped.retryable).toBe(retryable)
        expect(JSON.stringify(mapped)).not.toContain(PLANTED)
      })
    }
  })
}
