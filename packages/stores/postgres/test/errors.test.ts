/**
 * PostgreSQL failures map to StoreError reasons with the right `retryable`; the detail never carries
 * the driver's message.
 */
import { classifierSuite, driverFailure } from "@pomoc/store-testkit"
import * as SqlError from "effect/sql/SqlError"
import { classify } from "../src/dialect/errors.js"

classifierSuite("PostgreSQL", classify, [
  ["connection error", new SqlError.ConnectionError(driverFailure()), "ConnectionLost", true],
  ["pg admin shutdown (backend terminated)", new SqlError.UnknownError(driverFailure("57P01")), "ConnectionLost", true],
  ["pg connection failure class 08", new SqlError.UnknownError(driverFailure("08006")), "ConnectionLost", true],
  ["deadlock", new SqlError.DeadlockError(driverFailure("40P01")), "Busy", true],
  ["serialization", new SqlError.SerializationError(driverFailure("40001")), "Busy", true],
  ["statement timeout", new SqlError.StatementTimeoutError(driverFailure("57014")), "Busy", true],
  [
    "unique violation",
    new SqlError.UniqueViolation({ ...driverFailure("23505"), constraint: "pomoc_records_pkey" }),
    "ConstraintViolation",
    false
  ],
  ["pg data exception (NUL in text)", new SqlError.UnknownError(driverFailure("22P05")), "ConstraintViolation", false],
  ["syntax", new SqlError.SqlSyntaxError(driverFailure("42601")), "Unknown", false],
  ["authentication", new SqlError.AuthenticationError(driverFailure("28P01")), "Unknown", false],
  ["unknown", new SqlError.UnknownError(driverFailure()), "Unknown", false]
])
