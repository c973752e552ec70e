/**
 * The SQLite dialect of the shared SQL store: migrations, expressions and error classification.
 *
 * @since 0.2.0
 */
import { Store } from "@pomoc/core"
import { type SqlDialect, SqlStore } from "@pomoc/store-sql"
import { Effect } from "effect"
import type * as SqlClient from "effect/sql/SqlClient"
import type * as Statement from "effect/sql/Statement"
import { classify } from "./errors.js"
import { migrations } from "./migrations.js"

const facetsOf = (sql: SqlClient.SqlClient, shape: Statement.Fragment) =>
  sql`(SELECT s.facets FROM pomoc_report_shapes s WHERE s.id = ${shape})`
const facetOf = (sql: SqlClient.SqlClient, shape: Statement.Fragment, name: string) =>
  sql`coalesce(${facetsOf(sql, shape)} -> ${"$." + name}, 'null')`
const tagsOf = (sql: SqlClient.SqlClient, shape: Statement.Fragment) =>
  sql`(SELECT s.tags FROM pomoc_report_shapes s WHERE s.id = ${shape})`

/** Filters (an aggregate's `where` or `part`) on the shape `shape` (facets and tags are the shape's). */
const filtersOf = (
  sql: SqlClient.SqlClient,
  filters: ReadonlyArray<Store.AggregateFilter> | undefined,
  shape: Statement.Fragment
) =>
  (filters ?? []).map((f) => {
    if (f.by === "tag") {
      const tags = f.in.filter((v) => typeof v === "string")
      return tags.length === 0
        ? sql.literal("0")
        : sql`EXISTS (SELECT 1 FROM json_each(${tagsOf(sql, shape)}) AS ft WHERE ft.value IN ${sql.in(tags)})`
    }
    // Facets are stored as `JSON.stringify` wrote them, so a value's JSON text finds them.
    return f.in.length === 0
      ? sql.literal("0")
      : sql`${facetOf(sql, shape, f.by)} IN ${sql.in(f.in.map((v) => JSON.stringify(v)))}`
  })

const whereOf = (sql: SqlClient.SqlClient, query: Store.AggregateQuery, shape: Statement.Fragment) => {
  const filters = filtersOf(sql, query.where, shape)
  return filters.length === 0 ? sql.literal("") : sql`WHERE ${sql.and(filters)}`
}

/** A rate's numerator in the denominator's pass: `pn`, what `of` counts among the rows the part's filters keep. */
const partOf = (
  sql: SqlClient.SqlClient,
  query: Store.AggregateQuery,
  shape: Statement.Fragment,
  of: (kept: Statement.Fragment) => Statement.Fragment
) =>
  query.part === undefined
    ? sql.literal("")
    : sql`, ${of(sql.and(filtersOf(sql, query.part, shape)))} AS pn`

/**
 * An aggregate counted by the shared code (SQLite sorts the period's rows by shape to group
 * them, over a second for a year of a busy service, and its `count(DISTINCT …)` builds a B-tree
 * of every (group, person) pair): the period's report rows in texts of a chunk each (one index
 * range, as every report, in `at` order), then the groups and summed facets of the shapes seen,
 * looked up by id. Distinct people by code are counted the same way, with each person number's
 * code read once.
 */
