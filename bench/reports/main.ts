/**
 * Benchmark of the plugin reports (issue 10) on SQLite (a file, WAL) and PostgreSQL (a throwaway
 * cluster started with the test harness's `cluster.ts`): every report of the five service plugins
 * over a fresh database of N contacts (and people, activities, measurements, volunteers,
 * volunteering sessions and cooperations in proportion), all written through the store's batch
 * path (`Store.commit`, 5,000 records a commit). One service, one year: each report aggregates
 * every record of its kind, the worst case for a service's annual report.
 *
 * Each report runs through `Report.run` (the store's aggregate, tabulation and suppression) and,
 * as the baseline in the same run, as the SQL a developer would write by hand against
 * `pomoc_records` (the raw driver: better-sqlite3, or `sql.unsafe` on PostgreSQL), checked to
 * give the same cells. Medians of 5 runs after one cold run (the first on the fresh database).
 *
 * Run: `npm run bench -- reports` (`--sizes=100000` to choose sizes, `--sqlite-only`,
 * `--keep=<dir>` to keep the SQLite files there and reuse them in later runs instead of loading
 * them again: loading 1,000,000 contacts takes minutes; with `POMOC_PG_URL` set to a server of
 * one's own, `--keep` also keeps a database `pomoc_reports_<N>` there and reuses it, since
 * loading 1,000,000 contacts into PostgreSQL takes most of an hour (`POMOC_PG_DATA`, its data
 * directory, to count the server's CPU time); `--only=intervention,rate` for the
 * reports whose `plugin/id` contains one of those; `--runs=3`; `--postgres-only`). The store's CPU
 * time is printed beside its wall time (on PostgreSQL this process's plus the server's, read from
 * `/proc`): on a machine shared with other work, the wall time is mostly waiting.
 */
import { PgClient } from "@effect/sql-pg"
import { Report, Store } from "@pomoc/core"
import { childrenInCare } from "@pomoc/service-children-in-care"
import { communityCentre } from "@pomoc/service-community-centre"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { streetWork } from "@pomoc/service-street-work"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteStore } from "@pomoc/store-sqlite"
import Database from "better-sqlite3"
import { Context, Effect, Exit, Layer, Redacted, Scope } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1]
const SIZES = (arg("sizes") ?? "100000,1000000").split(",").map(Number)
const sqliteOnly = process.argv.includes("--sqlite-only")
const postgresOnly = process.argv.includes("--postgres-only")
const keep = arg("keep")
/** Only the reports whose `plugin/id` contains one of these (comma-separated). */
const only = arg("only")?.split(",")
const RUNS = Number(arg("runs") ?? 5)
const SERVICE = "service-1"
const PERIOD = { serviceId: SERVICE, from: "2026-01-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z" } as const
const here = dirname(fileURLToPath(import.meta.url))

// Change per person (first and last value of each person) has no hand-written baseline here.
const definitions = [lowThresholdClub, streetWork, debtCounselling, communityCentre, childrenInCare].flatMap((plugin) =>
  plugin.reports.flatMap((
    definition
  ): ReadonlyArray<{ readonly plugin: string; readonly definition: Report.ReportDefinition }> =>
    typeof definition.query.measure === "object" && "change" in definition.query.measure
      ? []
      : [{ plugin: plugin.id, definition }]
  )
)
const selected = definitions.filter(({ definition, plugin }) =>
  only === undefined || only.some((part) => `${plugin}/${definition.id}`.includes(part))
)

// ---------------------------------------------------------------------------------------------
// Data: facets and tags drawn from the reports' own dimensions, so every report has cells.

interface Shape {
  readonly facets: Map<string, ReadonlyArray<Store.FacetValue>>
  readonly sums: Set<string>
  readonly tags: Set<string>
}

const shapes = new Map<Store.RecordKind, Shape>()
for (const { definition } of definitions) {
  const q = definition.query
  const shape = shapes.get(q.kind) ?? { facets: new Map(), sums: new Set(), tags: new Set() }
  shapes.set(q.kind, shape)
  for (const d of q.dimensions) {
    if (d.by === "month") continue
    if (d.by === "tag") { for (const v of d.values ?? ["tag-a", "tag-b", "tag-c"]) shape.tags.add(String(v)) }
    else {shape.facets.set(d.by, [
        ...new Set([...(shape.facets.get(d.by) ?? []), ...(d.values ?? ["v0", "v1", "v2", "v3", "v4"])])
      ])}
  }
  if (typeof q.measure === "object" && "sum" in q.measure) shape.sums.add(q.measure.sum)
  // Filtered reports (and rates' numerators) have cells too: their filters' values are drawn.
  const filters = [
    ...(q.where ?? []),
    ...(typeof q.measure === "object" && "rate" in q.measure ? q.measure.rate.where ?? [] : [])
  ]
  for (const f of filters) {
    if (f.by === "tag") { for (const v of f.in) shape.tags.add(String(v)) }
    else shape.facets.set(f.by, [...new Set([...(shape.facets.get(f.by) ?? []), ...f.in])])
  }
}

