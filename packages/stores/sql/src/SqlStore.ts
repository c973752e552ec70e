/**
 * The Pomoc `Store` for any `effect/sql` `SqlClient` speaking SQLite or PostgreSQL. The SQLite
 * and PostgreSQL adapters are thin layers over {@link make}; a third dialect would add its
 * migrations and a few expressions here.
 *
 * Every statement is parameterised. Every commit runs in one transaction that first reads and
 * locks the audit head (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's `BEGIN IMMEDIATE` holds
 * the write lock), so commits are serialised: the version check, the writes and the audit
 * entries they append are one atomic step, and two connections can never both win the same
 * version.
 *
 * @since 0.1.0
 */
import { Audit, Store } from "@pomoc/core"
import { Effect, Option, Schema } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import type * as Statement from "effect/sql/Statement"
import { corrupt, mapSqlErrors } from "./internal/errors.js"
import { CODE_VERSION as SCHEMA_VERSION, type Dialect, migrations as allMigrations } from "./internal/schema.js"

/**
 * The SQL dialects {@link make} speaks.
 * @since 0.1.0
 * @category models
 */
export type SqlDialect = "sqlite" | "pg"

/**
 * What to do with the schema when the store starts: `"auto"` applies pending migrations,
 * `"verify"` only checks that the database is exactly at the code's version.
 * @since 0.1.0
 * @category models
 */
export type MigrateMode = "auto" | "verify"

/**
 * Options of {@link make}.
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly dialect: SqlDialect
  /** Default `"auto"`. */
  readonly migrate?: MigrateMode | undefined
  /** The store's name in `StoreShape.name`. Default `sql-<dialect>`. */
  readonly name?: string | undefined
  /** Overrides of the declared capabilities (e.g. `durable: false` for SQLite `:memory:`). */
  readonly capabilities?: Partial<Store.Capabilities> | undefined
}

/**
 * The schema version this code expects (the newest migration).
 * @since 0.1.0
 * @category models
 */
export const CODE_VERSION: number = SCHEMA_VERSION

/**
 * The migrations this code knows, oldest first.
 * @since 0.1.0
 * @category models
 */
export const migrations: ReadonlyArray<{ readonly version: number; readonly name: string }> = allMigrations.map(
  ({ name, version }) => ({ version, name })
)

/**
 * What {@link migrate} found and did.
 * @since 0.1.0
 * @category models
 */
export interface MigrationReport {
  /** The schema version before. */
  readonly from: number
  /** The schema version after (the code's version). */
  readonly to: number
  /** The versions applied now, oldest first (empty when the database was current). */
  readonly applied: ReadonlyArray<number>
}

// ---------------------------------------------------------------------------------------------
// Migrations

const tableExists = (sql: SqlClient.SqlClient, dialect: Dialect, table: string) =>
  Effect.map(
    dialect === "pg"
      ? sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${table}`
      : sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`,
    (rows) => Number(rows[0]?.n ?? 0) > 0
  )

const databaseVersion = (sql: SqlClient.SqlClient, dialect: Dialect) =>
  Effect.flatMap(tableExists(sql, dialect, "pomoc_migrations"), (exists) =>
    exists
      ? Effect.map(sql<{ v: number | string | null }>`SELECT max(version) AS v FROM pomoc_migrations`, (rows) => Number(rows[0]?.v ?? 0))
      : Effect.succeed(0))

const migrationNeeded = (from: number) =>
  Store.fail("migrate", new Store.MigrationNeeded({ databaseVersion: from, codeVersion: SCHEMA_VERSION }))

/**
 * Brings the database to the code's schema version (`"auto"`) or checks that it is there
 * (`"verify"`). Idempotent. A database newer than the code fails with `MigrationNeeded` and is
 * left untouched; so does an older one under `"verify"`. Concurrent starts are safe: the
 * migration runs in one transaction (holding an advisory lock on PostgreSQL) and re-reads the
 * version under it.
 * @since 0.1.0
 * @category constructors
 */
