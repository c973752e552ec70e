/**
 * What a SQL dialect supplies to the shared store: its migrations, the few expressions that
 * differ between databases, its locks, and how its driver errors map to the store's reasons.
 * One folder per database implements it (`@pomoc/store-sqlite`'s `SqliteDialect`,
 * `@pomoc/store-postgres`'s `PostgresDialect`); the shared code never asks which database it
 * speaks to.
 *
 * Every text column a dialect selects comes back as JSON text (`"…"` or `null`), and every JSON
 * column as text, so one decoder reads both databases.
 *
 * @since 0.2.0
 */
import type { Store } from "@pomoc/core"
import type { Effect } from "effect"
import type * as SqlClient from "effect/sql/SqlClient"
import type * as SqlError from "effect/sql/SqlError"
import type * as Statement from "effect/sql/Statement"

/**
 * One schema migration: once released it never changes; add a new one instead. Versions are
 * 1, 2, 3, … without gaps.
 * @since 0.2.0
 * @category models
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: ReadonlyArray<string>
}

/**
 * The statements a dialect runs for one aggregate query.
 * @since 0.2.0
 * @category models
 */
export interface AggregateStatements {
  readonly rows: Statement.Statement<Record<string, unknown>>
  readonly people: Statement.Statement<Record<string, unknown>> | undefined
  /**
   * With `change`: one row per group and pair of values (`g…`, `f` and `l` as JSON text, `n` the
   * people), each person's first and last value in the group (by `at`, then `id`).
   * @since 0.2.0
   */
  readonly changes?: Statement.Statement<Record<string, unknown>> | undefined
  /**
   * Instead of `rows` and `people`, for a dialect whose grouping is slow (SQLite sorts the
   * period's rows by shape, and builds a B-tree of every (group, person) pair for `count(DISTINCT
   * …)`): the statements that let the shared code count records, sums, parts and distinct people
   * itself, exactly, in one pass over the period's rows (read a chunk at a time), distinct people
   * by id or by code alike.
   * @since 0.2.0
   */
  readonly byShape?: ByShape | undefined
}

/**
 * The statements of {@link AggregateStatements.byShape}.
 * @since 0.2.0
 * @category models
 */
export interface ByShape {
  /**
   * One row whose column `p` holds the report rows of the query's period with `at` in `[from, to)`
   * (`from` or `to` undefined: the period's own bound) as text: `shape|month|[n,n,…]` joined by
   * `;`, where `month` is the JSON text of the row's month (`"2026-05"` or `null`) when the query
   * groups by month and empty otherwise, and the people are a JSON array of person numbers
   * (non-negative integers, one per person) when the query counts distinct people, `[]`
   * otherwise.
   */
  readonly rows: (from: string | undefined, to: string | undefined) => Statement.Statement<Record<string, unknown>>
  /**
   * Where a chunk of rows starting at `from` ends, so that no text grows with the period: one row
   * whose column `at` is the `at` of the period's row `skip` places on among those with `at` at or
   * after `from` (`after`: strictly after), in `at` order; no row when fewer are left. Undefined
   * when the rows cannot be read in `at` order from an index: they are then read in one text.
   */
  readonly boundary?:
    | ((from: string, skip: number, after: boolean) => Statement.Statement<Record<string, unknown>>)
    | undefined
  /** One row whose column `n` is the largest person number (bit sets are sized for it). */
  readonly maxPerson: Statement.Statement<Record<string, unknown>>
  /**
   * With distinct people by code: one row per person number whose person has a code (`n`, and
   * `code`, the person's least code token). People with the same code are one person.
   */
  readonly codes?: Statement.Statement<Record<string, unknown>> | undefined
  /**
   * For the given shape ids: one row per shape and group that the query's `where` filters keep
   * (`shape`, then `g…` as JSON text for every dimension but the month), with `s0`, `s1`, … the
   * shape's value of each summed facet (`null` when not a number), and `k` = 1 when the query's
   * `part` filters keep the shape too.
   */
  readonly shapes: (ids: ReadonlyArray<number>) => Statement.Statement<Record<string, unknown>>
}

/**
 * One row of who a record is about, as the shared store writes it.
 * @since 0.2.0
 * @category models
 */
