/**
 * The PostgreSQL dialect of the shared SQL store: migrations, locks, expressions and error
 * classification.
 *
 * @since 0.2.0
 */
import type { SqlDialect } from "@pomoc/store-sql"
import { Effect } from "effect"
import { classify } from "./errors.js"
import { migrations } from "./migrations.js"

/**
 * PostgreSQL as a `SqlDialect`. Commits are serialised by `SELECT … FOR UPDATE` on the audit
 * head row; concurrent migrations by an advisory lock.
 *
 * @example
 * ```ts
 * import { PgClient } from "@effect/sql-pg"
 * import { Store } from "@pomoc/core"
 * import { SqlStore } from "@pomoc/store-sql"
 * import { PostgresDialect } from "@pomoc/store-postgres"
 * import { Layer } from "effect"
 *
 * const StoreLive = Layer.effect(Store.Store, SqlStore.make({ dialect: PostgresDialect.dialect })).pipe(
 *   Layer.provide(PgClient.layer({ database: "pomoc" }))
 * )
 * ```
 * @since 0.2.0
 * @category models
 */
export const dialect: SqlDialect.SqlDialect = {
  name: "postgres",
  migrations,
  createMigrationsTable: "CREATE TABLE IF NOT EXISTS pomoc_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
  tableExists: (sql, table) =>
    Effect.map(
      sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${table}`,
      (rows) => Number(rows[0]?.n ?? 0) > 0
    ),
  // 0x706f6d6f = "pomo": one lock id for all Pomoc migrations in this database.
  lockMigrations: (sql) => Effect.asVoid(sql`SELECT pg_advisory_xact_lock(1886350703)`),
  lockHead: (sql) => sql`SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1 FOR UPDATE`,
  // A generic plan cached while the tables were small (a scan) would be reused as they grow:
  // plan a large batch's statements for their parameters. Small commits keep the cheaper cached
  // plans; autovacuum's ANALYZE refreshes those as the tables grow.
  beforeLargeCommit: (sql) => Effect.asVoid(sql`SET LOCAL plan_cache_mode = force_custom_plan`),
  largeCommit: 100,
  // Text comes back JSON-quoted: @effect/sql-pg 4.0.5 drops a leading U+FEFF from a text value
  // that also holds U+FFFD (its fallback TextDecoder strips a BOM), and a quoted value never
  // starts with one.
  text: (expr) => `to_json(${expr})::text`,
  json: (expr) => `${expr}::text`,
  facetJson: (sql, name) => sql`coalesce((r.facets -> ${name}::text)::text, 'null')`,
  facetSum: (sql, name) =>
    sql`coalesce(sum(CASE WHEN jsonb_typeof(r.facets -> ${name}::text) = 'number' THEN (r.facets ->> ${name}::text)::float8 END), 0)`,
  classify
}

/**
 * The schema version this code expects (the newest PostgreSQL migration).
 * @since 0.2.0
 * @category models
 */
export const CODE_VERSION: number = migrations[migrations.length - 1]!.version
