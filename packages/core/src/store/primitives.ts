/**
 * What an adapter supplies to `Store.make`: a few primitives over its database. They never
 * validate, plan or order: core does that once for every adapter.
 *
 * @internal
 */
import type { Effect, Option } from "effect"
import type { AuditEntry, Head } from "../Audit.js"
import type {
  AggregateQuery,
  AggregateRow,
  Capabilities,
  RecordKind,
  RecordQuery,
  StoredRecord,
  StoreError
} from "./contract.js"
import type { Keyset } from "./cursor.js"

/**
 * A record's identity.
 * @since 0.2.0
 * @category models
 */
export interface RecordKey {
  readonly kind: RecordKind
  readonly id: string
}

/**
 * A stored version of a record, as {@link StorePrimitives.readVersions} answers.
 * @since 0.2.0
 * @category models
 */
export interface RecordVersion extends RecordKey {
  readonly version: number
}

/**
 * The record holding a guard key, as {@link StorePrimitives.readKeys} answers.
 * @since 0.2.0
 * @category models
 */
export interface KeyHolder extends RecordVersion {
  readonly key: string
}

/**
 * The final state of one written record, with its new version. `replaces` says whether a row
 * existed before the commit (an update) or not (an insert).
 * @since 0.2.0
 * @category models
 */
export interface RecordPut {
  readonly record: StoredRecord
  readonly replaces: boolean
}

/**
 * A (validated) query as an adapter's `select` receives it: a {@link RecordQuery}, and for a
 * page after the first, the position of the last record of the page before.
 * @since 0.2.0
 * @category models
 */
export interface SelectQuery extends RecordQuery {
  readonly after?: Keyset | undefined
}

/**
 * What a store's adapter does; `Store.make` builds the whole contract from it.
 *
 * Inside {@link StorePrimitives.transaction}, core calls, in this order: `lockHead`,
 * `readVersions`, `readKeys` (only when a write carries a guard key), `deleteRecords`,
 * `putRecords`, `renamePerson` (once per rename), `appendAudit`. Every primitive fails only with `StoreError` (classify driver
 * errors in the adapter).
 * @since 0.2.0
 * @category models
 */
export interface StorePrimitives {
  readonly name: string
  readonly capabilities: Capabilities
  /**
   * Runs `body` as one atomic step, serialised with every other commit (across processes too,
   * when the adapter declares `concurrentWriters`); on failure nothing `body` did remains.
   * `operations` is the number of writes and deletes, for adapters that plan large batches
   * differently.
   */
  readonly transaction: <A>(body: Effect.Effect<A, StoreError>, operations: number) => Effect.Effect<A, StoreError>
  /** The audit head, locked until the transaction ends (the lock that serialises commits). */
  readonly lockHead: Effect.Effect<Head, StoreError>
  /** The stored versions of the given records; absent records are left out. */
  readonly readVersions: (keys: ReadonlyArray<RecordKey>) => Effect.Effect<ReadonlyArray<RecordVersion>, StoreError>
  /** The records of `kind` holding any of the given guard keys. */
  readonly readKeys: (
    kind: RecordKind,
    keys: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyArray<KeyHolder>, StoreError>
  /** Removes existing records (with their people and tags). */
  readonly deleteRecords: (keys: ReadonlyArray<RecordKey>) => Effect.Effect<void, StoreError>
  /** Inserts or replaces records, in their final state, after `deleteRecords`. */
  readonly putRecords: (puts: ReadonlyArray<RecordPut>) => Effect.Effect<void, StoreError>
  /**
   * Rewrites a person's id in every record naming them, after `putRecords`: `personIds` and every
   * JSON string of `data` equal to `from` become `to`, and the version goes up by one (see
   * `Store.renameValue`).
   */
  readonly renamePerson: (from: string, to: string) => Effect.Effect<void, StoreError>
  /** Appends sealed entries and moves the head to the last one. */
  readonly appendAudit: (entries: ReadonlyArray<AuditEntry>) => Effect.Effect<void, StoreError>
  /** One record. */
  readonly get: (kind: RecordKind, id: string) => Effect.Effect<Option.Option<StoredRecord>, StoreError>
  /**
   * A page of a (validated) query, ordered by `at` (records without a time first), then `id`,
   * strings by code point; with `after`, only the records after that position in this order.
   */
  readonly select: (query: SelectQuery) => Effect.Effect<ReadonlyArray<StoredRecord>, StoreError>
  /** The groups of a (validated) aggregate, in any order; groups with a zero count may be left in. */
  readonly group: (query: AggregateQuery) => Effect.Effect<ReadonlyArray<AggregateRow>, StoreError>
  /** Audit entries with `seq` in `[fromSeq, fromSeq + limit)`, oldest first. */
  readonly readAudit: (fromSeq: number, limit: number) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreError>
  /** The audit head, without a lock. */
  readonly auditHead: Effect.Effect<Head, StoreError>
  /**
   * The maintenance the stored data waits for (see `StoreShape.pending`); absent: none.
   * @since 0.2.0
   */
  readonly pending?: Effect.Effect<ReadonlyArray<string>, StoreError> | undefined
  /**
   * Marks a maintenance done (see `StoreShape.done`).
   * @since 0.2.0
   */
  readonly done?: ((name: string) => Effect.Effect<void, StoreError>) | undefined
}