export const migrate = (
  dialect: SqlDialect,
  mode: MigrateMode = "auto"
): Effect.Effect<MigrationReport, Store.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const current = yield* databaseVersion(sql, dialect)
    if (current > SCHEMA_VERSION) return yield* migrationNeeded(current)
    if (current === SCHEMA_VERSION) return { from: current, to: current, applied: [] }
    if (mode === "verify") return yield* migrationNeeded(current)
    return yield* sql.withTransaction(
      Effect.gen(function*() {
        // 0x706f6d6f = "pomo": one lock id for all Pomoc migrations in this database.
        if (dialect === "pg") yield* sql`SELECT pg_advisory_xact_lock(1886350703)`
        const from = yield* databaseVersion(sql, dialect)
        if (from > SCHEMA_VERSION) return yield* migrationNeeded(from)
        if (from === 0) {
          yield* sql.unsafe(
            dialect === "pg"
              ? "CREATE TABLE IF NOT EXISTS pomoc_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)"
              : "CREATE TABLE IF NOT EXISTS pomoc_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
          )
        }
        const applied: Array<number> = []
        for (const migration of allMigrations) {
          if (migration.version <= from) continue
          for (const statement of migration.statements[dialect]) yield* sql.unsafe(statement)
          const appliedAt = new Date().toISOString()
          yield* sql`INSERT INTO pomoc_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, ${appliedAt})`
          applied.push(migration.version)
        }
        return { from, to: SCHEMA_VERSION, applied }
      })
    )
  }).pipe(mapSqlErrors("migrate"))

// ---------------------------------------------------------------------------------------------
// Rows

interface RecordRow {
  readonly kind: string
  readonly id: string
  readonly version: number | string
  readonly service_id: string | null
  readonly at: string | null
  readonly person_ids: unknown
  readonly tags: unknown
  readonly facets: unknown
  readonly data: unknown
}

// JSON columns are read as text in both dialects and parsed here: a driver that parses JSON
// itself would hand back a JSON string value as a bare string, indistinguishable from text.
const RECORD_COLUMNS: Record<Dialect, string> = {
  sqlite: "r.kind, r.id, r.version, r.service_id, r.at, r.person_ids, r.tags, r.facets, r.data",
  // Text columns come back JSON-quoted on PostgreSQL: @effect/sql-pg 4.0.5 drops a leading U+FEFF
  // from a text value that also holds U+FFFD (its fallback TextDecoder strips a BOM), and a quoted
  // value never starts with one.
  pg: "r.kind, to_json(r.id)::text AS id, r.version, to_json(r.service_id)::text AS service_id, to_json(r.at)::text AS at, r.person_ids::text AS person_ids, r.tags::text AS tags, r.facets::text AS facets, r.data::text AS data"
}

const json = (operation: string, column: string, value: unknown): unknown => {
  if (typeof value !== "string") throw corrupt(operation, `column ${column} is not JSON text`)
  try {
    return JSON.parse(value)
  } catch {
    throw corrupt(operation, `column ${column} does not hold valid JSON`)
  }
}

const isStringArray = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((v) => typeof v === "string")

const isFacets = (value: unknown): value is Record<string, Store.FacetValue> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false
  for (const v of Object.values(value as Record<string, unknown>)) {
    if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return false
  }
  return true
}

const toRecord = (operation: string, row: RecordRow, quoted: boolean): Store.StoredRecord => {
  const text = <A extends string | null>(column: string, value: A): A => {
    if (!quoted || value === null) return value
    const parsed = json(operation, column, value)
    if (typeof parsed !== "string") throw corrupt(operation, `column ${column} is not text`)
    return parsed as A
  }
  const personIds = json(operation, "person_ids", row.person_ids)
  if (!isStringArray(personIds)) throw corrupt(operation, "column person_ids is not an array of ids")
  const tags = json(operation, "tags", row.tags)
  if (!isStringArray(tags)) throw corrupt(operation, "column tags is not an array of strings")
  const facets = json(operation, "facets", row.facets)
  if (!isFacets(facets)) throw corrupt(operation, "column facets is not an object of facet values")
  const version = Number(row.version)
  if (!Number.isInteger(version) || version < 1) throw corrupt(operation, "column version is not a positive integer")
  return {
    kind: row.kind as Store.RecordKind,
    id: text("id", row.id),
    version,
    serviceId: text("service_id", row.service_id),
    personIds,
    at: text("at", row.at),
    facets,
    tags,
    data: json(operation, "data", row.data)
  }
}

const decodeRows = (operation: string, rows: ReadonlyArray<RecordRow>, quoted: boolean): Effect.Effect<Array<Store.StoredRecord>, Store.StoreError> =>
  Effect.suspend(() => {
    try {
      const out = new Array<Store.StoredRecord>(rows.length)
      for (let i = 0; i < rows.length; i++) out[i] = toRecord(operation, rows[i]!, quoted)
      return Effect.succeed(out)
    } catch (error) {
      return error instanceof Store.StoreError ? Effect.fail(error) : Effect.die(error)
    }
  })

const decodeDraft = Schema.decodeUnknownSync(Audit.AuditDraft)

