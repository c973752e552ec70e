/**
 * Driver failures map to StoreErrors through a dialect's classifier; StoreErrors pass through;
 * the shared reason table gives every effect/sql reason the right `retryable`.
 */
import { assert, describe, it } from "@effect/vitest"
import { Store } from "@pomoc/core"
import { classifierSuite, driverFailure } from "@pomoc/store-testkit"
import { Effect } from "effect"
import * as SqlError from "effect/sql/SqlError"
import { SqlErrors } from "../src/index.js"
import { mapSqlErrors } from "../src/internal/errors.js"

const secret = "Jana Nováková, born 1990"
const cause = (code?: string) => Object.assign(new Error(`driver says: ${secret}`), code === undefined ? {} : { code })
const props = (code?: string) => ({ cause: cause(code), message: `failed for ${secret}`, operation: "execute" })
const mapped = (operation: string) => mapSqlErrors(operation, (error) => SqlErrors.byReason(error))

classifierSuite("shared", (error) => SqlErrors.byReason(error), [
  ["connection error", new SqlError.ConnectionError(driverFailure()), "ConnectionLost", true],
  ["sqlite busy", new SqlError.LockTimeoutError(driverFailure("SQLITE_BUSY")), "Busy", true],
  ["deadlock", new SqlError.DeadlockError(driverFailure("40P01")), "Busy", true],
  ["serialization", new SqlError.SerializationError(driverFailure("40001")), "Busy", true],
  ["statement timeout", new SqlError.StatementTimeoutError(driverFailure("57014")), "Busy", true],
  [
    "unique violation",
    new SqlError.UniqueViolation({ ...driverFailure("23505"), constraint: "pomoc_records_pkey" }),
    "ConstraintViolation",
    false
  ],
  ["constraint", new SqlError.ConstraintError(driverFailure("SQLITE_CONSTRAINT_CHECK")), "ConstraintViolation", false],
  ["syntax", new SqlError.SqlSyntaxError(driverFailure("42601")), "Unknown", false],
  ["authentication", new SqlError.AuthenticationError(driverFailure("28P01")), "Unknown", false],
  ["unknown", new SqlError.UnknownError(driverFailure()), "Unknown", false]
])

describe("mapSqlErrors", () => {
  it.effect("keeps StoreErrors, maps driver failures and driver defects, leaves other defects alone", () =>
    Effect.gen(function*() {
      const conflict = Store.fail(
        "commit",
        new Store.Conflict({ kind: "contact", id: "c", expectedVersion: 1, actualVersion: 2 })
      )
      assert.strictEqual(yield* Effect.flip(mapped("commit")(Effect.fail(conflict))), conflict)
      const failed = yield* Effect.flip(
        mapped("commit")(Effect.fail(new SqlError.SqlError({ reason: new SqlError.ConnectionError(props()) })))
      )
      assert.strictEqual(failed.reason._tag, "ConnectionLost")
      assert.strictEqual(failed.operation, "commit")
      const died = yield* Effect.flip(
        mapped("commit")(Effect.die(new SqlError.SqlError({ reason: new SqlError.ConnectionError(props()) })))
      )
      assert.strictEqual(died.reason._tag, "ConnectionLost")
      const other = yield* Effect.exit(mapped("commit")(Effect.die(new Error("bug"))))
      assert.strictEqual(other._tag, "Failure")
      assert.isTrue(other._tag === "Failure" && other.cause.reasons.every((r) => r._tag === "Die"))
    }))
})
