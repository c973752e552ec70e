/**
 * The Pomoc `Store` on any `effect/sql` `SqlClient`, for any {@link SqlDialect}: the primitives
 * of `Store.make` written once in SQL that every dialect understands, with the dialect supplying
 * its migrations, locks, a few expressions and its error classification.
 *
 * Every statement is parameterised. Every commit runs in one transaction that first reads and
 * locks the audit head (the dialect's `lockHead`), so commits are serialised: the version checks,
 * the preconditions, the guard keys, the writes and the audit entries they append are one atomic
 * step, and two connections can never both win the same version.
 *
 * @since 0.1.0
 */
import { Audit, Store } from "@pomoc/core"
import { Effect, Option } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import type * as Statement from "effect/sql/Statement"
import { corrupt, mapSqlErrors } from "./internal/errors.js"
import { shapeCounter, type ShapeGroup, shapeIds } from "./internal/people.js"
import {
  type AuditRow,
  decodeAudit,
  decodeRecords,
  json,
  recordColumns,
  type RecordRow,
  text
} from "./internal/rows.js"
import * as NodeHasher from "./NodeHasher.js"
import type { ByShape, PersonRow, SqlDialect } from "./SqlDialect.js"

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
  /** The database's dialect, e.g. `SqliteDialect` from `@pomoc/store-sqlite` (changed in 0.2.0: was a name). */
  readonly dialect: SqlDialect
  /** Default `"auto"`. */
  readonly migrate?: MigrateMode | undefined
  /** The store's name in `StoreShape.name`. Default: the dialect's name. */
  readonly name?: string | undefined
  /** Overrides of the declared capabilities (e.g. `durable: false` for SQLite `:memory:`). */
  readonly capabilities?: Partial<Store.Capabilities> | undefined
  /**
   * For a dialect that counts reports here (`AggregateStatements.byShape`): the report rows read
   * per text (default 250,000), so memory stays bounded however many rows a period holds.
   * @since 0.2.0
   */
  readonly reportChunkRows?: number | undefined
}

/**
 * The schema version a dialect's code expects (its newest migration).
 * @since 0.2.0
 * @category combinators
 */
export const codeVersion = (dialect: SqlDialect): number =>
  dialect.migrations[dialect.migrations.length - 1]?.version ?? 0

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

const databaseVersion = (sql: SqlClient.SqlClient, dialect: SqlDialect) =>
  Effect.flatMap(dialect.tableExists(sql, "pomoc_migrations"), (exists) =>
    exists
      ? Effect.map(sql<{ v: number | string | null }>`SELECT max(version) AS v FROM pomoc_migrations`, (rows) =>
        Number(rows[0]?.v ?? 0))
      : Effect.succeed(0))

/**
 * Brings the database to the dialect's schema version (`"auto"`) or checks that it is there
 * (`"verify"`). Idempotent. A database newer than the code fails with `MigrationNeeded` and is
 * left untouched; so does an older one under `"verify"`. Concurrent starts are safe: the
 * migration runs in one transaction (holding the dialect's migration lock) and re-reads the
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
    const target = codeVersion(dialect)
    const needed = (from: number) =>
      Store.fail("migrate", new Store.MigrationNeeded({ databaseVersion: from, codeVersion: target }))
    const current = yield* databaseVersion(sql, dialect)
    if (current > target) return yield* needed(current)
    if (current === target) return { from: current, to: current, applied: [] }
    if (mode === "verify") return yield* needed(current)
    return yield* sql.withTransaction(
      Effect.gen(function*() {
        yield* dialect.lockMigrations(sql)
        const from = yield* databaseVersion(sql, dialect)
        if (from > target) return yield* needed(from)
        if (from === 0) yield* sql.unsafe(dialect.createMigrationsTable)
        const applied: Array<number> = []
        for (const migration of dialect.migrations) {
          if (migration.version <= from) continue
          for (const statement of migration.statements) yield* sql.unsafe(statement)
          const appliedAt = new Date().toISOString()
          yield* sql`INSERT INTO pomoc_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, ${appliedAt})`
          applied.push(migration.version)
        }
        return { from, to: target, applied }
      })
    )
  }).pipe(mapSqlErrors("migrate", dialect.classify))

/** Rows written between refreshes of the planner's statistics (at least). */
const STATS_EVERY = 1_000