const byShape = (
  sql: SqlClient.SqlClient,
  query: Store.AggregateQuery,
  index: Statement.Fragment,
  ordered: boolean
): SqlDialect.ByShape => {
  const month = query.groupBy.includes("month") ? sql`json_quote(substr(r.at, 1, 7))` : sql.literal("''")
  const people = query.distinctPeople === true ? sql`json(r.person_ids)` : sql.literal("'[]'")
  const shape = sql`x.id`
  const groups = query.groupBy.flatMap((name, i) =>
    name === "month"
      ? []
      : [sql`${name === "tag" ? sql`json_quote(t.value)` : facetOf(sql, shape, name)} AS ${sql(`g${i}`)}`]
  )
  // A shape's value of a summed facet, when it is a number.
  const sums = (query.sum ?? []).map((name, i) =>
    sql`CASE WHEN json_type(${facetsOf(sql, shape)}, ${"$." + name}) IN ('integer', 'real') THEN json_extract(${
      facetsOf(sql, shape)
    }, ${"$." + name}) END AS ${sql(`s${i}`)}`
  )
  const tags = query.groupBy.includes("tag") ? sql`, json_each(${tagsOf(sql, shape)}) AS t` : sql.literal("")
  const part = query.part === undefined
    ? sql.literal("")
    : sql`, ${sql.and(filtersOf(sql, query.part, shape))} AS k`
  return {
    rows: (from, to) =>
      sql<Record<string, unknown>>`SELECT group_concat(r.shape || '|' || ${month} || '|' || ${people}, ';') AS p
        FROM pomoc_report_rows r ${index} WHERE ${
        SqlStore.periodFilters(sql, { ...query, from: from ?? query.from, to: to ?? query.to })
      }`,
    // Only where the index gives the rows in `at` order (a service, or a period).
    boundary: !ordered ?
      undefined :
      (from, skip, after) =>
        sql<Record<string, unknown>>`SELECT r.at AS at FROM pomoc_report_rows r ${index} WHERE ${
          SqlStore.periodFilters(sql, { ...query, from: undefined })
        } AND r.at ${sql.literal(after ? ">" : ">=")} ${from} ORDER BY r.at LIMIT 1 OFFSET ${skip}`,
    maxPerson: sql<Record<string, unknown>>`SELECT coalesce(max(n), 0) AS n FROM pomoc_person_numbers`,
    // A person's code is their least code token (a person may have one per service).
    codes: query.distinctPeople === true && query.distinctBy === "code"
      ? sql<Record<string, unknown>>`SELECT pn.n AS n, min(l.token) AS code
          FROM pomoc_record_lookup l INDEXED BY pomoc_record_lookup_record
          JOIN pomoc_person_numbers pn ON pn.person_id = l.id
          WHERE l.kind = 'person' AND l.token LIKE ${"%" + Store.CODE_SUFFIX} GROUP BY pn.n`
      : undefined,
    shapes: (ids) =>
      sql<Record<string, unknown>>`SELECT ${sql.csv([sql`x.id AS shape`, ...groups, ...sums])} ${part}
        FROM pomoc_report_shapes x ${tags} WHERE ${
        sql.and([sql.in("x.id", ids), ...filtersOf(sql, query.where, shape)])
      }`
  }
}

/**
 * Each person's first and last value of the facet `change` per group, counted per pair: the
 * period's rows (one per record and person) ordered in each group and person by `at` then `id`.
 */
