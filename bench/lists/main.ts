/**
 * Benchmark of paged lists (issue 12): a page of 50 contacts of one month in a service of many
 * contacts (100,000 by default; `--contacts=1000000` for the issue's million), on SQLite (a file,
 * WAL) and PostgreSQL (the test harness's throwaway cluster), as the store's `page` (the first
 * page of the month, and the page after it through its cursor) against a hand-written indexed
 * SQL query through the raw driver in the same run (better-sqlite3; `@effect/sql-pg`'s
 * `sql.unsafe` for PostgreSQL), reading the same columns and parsing the same JSON. Another
 * service holds a tenth as many contacts in the same months, so the index has to pick the
 * service. Calls alternate; the table shows medians. Target: < 20 ms a page.
 *
 * Run: `npm run bench -- lists` (`--contacts=N`, `--sqlite-only`).
 */
import { PgClient } from "@effect/sql-pg"
import { Store } from "@pomoc/core"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteStore } from "@pomoc/store-sqlite"
import Database from "better-sqlite3"
import { Context, Effect, Redacted } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { alternate, open, startCluster } from "../shared/run.js"

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1]
const CONTACTS = Number(arg("contacts") ?? 100_000)
const sqliteOnly = process.argv.includes("--sqlite-only")
const CALLS = 200
const PAGE = 50
const BATCH = 5_000
const SERVICE = "service-club-1"

const START = Date.UTC(2025, 0, 1)
const SPAN = Date.UTC(2027, 0, 1) - START
/** The month listed: 2026-05 (every month holds about CONTACTS / 24). */
const MONTH = { from: "2026-05-01T00:00:00.000Z", to: "2026-06-01T00:00:00.000Z" }

const contact = (n: number, serviceId: string, count: number): Store.RecordWrite => {
  const id = `${serviceId === SERVICE ? "c" : "o"}-${n.toString().padStart(8, "0")}`
  const at = new Date(START + Math.floor((n * SPAN) / count)).toISOString()
  return {
    kind: "contact",
    id,
    expectedVersion: 0,
    serviceId,
    personIds: [`person-${n % 5000}`],
    at,
    facets: { channel: "street", anonymousCount: n % 3, durationMinutes: 15 + (n % 60) },
    tags: ["info"],
    data: {
      id,
      serviceId,
      at,
      participants: [`person-${n % 5000}`],
      channel: "street",
      interventions: ["info"],
      durationMinutes: 15 + (n % 60),
      note: { ciphertext: "v1.k1.3q2+7w==.Zm9vYmFyYmF6cXV4IGVuY3J5cHRlZCBub3RlIHRleHQgZm9yIGJlbmNo", alg: "A256GCM" }
    }
  }
}

/** Seeds the service and the other one through the store, BATCH records a commit. */
const seed = async (store: Store.StoreShape) => {
  const started = performance.now()
  const other = Math.floor(CONTACTS / 10)
  for (const [serviceId, count] of [[SERVICE, CONTACTS], ["service-other", other]] as const) {
    for (let i = 0; i < count; i += BATCH) {
      const writes = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => contact(i + j, serviceId, count))
      await Effect.runPromise(store.commit({ writes, audit: [] }))
    }
  }
  return (performance.now() - started) / 1000
}

/** Times each variant CALLS times, alternating; median milliseconds per call. */
const measure = (variants: ReadonlyArray<readonly [string, () => Promise<number>]>) =>
  alternate({
    calls: CALLS,
    input: () => undefined,
    variants,
    check: (name, n) => {
      if (n !== PAGE) throw new Error(`${name} returned ${n} records, not ${PAGE}`)
    }
  })

interface Row {
  readonly database: string
  readonly page: string
  readonly store: number
  readonly raw: number
}
const rows: Array<Row> = []

const query = { kind: "contact", serviceId: SERVICE, ...MONTH, limit: PAGE } as const

/** The store's two pages: the month's first, and the one after it (through the cursor). */
const storeVariants = async (store: Store.StoreShape) => {
  const first = await Effect.runPromise(store.page(query))
  const cursor = first.next!
  const last = first.records[PAGE - 1]!
  return {
    last,
    first: () => Effect.runPromise(Effect.map(store.page(query), (p) => p.records.length)),
    second: () => Effect.runPromise(Effect.map(store.page({ ...query, cursor }), (p) => p.records.length))
  }
}

const SELECT = "SELECT kind, id, version, service_id, at, person_ids, tags, facets, data FROM pomoc_records"
const decode = (r: Record<string, unknown>) => ({
  kind: r["kind"],
  id: r["id"],
  version: Number(r["version"]),
  serviceId: r["service_id"],
  at: r["at"],
  personIds: typeof r["person_ids"] === "string" ? JSON.parse(r["person_ids"]) as unknown : r["person_ids"],
  tags: typeof r["tags"] === "string" ? JSON.parse(r["tags"]) as unknown : r["tags"],
  facets: typeof r["facets"] === "string" ? JSON.parse(r["facets"]) as unknown : r["facets"],
  data: typeof r["data"] === "string" ? JSON.parse(r["data"]) as unknown : r["data"]
})

