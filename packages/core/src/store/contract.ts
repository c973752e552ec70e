/**
 * The store contract: its models and the service tag; its one error (`./errors.ts`) and the
 * meaning of a person rename (`./rename.ts`) are re-exported from here.
 *
 * @internal
 */
import { Context, Schema } from "effect"
import type { Effect, Option } from "effect"
import type { AuditDraft, AuditEntry, Head } from "../Audit.js"
import { kinds } from "../model/Entity.js"
import type { StoreError } from "./errors.js"

export * from "./errors.js"
export * from "./rename.js"

/**
 * The kinds of record a store keeps: those of the entity catalogue (`Entity.catalogue`).
 * @since 0.1.0
 * @category models
 */
export const RecordKind = Schema.Literals(kinds)
/**
 * @since 0.1.0
 * @category models
 */
export type RecordKind = typeof RecordKind.Type

/**
 * A value a report can group by or sum.
 * @since 0.1.0
 * @category models
 */
export type FacetValue = string | number | boolean | null

/**
 * A facet's name: letters, digits and `_`, so that it is safe in any query language.
 * @since 0.1.0
 * @category models
 */
export const FACET_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/

/**
 * A record as stored: identity, optimistic-concurrency version, index fields, facets, tags, and
 * the encoded entity (`data`, any JSON value).
 * @since 0.1.0
 * @category models
 */
export interface StoredRecord {
  readonly kind: RecordKind
  readonly id: string
  /** 1 after the first write, +1 on every update. */
  readonly version: number
  readonly serviceId: string | null
  /** The people this record is about (a person record lists itself; a contact its participants). */
  readonly personIds: ReadonlyArray<string>
  /** The record's time (ISO 8601, UTC), for period queries. */
  readonly at: string | null
  /** Non-personal values that reports group or sum by (e.g. `channel`, `anonymousCount`). */
  readonly facets: Readonly<Record<string, FacetValue>>
  /** Non-personal codes a report can count by (e.g. interventions). */
  readonly tags: ReadonlyArray<string>
  readonly data: unknown
  /**
   * A guard key, unique among the records of one kind: a commit that would give two records of
   * a kind the same key fails with a retryable {@link Conflict}. Use it for "at most one" rules
   * that must hold across processes (e.g. one active cooperation per person and service). Absent
   * (or `null`) means no key. Must not hold personal data.
   * @since 0.2.0
   */
  readonly key?: string | null | undefined
  /**
   * Blind-index tokens: opaque keyed codes (e.g. `Pseudonym.code` of a normalised nickname) by
   * which the record is found again with {@link RecordQuery.lookup}. Never a personal value: a
   * token is an HMAC, not the text it was computed from. Absent (or empty) means none; a store
   * reads it back absent when there are none, and sorted without repeats otherwise.
   * @since 0.2.0
   */
  readonly lookup?: ReadonlyArray<string> | undefined
}

/**
 * A blind-index token: letters, digits and `_.:-`, 1 to 128 characters (a pseudonymous code is one).
 * @since 0.2.0
 * @category models
 */
export const LOOKUP_TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/

/**
 * The ending of a person record's code token: a lookup token `<token>.code` names the person's
 * pseudonymous code (a keyed HMAC of it, never the code), by which an aggregate with
 * `distinctBy: "code"` counts people holding the same code once.
 * @since 0.2.0
 * @category models
 */
export const CODE_SUFFIX = ".code"

/**
 * A write: the record and the version it expects to replace (0 to create).
 * @since 0.1.0
 * @category models
 */
export interface RecordWrite extends Omit<StoredRecord, "version"> {
  readonly expectedVersion: number
}

/**
 * A deletion (used by erasure and retention), against an expected version.
 * @since 0.1.0
 * @category models
 */
export interface RecordDelete {
  readonly kind: RecordKind
  readonly id: string
  readonly expectedVersion: number
}

