/**
 * The SQLite dialect of the shared SQL store: migrations, expressions and error classification.
 *
 * @since 0.2.0
 */
import type { SqlDialect } from "@pomoc/store-sql"
import { Effect } from "effect"
import { classify } from "./errors.js"
import { migrations } from "./migrations.js"

/**
 * SQLite as a `SqlDialect`. Commits are serialised by `BEGIN IMMEDIATE` (the client's
 * transactions take the write lock first), so reading the head needs no extra lock.
 *
 * @example
 * ```ts
 * import { Store } from "@pomoc/core"
 * import { SqlStore } from "@pomoc/store-sql"
 * import { SqliteClient, SqliteDialect } from "@pomoc/store-sqlite"
 * import { Effect, Layer } from "effect"
 *
 * const StoreLive = Layer.effect(Store.Store, SqlStore.make({ dialect: SqliteDialect.dialect })).pipe(
 *   Layer.provide(SqliteClient.layer({ filename: ":memory:" }))
 * )
 * ```
 * @since 0.2.0
 * @category models
 */
export const dialect: SqlDialect.SqlDialect = {
  name: "sqlite",
  migrations,
  createMigrationsTable: "CREATE TABLE IF NOT EXISTS pomoc_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  tableExists: (sql, table) =>
    Effect.map(
      sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`,
      (rows) => Number(rows[0]?.n ?? 0) > 0
    ),
  // The migration's transaction already holds the write lock.
  lockMigrations: () => Effect.void,
  lockHead: (sql) => sql`SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1`,
  beforeLargeCommit: () => Effect.void,
  largeCommit: Number.POSITIVE_INFINITY,
  text: (expr) => `json_quote(${expr})`,
  json: (expr) => expr,
  facetJson: (sql, name) => sql`coalesce(r.facets -> ${"$." + name}, 'null')`,
  facetSum: (sql, name) =>
    sql`total(CASE WHEN json_type(r.facets, ${"$." + name}) IN ('integer', 'real') THEN json_extract(r.facets, ${"$." + name}) END)`,
  classify
}

/**
 * The schema version this code expects (the newest SQLite migration).
 * @since 0.2.0
 * @category models
 */
export const CODE_VERSION: number = migrations[migrations.length - 1]!.version