/** Records per contact, by kind. */
const proportions: ReadonlyArray<readonly [Store.RecordKind, number]> = [
  ["contact", 1],
  ["person", 0.1],
  ["measurement", 0.1],
  ["activity", 0.05],
  ["volunteer-hours", 0.05],
  ["cooperation", 0.05],
  ["volunteer", 0.01]
]

const record = (kind: Store.RecordKind, n: number): Store.RecordWrite => {
  const shape = shapes.get(kind)!
  const facets: Record<string, Store.FacetValue> = {}
  let k = 0
  // Skewed, as in real work: most records take the first few values of a dimension, and the
  // numbers summed take a few common values (a duration in quarter hours, one or two people).
  const pick = <A>(values: ReadonlyArray<A>, salt: number): A => {
    const r = ((n * 2654435761 + salt * 40503) >>> 0) % 1000
    return values[r < 600 ? 0 : r < 850 ? Math.min(1, values.length - 1) : r % values.length]!
  }
  for (const [name, values] of shape.facets) facets[name] = pick(values, k++)
  for (const name of shape.sums) facets[name] = pick([1, 2, 3, 4, 6, 8], k++) * (name === "durationMinutes" ? 15 : 1)
  // One to three tags a record (interventions of a contact, needs of a person).
  const all = [...shape.tags]
  const tags = all.length === 0
    ? []
    : [...new Set([pick(all, 101), pick(all, 102), pick(all, 103)].slice(0, 1 + (n % 3)))]
  const id = `${kind}-${n}`
  return {
    kind,
    id,
    expectedVersion: 0,
    serviceId: SERVICE,
    personIds: [`person-${n % 20_011}`],
    at: new Date(Date.UTC(2026, 0, 1) + ((n * 7919) % (364 * 24 * 60)) * 60_000).toISOString(),
    facets,
    tags,
    data: {
      _tag: kind,
      id,
      note: { $enc: "v1", kid: "k", iv: "aXZpdml2aXZpdml2", ct: "Y2lwaGVydGV4dCBvZiBhIG5vdGUgdGhhdCBpcyBub3QgcmVhZA" }
    }
  }
}

const load = async (store: Store.StoreShape, contacts: number) => {
  const started = performance.now()
  let batch: Array<Store.RecordWrite> = []
  const flush = () => Effect.runPromise(store.commit({ writes: batch, audit: [] })).then(() => void (batch = []))
  for (const [kind, share] of proportions) {
    for (let n = 0; n < Math.round(contacts * share); n++) {
      batch.push(record(kind, n))
      if (batch.length === 5000) await flush()
    }
  }
  if (batch.length > 0) await flush()
  return performance.now() - started
}

// ---------------------------------------------------------------------------------------------
// The hand-written SQL: straight against pomoc_records, as an application would query it.

type Dialect = "sqlite" | "pg"