interface AuditRow {
  readonly seq: number | string
  readonly entry: unknown
  readonly prev_hash: string
  readonly hash: string
}

const toAuditEntry = (row: AuditRow): Audit.AuditEntry => {
  const raw = json("readAudit", "entry", row.entry)
  let draft: Audit.AuditDraft
  try {
    draft = decodeDraft(raw)
  } catch {
    throw corrupt("readAudit", `audit entry ${String(row.seq)} does not hold a valid entry`)
  }
  return { ...draft, seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash }
}

// ---------------------------------------------------------------------------------------------
// Queries

const invalid = (operation: string, detail: string) => Store.fail(operation, new Store.InvalidQuery({ detail }))

const isCount = (n: number | undefined): boolean => n === undefined || (Number.isSafeInteger(n) && n >= 0)

const kinds: ReadonlySet<string> = new Set(Store.RecordKind.literals)

/** Why a unit of work is refused before it reaches the database, or `undefined`. */
const unitProblem = (unit: Store.UnitOfWork): string | undefined => {
  for (const [i, w] of unit.writes.entries()) {
    if (!kinds.has(w.kind)) return `writes[${i}].kind must be a record kind`
    if (w.expectedVersion === undefined || !isCount(w.expectedVersion)) return `writes[${i}].expectedVersion must be a non-negative integer`
  }
  for (const [i, d] of (unit.deletes ?? []).entries()) {
    if (!kinds.has(d.kind)) return `deletes[${i}].kind must be a record kind`
    if (d.expectedVersion === undefined || !isCount(d.expectedVersion)) return `deletes[${i}].expectedVersion must be a non-negative integer`
  }
  return undefined
}

// Strings by code point, as SQLite's BINARY and PostgreSQL's "C" collation order them.
const codePointOrder = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit)
const compareStrings = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointOrder(x) - codePointOrder(y)
  }
  return a.length - b.length
}
const typeRank = (v: Store.FacetValue): number =>
  v === null ? 0 : typeof v === "boolean" ? 1 : typeof v === "number" ? 2 : 3
/** Group order of aggregate rows: null, then false < true, numbers ascending, strings by code point. */
const compareFacetValues = (a: Store.FacetValue, b: Store.FacetValue): number => {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b)
  if (typeof a === "number" && typeof b === "number") return a - b
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b)
  return 0
}

const periodFilters = (
  sql: SqlClient.SqlClient,
  query: { readonly kind: string; readonly serviceId?: string; readonly from?: string; readonly to?: string }
) => {
  const clauses: Array<Statement.Fragment> = [sql`r.kind = ${query.kind}`]
  if (query.serviceId !== undefined) clauses.push(sql`r.service_id = ${query.serviceId}`)
  if (query.from !== undefined) clauses.push(sql`r.at >= ${query.from}`)
  if (query.to !== undefined) clauses.push(sql`r.at < ${query.to}`)
  return sql.and(clauses)
}

/** The statements an aggregate runs: the counts and sums per group, and the people per group. */
interface AggregateStatements {
  readonly rows: Statement.Statement<Record<string, unknown>>
  readonly people: Statement.Statement<Record<string, unknown>> | undefined
}