const changesOf = (
  sql: SqlClient.SqlClient,
  query: Store.AggregateQuery,
  change: string,
  index: Statement.Fragment
) => {
  const shape = sql`r.shape`
  const groups = query.groupBy.map((name, i) =>
    sql`${
      name === "tag"
        ? sql`json_quote(t.value)`
        : name === "month"
        ? sql`json_quote(substr(r.at, 1, 7))`
        : facetOf(sql, shape, name)
    } AS ${sql(`g${i}`)}`
  )
  const selectGroups = groups.length === 0 ? sql.literal("") : sql`${sql.csv(groups)},`
  const names = sql.literal(query.groupBy.map((_, i) => `g${i}, `).join(""))
  const tags = query.groupBy.includes("tag") ? sql`, json_each(${tagsOf(sql, shape)}) AS t` : sql.literal("")
  const where = sql.and([SqlStore.periodFilters(sql, query), ...filtersOf(sql, query.where, shape)])
  const k = query.groupBy.length
  const groupBy = sql.literal(Array.from({ length: k + 2 }, (_, i) => String(i + 1)).join(", "))
  return sql<Record<string, unknown>>`SELECT ${names}f, l, count(*) AS n FROM (
      SELECT DISTINCT ${names}person, first_value(v) OVER w AS f, last_value(v) OVER w AS l FROM (
        SELECT ${selectGroups} p.value AS person, r.at AS at, r.id AS id, ${facetOf(sql, shape, change)} AS v
        FROM pomoc_report_rows r ${index}, json_each(r.person_ids) AS p ${tags} WHERE ${where}
      ) m WINDOW w AS (PARTITION BY ${names}person ORDER BY at NULLS FIRST, id
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ) d GROUP BY ${groupBy}`
}

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
  createMigrationsTable:
    "CREATE TABLE IF NOT EXISTS pomoc_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
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
  aggregate: (sql, query) => {
    // The period's report rows of the service drive every report, grouped by shape in one index
    // range; each shape's facets and tags are then looked up by id in scalar subqueries (the one
    // plan SQLite has for them: a join could scan a table it believes small). The index is named,
    // so no statistics (or their absence) change the plan.
    const index = query.serviceId !== undefined
      ? sql.literal("INDEXED BY pomoc_report_rows_service_period")
      : query.from !== undefined || query.to !== undefined
      ? sql.literal("INDEXED BY pomoc_report_rows_period")
      : sql.literal("")
    const source = SqlStore.reportRowsByShape(sql, query, index)
    const facets = sql`(SELECT s.facets FROM pomoc_report_shapes s WHERE s.id = c.shape)`
    const tags = query.groupBy.includes("tag")
      ? sql`, json_each((SELECT s.tags FROM pomoc_report_shapes s WHERE s.id = c.shape)) AS t`
      : sql.literal("")
    const { groupBy, selectGroups, selectSums } = SqlStore.groupingOf(
      sql,
      query.groupBy.map((name) =>
        name === "tag"
          ? sql`json_quote(t.value)`
          : name === "month"
          ? sql`json_quote(c.month)`
          : sql`coalesce(${facets} -> ${"$." + name}, 'null')`
      ),
      // A shape's numeric facet times the rows of that shape.
      (query.sum ?? []).map((name) =>
        sql`total(c.n * CASE WHEN json_type(${facets}, ${
          "$." + name
        }) IN ('integer', 'real') THEN json_extract(${facets}, ${"$." + name}) END)`
      )
    )
    const where = whereOf(sql, query, sql`c.shape`)
    const shape = sql`c.shape`
    return {
      rows: sql<Record<string, unknown>>`SELECT ${selectGroups} sum(c.n) AS n ${selectSums} ${
        partOf(sql, query, shape, (kept) => sql`sum(CASE WHEN ${kept} THEN c.n ELSE 0 END)`)
      } FROM ${source.counts} ${tags} ${where} ${groupBy}`,
      // Distinct people, by id or by code, are counted by the shared code in one pass
      // (`byShape`); `rows` stays for inspection.
      people: undefined,
      byShape: byShape(
        sql,
        query,
        index,
        query.serviceId !== undefined || query.from !== undefined || query.to !== undefined
      ),
      changes: query.change === undefined ? undefined : changesOf(sql, query, query.change, index)
    }
  },
  // Report rows name people by number (migration 6): the person's number changes hands, and
  // their report rows stay as they are. Ids are plain id strings, so the quoted id is a whole
  // JSON string.
  renamePerson: (sql, from, to) =>
    Effect.gen(function*() {
      const numbers = yield* sql<{ n: number; person_id: string }>`SELECT n, person_id FROM pomoc_person_numbers
        WHERE person_id IN (${from}, ${to})`
      const number = (id: string) => numbers.find((row) => row.person_id === id)?.n
      const [k, m] = [number(from), number(to)]
      if (k !== undefined) {
        // Records naming `to` already (the erased person's new record, written in this commit:
        // few) take `from`'s number, which then passes to `to`.
        if (m !== undefined) {
          yield* sql`UPDATE pomoc_report_rows SET person_ids = (SELECT jsonb_group_array(DISTINCT
              CASE WHEN j.value = ${m} THEN ${k} ELSE j.value END) FROM json_each(pomoc_report_rows.person_ids) j)
            WHERE (kind, id) IN (SELECT kind, id FROM pomoc_record_people WHERE person_id = ${to})`
          yield* sql`DELETE FROM pomoc_person_numbers WHERE n = ${m}`
        }
        yield* sql`UPDATE pomoc_person_numbers SET person_id = ${to} WHERE n = ${k}`
      }
      yield* sql`INSERT INTO pomoc_renaming (singleton) VALUES (1)`
      yield* sql`UPDATE pomoc_records SET version = version + 1,
        person_ids = replace(person_ids, ${JSON.stringify(from)}, ${JSON.stringify(to)}),
        data = replace(data, ${JSON.stringify(from)}, ${JSON.stringify(to)}),
        guard_key = CASE WHEN guard_key IS NULL THEN NULL
          ELSE substr(replace('/' || guard_key || '/', ${`/${from}/`}, ${`/${to}/`}), 2, length(replace('/' || guard_key || '/', ${`/${from}/`}, ${`/${to}/`})) - 2) END
        WHERE (kind, id) IN (SELECT kind, id FROM pomoc_record_people WHERE person_id = ${from})`
      yield* sql`DELETE FROM pomoc_renaming`
      // A record naming both keeps one row for `to`.
      yield* sql`UPDATE OR IGNORE pomoc_record_people SET person_id = ${to} WHERE person_id = ${from}`
      yield* sql`DELETE FROM pomoc_record_people WHERE person_id = ${from}`
    }),
  // SQLite keeps no statistics by itself: gather what the planner lacks (0x10002: every table
  // that might benefit, bounded work).
  onOpen: (sql) => Effect.asVoid(sql.unsafe("PRAGMA optimize=0x10002")),
  refreshStatistics: (sql) => Effect.asVoid(sql.unsafe("PRAGMA optimize")),
  classify
}

/**
 * The schema version this code expects (the newest SQLite migration).
 * @since 0.2.0
 * @category models
 */
export const CODE_VERSION: number = migrations[migrations.length - 1]!.version