/** Parameters per statement stay far below SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 500
/** Up to this many records of several kinds have their versions read in one statement. */
const FEW_KEYS = 32
// Report rows read per text by `byShape`: a text of about 12 characters a row stays far below
// V8's limit on a string's length (2^29 characters), whatever the period holds.
const REPORT_CHUNK_ROWS = 250_000
/** `LIMIT` when only an offset is given (no dialect spells "no limit" the same way). */
const NO_LIMIT = Number.MAX_SAFE_INTEGER

const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const byKind = (items: Iterable<Store.RecordKey>): Map<string, Array<string>> => {
  const out = new Map<string, Array<string>>()
  for (const item of items) {
    const ids = out.get(item.kind)
    if (ids === undefined) out.set(item.kind, [item.id])
    else ids.push(item.id)
  }
  return out
}

/**
 * The statement of a (validated) list or page query: the records of the kind, filtered by
 * service, person and period through the (kind[, service_id], at, id) indexes and the people
 * table (or, with a lookup token, through the token's (token, kind, at, id) index of the lookup
 * table), in the order of `list`; for a page after the first, the rows after its keyset (a
 * row-value range on the same index).
 * @since 0.2.0
 * @category combinators
 */
export const selectStatement = (
  sql: SqlClient.SqlClient,
  dialect: SqlDialect,
  query: Store.SelectQuery
): Statement.Statement<Record<string, unknown>> => {
  const empty = sql.literal("")
  const columns = sql.literal(recordColumns(dialect.text, dialect.json))
  // A person's records of the kind are one range of the people table's primary key (person,
  // kind, id): the kind is named on the people side, which SQLite does not infer from the join.
  // Without a token the people table is read first (SQLite keeps a CROSS JOIN's order). Without
  // both it read every row of the person (10,000 contacts to find their data key) or, without
  // statistics, every record of the kind (every person's data key).
  const personJoin = query.personId === undefined
    ? empty
    : dialect.people !== undefined
    ? dialect.people.join(sql, query.personId, query.kind)
    : sql`JOIN pomoc_record_people p ON p.person_id = ${query.personId} AND p.kind = ${query.kind} AND p.kind = r.kind AND p.id = r.id`
  const { from, person } = query.personId === undefined || dialect.people !== undefined
    ? { from: sql`FROM pomoc_records r ${personJoin}`, person: empty }
    : {
      from: sql`FROM pomoc_record_people p CROSS JOIN pomoc_records r`,
      person: sql`p.person_id = ${query.personId} AND p.kind = ${query.kind} AND p.id = r.id AND`
    }
  const page = query.limit === undefined && query.offset === undefined
    ? empty
    : sql`LIMIT ${query.limit ?? NO_LIMIT} OFFSET ${query.offset ?? 0}`
  // A token's page reads the token's rows in the order of the page, from the (token, kind, at,
  // id) index of the lookup table (which keeps each record's time), then each record by key;
  // other pages read the (kind[, service_id], at, id) indexes of the records. Either way rows
  // without a time come first, then by time and id (SQLite's order by default, PostgreSQL's
  // since its migrations 6 and 8), so no page sorts, with or without a period.
  const by = query.lookup === undefined ? "r" : "l"
  const after = query.after
  const keyset = after === undefined
    ? empty
    : after.at === null
    ? sql`AND ((${sql.literal(by)}.at IS NULL AND ${sql.literal(by)}.id > ${after.id}) OR ${
      sql.literal(by)
    }.at IS NOT NULL)`
    : sql`AND (${sql.literal(by)}.at, ${sql.literal(by)}.id) > (${after.at}, ${after.id})`
  const order = sql.literal(`ORDER BY ${by}.at NULLS FIRST, ${by}.id`)
  // Another record's guard key naming this one: one probe of the (kind, guard_key) index a row.
  const g = query.guarded
  const guarded = g === undefined
    ? empty
    : sql`AND ${sql.literal(g.present ? "EXISTS" : "NOT EXISTS")} (SELECT 1 FROM pomoc_records k
        WHERE k.kind = ${g.kind} AND k.guard_key = ${g.prefix} || r.id || ${g.suffix})`
  if (query.lookup === undefined) {
    return sql`SELECT ${columns} ${from} WHERE ${person} ${
      periodFilters(sql, query)
    } ${guarded} ${keyset} ${order} ${page}`
  }
  const filters: Array<Statement.Fragment> = [sql`l.token = ${query.lookup}`, sql`l.kind = ${query.kind}`]
  if (query.serviceId !== undefined) filters.push(sql`r.service_id = ${query.serviceId}`)
  if (query.from !== undefined) filters.push(sql`l.at >= ${query.from}`)
  if (query.to !== undefined) filters.push(sql`l.at < ${query.to}`)
  return sql`SELECT ${columns} FROM pomoc_record_lookup l JOIN pomoc_records r ON r.kind = l.kind AND r.id = l.id ${personJoin} WHERE ${
    sql.and(filters)
  } ${guarded} ${keyset} ${order} ${page}`
}