const aggregateStatements = (
  sql: SqlClient.SqlClient,
  dialect: Dialect,
  query: Store.AggregateQuery
): Effect.Effect<AggregateStatements, Store.StoreError> =>
  Effect.gen(function*() {
    const pg = dialect === "pg"
    const empty = sql.literal("")
    if (!kinds.has(query.kind)) return yield* invalid("aggregate", "kind must be a record kind")
    // Names are checked, never echoed: "tag" and "month" match FACET_NAME too.
    for (const [i, name] of query.groupBy.entries()) {
      if (!Store.FACET_NAME.test(name)) return yield* invalid("aggregate", `groupBy[${i}] must match ${String(Store.FACET_NAME)}`)
    }
    if (new Set(query.groupBy).size !== query.groupBy.length) return yield* invalid("aggregate", "groupBy must not repeat a name")
    const sums = query.sum ?? []
    for (const [i, name] of sums.entries()) {
      if (!Store.FACET_NAME.test(name)) return yield* invalid("aggregate", `sum[${i}] must match ${String(Store.FACET_NAME)}`)
    }
    // A shape's facets and tags: joined on PostgreSQL; on SQLite looked up by id in scalar
    // subqueries, the one plan SQLite has for them (a join could scan a table it believes small).
    const facets = pg ? sql`s.facets` : sql`(SELECT s.facets FROM pomoc_report_shapes s WHERE s.id = c.shape)`
    const tags = pg ? sql`s.tags` : sql`(SELECT s.tags FROM pomoc_report_shapes s WHERE s.id = c.shape)`
    // A facet's value as JSON text ('null' when missing), so that grouping keeps the types apart.
    const facetJson = (name: string) =>
      pg ? sql`coalesce((${facets} -> ${name}::text)::text, 'null')` : sql`coalesce(${facets} -> ${"$." + name}, 'null')`
    // A shape's numeric facet times the records of that shape.
    const facetNumber = (name: string) =>
      pg
        ? sql`coalesce(sum(c.n * CASE WHEN jsonb_typeof(${facets} -> ${name}::text) = 'number' THEN (${facets} ->> ${name}::text)::float8 END), 0)`
        : sql`total(c.n * CASE WHEN json_type(${facets}, ${"$." + name}) IN ('integer', 'real') THEN json_extract(${facets}, ${"$." + name}) END)`
    const groupExprs = query.groupBy.map((name, i) => {
      // Quoted on PostgreSQL, like the record columns (see RECORD_COLUMNS).
      const expr = name === "tag"
        ? pg ? sql`to_json(t.tag)::text` : sql`t.value`
        : name === "month"
        ? pg ? sql`to_json(c.month)::text` : sql`c.month`
        : facetJson(name)
      return sql`${expr} AS ${sql(`g${i}`)}`
    })
    // The period's report rows of the service drive every report: grouped by shape (and month)
    // in one index range, then each shape's facets and tags read by its key, tags expanded by a
    // table-valued function. On SQLite the index is named, so no statistics (or their absence)
    // change the plan.
    const index = pg
      ? empty
      : query.serviceId !== undefined
      ? sql.literal("INDEXED BY pomoc_report_rows_service_period")
      : query.from !== undefined || query.to !== undefined
      ? sql.literal("INDEXED BY pomoc_report_rows_period")
      : empty
    const where = periodFilters(sql, query)
    // Shapes are needed only to group by a facet or a tag, or to sum: by month alone (or in
    // total) the rows are counted as they are.
    const byShape = sums.length > 0 || query.groupBy.some((name) => name !== "month")
    const hasMonth = query.groupBy.includes("month")
    const inner = [...(byShape ? ["r.shape AS shape"] : []), ...(hasMonth ? ["substr(r.at, 1, 7) AS month"] : [])]
    const innerColumns = sql.literal(inner.length === 0 ? "" : `${inner.join(", ")},`)
    const innerGroup = sql.literal(inner.length === 0 ? "" : `GROUP BY ${inner.map((_, i) => i + 1).join(", ")}`)
    const tagJoin = !query.groupBy.includes("tag")
      ? empty
      : pg
      ? sql`CROSS JOIN LATERAL jsonb_array_elements_text(${tags}) AS t(tag)`
      : sql`, json_each(${tags}) AS t`
    const shapes = pg && byShape ? sql`JOIN pomoc_report_shapes s ON s.id = c.shape ${tagJoin}` : tagJoin
    const ordinals = query.groupBy.map((_, i) => String(i + 1))
    const groupBy = ordinals.length === 0 ? empty : sql.literal(`GROUP BY ${ordinals.join(", ")} ORDER BY ${ordinals.join(", ")}`)
    const selectGroups = groupExprs.length === 0 ? empty : sql`${sql.csv(groupExprs)},`
    const sumExprs = sums.map((name, i) => sql`${facetNumber(name)} AS ${sql(`s${i}`)}`)
    const selectSums = sumExprs.length === 0 ? empty : sql`, ${sql.csv(sumExprs)}`
    const people = pg
      ? sql`CROSS JOIN LATERAL jsonb_array_elements_text(r.person_ids) AS p(person)`
      : sql`, json_each(r.person_ids) AS p`
    const person = sql.literal(pg ? "p.person" : "p.value")
    return {
      rows: sql<Record<string, unknown>>`SELECT ${selectGroups} sum(c.n) AS n ${selectSums}
        FROM (SELECT ${innerColumns} count(*) AS n FROM pomoc_report_rows r ${index} WHERE ${where} ${innerGroup}) c
        ${shapes} ${groupBy}`,
      people: query.distinctPeople === true
        ? sql<Record<string, unknown>>`SELECT ${selectGroups} count(DISTINCT c.person) AS n
          FROM (SELECT DISTINCT ${innerColumns} ${person} AS person FROM pomoc_report_rows r ${index} ${people} WHERE ${where}) c
          ${shapes} ${groupBy}`
        : undefined
    }
  })