export interface PersonRow {
  readonly person_id: string
  readonly kind: string
  readonly id: string
}

/**
 * How a dialect keeps who each record is about in `pomoc_record_people` (rows are deleted by
 * `kind` and `id`), when not as `(person_id, kind, id)` rows: PostgreSQL keeps people's numbers
 * there (`pomoc_person_numbers`), so that a rename moves one number.
 * @since 0.2.0
 * @category models
 */
export interface PeopleRows {
  /** The join (as `p`) of the records `r` of the kind that name the person. */
  readonly join: (sql: SqlClient.SqlClient, personId: string, kind: string) => Statement.Fragment
  /** Stores the rows, inside the commit, after the records they belong to. */
  readonly insert: (
    sql: SqlClient.SqlClient,
    rows: ReadonlyArray<PersonRow>
  ) => Effect.Effect<void, SqlError.SqlError>
}

/**
 * A SQL dialect of the shared store.
 * @since 0.2.0
 * @category models
 */
export interface SqlDialect {
  /** The store's default name (`StoreShape.name`). */
  readonly name: string
  /** Every migration, oldest first. */
  readonly migrations: ReadonlyArray<Migration>
  /** `CREATE TABLE IF NOT EXISTS pomoc_migrations (version, name, applied_at)`. */
  readonly createMigrationsTable: string
  /** Whether a table exists in the current schema. */
  readonly tableExists: (sql: SqlClient.SqlClient, table: string) => Effect.Effect<boolean, SqlError.SqlError>
  /** Inside the migration's transaction: a lock that makes concurrent starts wait (or nothing, when the transaction already serialises them). */
  readonly lockMigrations: (sql: SqlClient.SqlClient) => Effect.Effect<void, SqlError.SqlError>
  /** Inside a commit's transaction: reads the audit head row and locks it until the transaction ends. */
  readonly lockHead: (
    sql: SqlClient.SqlClient
  ) => Statement.Statement<{ readonly seq: number | string | bigint; readonly hash: string }>
  /** Inside a commit's transaction of at least {@link largeCommit} operations, before any other statement. */
  readonly beforeLargeCommit: (sql: SqlClient.SqlClient) => Effect.Effect<void, SqlError.SqlError>
  /** How many writes and deletes make a commit large. */
  readonly largeCommit: number
  /** SQL giving the text column `expr` as JSON text (a quoted string, or `null`). */
  readonly text: (expr: string) => string
  /** SQL giving the JSON column `expr` as text. */
  readonly json: (expr: string) => string
  /**
   * The statements of a (validated) aggregate: counts and sums per group (`g0`, `g1`, … as JSON
   * text, `n`, `s0`, `s1`, …), and, when `distinctPeople` is asked for, the distinct people per
   * group (`g…`, `n`), and with `change` the transitions per group (see
   * {@link AggregateStatements.changes}); `where` filters apply to all of them. With `part`
   * (a rate's numerator), the counts and the distinct people give the part's too, as `pn`, in the
   * same statements. Reports read `pomoc_report_rows`, driven by the period's rows of the service
   * whatever the statistics.
   */
  readonly aggregate: (sql: SqlClient.SqlClient, query: Store.AggregateQuery) => AggregateStatements
  /**
   * Who records are about, when the dialect does not keep `(person_id, kind, id)` rows.
   * @since 0.2.0
   */
  readonly people?: PeopleRows
  /** Rewrites a person's id in every record naming them (see `Store.PersonRename`), inside the commit. */
  readonly renamePerson: (sql: SqlClient.SqlClient, from: string, to: string) => Effect.Effect<void, SqlError.SqlError>
  /** When the store opens, after migrations: give the planner statistics it lacks. */
  readonly onOpen: (sql: SqlClient.SqlClient) => Effect.Effect<void, SqlError.SqlError>
  /** Refreshes the planner's statistics (run outside commits, as the data grows). */
  readonly refreshStatistics: (sql: SqlClient.SqlClient) => Effect.Effect<void, SqlError.SqlError>
  /** The reason behind a driver failure; the detail names codes, never a value. */
  readonly classify: (error: SqlError.SqlError) => Store.StoreErrorReason
}