/**
 * The SQL (with its parameters) that the store runs for a list or page query, for inspecting
 * its plan. The query is taken as valid.
 * @since 0.2.0
 * @category combinators
 */
export const selectSql = (
  dialect: SqlDialect,
  query: Store.SelectQuery
): Effect.Effect<readonly [sql: string, params: ReadonlyArray<unknown>], never, SqlClient.SqlClient> =>
  Effect.map(SqlClient.SqlClient, (sql) => selectStatement(sql, dialect, query).compile())

// Report rows follow the records by trigger.
/**
 * The filters of a query on the rows aliased `r` (kind, service, `[from, to)` on `at`), for the
 * statements a dialect writes.
 * @since 0.2.0
 * @category combinators
 */
export const periodFilters = (
  sql: SqlClient.SqlClient,
  query: {
    readonly kind: string
    readonly serviceId?: string | undefined
    readonly from?: string | undefined
    readonly to?: string | undefined
  }
): Statement.Fragment => {
  const clauses: Array<Statement.Fragment> = [sql`r.kind = ${query.kind}`]
  if (query.serviceId !== undefined) clauses.push(sql`r.service_id = ${query.serviceId}`)
  if (query.from !== undefined) clauses.push(sql`r.at >= ${query.from}`)
  if (query.to !== undefined) clauses.push(sql`r.at < ${query.to}`)
  return sql.and(clauses)
}

/**
 * The `GROUP BY` and select-list pieces every dialect's aggregate shares, given its group and sum
 * expressions.
 * @since 0.2.0
 * @category combinators
 */
export const groupingOf = (
  sql: SqlClient.SqlClient,
  groups: ReadonlyArray<Statement.Fragment>,
  sums: ReadonlyArray<Statement.Fragment>
): {
  readonly selectGroups: Statement.Fragment
  readonly selectSums: Statement.Fragment
  readonly groupBy: Statement.Fragment
} => {
  const empty = sql.literal("")
  const ordinals = groups.map((_, i) => String(i + 1))
  return {
    selectGroups: groups.length === 0
      ? empty
      : sql`${sql.csv(groups.map((expr, i) => sql`${expr} AS ${sql(`g${i}`)}`))},`,
    selectSums: sums.length === 0 ? empty : sql`, ${sql.csv(sums.map((expr, i) => sql`${expr} AS ${sql(`s${i}`)}`))}`,
    groupBy: ordinals.length === 0 ? empty : sql.literal(`GROUP BY ${ordinals.join(", ")}`)
  }
}

/**
 * The period's report rows of the service (filtered by {@link periodFilters}), grouped by shape
 * (the id of their facets and distinct tags in `pomoc_report_shapes`) and by month when the query
 * groups by month: the inner query a dialect's aggregate reads as `c`, with columns `shape` (when
 * a facet, a tag or a sum needs it), `month` (when grouped by month) and `n` (the rows). A report's
 * plan is then one index range (`index` names it where the dialect can), and JSON is read once per
 * shape, not per record. Distinct people are counted from the rows themselves (`byShape` of
 * the dialect's `aggregate`).
 * @since 0.2.0
 * @category combinators
 */