/**
 * The SQL (with its parameters) that the store runs for an aggregate query, in order: for
 * inspecting its plan (`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on PostgreSQL), as the store
 * testkit's report-plan check does. Fails like `aggregate` on a malformed query.
 * @since 0.2.0
 * @category combinators
 */
export const aggregateSql = (
  dialect: SqlDialect,
  query: Store.AggregateQuery
): Effect.Effect<ReadonlyArray<readonly [sql: string, params: ReadonlyArray<unknown>]>, Store.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const { people, rows } = yield* aggregateStatements(sql, dialect, query)
    return [rows, ...(people === undefined ? [] : [people])].map((statement) => statement.compile())
  })

/** A unit of at least this many operations is planned statement by statement on PostgreSQL. */
const LARGE_UNIT = 100

/** Rows written between refreshes of the planner's statistics (at least; see `refreshStats`). */
const STATS_EVERY = 1_000

/** Parameters per statement stay far below SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 500

const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const keyOf = (kind: string, id: string): string => kind + "\u0000" + id

const byKind = <A extends { readonly kind: string; readonly id: string }>(items: Iterable<A>): Map<string, Array<string>> => {
  const out = new Map<string, Array<string>>()
  for (const item of items) {
    const ids = out.get(item.kind)
    if (ids === undefined) out.set(item.kind, [item.id])
    else ids.push(item.id)
  }
  return out
}

type Final =
  | { readonly _tag: "write"; readonly write: Store.RecordWrite; readonly version: number }
  | { readonly _tag: "delete"; readonly kind: string; readonly id: string }

/**
 * Builds the store on the `SqlClient` in context, after running (or verifying) migrations.
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Store.StoreShape, Store.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const dialect = options.dialect
    const pg = dialect === "pg"
    yield* migrate(dialect, options.migrate ?? "auto")
    // Statistics when the store opens. SQLite keeps none by itself: gather what the planner
    // lacks (0x10002: every table that might benefit, bounded work). PostgreSQL analyses tables
    // in the background, but not yet on a database just restored or filled by a bulk load:
    // without statistics it cannot tell the service's index from the period's.
    if (pg) {
      const analysed = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'pomoc_report_rows'`.pipe(mapSqlErrors("open"))
      if (Number(analysed[0]?.n ?? 0) === 0) yield* sql.unsafe("ANALYZE pomoc_records, pomoc_report_rows, pomoc_record_people").pipe(mapSqlErrors("open"))
    } else {
      yield* sql.unsafe("PRAGMA optimize=0x10002").pipe(mapSqlErrors("open"))
    }

    const orderBy = sql.literal(pg ? "ORDER BY r.at NULLS FIRST, r.id" : "ORDER BY r.at, r.id")
    const empty = sql.literal("")

    /** The stored versions of the given keys, read inside the commit's transaction. */
    const readVersions = (keys: Map<string, Array<string>>) =>
      Effect.gen(function*() {
        const versions = new Map<string, number>()
        for (const [kind, ids] of keys) {
          for (const part of chunks([...new Set(ids)], CHUNK)) {
            // Ids quoted on PostgreSQL, as in RECORD_COLUMNS.
            const rows = yield* sql<{ id: string; version: number | string }>`SELECT ${sql.literal(pg ? "to_json(id)::text AS id" : "id")}, version FROM pomoc_records WHERE kind = ${kind} AND ${sql.in("id", part)}`
            for (const row of rows) versions.set(keyOf(kind, pg ? (json("commit", "id", row.id) as string) : row.id), Number(row.version))
          }
        }
        return versions
      })

    const deleteRows = (table: "pomoc_records" | "pomoc_record_people", keys: Map<string, Array<string>>) =>
      Effect.gen(function*() {
        for (const [kind, ids] of keys) {
          for (const part of chunks(ids, CHUNK)) {
            yield* sql`DELETE FROM ${sql(table)} WHERE kind = ${kind} AND ${sql.in("id", part)}`
          }
        }
      })

    const insertRows = (table: string, rows: ReadonlyArray<Record<string, unknown>>, perRow: number, suffix: Statement.Fragment = empty) =>
      Effect.gen(function*() {
        let returned = 0
        for (const part of chunks(rows, Math.floor((CHUNK * 9) / perRow))) {
          const result = yield* sql`INSERT INTO ${sql(table)} ${sql.insert(part as [Record<string, unknown>, ...Array<Record<string, unknown>>])} ${suffix}`
          returned += result.length
        }
        return returned
      })

    const upsertSuffix = sql.literal(
      "ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, service_id = excluded.service_id, at = excluded.at, " +
        "person_ids = excluded.person_ids, tags = excluded.tags, facets = excluded.facets, data = excluded.data " +
        "WHERE pomoc_records.version < excluded.version RETURNING 1 AS ok"
    )

    const readHead = Effect.map(
      pg
        ? sql<{ seq: number | string; hash: string }>`SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1 FOR UPDATE`
        : sql<{ seq: number | string; hash: string }>`SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1`,
      (rows) => rows[0]
    )

    const commitBody = (unit: Store.UnitOfWork) =>
      Effect.gen(function*() {
        const headRow = yield* readHead
        if (headRow === undefined) return yield* Effect.fail(corrupt("commit", "the audit head row is missing"))
        const head: Audit.Head = { seq: Number(headRow.seq), hash: headRow.hash }

        const deletes = unit.deletes ?? []
        // A generic plan cached while the tables were small (a scan) would be reused as they
        // grow: plan a large batch's statements for their parameters. Small commits keep the
        // cheaper cached plans; autovacuum's ANALYZE refreshes those as the tables grow.
        if (pg && unit.writes.length + deletes.length >= LARGE_UNIT) yield* sql`SET LOCAL plan_cache_mode = force_custom_plan`
        const before = yield* readVersions(byKind<{ kind: string; id: string }>([...unit.writes, ...deletes]))

        // Apply the unit's operations in order against the versions as they evolve, so a unit
        // may touch one record more than once; only each record's final state is written.
        const current = new Map(before)
        const finals = new Map<string, Final>()
        const versions: Array<number> = []
        const conflict = (kind: string, id: string, expectedVersion: number, actualVersion: number) =>
          Store.fail("commit", new Store.Conflict({ kind, id, expectedVersion, actualVersion }))
        for (const write of unit.writes) {
          const key = keyOf(write.kind, write.id)
          const actual = current.get(key) ?? 0
          if (actual !== write.expectedVersion) return yield* conflict(write.kind, write.id, write.expectedVersion, actual)
          const version = actual + 1
          current.set(key, version)
          versions.push(version)
          finals.set(key, { _tag: "write", write, version })
        }
        for (const del of deletes) {
          const key = keyOf(del.kind, del.id)
          const actual = current.get(key) ?? 0
          if (actual !== del.expectedVersion) return yield* conflict(del.kind, del.id, del.expectedVersion, actual)
          current.delete(key)
          if (actual > 0) {
            finals.set(key, { _tag: "delete", kind: del.kind, id: del.id })
          } else {
            finals.delete(key)
          }
        }

        // Rows that existed before and are replaced or removed lose their people (their report
        // rows follow the records by trigger).
        const stale: Array<{ kind: string; id: string }> = []
        const removed: Array<{ kind: string; id: string }> = []
        const written: Array<{ readonly write: Store.RecordWrite; readonly version: number }> = []
        for (const [key, final] of finals) {
          if (final._tag === "delete") {
            removed.push(final)
            stale.push(final)
          } else {
            if (before.has(key)) stale.push(final.write)
            written.push(final)
          }
        }
        if (stale.length > 0) {
          yield* deleteRows("pomoc_record_people", byKind(stale))
        }
        if (removed.length > 0) yield* deleteRows("pomoc_records", byKind(removed))

        // Serialise and insert chunk by chunk, so a large batch never holds all its rows twice.
        // New records are plain inserts; replaced ones go through an upsert whose guard would
        // refuse a row that changed under the lock (which every writer takes first).
        for (const part of chunks(written, CHUNK)) {
          const created: Array<Record<string, unknown>> = []
          const replaced: Array<Record<string, unknown>> = []
          const people: Array<Record<string, unknown>> = []
          for (const { version, write: w } of part) {
            const row = {
              kind: w.kind,
              id: w.id,
              version,
              service_id: w.serviceId,
              at: w.at,
              person_ids: JSON.stringify(w.personIds),
              tags: JSON.stringify(w.tags),
              facets: JSON.stringify(w.facets),
              data: JSON.stringify(w.data ?? null)
            }
            // Deletes come after writes, so a record whose final state is a write was not deleted.
            if (before.has(keyOf(w.kind, w.id))) replaced.push(row)
            else created.push(row)
            for (const personId of new Set(w.personIds)) people.push({ person_id: personId, kind: w.kind, id: w.id })
          }
          if (created.length > 0) yield* insertRows("pomoc_records", created, 9)
          if (replaced.length > 0) {
            const upserted = yield* insertRows("pomoc_records", replaced, 9, upsertSuffix)
            if (upserted !== replaced.length) {
              // Unreachable while every writer takes the head lock first; kept as a last guard.
              return yield* Effect.fail(corrupt("commit", "a record changed under the commit's lock"))
            }
          }
          if (people.length > 0) yield* insertRows("pomoc_record_people", people, 3)
        }

        // Renames (erasure's new id for a person): every record indexed under the old id, in one
        // statement per table. Ids are plain id strings, so the quoted id is a whole JSON string.
        for (const { from, to } of unit.renamePeople ?? []) {
          const quotedFrom = JSON.stringify(from)
          const quotedTo = JSON.stringify(to)
          if (pg) {
            yield* sql`UPDATE pomoc_records SET version = version + 1,
              person_ids = replace(person_ids::text, ${quotedFrom}, ${quotedTo})::jsonb,
              data = replace(data::text, ${quotedFrom}, ${quotedTo})::jsonb
              WHERE (kind, id) IN (SELECT kind, id FROM pomoc_record_people WHERE person_id = ${from})`
          } else {
            yield* sql`UPDATE pomoc_records SET version = version + 1,
              person_ids = replace(person_ids, ${quotedFrom}, ${quotedTo}),
              data = replace(data, ${quotedFrom}, ${quotedTo})
              WHERE (kind, id) IN (SELECT kind, id FROM pomoc_record_people WHERE person_id = ${from})`
          }
          yield* sql`UPDATE pomoc_record_people SET person_id = ${to} WHERE person_id = ${from}`
        }

        const audit = Audit.seal(head, unit.audit)
        if (audit.length > 0) {
          yield* insertRows(
            "pomoc_audit",
            audit.map(({ hash, prevHash, seq, ...draft }) => ({ seq, entry: JSON.stringify(draft), prev_hash: prevHash, hash })),
            4
          )
          const last = audit[audit.length - 1]!
          yield* sql`UPDATE pomoc_audit_head SET seq = ${last.seq}, hash = ${last.hash} WHERE singleton = 1`
        }
        return { versions, audit } satisfies Store.Committed
      })

    // Statistics follow the data: refreshed (outside the commit's transaction) once the rows
    // written since the last refresh reach STATS_EVERY and as many again as were counted then,
    // so a bulk import refreshes them a few times, not on every commit.
    let sinceStats = 0
    let atLastStats = 0
    const refreshStats = (operations: number) =>
      Effect.suspend(() => {
        sinceStats += operations
        if (sinceStats < Math.max(STATS_EVERY, atLastStats)) return Effect.void
        atLastStats += sinceStats
        sinceStats = 0
        return Effect.ignore(sql.unsafe(pg ? "ANALYZE pomoc_records, pomoc_report_rows, pomoc_record_people" : "PRAGMA optimize"))
      })

    const commit = (unit: Store.UnitOfWork): Effect.Effect<Store.Committed, Store.StoreError> => {
      const problem = unitProblem(unit) ?? Store.renameProblem(unit)
      if (problem !== undefined) return Effect.fail(Store.fail("commit", new Store.ConstraintViolation({ detail: problem })))
      return sql.withTransaction(commitBody(unit)).pipe(
        Effect.tap(() => refreshStats(unit.writes.length + (unit.deletes?.length ?? 0))),
        mapSqlErrors("commit"),
        Effect.withSpan("SqlStore.commit")
      )
    }

    const get = (kind: Store.RecordKind, id: string): Effect.Effect<Option.Option<Store.StoredRecord>, Store.StoreError> =>
      sql<RecordRow>`SELECT ${sql.literal(RECORD_COLUMNS[dialect])} FROM pomoc_records r WHERE r.kind = ${kind} AND r.id = ${id}`.pipe(
        mapSqlErrors("get"),
        Effect.flatMap((rows) => decodeRows("get", rows, pg)),
        Effect.map((records) => Option.fromNullishOr(records[0]))
      )

    const list = (query: Store.RecordQuery): Effect.Effect<ReadonlyArray<Store.StoredRecord>, Store.StoreError> => {
      if (!kinds.has(query.kind)) return Effect.fail(invalid("list", "kind must be a record kind"))
      if (!isCount(query.limit)) return Effect.fail(invalid("list", "limit must be a non-negative integer"))
      if (!isCount(query.offset)) return Effect.fail(invalid("list", "offset must be a non-negative integer"))
      const person = query.personId === undefined
        ? empty
        : sql`JOIN pomoc_record_people p ON p.kind = r.kind AND p.id = r.id AND p.person_id = ${query.personId}`
      const page = query.limit !== undefined
        ? sql`LIMIT ${query.limit} OFFSET ${query.offset ?? 0}`
        : query.offset !== undefined
        ? pg ? sql`OFFSET ${query.offset}` : sql`LIMIT -1 OFFSET ${query.offset}`
        : empty
      return sql<RecordRow>`SELECT ${sql.literal(RECORD_COLUMNS[dialect])} FROM pomoc_records r ${person} WHERE ${periodFilters(sql, query)} ${orderBy} ${page}`.pipe(
        mapSqlErrors("list"),
        Effect.flatMap((rows) => decodeRows("list", rows, pg)),
        Effect.withSpan("SqlStore.list")
      )
    }

    const aggregate = (query: Store.AggregateQuery): Effect.Effect<ReadonlyArray<Store.AggregateRow>, Store.StoreError> =>
      Effect.gen(function*() {
        const statements = yield* aggregateStatements(sql, dialect, query)
        const sums = query.sum ?? []
        const rows = yield* statements.rows
        const groupKey = (row: Record<string, unknown>) => JSON.stringify(query.groupBy.map((_, i) => row[`g${i}`] ?? null))
        let people: Map<string, number> | undefined
        if (statements.people !== undefined) {
          const peopleRows = yield* statements.people
          people = new Map(peopleRows.map((row) => [groupKey(row), Number(row.n)]))
        }
        const out: Array<Store.AggregateRow> = []
        for (const row of rows) {
          const count = Number(row.n)
          if (count === 0) continue
          const group: Record<string, Store.FacetValue> = {}
          query.groupBy.forEach((name, i) => {
            const value = row[`g${i}`]
            group[name] = name === "tag" || name === "month"
              ? pg && typeof value === "string" ? (json("aggregate", name, value) as string) : (value as string | null) ?? null
              : (json("aggregate", "facets", value ?? "null") as Store.FacetValue)
          })
          const sumValues: Record<string, number> = {}
          sums.forEach((name, i) => {
            sumValues[name] = Number(row[`s${i}`] ?? 0)
          })
          out.push(
            people === undefined
              ? { group, count, sums: sumValues }
              : { group, count, sums: sumValues, distinctPeople: people.get(groupKey(row)) ?? 0 }
          )
        }
        // SQL orders JSON text; the contract orders values (null, booleans, numbers, strings).
        return out.sort((a, b) => {
          for (const name of query.groupBy) {
            const c = compareFacetValues(a.group[name] ?? null, b.group[name] ?? null)
            if (c !== 0) return c
          }
          return 0
        })
      }).pipe(
        Effect.catchDefect((defect) => defect instanceof Store.StoreError ? Effect.fail(defect) : Effect.die(defect)),
        mapSqlErrors("aggregate"),
        Effect.withSpan("SqlStore.aggregate")
      )

    const readAudit = (fromSeq = 1, limit = 1000): Effect.Effect<ReadonlyArray<Audit.AuditEntry>, Store.StoreError> => {
      if (!Number.isSafeInteger(fromSeq) || fromSeq < 1) return Effect.fail(invalid("readAudit", "fromSeq must be a positive integer"))
      if (!isCount(limit)) return Effect.fail(invalid("readAudit", "limit must be a non-negative integer"))
      return sql<AuditRow>`SELECT seq, ${sql.literal(pg ? "entry::text AS entry" : "entry")}, prev_hash, hash FROM pomoc_audit WHERE seq >= ${fromSeq} AND seq < ${fromSeq + limit} ORDER BY seq`.pipe(
        mapSqlErrors("readAudit"),
        Effect.flatMap((rows) =>
          Effect.suspend(() => {
            try {
              return Effect.succeed(rows.map(toAuditEntry))
            } catch (error) {
              return error instanceof Store.StoreError ? Effect.fail(error) : Effect.die(error)
            }
          })
        )
      )
    }

    const auditHead: Effect.Effect<Audit.Head, Store.StoreError> = sql<{ seq: number | string; hash: string }>`SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1`.pipe(
      mapSqlErrors("auditHead"),
      Effect.flatMap((rows) => {
        const row = rows[0]
        return row === undefined ? Effect.fail(corrupt("auditHead", "the audit head row is missing")) : Effect.succeed({ seq: Number(row.seq), hash: row.hash })
      })
    )

    return {
      name: options.name ?? `sql-${dialect}`,
      capabilities: { concurrentWriters: true, durable: true, migrations: true, ...options.capabilities },
      commit,
      get,
      list,
      aggregate,
      readAudit,
      auditHead
    } satisfies Store.StoreShape
  })