/**
 * A person's id replaced by another in every record that names them (erasure gives an erased
 * person a new random id, so that no pseudonymous code computes to them again): every record
 * whose `personIds` holds `from` gets `to` there instead, and every JSON string of its `data`
 * equal to `from`, object keys included, becomes `to` (see {@link renameValue}); its version
 * goes up by one. Ids are plain id strings (no quotes or backslashes), so a store may do this
 * on JSON text (replacing the quoted id); core never stores a string holding a double quote in a
 * record that names a person (free texts are encrypted), where text replacement could differ.
 * A guard key of such a record that names the person as one of its `/`-separated parts is
 * renamed too (see {@link renameKey}), so that no key leads from the old id to the record.
 * @since 0.2.0
 * @category models
 */
export interface PersonRename {
  readonly from: string
  readonly to: string
}

/**
 * Everything one command changes: all of it is stored, or none of it. Writes apply first, then
 * deletes, then renames.
 * @since 0.1.0
 * @category models
 */
export interface UnitOfWork {
  readonly writes: ReadonlyArray<RecordWrite>
  readonly deletes?: ReadonlyArray<RecordDelete>
  /** Person ids to rewrite in the records that name them (applied after writes and deletes). */
  readonly renamePeople?: ReadonlyArray<PersonRename>
  readonly audit: ReadonlyArray<AuditDraft>
  /**
   * Records the decision rested on without writing them: the commit fails with a retryable
   * {@link Conflict} when any of them has moved from the stated version (0: must not exist).
   * @since 0.2.0
   */
  readonly expect?: ReadonlyArray<Precondition>
  /**
   * The time the unit was decided at (ISO 8601): the commit fails with a retryable
   * {@link Conflict} carrying `notBefore` (the last audit entry's time) when the audit log's last
   * entry is later, so that a unit decided before another committed is decided again at a time not
   * earlier than it. Case-work commands set it: their records and audit entries never go back in time.
   * @since 0.2.0
   */
  readonly at?: string
}

/**
 * A record a unit of work read and relies on, at the version it read.
 * @since 0.2.0
 * @category models
 */
export interface Precondition {
  readonly kind: RecordKind
  readonly id: string
  /** The version read; 0 when the record did not exist. */
  readonly version: number
}

/**
 * What a commit stored: the new version of each write (in order) and the sealed audit entries.
 * @since 0.1.0
 * @category models
 */
export interface Committed {
  readonly versions: ReadonlyArray<number>
  readonly audit: ReadonlyArray<AuditEntry>
}

/**
 * A query over records of one kind. All filters are optional and combine with AND; results are
 * ordered by `at` then `id`.
 * @since 0.1.0
 * @category models
 */
export interface RecordQuery {
  readonly kind: RecordKind
  readonly serviceId?: string
  readonly personId?: string
  /** Inclusive lower bound on `at` (ISO 8601). */
  readonly from?: string
  /** Exclusive upper bound on `at` (ISO 8601). */
  readonly to?: string
  /**
   * Only records holding this blind-index token in {@link StoredRecord.lookup} (an exact match:
   * tokens have no order or prefix worth searching).
   * @since 0.2.0
   */
  readonly lookup?: string
  /**
   * Only records whose id is (or is not) part of a guard key held by a record of another kind
   * (see {@link GuardedFilter}).
   * @since 0.2.0
   */
  readonly guarded?: GuardedFilter
  readonly limit?: number
  readonly offset?: number
}

/**
 * A filter on what other records say of a record, through their guard keys (which stores index):
 * the records `r` for which a record of kind `kind` holds the guard key `prefix + r.id + suffix`
 * (`present: true`), or for which none does (`present: false`). E.g. the people with an active
 * cooperation in a service: the cooperation records hold `active/<person>/<service>` while they
 * are active, so `{ kind: "cooperation", prefix: "active/", suffix: "/club", present: true }`.
 * `prefix` and `suffix` are non-personal: letters, digits and `_.:/-`, at most 200 characters.
 * @since 0.2.0
 * @category models
 */
export interface GuardedFilter {
  readonly kind: RecordKind
  readonly prefix: string
  readonly suffix: string
  readonly present: boolean
}

/**
 * What a {@link GuardedFilter}'s `prefix` and `suffix` may hold.
 * @since 0.2.0
 * @category models
 */