export const reportRowsByShape = (
  sql: SqlClient.SqlClient,
  query: Store.AggregateQuery,
  index: Statement.Fragment
): {
  /** Whether the rows are grouped by their shape (facets and tags) before they are read. */
  readonly byShape: boolean
  /** The subquery counting (and summing) the rows per group. */
  readonly counts: Statement.Fragment
} => {
  // Shapes are needed only to group by a facet or a tag, or to sum: by month alone (or in total)
  // the rows are counted as they are.
  const byShape = (query.sum ?? []).length > 0 || (query.where ?? []).length > 0 || query.part !== undefined ||
    query.groupBy.some((name) => name !== "month")
  const inner = [
    ...(byShape ? ["r.shape AS shape"] : []),
    ...(query.groupBy.includes("month") ? ["substr(r.at, 1, 7) AS month"] : [])
  ]
  const columns = sql.literal(inner.length === 0 ? "" : `${inner.join(", ")},`)
  const group = sql.literal(inner.length === 0 ? "" : `GROUP BY ${inner.map((_, i) => i + 1).join(", ")}`)
  const where = periodFilters(sql, query)
  return {
    byShape,
    counts: sql`(SELECT ${columns} count(*) AS n FROM pomoc_report_rows r ${index} WHERE ${where} ${group}) c`
  }
}

// Report rows follow the records by trigger.
const RECORD_TABLES = ["pomoc_record_people", "pomoc_record_lookup", "pomoc_records"] as const

/**
 * The primitives of `Store.make` on the `SqlClient` in context (no migrations run).
 * @since 0.2.0
 * @category constructors
 */
