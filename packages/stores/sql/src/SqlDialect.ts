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
  readonly lockHead: (sql: SqlClient.SqlClient) => Statement.Statement<{ readonly seq: number | string | bigint; readonly hash: string }>
  /** Inside a commit's transaction of at least {@link largeCommit} operations, before any other statement. */
  readonly beforeLargeCommit: (sql: SqlClient.SqlClient) => Effect.Effect<void, SqlError.SqlError>
  /** How many writes and deletes make a commit large. */
  readonly largeCommit: number
  /** SQL giving the text column `expr` as JSON text (a quoted string, or `null`). */
  readonly text: (expr: string) => string
  /** SQL giving the JSON column `expr` as text. */
  readonly json: (expr: string) => string
  /** A record's facet as JSON text, `'null'` when missing (so that grouping keeps types apart). */
  readonly facetJson: (sql: SqlClient.SqlClient, name: string) => Statement.Fragment
  /** The sum of a facet's numeric values over a group (0 when none). */
  readonly facetSum: (sql: SqlClient.SqlClient, name: string) => Statement.Fragment
  /** The reason behind a driver failure; the detail names codes, never a value. */
  readonly classify: (error: SqlError.SqlError) => Store.StoreErrorReason
}
