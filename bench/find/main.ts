/**
 * Benchmark of finding a person again (issue 12, find): among 100,000 people of a service, each
 * with a blind-index token, find one by token, on SQLite (a file, WAL) and PostgreSQL (a
 * throwaway cluster started with the test harness's `cluster.ts`). The store's
 * `page({ kind: "person", lookup, limit: 20 })` (what `findPeople` asks the store: a page of the
 * token's holders, in order) is timed against a
 * hand-written indexed query over the same tables in the same run (better-sqlite3 prepared
 * statement; for PostgreSQL `@effect/sql-pg`'s `sql.unsafe`). Lookups alternate; tables show
 * medians per lookup. Target: under 5 ms per lookup. The hand-written query reads the token's rows
 * in page order from the lookup table's (token, kind, at, id) index (migration 7), as the store does.
 *
 * Run: `npm run bench -- find` (`--quick` for fewer people, `--sqlite-only` to skip PostgreSQL).
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

const quick = process.argv.includes("--quick")
const sqliteOnly = process.argv.includes("--sqlite-only")
const PEOPLE = quick ? 20_000 : 100_000
const LOOKUPS = quick ? 200 : 1_000
const TARGET_MS = 5

// A person as the pipeline stores it: encrypted fields (opaque here), one token per person.
const tokenOf = (n: number) => `ps1-${n.toString(32).padStart(16, "0")}`
const person = (n: number): Store.RecordWrite => {
  const id = `person-${n.toString().padStart(7, "0")}`
  return {
    kind: "person",
    id,
    expectedVersion: 0,
    serviceId: "club",
    personIds: [id],
    at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    facets: { identityLevel: "pseudonymous", ageBand: "15-17" },
    tags: [],
    lookup: [tokenOf(n)],
    data: {
      _tag: "pseudonymous",
      id,
      serviceId: "club",
      sharedWith: [],
      ageBand: "15-17",
      gender: "not-stated",
      needs: [],
      registeredAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
      nickname: { $enc: "v1", kid: "k", iv: "AAAAAAAAAAAAAAAA", ct: "Zm9vYmFyYmF6cXV4IGVuY3J5cHRlZA" }
    }
  }
}

/** Fills the store with PEOPLE people, 1,000 per commit. */
const fill = (store: Store.StoreShape) =>
  Effect.forEach(
    Array.from({ length: PEOPLE / 1000 }, (_, c) => c),
    (c) =>
      store.commit({
        writes: Array.from({ length: 1000 }, (_, i) => person(c * 1000 + i)),
        audit: []
      }),
    { discard: true }
  )

interface Row {
  readonly database: string
  readonly storeMs: number
  readonly rawMs: number
}
const results: Array<Row> = []

/** Alternates store and raw lookups of random people; checks both find the same one. */
const race = async (
  database: string,
  viaStore: (token: string) => Promise<ReadonlyArray<string>>,
  viaRaw: (token: string) => Promise<ReadonlyArray<string>>
) => {
  const times = await alternate({
    calls: LOOKUPS,
    input: () => Math.floor(Math.random() * PEOPLE),
    variants: [["store", (n: number) => viaStore(tokenOf(n))], ["raw", (n: number) => viaRaw(tokenOf(n))]],
    check: (_, ids, n) => {
      const expected = `person-${n.toString().padStart(7, "0")}`
      if (ids.length !== 1 || ids[0] !== expected) throw new Error(`${database}: lookup found ${ids.length} people`)
    }
  })
  results.push({ database, storeMs: times.get("store")!, rawMs: times.get("raw")! })
}

const sqliteSection = async () => {
  const dir = mkdtempSync(join(tmpdir(), "pomoc-bench-find-"))
  try {
    const filename = join(dir, "find.db")
    const { close, context } = await open(SqliteStore.layer({ filename }))
    const store = Context.get(context, Store.Store)
    await Effect.runPromise(fill(store))
    const db = new Database(filename, { readonly: true })
    const query = db.prepare(
      "SELECT r.id, r.data FROM pomoc_record_lookup l JOIN pomoc_records r ON r.kind = l.kind AND r.id = l.id WHERE l.token = ? AND l.kind = 'person' ORDER BY l.at, l.id LIMIT 21"
    )
    await race(
      "SQLite (file, WAL)",
      (token) =>
        Effect.runPromise(store.page({ kind: "person", lookup: token, limit: 20 })).then((p) =>
          p.records.map((r) => r.id)
        ),
      async (token) => (query.all(token) as Array<{ id: string; data: string }>).map((r) => (JSON.parse(r.data), r.id))
    )
    db.close()
    await close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const pgSection = async () => {
  const cluster = await startCluster()
  try {
    const { close: closeStore, context: storeContext } = await open(
      PostgresStore.layer({ url: Redacted.make(cluster.info.url) })
    )
    const store = Context.get(storeContext, Store.Store)
    await Effect.runPromise(fill(store))
    const { close, context } = await open(PgClient.layer({ url: Redacted.make(cluster.info.url) }))
    const sql = Context.get(context, SqlClient.SqlClient)
    await Effect.runPromise(sql.unsafe("ANALYZE"))
    await race(
      "PostgreSQL (loopback)",
      (token) =>
        Effect.runPromise(store.page({ kind: "person", lookup: token, limit: 20 })).then((p) =>
          p.records.map((r) => r.id)
        ),
      (token) =>
        Effect.runPromise(
          sql.unsafe<{ id: string; data: string }>(
            "SELECT r.id, r.data::text AS data FROM pomoc_record_lookup l JOIN pomoc_records r ON r.kind = l.kind AND r.id = l.id WHERE l.token = $1 AND l.kind = 'person' ORDER BY l.at, l.id LIMIT 21",
            [token]
          )
        ).then((rs) => rs.map((r) => (JSON.parse(r.data), r.id)))
    )
    await close()
    await closeStore()
  } finally {
    await cluster.stop()
  }
}

console.log(
  `Find a person among ${
    PEOPLE.toLocaleString("en")
  } by blind-index token: ${LOOKUPS} lookups, medians; node ${process.version}, ${
    cpus()[0]?.model ?? "unknown CPU"
  } × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`
)
await sqliteSection()
if (!sqliteOnly) await pgSection()
console.log(
  "\n| database | store `page({ lookup, limit: 20 })` | hand-written indexed SQL | store / raw | target < 5 ms |"
)
console.log("| --- | --- | --- | --- | --- |")
let failed = false
for (const row of results) {
  const ok = row.storeMs < TARGET_MS
  failed ||= !ok
  console.log(
    `| ${row.database} | ${row.storeMs.toFixed(3)} ms | ${row.rawMs.toFixed(3)} ms | ${
      (row.storeMs / row.rawMs).toFixed(2)
    }× | ${ok ? "met" : "MISSED"} |`
  )
}
if (failed) process.exitCode = 1