export const primitives = (
  dialect: SqlDialect,
  options: Pick<Options, "name" | "capabilities" | "reportChunkRows"> = {}
): Effect.Effect<Store.StorePrimitives, never, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const columns = sql.literal(recordColumns(dialect.text, dialect.json))
    const idColumn = sql.literal(dialect.text("id"))
    const empty = sql.literal("")
    const errors = (operation: string) => mapSqlErrors(operation, dialect.classify)

    const deleteRows = (table: (typeof RECORD_TABLES)[number], keys: Map<string, Array<string>>) =>
      Effect.gen(function*() {
        for (const [kind, ids] of keys) {
          for (const part of chunks(ids, CHUNK)) {
            yield* sql`DELETE FROM ${sql(table)} WHERE kind = ${kind} AND ${sql.in("id", part)}`
          }
        }
      })

    const insertRows = (
      table: string,
      rows: ReadonlyArray<Record<string, unknown>>,
      perRow: number,
      suffix: Statement.Fragment = empty
    ) =>
      Effect.gen(function*() {
        let returned = 0
        for (const part of chunks(rows, Math.floor((CHUNK * 10) / perRow))) {
          const result = yield* sql`INSERT INTO ${sql(table)} ${
            sql.insert(part as [Record<string, unknown>, ...Array<Record<string, unknown>>])
          } ${suffix}`
          returned += result.length
        }
        return returned
      })

    // New records are plain inserts; replaced ones go through an upsert whose guard refuses a row
    // that changed under the lock (which every writer takes first).
    const upsertSuffix = sql.literal(
      "ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, service_id = excluded.service_id, at = excluded.at, " +
        "person_ids = excluded.person_ids, tags = excluded.tags, facets = excluded.facets, data = excluded.data, guard_key = excluded.guard_key, lookup = excluded.lookup " +
        "WHERE pomoc_records.version < excluded.version RETURNING 1 AS ok"
    )

    const putRecords = (puts: ReadonlyArray<Store.RecordPut>) =>
      Effect.gen(function*() {
        // Rows that existed before lose their people; the new ones are inserted below (report
        // rows follow the records by trigger).
        const replacedKeys = byKind(puts.filter((put) => put.replaces).map((put) => put.record))
        if (replacedKeys.size > 0) {
          yield* deleteRows("pomoc_record_people", replacedKeys)
          yield* deleteRows("pomoc_record_lookup", replacedKeys)
        }
        // Serialise and insert chunk by chunk, so a large batch never holds all its rows twice.
        // Replaced rows first: a record giving up a guard key frees it for a new one (the unique
        // index checks each statement).
        const ordered = [...puts.filter((put) => put.replaces), ...puts.filter((put) => !put.replaces)]
        for (const part of chunks(ordered, CHUNK)) {
          const created: Array<Record<string, unknown>> = []
          const replaced: Array<Record<string, unknown>> = []
          const people: Array<PersonRow> = []
          const tokens: Array<Record<string, unknown>> = []
          for (const { record: r, replaces } of part) {
            const row = {
              kind: r.kind,
              id: r.id,
              version: r.version,
              service_id: r.serviceId,
              at: r.at,
              person_ids: JSON.stringify(r.personIds),
              tags: JSON.stringify(r.tags),
              facets: JSON.stringify(r.facets),
              data: JSON.stringify(r.data ?? null),
              guard_key: r.key ?? null,
              lookup: r.lookup === undefined ? null : JSON.stringify(r.lookup)
            }
            if (replaces) replaced.push(row)
            else created.push(row)
            for (const personId of new Set(r.personIds)) people.push({ person_id: personId, kind: r.kind, id: r.id })
            for (const token of r.lookup ?? []) tokens.push({ token, kind: r.kind, id: r.id, at: r.at })
          }
          if (replaced.length > 0) {
            const upserted = yield* insertRows("pomoc_records", replaced, 11, upsertSuffix)
            // Unreachable while every writer takes the head lock first; kept as a last guard.
            if (upserted !== replaced.length) {
              return yield* Effect.fail(corrupt("commit", "a record changed under the commit's lock"))
            }
          }
          if (created.length > 0) yield* insertRows("pomoc_records", created, 11)
          if (people.length > 0) {
            if (dialect.people !== undefined) yield* dialect.people.insert(sql, people)
            else yield* insertRows("pomoc_record_people", people.map((row) => ({ ...row })), 3)
          }
          if (tokens.length > 0) yield* insertRows("pomoc_record_lookup", tokens, 4)
        }
      }).pipe(errors("commit"))

    const group = (query: Store.AggregateQuery) =>
      Effect.gen(function*() {
        const sums = query.sum ?? []
        const statements = dialect.aggregate(sql, query)
        const groupKey = (row: Record<string, unknown>) =>
          JSON.stringify(query.groupBy.map((_, i) => row[`g${i}`] ?? null))
        let rows: ReadonlyArray<Record<string, unknown>>
        let people: Map<string, readonly [all: number, part: number]> | undefined
        if (statements.byShape !== undefined) {
          // One pass over the period's rows gives the records, sums, parts and people.
          const counted = yield* byShape(query, statements.byShape, groupKey)
          if (query.distinctPeople === true) {
            people = new Map([...counted].map(([key, c]) => [key, [c.people, c.partPeople] as const]))
          }
          rows = [...counted].map(([key, c]) => ({
            ...Object.fromEntries((JSON.parse(key) as ReadonlyArray<unknown>).map((v, i) => [`g${i}`, v])),
            ...Object.fromEntries(c.sums.map((v, i) => [`s${i}`, v])),
            n: c.records,
            pn: c.partRecords
          }))
        } else {
          rows = yield* statements.rows
          if (statements.people !== undefined) {
            const peopleRows = yield* statements.people
            people = new Map(peopleRows.map((row) => [groupKey(row), [Number(row.n), Number(row.pn ?? 0)]]))
          }
        }
        let changes: Map<string, Array<Store.Transition>> | undefined
        if (statements.changes !== undefined) {
          changes = new Map()
          for (const row of yield* statements.changes) {
            const transition: Store.Transition = {
              first: json("aggregate", "facets", row.f ?? "null") as Store.FacetValue,
              last: json("aggregate", "facets", row.l ?? "null") as Store.FacetValue,
              people: Number(row.n)
            }
            const key = groupKey(row)
            const list = changes.get(key)
            if (list === undefined) changes.set(key, [transition])
            else list.push(transition)
          }
        }
        return rows.map((row): Store.AggregateRow => {
          const values: Record<string, Store.FacetValue> = {}
          query.groupBy.forEach((name, i) => {
            const value = row[`g${i}`]
            values[name] = name === "tag" || name === "month"
              ? text("aggregate", name, value)
              : (json("aggregate", "facets", value ?? "null") as Store.FacetValue)
          })
          const sumValues: Record<string, number> = {}
          sums.forEach((name, i) => {
            sumValues[name] = Number(row[`s${i}`] ?? 0)
          })
          const [distinct, partPeople] = people?.get(groupKey(row)) ?? [0, 0]
          return {
            group: values,
            count: Number(row.n),
            sums: sumValues,
            ...(changes !== undefined ? { changes: changes.get(groupKey(row)) ?? [] } : {}),
            ...(people !== undefined ? { distinctPeople: distinct } : {}),
            // A rate's numerator, counted in the same statements (`pn`).
            ...(query.part !== undefined
              ? {
                part: { count: Number(row.pn ?? 0), ...(people !== undefined ? { distinctPeople: partPeople } : {}) }
              }
              : {})
          }
        })
      }).pipe(errors("aggregate"), Effect.withSpan("SqlStore.aggregate"))

    /**
     * An aggregate counted here: the period's rows a chunk of `reportChunkRows` at a time (each in
     * one text), the groups of the shapes each chunk holds looked up once, all in one read
     * transaction, so the chunks see one state of the database.
     */
    const byShape = (
      query: Store.AggregateQuery,
      statements: ByShape,
      groupKey: (row: Record<string, unknown>) => string
    ) =>
      sql.withTransaction(Effect.gen(function*() {
        const [max] = yield* statements.maxPerson
        const monthAt = query.groupBy.indexOf("month")
        const sums = (query.sum ?? []).length
        const shapes = new Map<number, Array<ShapeGroup>>()
        const looked = new Set<number>()
        const counter = shapeCounter(shapes, {
          monthAt: monthAt === -1 ? undefined : monthAt,
          people: query.distinctPeople === true,
          maxPerson: Number(max?.n ?? 0),
          sums
        })
        const lookUp = (ids: ReadonlyArray<number>) =>
          Effect.gen(function*() {
            for (const part of chunks(ids, CHUNK)) {
              for (const shape of yield* statements.shapes(part)) {
                const id = Number(shape.shape)
                // The month's slot is filled from each row (`shapeCounter`).
                const values = JSON.parse(groupKey(shape)) as Array<string>
                const group: ShapeGroup = {
                  values,
                  part: Number(shape.k ?? 0) === 1,
                  sums: Array.from({ length: sums }, (_, i) => {
                    const v = shape[`s${i}`]
                    return v === null || v === undefined ? null : Number(v)
                  })
                }
                const list = shapes.get(id)
                if (list === undefined) shapes.set(id, [group])
                else list.push(group)
              }
            }
          })
        const chunkRows = Math.max(1, Math.floor(options.reportChunkRows ?? REPORT_CHUNK_ROWS))
        let from = query.from
        for (;;) {
          // Chunks end where the rows' `at` changes, so a chunk never splits an instant's rows.
          let to: string | undefined
          if (statements.boundary !== undefined && from !== undefined) {
            const [end] = yield* statements.boundary(from, chunkRows, false)
            to = typeof end?.at === "string" ? end.at : undefined
            if (to === from) {
              const [next] = yield* statements.boundary(from, 0, true)
              to = typeof next?.at === "string" ? next.at : undefined
            }
          }
          const [row] = yield* statements.rows(from, to)
          const encoded = typeof row?.p === "string" ? row.p : ""
          const ids = shapeIds(encoded).ids.filter((id) => !looked.has(id))
          for (const id of ids) looked.add(id)
          yield* lookUp(ids)
          counter.add(encoded)
          if (to === undefined) break
          from = to
        }
        // People by code: each person number counts as the first number of its code.
        let classOf: ((n: number) => number) | undefined
        if (query.distinctPeople === true && query.distinctBy === "code" && statements.codes !== undefined) {
          const byCode = new Map<string, number>()
          const classes = new Map<number, number>()
          for (const { code, n } of yield* statements.codes) {
            const number = Number(n)
            const first = byCode.get(String(code))
            if (first === undefined) byCode.set(String(code), number)
            else classes.set(number, first)
          }
          classOf = (n) => classes.get(n) ?? n
        }
        return counter.result(classOf)
      }))

    const headOf = (operation: string) =>
    (
      rows: ReadonlyArray<{ readonly seq: number | string | bigint; readonly hash: string }>
    ) => {
      const row = rows[0]
      return row === undefined
        ? Effect.fail(corrupt(operation, "the audit head row is missing"))
        : Effect.succeed({ seq: Number(row.seq), hash: row.hash })
    }

    const p: Store.StorePrimitives = {
      name: options.name ?? dialect.name,
      capabilities: { concurrentWriters: true, durable: true, migrations: true, ...options.capabilities },
      transaction: (body, operations) =>
        sql.withTransaction(
          operations >= dialect.largeCommit ? Effect.andThen(dialect.beforeLargeCommit(sql), body) : body
        ).pipe(errors("commit")),
      lockHead: Effect.flatMap(dialect.lockHead(sql), headOf("commit")).pipe(errors("commit")),
      readVersions: (keys) =>
        Effect.gen(function*() {
          const out: Array<Store.RecordVersion> = []
          const grouped = byKind(keys)
          // A commit of a few records of several kinds (one command's record and the versions
          // its decision rested on) reads their versions in one statement, not one per kind.
          if (grouped.size > 1 && keys.length <= FEW_KEYS) {
            const rows = yield* sql<
              { kind: string; id: unknown; version: number | string }
            >`SELECT kind, ${idColumn} AS id, version FROM pomoc_records WHERE ${
              sql.or([...grouped].map(([kind, ids]) => sql`(kind = ${kind} AND ${sql.in("id", ids)})`))
            }`
            for (const row of rows) {
              out.push({
                kind: row.kind as Store.RecordKind,
                id: text("commit", "id", row.id) ?? "",
                version: Number(row.version)
              })
            }
            return out
          }
          for (const [kind, ids] of grouped) {
            for (const part of chunks(ids, CHUNK)) {
              const rows = yield* sql<
                { id: unknown; version: number | string }
              >`SELECT ${idColumn} AS id, version FROM pomoc_records WHERE kind = ${kind} AND ${sql.in("id", part)}`
              for (const row of rows) {
                out.push({
                  kind: kind as Store.RecordKind,
                  id: text("commit", "id", row.id) ?? "",
                  version: Number(row.version)
                })
              }
            }
          }
          return out
        }).pipe(errors("commit")),
      readKeys: (kind, keys) =>
        Effect.gen(function*() {
          const out: Array<Store.KeyHolder> = []
          for (const part of chunks(keys, CHUNK)) {
            const rows = yield* sql<
              { id: unknown; version: number | string; guard_key: unknown }
            >`SELECT ${idColumn} AS id, version, ${
              sql.literal(dialect.text("guard_key"))
            } AS guard_key FROM pomoc_records WHERE kind = ${kind} AND ${sql.in("guard_key", part)}`
            for (const row of rows) {
              out.push({
                kind,
                id: text("commit", "id", row.id) ?? "",
                version: Number(row.version),
                key: text("commit", "guard_key", row.guard_key) ?? ""
              })
            }
          }
          return out
        }).pipe(errors("commit")),
      deleteRecords: (keys) =>
        Effect.gen(function*() {
          const grouped = byKind(keys)
          for (const table of RECORD_TABLES) yield* deleteRows(table, grouped)
        }).pipe(errors("commit")),
      putRecords,
      renamePerson: (from, to) => dialect.renamePerson(sql, from, to).pipe(errors("commit")),
      appendAudit: (entries) =>
        Effect.gen(function*() {
          yield* insertRows(
            "pomoc_audit",
            entries.map(({ hash, prevHash, seq, ...draft }) => ({
              seq,
              entry: JSON.stringify(draft),
              prev_hash: prevHash,
              hash
            })),
            4
          )
          const last = entries[entries.length - 1]!
          yield* sql`UPDATE pomoc_audit_head SET seq = ${last.seq}, hash = ${last.hash} WHERE singleton = 1`
        }).pipe(errors("commit")),
      get: (kind, id) =>
        sql<RecordRow>`SELECT ${columns} FROM pomoc_records r WHERE r.kind = ${kind} AND r.id = ${id}`.pipe(
          errors("get"),
          Effect.flatMap((rows) => decodeRecords("get", rows)),
          Effect.map((records) => Option.fromNullishOr(records[0]))
        ),
      select: (query) =>
        selectStatement(sql, dialect, query).pipe(
          errors("list"),
          Effect.flatMap((rows) => decodeRecords("list", rows as unknown as ReadonlyArray<RecordRow>)),
          Effect.withSpan("SqlStore.list", undefined, { captureStackTrace: false })
        ),
      group,
      readAudit: (fromSeq, limit) =>
        sql<AuditRow>`SELECT seq, ${
          sql.literal(dialect.json("entry"))
        } AS entry, prev_hash, hash FROM pomoc_audit WHERE seq >= ${fromSeq} AND seq < ${fromSeq + limit} ORDER BY seq`
          .pipe(
            errors("readAudit"),
            Effect.flatMap(decodeAudit)
          ),
      auditHead: sql<{ seq: number | string; hash: string }>`SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1`
        .pipe(
          errors("auditHead"),
          Effect.flatMap(headOf("auditHead"))
        ),
      // Set by migrations (`index-v2`, `plan-step-tokens`: `reindex:<kind>`), cleared by the maintenance they name.
      pending: sql<{ name: unknown }>`SELECT ${
        sql.literal(dialect.text("name"))
      } AS name FROM pomoc_pending ORDER BY name`.pipe(
        errors("pending"),
        Effect.flatMap((rows) =>
          Effect.try({
            try: () => rows.map((r) => text("pending", "name", r.name) ?? ""),
            catch: (e) => e as Store.StoreError
          })
        )
      ),
      done: (name) => sql`DELETE FROM pomoc_pending WHERE name = ${name}`.pipe(errors("done"), Effect.asVoid)
    }
    return p
  })