const handWritten = (
  d: Dialect,
  q: Report.ReportQuery
): { readonly text: string; readonly params: ReadonlyArray<unknown> } => {
  const joins: Array<string> = []
  const groups = q.dimensions.map((dim, i) => {
    if (dim.by === "tag") {
      joins.push(
        d === "pg" ? `CROSS JOIN LATERAL jsonb_array_elements_text(r.tags) t${i}(v)` : `, json_each(r.tags) t${i}`
      )
      return `t${i}.${d === "pg" ? "v" : "value"}`
    }
    if (dim.by === "month") return "substr(r.at, 1, 7)"
    return d === "pg" ? `(r.facets -> '${dim.by}')::text` : `r.facets -> '$.${dim.by}'`
  })
  const m = q.measure ?? "records"
  // Parameters in the order of their places in the text (the numerator's come first).
  const params: Array<unknown> = []
  const placeholder = (value: unknown) => {
    params.push(value)
    return d === "pg" ? `$${params.length}` : "?"
  }
  // A filter keeps the records whose facet (as JSON) is one of the values, or that carry a tag.
  const filter = (f: Store.AggregateFilter): string => {
    if (f.by === "tag") {
      const list = f.in.map((v) => placeholder(String(v))).join(", ")
      return d === "pg"
        ? `EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.tags) w(v) WHERE w.v IN (${list}))`
        : `EXISTS (SELECT 1 FROM json_each(r.tags) w WHERE w.value IN (${list}))`
    }
    const expr = d === "pg" ? `(r.facets -> '${f.by}')::text` : `r.facets -> '$.${f.by}'`
    const values = f.in.filter((v) => v !== null)
    const parts = [
      ...(values.length > 0 ? [`${expr} IN (${values.map((v) => placeholder(JSON.stringify(v))).join(", ")})`] : []),
      ...(f.in.includes(null) ? [`${expr} IS NULL OR ${expr} = 'null'`] : [])
    ]
    return `(${parts.join(" OR ") || "false"})`
  }
  const rate = typeof m === "object" && "rate" in m ? m.rate : undefined
  const numerator = rate === undefined ? undefined : (rate.where ?? []).map(filter).join(" AND ")
  const p = [q.kind, PERIOD.serviceId, PERIOD.from, PERIOD.to].map(placeholder)
  const where = (q.where ?? []).map(filter)
  if (m === "people" || rate?.of === "people") {
    joins.push(
      d === "pg" ? "CROSS JOIN LATERAL jsonb_array_elements_text(r.person_ids) p(v)" : ", json_each(r.person_ids) p"
    )
  }
  const person = `p.${d === "pg" ? "v" : "value"}`
  const measure = m === "records"
    ? "count(*)"
    : m === "people" || rate?.of === "people"
    ? `count(DISTINCT ${person})`
    : !("sum" in m)
    ? "count(*)"
    : d === "pg"
    ? `sum((r.facets ->> '${m.sum}')::float8)`
    : `total(r.facets ->> '$.${m.sum}')`
  // A rate's numerator in the same pass: the records (or people) its filters keep.
  const part = numerator === undefined
    ? ""
    : rate?.of === "people"
    ? `, count(DISTINCT CASE WHEN ${numerator} THEN ${person} END) AS n`
    : `, count(CASE WHEN ${numerator} THEN 1 END) AS n`
  const text =
    `SELECT ${groups.map((g, i) => `${g} AS g${i}`).join(", ")}, ${measure} AS m${part} FROM pomoc_records r ${
      joins.join(" ")
    } ` +
    `WHERE r.kind = ${p[0]} AND r.service_id = ${p[1]} AND r.at >= ${p[2]} AND r.at < ${p[3]}${
      where.map((w) => ` AND ${w}`).join("")
    } GROUP BY ${groups.map((_, i) => i + 1).join(", ")}`
  return { text, params }
}

/** Cells as `group → measure`, from either side. */
type Cells = Map<string, number>

const storeCells = (definition: Report.ReportDefinition, rows: ReadonlyArray<Store.AggregateRow>): Cells => {
  const m = definition.query.measure ?? "records"
  const people = m === "people" || (typeof m === "object" && "rate" in m && m.rate.of === "people")
  const key = (row: Store.AggregateRow) =>
    JSON.stringify(definition.query.dimensions.map((d) => row.group[d.by] ?? null))
  const amount = (row: Store.AggregateRow) =>
    people ? row.distinctPeople ?? 0 : typeof m === "object" && "sum" in m ? row.sums[m.sum] ?? 0 : row.count
  // A rate's numerator comes in the same rows (their part).
  const part = (row: Store.AggregateRow) => (people ? row.part?.distinctPeople : row.part?.count) ?? 0
  return new Map(rows.flatMap((row) => [
    [key(row), amount(row)] as const,
    ...(typeof m === "object" && "rate" in m ? [[`${key(row)} n`, part(row)] as const] : [])
  ]))
}

const rawCells = (definition: Report.ReportDefinition, rows: ReadonlyArray<Record<string, unknown>>): Cells =>
  new Map(rows.flatMap((row) => {
    const key = JSON.stringify(definition.query.dimensions.map((d, i) => {
      const v = row[`g${i}`]
      return d.by === "tag" || d.by === "month" ? v ?? null : typeof v === "string" ? JSON.parse(v) as unknown : null
    }))
    return [[key, Number(row.m)] as const, ...(row.n !== undefined ? [[`${key} n`, Number(row.n)] as const] : [])]
  }))

const sameCells = (a: Cells, b: Cells) =>
  a.size === b.size && [...a].every(([k, v]) => b.has(k) && Math.abs(b.get(k)! - v) < 1e-6 * Math.max(1, Math.abs(v)))

// ---------------------------------------------------------------------------------------------
// Timing

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

