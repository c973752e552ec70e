/**
 * The store's one error, `StoreError`, and its reasons.
 *
 * @internal
 */
import { Schema } from "effect"

/**
 * A stale write or precondition: someone else changed the record since it was read (or, with
 * `heldBy`, another record of the kind holds the written record's guard key). Re-read, decide
 * again and retry: that can succeed.
 * @since 0.1.0
 * @category errors
 */
export class Conflict extends Schema.TaggedError<Conflict>("@pomoc/core/Store/Conflict")("Conflict", {
  kind: Schema.String,
  id: Schema.String,
  expectedVersion: Schema.Number,
  actualVersion: Schema.Number,
  /**
   * The id of the record of the same kind that holds the guard key this write asked for.
   * @since 0.2.0
   */
  heldBy: Schema.optionalKey(Schema.String),
  /**
   * For a unit decided at a time (`UnitOfWork.at`) earlier than the audit log's last entry: that
   * entry's time; decide again no earlier than it (`kind` is `"audit"`).
   * @since 0.2.0
   */
  notBefore: Schema.optionalKey(Schema.String)
}) {
  /** Re-reading and deciding again can succeed (since 0.2.0; was `false`). */
  readonly retryable = true
}
/**
 * The connection to the database was lost or could not be made.
 * @since 0.1.0
 * @category errors
 */
export class ConnectionLost
  extends Schema.TaggedError<ConnectionLost>("@pomoc/core/Store/ConnectionLost")("ConnectionLost", {
    detail: Schema.String
  })
{
  /** A retry may succeed once the connection is back. */
  readonly retryable = true
}
/**
 * The database is busy or locked by another writer.
 * @since 0.1.0
 * @category errors
 */
export class Busy extends Schema.TaggedError<Busy>("@pomoc/core/Store/Busy")("Busy", { detail: Schema.String }) {
  /** A retry after a pause may succeed. */
  readonly retryable = true
}
/**
 * A database constraint refused the write.
 * @since 0.1.0
 * @category errors
 */
export class ConstraintViolation
  extends Schema.TaggedError<ConstraintViolation>("@pomoc/core/Store/ConstraintViolation")("ConstraintViolation", {
    detail: Schema.String
  })
{
  /** The same write will fail again. */
  readonly retryable = false
}
/**
 * Stored data could not be read back (corrupt file, unreadable JSON, a broken invariant).
 * @since 0.1.0
 * @category errors
 */
export class CorruptData extends Schema.TaggedError<CorruptData>("@pomoc/core/Store/CorruptData")("CorruptData", {
  detail: Schema.String
}) {
  /** Corruption does not heal by retrying. */
  readonly retryable = false
}
/**
 * The database's schema is older than the code and migrations have not been run, or newer than
 * the code (then nothing is changed).
 * @since 0.1.0
 * @category errors
 */
export class MigrationNeeded
  extends Schema.TaggedError<MigrationNeeded>("@pomoc/core/Store/MigrationNeeded")("MigrationNeeded", {
    databaseVersion: Schema.Number,
    codeVersion: Schema.Number
  })
{
  /** Run the migrations (or upgrade the code) first. */
  readonly retryable = false
}
/**
 * Records of `kind` written by an earlier version lack the index tokens a read through an index
 * token (`lookup`) needs: the read would miss them, so it is refused until the index of the kind
 * has been rebuilt. `fix` names what to run: `Reindex.rebuildAll({ kind, actor })`, with the
 * application's pseudonym key for people, which marks the store's `reindex:<kind>` done.
 * @since 0.2.0
 * @category errors
 */
export class IndexRebuildNeeded
  extends Schema.TaggedError<IndexRebuildNeeded>("@pomoc/core/Store/IndexRebuildNeeded")("IndexRebuildNeeded", {
    kind: Schema.String,
    fix: Schema.String
  })
{
  /** Rebuild the kind's index tokens first (`fix`). */
  readonly retryable = false
}
/**
 * A query the store refused as malformed (an unknown facet name, a negative limit).
 * @since 0.1.0
 * @category errors
 */
export class InvalidQuery extends Schema.TaggedError<InvalidQuery>("@pomoc/core/Store/InvalidQuery")("InvalidQuery", {
  detail: Schema.String,
  /**
   * The query field refused (e.g. `cursor`, `limit`, or a filter that no index answers).
   * @since 0.2.0
   */
  field: Schema.optionalKey(Schema.String)
}) {
  /** The same query will fail again. */
  readonly retryable = false
}
/**
 * Any other driver failure, classified as unknown.
 * @since 0.1.0
 * @category errors
 */
export class Unknown
  extends Schema.TaggedError<Unknown>("@pomoc/core/Store/Unknown")("Unknown", { detail: Schema.String })
{
  /** Unknown failures are not retried automatically. */
  readonly retryable = false
}

/**
 * Why a store operation failed.
 * @since 0.1.0
 * @category errors
 */
export const StoreErrorReason = Schema.Union([
  Conflict,
  ConnectionLost,
  Busy,
  ConstraintViolation,
  CorruptData,
  MigrationNeeded,
  IndexRebuildNeeded,
  InvalidQuery,
  Unknown
])
/**
 * @since 0.1.0
 * @category errors
 */
export type StoreErrorReason = typeof StoreErrorReason.Type

/**
 * The one error a store fails with. Match on `reason._tag`; `reason.retryable` says whether
 * trying again can help. Driver errors never leak raw, and `detail` never holds personal data.
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>("@pomoc/core/StoreError")("StoreError", {
  operation: Schema.String,
  reason: StoreErrorReason
}) {
  override get message(): string {
    return `Store ${this.operation} failed: ${this.reason._tag}`
  }
  /** Whether retrying the operation can help. */
  get retryable(): boolean {
    return this.reason.retryable
  }
}

/**
 * Builds a {@link StoreError} for an operation and a reason.
 * @since 0.1.0
 * @category constructors
 */
export const fail = (operation: string, reason: StoreErrorReason): StoreError => new StoreError({ operation, reason })