/**
 * Builds the store on the `SqlClient` in context, after running (or verifying) the dialect's
 * migrations.
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Store.StoreShape, Store.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const dialect = options.dialect
    yield* migrate(dialect, options.migrate ?? "auto")
    yield* dialect.onOpen(sql).pipe(mapSqlErrors("open", dialect.classify))
    const store = Store.make(yield* primitives(dialect, options))
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
        return Effect.ignore(dialect.refreshStatistics(sql))
      })
    // Sealed with Node's native SHA-256 (the same digests as core's portable one).
    const commit: Store.StoreShape["commit"] = (unit) =>
      Effect.tap(
        Effect.provideService(store.commit(unit), Audit.Hasher, NodeHasher.sha256),
        () => refreshStats(unit.writes.length + (unit.deletes?.length ?? 0))
      )
    return { ...store, commit }
  })

/**
 * The SQL (with its parameters) that the store runs for an aggregate query, in order: for
 * inspecting its plan (`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on PostgreSQL), as the store
 * testkit's report-plan check does. The query is taken as valid (the store validates it first).
 * @since 0.2.0
 * @category combinators
 */
export const aggregateSql = (
  dialect: SqlDialect,
  query: Store.AggregateQuery
): Effect.Effect<ReadonlyArray<readonly [sql: string, params: ReadonlyArray<unknown>]>, never, SqlClient.SqlClient> =>
  Effect.map(SqlClient.SqlClient, (sql) => {
    const { byShape, changes, people, rows } = dialect.aggregate(sql, query)
    return [
      // With `byShape`, its statements run instead of `rows` and `people`: the rows from the
      // period's start (to its end), the first chunk's end, the shapes' as it runs for one shape.
      ...(byShape === undefined
        ? [rows, ...(people === undefined ? [] : [people])]
        : [
          byShape.rows(query.from, undefined),
          ...(byShape.boundary === undefined || query.from === undefined
            ? []
            : [byShape.boundary(query.from, 250_000, false)]),
          byShape.shapes([0]),
          ...(byShape.codes === undefined ? [] : [byShape.codes])
        ]),
      ...(changes === undefined ? [] : [changes])
    ].map((
      statement
    ) => statement.compile())
  })