const time = async <A>(
  f: () => Promise<A>,
  server: () => number = () => 0
): Promise<readonly [number, A, number]> => {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const serverBefore = server()
  const out = await f()
  const used = process.cpuUsage(cpu)
  // The CPU time too (SQLite runs in this process; PostgreSQL's server adds its own): on a shared
  // machine the wall time is mostly waiting.
  return [performance.now() - started, out, (used.user + used.system) / 1000 + server() - serverBefore]
}

/** The CPU time (ms) of a PostgreSQL server so far: its postmaster and every process it started. */
const serverCpuMs = (dataDir: string) => () => {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0])
  let ticks = 0
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Fields after the command's closing parenthesis: state, ppid, … utime (14th), stime (15th).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(entry) === postmaster || Number(fields[1]) === postmaster) {
        ticks += Number(fields[11]) + Number(fields[12])
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  // Linux counts in clock ticks of 1/100 s.
  return ticks * 10
}

interface Row {
  readonly database: string
  readonly contacts: number
  readonly report: string
  readonly cold: number
  readonly store: number
  /** The median CPU time of the store's runs (on PostgreSQL with the server's processes). */
  readonly cpu: number
  readonly raw: number
  readonly load: number
}

const rows: Array<Row> = []

const runReports = async (
  database: string,
  contacts: number,
  store: Store.StoreShape,
  raw: (text: string, params: ReadonlyArray<unknown>) => Promise<ReadonlyArray<Record<string, unknown>>>,
  dialect: Dialect,
  server?: () => number
) => {
  for (const { definition, plugin } of selected) {
    const query = Report.toAggregateQuery(definition, PERIOD)
    const [cold] = await time(() => Effect.runPromise(Report.run(definition, store, PERIOD)))
    const { params, text } = handWritten(dialect, definition.query)
    const storeTimes: Array<number> = []
    const cpuTimes: Array<number> = []
    const rawTimes: Array<number> = []
    for (let i = 0; i < RUNS; i++) {
      const [ms, , cpu] = await time(() => Effect.runPromise(Report.run(definition, store, PERIOD)), server)
      storeTimes.push(ms)
      cpuTimes.push(cpu)
      rawTimes.push((await time(() => raw(text, params)))[0])
    }
    const expected = storeCells(definition, await Effect.runPromise(store.aggregate(query)))
    if (!sameCells(expected, rawCells(definition, await raw(text, params)))) {
      throw new Error(`${plugin}/${definition.id}: the hand-written SQL gives other cells than the store`)
    }
    const row = {
      database,
      contacts,
      report: `${plugin}/${definition.id}`,
      cold,
      store: median(storeTimes),
      cpu: median(cpuTimes),
      raw: median(rawTimes),
      load: loadavg()[0]!
    }
    rows.push(row)
    console.log(
      `${database} ${contacts}: ${row.report} cold ${row.cold.toFixed(0)} ms, median ${row.store.toFixed(0)} ms (CPU ${
        row.cpu.toFixed(0)
      } ms), hand-written ${row.raw.toFixed(0)} ms, load ${row.load.toFixed(1)}`
    )
  }
}