export const GUARD_PART = /^[A-Za-z0-9_.:\/-]{0,200}$/

/**
 * The largest page a {@link PageQuery} may ask for.
 * @since 0.2.0
 * @category models
 */
export const MAX_PAGE_SIZE = 500

/**
 * The page size of a {@link PageQuery} that names none.
 * @since 0.2.0
 * @category models
 */
export const DEFAULT_PAGE_SIZE = 50

/**
 * The filters a {@link PageQuery} may use: those every store answers from an index (kind,
 * service, person, the period on `at`, a blind-index token, and other records' guard keys). Any other field of a page query (a tag, a facet,
 * `offset`) is refused with an {@link InvalidQuery} naming it: a store never filters by loading
 * every row.
 * @since 0.2.0
 * @category models
 */
export const PAGE_FILTERS: ReadonlyArray<string> = ["kind", "serviceId", "personId", "from", "to", "lookup", "guarded"]

/**
 * A keyset-paged query: the filters of a {@link RecordQuery} on indexed fields, a page size, and
 * the cursor of the page before (absent for the first page). Pages follow the order of `list`
 * (by `at`, records without a time first, then `id`); paging from the first page to the last
 * returns every record that matched throughout exactly once, whatever was inserted meanwhile.
 * @since 0.2.0
 * @category models
 */
export interface PageQuery {
  readonly kind: RecordKind
  readonly serviceId?: string | undefined
  readonly personId?: string | undefined
  /** Inclusive lower bound on `at` (ISO 8601). */
  readonly from?: string | undefined
  /** Exclusive upper bound on `at` (ISO 8601). */
  readonly to?: string | undefined
  /**
   * Only records holding this blind-index token (see {@link RecordQuery.lookup}); a token not
   * matching {@link LOOKUP_TOKEN} is refused with an {@link InvalidQuery} naming `lookup`.
   * @since 0.2.0
   */
  readonly lookup?: string | undefined
  /**
   * Only records whose id is (or is not) part of another record's guard key (see
   * {@link GuardedFilter}); a malformed one is refused with an {@link InvalidQuery} naming
   * `guarded`.
   * @since 0.2.0
   */
  readonly guarded?: GuardedFilter | undefined
  /** Records per page: 1 to {@link MAX_PAGE_SIZE}; {@link DEFAULT_PAGE_SIZE} when absent. */
  readonly limit?: number | undefined
  /**
   * The `next` cursor of the page before, given with the same filters. An altered cursor, or one
   * of a query with other filters, is refused with an {@link InvalidQuery} naming `cursor`.
   */
  readonly cursor?: string | undefined
}

/**
 * One page of a {@link PageQuery}.
 * @since 0.2.0
 * @category models
 */
export interface RecordPage {
  readonly records: ReadonlyArray<StoredRecord>
  /** The cursor of the next page; absent when this page is the last. Opaque: hand it back as it is. */
  readonly next?: string
}

/**
 * An aggregate query for reports, computed where the data is (SQL `GROUP BY`), never by loading
 * all rows. Group by facet names, `tag` (one row per tag) or `month` (`YYYY-MM` of `at`).
 * @since 0.1.0
 * @category models
 */
export interface AggregateQuery {
  readonly kind: RecordKind
  readonly serviceId?: string
  readonly from?: string
  readonly to?: string
  readonly groupBy: ReadonlyArray<string>
  /** Numeric facets to sum per group. */
  readonly sum?: ReadonlyArray<string>
  /** Count distinct people per group too. */
  readonly distinctPeople?: boolean
  /**
   * How `distinctPeople` tells people apart: `"person"` (the default) by person id; `"code"` by
   * the code of each person's record (a lookup token ending in {@link CODE_SUFFIX}), so that
   * people whose records hold the same code count once, and people without one by id.
   * @since 0.2.0
   */
  readonly distinctBy?: "person" | "code"
  /**
   * Keep only the records every filter accepts (AND), before grouping.
   * @since 0.2.0
   */
  readonly where?: ReadonlyArray<AggregateFilter>
  /**
   * A facet whose change per person is counted in each group: for every person of the group's
   * records, the facet's value on their first and on their last record (by `at`, then `id`),
   * counted per pair of values in {@link AggregateRow.changes}.
   * @since 0.2.0
   */
  readonly change?: string
}

