/**
 * Every effect/sql error reason, and the driver codes that matter, map to a StoreError reason
 * with the right `retryable`; the detail never carries the driver's message.
 */
import { Store } from "@pomoc/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as SqlError from "effect/sql/SqlError"
import { mapSqlErrors, reasonOf } from "../src/internal/errors.js"

const secret = "Jana Nováková, born 1990"
const cause = (code?: string) => Object.assign(new Error(`driver says: ${secret}`), code === undefined ? {} : { code })
const props = (code?: string) => ({ cause: cause(code), message: `failed for ${secret}`, operation: "execute" })
const of = (reason: SqlError.SqlErrorReason) => reasonOf(new SqlError.SqlError({ reason }))

describe("driver errors → StoreError", () => {
  const cases: ReadonlyArray<readonly [string, SqlError.SqlErrorReason, Store.StoreErrorReason["_tag"], boolean]> = [
    ["connection error", new SqlError.ConnectionError(props()), "ConnectionLost", true],
    ["pg admin shutdown (backend terminated)", new SqlError.UnknownError(props("57P01")), "ConnectionLost", true],
    ["pg connection failure class 08", new SqlError.UnknownError(props("08006")), "ConnectionLost", true],
    ["sqlite busy", new SqlError.LockTimeoutError(props("SQLITE_BUSY")), "Busy", true],
    ["deadlock", new SqlError.DeadlockError(props("40P01")), "Busy", true],
    ["serialization", new SqlError.SerializationError(props("40001")), "Busy", true],
    ["statement timeout", new SqlError.StatementTimeoutError(props("57014")), "Busy", true],
    ["unique violation", new SqlError.UniqueViolation({ ...props("23505"), constraint: "pomoc_records_pkey" }), "ConstraintViolation", false],
    ["constraint", new SqlError.ConstraintError(props("SQLITE_CONSTRAINT_CHECK")), "ConstraintViolation", false],
    ["pg data exception (NUL in text)", new SqlError.UnknownError(props("22P05")), "ConstraintViolation", false],
    ["sqlite corrupt file", new SqlError.UnknownError(props("SQLITE_CORRUPT")), "CorruptData", false],
    ["sqlite not a database", new SqlError.UnknownError(props("SQLITE_NOTADB")), "CorruptData", false],
    ["syntax", new SqlError.SqlSyntaxError(props("42601")), "Unknown", false],
    ["authentication", new SqlError.AuthenticationError(props("28P01")), "Unknown", false],
    ["unknown", new SqlError.UnknownError(props()), "Unknown", false]
  ]
  for (const [name, reason, tag, retryable] of cases) {
    it(name, () => {
      const mapped = of(reason)
      assert.strictEqual(mapped._tag, tag)
      assert.strictEqual(mapped.retryable, retryable)
      assert.notInclude(JSON.stringify(mapped), secret)
    })
  }

  it.effect("keeps StoreErrors, maps driver failures and driver defects, leaves other defects alone", () =>
    Effect.gen(function*() {
      const conflict = Store.fail("commit", new Store.Conflict({ kind: "contact", id: "c", expectedVersion: 1, actualVersion: 2 }))
      assert.strictEqual(yield* Effect.flip(mapSqlErrors("commit")(Effect.fail(conflict))), conflict)
      const failed = yield* Effect.flip(mapSqlErrors("commit")(Effect.fail(new SqlError.SqlError({ reason: new SqlError.ConnectionError(props()) }))))
      assert.strictEqual(failed.reason._tag, "ConnectionLost")
      assert.strictEqual(failed.operation, "commit")
      const died = yield* Effect.flip(mapSqlErrors("commit")(Effect.die(new SqlError.SqlError({ reason: new SqlError.ConnectionError(props()) }))))
      assert.strictEqual(died.reason._tag, "ConnectionLost")
      const other = yield* Effect.exit(mapSqlErrors("commit")(Effect.die(new Error("bug"))))
      assert.strictEqual(other._tag, "Failure")
      assert.isTrue(other._tag === "Failure" && other.cause.reasons.every((r) => r._tag === "Die"))
    }))
})