const open = async <A, E>(layer: Layer.Layer<A, E>) => {
  const scope = Scope.makeUnsafe()
  const context = await Effect.runPromise(Layer.buildWithScope(layer, scope))
  return { context, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
}

const sqliteDir = mkdtempSync(join(tmpdir(), "pomoc-bench-reports-"))

const sqliteSection = async (contacts: number) => {
  const filename = join(keep ?? sqliteDir, `reports-${contacts}.db`)
  const reused = keep !== undefined && existsSync(filename)
  const { close, context } = await open(SqliteStore.layer({ filename }))
  const store = Context.get(context, Store.Store)
  if (reused) console.log(`SQLite: ${contacts} contacts reused from ${filename}`)
  else {
    const loadMs = await load(store, contacts)
    console.log(`SQLite: ${contacts} contacts loaded in ${(loadMs / 1000).toFixed(1)} s`)
  }
  const db = new Database(filename, { readonly: true })
  const statements = new Map<string, Database.Statement>()
  const raw = (text: string, params: ReadonlyArray<unknown>) => {
    const statement = statements.get(text) ?? db.prepare(text)
    statements.set(text, statement)
    return Promise.resolve(statement.all(...params) as Array<Record<string, unknown>>)
  }
  await runReports("SQLite (file, WAL)", contacts, store, raw, "sqlite")
  db.close()
  await close()
  if (keep === undefined) { for (const suffix of ["", "-wal", "-shm"]) rmSync(filename + suffix, { force: true }) }
}

interface Cluster {
  readonly info: { readonly url: string }
  readonly directory?: string
  readonly stop: () => Promise<void>
}

const LOADED = "pomoc_bench_loaded"

/**
 * With `--keep` and a server of one's own (`POMOC_PG_URL`): the database `pomoc_reports_<N>` on it,
 * created when missing; `reused` when it already holds a finished load (its marker table).
 */
const keptDatabase = async (url: string, contacts: number) => {
  const name = `pomoc_reports_${contacts}`
  const admin = await open(PgClient.layer({ url: Redacted.make(url) }))
  const sql = Context.get(admin.context, SqlClient.SqlClient)
  const target = new URL(url)
  target.pathname = `/${name}`
  const exists = await Effect.runPromise(
    sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`
  )
  let reused = false
  if (Number(exists[0]?.n ?? 0) > 0) {
    const db = await open(PgClient.layer({ url: Redacted.make(target.toString()) }))
    const marker = await Effect.runPromise(
      Context.get(db.context, SqlClient.SqlClient)<
        { n: number }
      >`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = ${LOADED}`
    )
    await db.close()
    reused = Number(marker[0]?.n ?? 0) > 0
    // A load that did not finish is started again on an empty database.
    if (!reused) await Effect.runPromise(sql.unsafe(`DROP DATABASE ${name}`))
  }
  if (!reused) await Effect.runPromise(sql.unsafe(`CREATE DATABASE ${name}`))
  await admin.close()
  return { url: target.toString(), reused }
}

const pgSection = async (contacts: number) => {
  const clusterPath = join(here, "..", "..", "packages", "stores", "postgres", "test", "cluster.ts")
  const { startCluster } = (await import(pathToFileURL(clusterPath).href)) as { startCluster: () => Promise<Cluster> }
  const cluster = await startCluster()
  try {
    const kept = keep !== undefined && process.env.POMOC_PG_URL !== undefined
    const { reused: loaded, url } = kept
      ? await keptDatabase(cluster.info.url, contacts)
      : { reused: false, url: cluster.info.url }
    const { close, context } = await open(PostgresStore.layer({ url: Redacted.make(url) }))
    const store = Context.get(context, Store.Store)
    const sql = Context.get(context as Context.Context<SqlClient.SqlClient>, SqlClient.SqlClient)
    if (loaded) console.log(`PostgreSQL: ${contacts} contacts reused from ${url.replace(/\/\/[^@]*@/, "//")}`)
    else {
      const loadMs = await load(store, contacts)
      console.log(`PostgreSQL: ${contacts} contacts loaded in ${(loadMs / 1000).toFixed(1)} s`)
      if (kept) await Effect.runPromise(sql.unsafe(`CREATE TABLE ${LOADED} (at text)`))
    }
    const raw = (text: string, params: ReadonlyArray<unknown>) =>
      Effect.runPromise(sql.unsafe<Record<string, unknown>>(text, params as Array<never>))
    // A server of one's own (`POMOC_PG_URL`) is timed too when `POMOC_PG_DATA` names its data directory.
    const dataDir = cluster.directory === undefined ? process.env.POMOC_PG_DATA : join(cluster.directory, "data")
    const server = dataDir === undefined ? undefined : serverCpuMs(dataDir)
    await runReports("PostgreSQL (loopback)", contacts, store, raw, "pg", server)
    await close()
  } finally {
    await cluster.stop()
  }
}

try {
  console.log(
    `Reports: ${selected.length} plugin reports, ${RUNS} runs, medians; node ${process.version}, ${
      cpus()[0]?.model ?? "unknown CPU"
    } × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`
  )
  for (const contacts of SIZES) {
    if (!postgresOnly) await sqliteSection(contacts)
    if (!sqliteOnly) await pgSection(contacts)
  }
  const target = (r: Row) => r.contacts <= 100_000 ? 200 : 1000
  console.log(
    "\n| database | contacts | report | first run | median | CPU (median) | hand-written SQL | store / hand-written | load | target |"
  )
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
  for (const r of rows) {
    const met = Math.max(r.cold, r.store) < target(r) ? "met" : "MISSED"
    console.log(
      `| ${r.database} | ${r.contacts.toLocaleString("en-US")} | ${r.report} | ${r.cold.toFixed(0)} ms | ${
        r.store.toFixed(0)
      } ms | ${r.cpu.toFixed(0)} ms | ${r.raw.toFixed(0)} ms | ${(r.store / r.raw).toFixed(2)}× | ${
        r.load.toFixed(1)
      } | < ${target(r)} ms: ${met} |`
    )
  }
} finally {
  rmSync(sqliteDir, { recursive: true, force: true })
}
