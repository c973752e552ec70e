/**
 * SQLite failures map to StoreError reasons with the right `retryable`; the detail never carries
 * the driver's message.
 */
import { classifierSuite, driverFailure } from "@pomoc/store-testkit"
import * as SqlError from "effect/sql/SqlError"
import { classify } from "../src/dialect/errors.js"

classifierSuite("SQLite", classify, [
  ["connection error", new SqlError.ConnectionError(driverFailure()), "ConnectionLost", true],
  ["sqlite busy", new SqlError.LockTimeoutError(driverFailure("SQLITE_BUSY")), "Busy", true],
  ["constraint", new SqlError.ConstraintError(driverFailure("SQLITE_CONSTRAINT_CHECK")), "ConstraintViolation", false],
  ["sqlite corrupt file", new SqlError.UnknownError(driverFailure("SQLITE_CORRUPT")), "CorruptData", false],
  ["sqlite not a database", new SqlError.UnknownError(driverFailure("SQLITE_NOTADB")), "CorruptData", false],
  ["sqlite disk full", new SqlError.UnknownError(driverFailure("SQLITE_FULL")), "Unknown", false],
  ["sqlite I/O error", new SqlError.UnknownError(driverFailure("SQLITE_IOERR_WRITE")), "Unknown", false],
  ["unknown", new SqlError.UnknownError(driverFailure()), "Unknown", false]
])
