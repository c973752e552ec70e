/**
 * The PostgreSQL dialect of the shared SQL store: migrations, locks, expressions and error
 * classification.
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

// Group values are JSON text, a record without an instant's month the text `null` (not SQL NULL)
// in every statement, so that the rows, their people and their changes key their groups alike.
const facetOf = (sql: SqlClient.SqlClient, name: string) => sql`coalesce((s.facets -> ${name}::text)::text, 'null')`

/** Filters (an aggregate's `where` or `part`) on the shape `s` (facets and tags are the shape's); JSON values compare as `jsonb`. */
const filtersOf = (sql: SqlClient.SqlClient, filters: ReadonlyArray<Store.AggregateFilter> | undefined) =>
  (filters ?? []).map((f) => {
    if (f.by === "tag") {
      const tags = f.in.filter((v) => typeof v === "string")
      return tags.length === 0
        ? sql.literal("false")
        : sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(s.tags) AS ft(tag) WHERE ft.tag IN ${sql.in(tags)})`
    }
    return f.in.length === 0 ?
      sql.literal("false") :
      sql`coalesce(s.facets -> ${f.by}::text, 'null'::jsonb) IN (${
        sql.csv(f.in.map((v) => sql`${JSON.stringify(v)}::jsonb`))
      })`
  })

/** A rate's numerator in the denominator's pass: `pn`, what `of` counts among the rows the part's filters keep. */
const partOf = (
  sql: SqlClient.SqlClient,
  query: Store.AggregateQuery,
  of: (kept: Statement.Fragment) => Statement.Fragment
) =>
  query.part === undefined
    ? sql.literal("")
    : sql`, ${of(sql.and(filtersOf(sql, query.part)))} AS pn`

/**
 * Each person's first and last value of the facet `change` per group, counted per pair: the
 * period's rows (one per record and person) ordered in each group and person by `at` then `id`.
 */
const changesOf = (sql: SqlClient.SqlClient, query: Store.AggregateQuery, change: string) => {
  const groups = query.groupBy.map((name, i) =>
    sql`${
      name === "tag"
        ? sql`to_json(t.tag)::text`
        : name === "month"
        ? sql`coalesce(to_json(substr(r.at, 1, 7))::text, 'null')`
        : facetOf(sql, name)
    } AS ${sql(`g${i}`)}`
  )
  const selectGroups = groups.length === 0 ? sql.literal("") : sql`${sql.csv(groups)},`
  const names = sql.literal(query.groupBy.map((_, i) => `g${i}, `).join(""))
  const tags = query.groupBy.includes("tag")
    ? sql`CROSS JOIN LATERAL jsonb_array_elements_text(s.tags) AS t(tag)`
    : sql.literal("")
  const where = sql.and([SqlStore.periodFilters(sql, query), ...filtersOf(sql, query.where)])
  const groupBy = sql.literal(Array.from({ length: query.groupBy.length + 2 }, (_, i) => String(i + 1)).join(", "))
  return sql<Record<string, unknown>>`SELECT ${names}f, l, count(*) AS n FROM (
      SELECT DISTINCT ${names}person, first_value(v) OVER w AS f, last_value(v) OVER w AS l FROM (
        SELECT ${selectGroups} p.person AS person, r.at AS at, r.id AS id, ${facetOf(sql, change)} AS v
        FROM pomoc_report_rows r JOIN pomoc_report_shapes s ON s.id = r.shape
        CROSS JOIN LATERAL jsonb_array_elements_text(r.person_ids) AS p(person) ${tags} WHERE ${where}
      ) m WINDOW w AS (PARTITION BY ${names}person ORDER BY at NULLS FIRST, id
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ) d GROUP BY ${groupBy}`
}

/**
 * Distinct people counted by the shared code in one pass (`count(DISTINCT …)` sorts every (group,
 * person) pair: 2.6 s for a year of 1,000,000 contacts by tag): the period's report rows in texts
 * of a chunk each, read in `at` order from the service's or the period's index, then the groups
 * and summed facets of the shapes seen, looked up by id. A row's people are its JSON array of
 * person numbers, printed without the spaces `jsonb` puts after commas.
 */
const byShape = (sql: SqlClient.SqlClient, query: Store.AggregateQuery): SqlDialect.ByShape => {
  const month = query.groupBy.includes("month")
    ? sql`coalesce(to_json(substr(r.at, 1, 7))::text, 'null')`
    : sql.literal("''")
  const people = query.distinctPeople === true ? sql`replace(r.person_ids::text, ' ', '')` : sql.literal("'[]'")
  const groups = query.groupBy.flatMap((name, i) =>
    name === "month"
      ? []
      : [sql`${name === "tag" ? sql`to_json(t.tag)::text` : facetOf(sql, name)} AS ${sql(`g${i}`)}`]
  )
  // A shape's value of a summed facet, when it is a number.
  const sums = (query.sum ?? []).map((name, i) =>
    sql`CASE WHEN jsonb_typeof(s.facets -> ${name}::text) = 'number' THEN (s.facets ->> ${name}::text)::float8 END AS ${
      sql(`s${i}`)
    }`
  )
  const tags = query.groupBy.includes("tag")
    ? sql`CROSS JOIN LATERAL jsonb_array_elements_text(s.tags) AS t(tag)`
    : sql.literal("")
  const part = query.part === undefined
    ? sql.literal("")
    : sql`, CASE WHEN ${sql.and(filtersOf(sql, query.part))} THEN 1 ELSE 0 END AS k`
  return {
    rows: (from, to) =>
      sql<Record<string, unknown>>`SELECT string_agg(r.shape::text || '|' || ${month} || '|' || ${people}, ';') AS p
        FROM pomoc_report_rows r WHERE ${
        SqlStore.periodFilters(sql, { ...query, from: from ?? query.from, to: to ?? query.to })
      }`,
    // Both period indexes give the rows in `at` order, with a service or without.
    boundary: (from, skip, after) =>
      sql<Record<string, unknown>>`SELECT r.at AS at FROM pomoc_report_rows r WHERE ${
        SqlStore.periodFilters(sql, { ...query, from: undefined })
      } AND r.at ${sql.literal(after ? ">" : ">=")} ${from} ORDER BY r.at LIMIT 1 OFFSET ${skip}`,
    maxPerson: sql<Record<string, unknown>>`SELECT coalesce(max(n), 0) AS n FROM pomoc_person_numbers`,
    // A person's code is their least code token (a person may have one per service).
    codes: query.distinctBy === "code"
      ? sql<Record<string, unknown>>`SELECT pn.n AS n, min(l.token) AS code
          FROM pomoc_record_lookup l JOIN pomoc_person_numbers pn ON pn.person_id = l.id
          WHERE l.kind = 'person' AND l.token LIKE ${"%" + Store.CODE_SUFFIX} GROUP BY pn.n`
      : undefined,
    shapes: (ids) =>
      sql<Record<string, unknown>>`SELECT ${sql.csv([sql`s.id AS shape`, ...groups, ...sums])} ${part}
        FROM pomoc_report_shapes s ${tags} WHERE ${sql.and([sql.in("s.id", ids), ...filtersOf(sql, query.where)])}`
  }
}

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
  createMigrationsTable:
    "CREATE TABLE IF NOT EXISTS pomoc_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
  tableExists: (sql, table) =>
    Effect.map(
      sql<
        { n: number }
      >`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${table}`,
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
  aggregate: (sql, query) => {
    // The period's report rows of the service drive every report, grouped by shape; each shape's
    // facets and tags are joined by key, tags expanded by a set-returning function.
    const source = SqlStore.reportRowsByShape(sql, query, sql.literal(""))
    const tags = query.groupBy.includes("tag")
      ? sql`CROSS JOIN LATERAL jsonb_array_elements_text(s.tags) AS t(tag)`
      : sql.literal("")
    const shapes = source.byShape ? sql`JOIN pomoc_report_shapes s ON s.id = c.shape ${tags}` : sql.literal("")
    const { groupBy, selectGroups, selectSums } = SqlStore.groupingOf(
      sql,
      query.groupBy.map((name) =>
        name === "tag"
          ? sql`to_json(t.tag)::text`
          : name === "month"
          ? sql`coalesce(to_json(c.month)::text, 'null')`
          : sql`coalesce((s.facets -> ${name}::text)::text, 'null')`
      ),
      // A shape's numeric facet times the rows of that shape.
      (query.sum ?? []).map((name) =>
        sql`coalesce(sum(c.n * CASE WHEN jsonb_typeof(s.facets -> ${name}::text) = 'number' THEN (s.facets ->> ${name}::text)::float8 END), 0)`
      )
    )
    const filters = filtersOf(sql, query.where)
    const where = filters.length === 0 ? sql.literal("") : sql`WHERE ${sql.and(filters)}`
    return {
      rows: sql<Record<string, unknown>>`SELECT ${selectGroups} sum(c.n) AS n ${selectSums} ${
        partOf(sql, query, (kept) => sql`coalesce(sum(c.n) FILTER (WHERE ${kept}), 0)`)
      } FROM ${source.counts} ${shapes} ${where} ${groupBy}`,
      // Distinct people, by id or by code, are counted by the shared code in one pass (`byShape`).
      people: undefined,
      byShape: query.distinctPeople === true ? byShape(sql, query) : undefined,
      changes: query.change === undefined ? undefined : changesOf(sql, query, query.change)
    }
  },
  // `pomoc_record_people` holds people's numbers (migration 7).
  people: {
    join: (sql, personId, kind) =>
      sql`JOIN pomoc_person_numbers x ON x.person_id = ${personId}
        JOIN pomoc_record_people p ON p.n = x.n AND p.kind = ${kind} AND p.kind = r.kind AND p.id = r.id`,
    insert: (sql, rows) =>
      Effect.gen(function*() {
        const json = JSON.stringify(rows)
        yield* sql`INSERT INTO pomoc_person_numbers (person_id)
          SELECT DISTINCT v.person_id COLLATE "C" FROM jsonb_to_recordset(${json}::jsonb) AS v(person_id text)
          ON CONFLICT DO NOTHING`
        yield* sql`INSERT INTO pomoc_record_people (n, kind, id)
          SELECT x.n, v.kind, v.id FROM jsonb_to_recordset(${json}::jsonb) AS v(person_id text, kind text, id text)
          JOIN pomoc_person_numbers x ON x.person_id = v.person_id COLLATE "C"`
      })
  },
  // Report rows and people rows name people by number (migration 7): the records naming `from`
  // are rewritten (in place: the table leaves room on its pages), their report rows left as they
  // are, and `from`'s number passes to `to`. Ids are plain id strings, so the quoted id is a
  // whole JSON string.
  renamePerson: (sql, from, to) =>
    Effect.gen(function*() {
      const numbers = yield* sql<
        { n: string; person_id: string }
      >`SELECT n::text AS n, person_id FROM pomoc_person_numbers
        WHERE person_id IN (${from}, ${to})`
      const number = (id: string) => numbers.find((row) => row.person_id === id)?.n
      const [k, m] = [number(from), number(to)]
      // No people row holds `from`, so no record names them.
      if (k === undefined) return
      yield* sql`INSERT INTO pomoc_renaming (singleton) VALUES (1)`
      yield* sql`UPDATE pomoc_records SET version = version + 1,
        person_ids = replace(person_ids::text, ${JSON.stringify(from)}, ${JSON.stringify(to)})::jsonb,
        data = replace(data, ${JSON.stringify(from)}, ${JSON.stringify(to)}),
        guard_key = CASE WHEN guard_key IS NULL THEN NULL
          ELSE substr(replace('/' || guard_key || '/', ${`/${from}/`}, ${`/${to}/`}), 2, length(replace('/' || guard_key || '/', ${`/${from}/`}, ${`/${to}/`})) - 2) END
        WHERE (kind, id) IN (SELECT kind, id FROM pomoc_record_people WHERE n = ${k}::bigint)`
      yield* sql`DELETE FROM pomoc_renaming`
      if (m !== undefined) {
        // Records naming `to` already (the erased person's new record, written in this commit:
        // few) take `from`'s number; a record naming both keeps one people row.
        yield* sql`UPDATE pomoc_report_rows SET person_ids = (SELECT jsonb_agg(DISTINCT
            CASE WHEN j.v = to_jsonb(${m}::bigint) THEN to_jsonb(${k}::bigint) ELSE j.v END) FROM jsonb_array_elements(pomoc_report_rows.person_ids) j(v))
          WHERE (kind, id) IN (SELECT kind, id FROM pomoc_record_people WHERE n = ${m}::bigint)`
        yield* sql`DELETE FROM pomoc_record_people p WHERE p.n = ${m}::bigint
          AND EXISTS (SELECT 1 FROM pomoc_record_people q WHERE q.n = ${k}::bigint AND q.kind = p.kind AND q.id = p.id)`
        yield* sql`UPDATE pomoc_record_people SET n = ${k}::bigint WHERE n = ${m}::bigint`
        yield* sql`DELETE FROM pomoc_person_numbers WHERE n = ${m}::bigint`
      }
      yield* sql`UPDATE pomoc_person_numbers SET person_id = ${to} WHERE n = ${k}::bigint`
    }),
  // PostgreSQL analyses tables in the background, but not yet on a database just restored or
  // filled by a bulk load: without statistics it cannot tell the service's index from the period's.
  onOpen: (sql) =>
    Effect.gen(function*() {
      const analysed = yield* sql<
        { n: number | string }
      >`SELECT count(*) AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'pomoc_report_rows'`
      if (Number(analysed[0]?.n ?? 0) === 0) {
        yield* sql.unsafe(
          "ANALYZE pomoc_records, pomoc_report_rows, pomoc_report_shapes, pomoc_record_people, pomoc_person_numbers"
        )
      }
    }),
  refreshStatistics: (sql) =>
    Effect.asVoid(
      sql.unsafe(
        "ANALYZE pomoc_records, pomoc_report_rows, pomoc_report_shapes, pomoc_record_people, pomoc_person_numbers"
      )
    ),
  classify
}

/**
 * The schema version this code expects (the newest PostgreSQL migration).
 * @since 0.2.0
 * @category models
 */
export const CODE_VERSION: number = migrations[migrations.length - 1]!.version