/**
 * A filter of an aggregate: the records whose facet `by` holds one of the values `in` (a missing
 * facet is `null`), or, with `by: "tag"`, that carry at least one of the tags `in`.
 * @since 0.2.0
 * @category models
 */
export interface AggregateFilter {
  /** A facet name, or `"tag"`. */
  readonly by: string
  /** The values kept (an empty list keeps nothing). */
  readonly in: ReadonlyArray<FacetValue>
}

/**
 * How many people of a group went from one value to another between their first and last
 * record of the period (the same value when they have one record).
 * @since 0.2.0
 * @category models
 */
export interface Transition {
  /** The value on the person's first record. */
  readonly first: FacetValue
  /** The value on the person's last record. */
  readonly last: FacetValue
  /** How many people made this transition. */
  readonly people: number
}

/**
 * One group of an aggregate result.
 * @since 0.1.0
 * @category models
 */
export interface AggregateRow {
  readonly group: Readonly<Record<string, FacetValue>>
  readonly count: number
  readonly sums: Readonly<Record<string, number>>
  readonly distinctPeople?: number
  /**
   * With {@link AggregateQuery.change}: the transitions of the group's people, one per pair of
   * values, ordered by first then last value (values ordered as groups are).
   * @since 0.2.0
   */
  readonly changes?: ReadonlyArray<Transition>
}

/**
 * What an adapter supports; the testkit skips sub-suites an adapter does not declare.
 * @since 0.1.0
 * @category models
 */
export interface Capabilities {
  /** Several processes or connections may write at once (optimistic concurrency across them). */
  readonly concurrentWriters: boolean
  /** Data survives closing and reopening. */
  readonly durable: boolean
  /** Versioned migrations recorded in the database. */
  readonly migrations: boolean
}

/**
 * The store contract.
 * @since 0.1.0
 * @category models
 */
export interface StoreShape {
  readonly name: string
  readonly capabilities: Capabilities
  /** Atomically check versions, apply writes and deletes, and seal and append audit entries. */
  readonly commit: (unit: UnitOfWork) => Effect.Effect<Committed, StoreError>
  /** One record by kind and id. */
  readonly get: (kind: RecordKind, id: string) => Effect.Effect<Option.Option<StoredRecord>, StoreError>
  /** The records matching a query, ordered by `at` then `id`. */
  readonly list: (query: RecordQuery) => Effect.Effect<ReadonlyArray<StoredRecord>, StoreError>
  /**
   * One page of records, found through indexes and ordered as `list` orders them, with the cursor
   * of the next page.
   * @since 0.2.0
   */
  readonly page: (query: PageQuery) => Effect.Effect<RecordPage, StoreError>
  /** Counts and sums per group, computed where the data is. */
  readonly aggregate: (query: AggregateQuery) => Effect.Effect<ReadonlyArray<AggregateRow>, StoreError>
  /** Audit entries with `seq` in `[fromSeq, fromSeq + limit)`, oldest first. */
  readonly readAudit: (fromSeq?: number, limit?: number) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreError>
  readonly auditHead: Effect.Effect<Head, StoreError>
  /**
   * The maintenance the stored data waits for, by name (e.g. `reindex:person`: an upgrade found
   * records written before their kind's index tokens, see `IndexRebuildNeeded`). Absent or
   * empty: none.
   * @since 0.2.0
   */
  readonly pending?: Effect.Effect<ReadonlyArray<string>, StoreError> | undefined
  /**
   * Marks a maintenance of {@link StoreShape.pending} done (`Reindex.rebuildAll` does, for its kind).
   * @since 0.2.0
   */
  readonly done?: ((name: string) => Effect.Effect<void, StoreError>) | undefined
}

/**
 * The store service. Provide it with an adapter's layer, e.g. `SqliteStore.layer({ filename })`.
 * @since 0.1.0
 * @category services
 */
export class Store extends Context.Service<Store, StoreShape>()("@pomoc/core/Store") {}