const sqliteSection = async () => {
  const dir = mkdtempSync(join(tmpdir(), "pomoc-bench-lists-"))
  try {
    const filename = join(dir, "lists.db")
    const { close, context } = await open(SqliteStore.layer({ filename }))
    const store = Context.get(context, Store.Store)
    console.log(`SQLite: seeded ${CONTACTS + CONTACTS / 10} contacts in ${(await seed(store)).toFixed(1)} s`)
    const db = new Database(filename)
    db.pragma("journal_mode = WAL")
    const firstPage = db.prepare(
      `${SELECT} WHERE kind = ? AND service_id = ? AND at >= ? AND at < ? ORDER BY at, id LIMIT ?`
    )
    const nextPage = db.prepare(
      `${SELECT} WHERE kind = ? AND service_id = ? AND at >= ? AND at < ? AND (at, id) > (?, ?) ORDER BY at, id LIMIT ?`
    )
    const s = await storeVariants(store)
    const times = await measure([
      ["store first", s.first],
      [
        "raw first",
        async () =>
          firstPage.all("contact", SERVICE, MONTH.from, MONTH.to, PAGE + 1).slice(0, PAGE).map((r) =>
            decode(r as Record<string, unknown>)
          ).length
      ],
      ["store next", s.second],
      [
        "raw next",
        async () =>
          nextPage.all("contact", SERVICE, MONTH.from, MONTH.to, s.last.at, s.last.id, PAGE + 1).slice(0, PAGE).map((
            r
          ) => decode(r as Record<string, unknown>)).length
      ]
    ])
    rows.push({
      database: "SQLite (file, WAL)",
      page: "first page of the month",
      store: times.get("store first")!,
      raw: times.get("raw first")!
    })
    rows.push({
      database: "SQLite (file, WAL)",
      page: "next page (cursor)",
      store: times.get("store next")!,
      raw: times.get("raw next")!
    })
    db.close()
    await close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const pgSection = async () => {
  const cluster = await startCluster()
  try {
    const url = Redacted.make(cluster.info.url)
    const { close: closeStore, context: storeContext } = await open(PostgresStore.layer({ url }))
    const store = Context.get(storeContext, Store.Store)
    console.log(`PostgreSQL: seeded ${CONTACTS + CONTACTS / 10} contacts in ${(await seed(store)).toFixed(1)} s`)
    const { close, context } = await open(PgClient.layer({ url }))
    const sql = Context.get(context, SqlClient.SqlClient)
    await Effect.runPromise(sql.unsafe("ANALYZE pomoc_records"))
    const s = await storeVariants(store)
    const raw = (text: string, params: ReadonlyArray<unknown>) => () =>
      Effect.runPromise(
        Effect.map(sql.unsafe<Record<string, unknown>>(text, params as Array<never>), (rs) =>
          rs.slice(0, PAGE).map(decode).length)
      )
    const times = await measure([
      ["store first", s.first],
      [
        "raw first",
        raw(`${SELECT} WHERE kind = $1 AND service_id = $2 AND at >= $3 AND at < $4 ORDER BY at, id LIMIT $5`, [
          "contact",
          SERVICE,
          MONTH.from,
          MONTH.to,
          PAGE + 1
        ])
      ],
      ["store next", s.second],
      [
        "raw next",
        raw(
          `${SELECT} WHERE kind = $1 AND service_id = $2 AND at >= $3 AND at < $4 AND (at, id) > ($5, $6) ORDER BY at, id LIMIT $7`,
          ["contact", SERVICE, MONTH.from, MONTH.to, s.last.at, s.last.id, PAGE + 1]
        )
      ]
    ])
    rows.push({
      database: "PostgreSQL (loopback)",
      page: "first page of the month",
      store: times.get("store first")!,
      raw: times.get("raw first")!
    })
    rows.push({
      database: "PostgreSQL (loopback)",
      page: "next page (cursor)",
      store: times.get("store next")!,
      raw: times.get("raw next")!
    })
    await close()
    await closeStore()
  } finally {
    await cluster.stop()
  }
}

console.log(
  `Paged lists: ${CONTACTS} contacts in the service, pages of ${PAGE}, ${CALLS} calls each, medians; node ${process.version}, ${
    cpus()[0]?.model ?? "unknown CPU"
  } × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`
)
await sqliteSection()
if (!sqliteOnly) await pgSection()
console.log("\n| database | page of 50 contacts of a month | store | hand-written SQL | store / SQL | target < 20 ms |")
console.log("| --- | --- | --- | --- | --- | --- |")
for (const r of rows) {
  console.log(
    `| ${r.database} | ${r.page} | ${r.store.toFixed(2)} ms | ${r.raw.toFixed(2)} ms | ${
      (r.store / r.raw).toFixed(2)
    }× | ${r.store < 20 ? "met" : "missed"} |`
  )
}
