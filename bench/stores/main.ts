/**
 * Benchmark of the SQL stores (issue 5), on SQLite (a file, WAL) and PostgreSQL (a throwaway
 * cluster started with the test harness's `cluster.ts`, or `POMOC_PG_URL`):
 *   - recording contacts one per commit, and in batches of 1,000 per commit;
 *   - reading one person's full history of 10,000 contacts;
 * each as the store (`Store.commit` / `Store.list`) against the raw driver writing the same rows
 * (same schema, same JSON, same sealed audit entry) in the same run: better-sqlite3 prepared
 * statements in one transaction; for PostgreSQL, one multi-row INSERT per table through
 * `@effect/sql-pg`'s `sql.unsafe` (no other PostgreSQL client is installed; @effect/sql-pg speaks
 * the protocol itself). Variants alternate in rounds; tables show medians.
 *
 * Run: `npm run bench -- stores` (`--quick` for fewer rounds, `--sqlite-only` to skip PostgreSQL).
 */
import { PgClient } from "@effect/sql-pg"
import { Audit, Store } from "@pomoc/core"
import { PostgresDialect, PostgresStore } from "@pomoc/store-postgres"
import { SqlStore } from "@pomoc/store-sql"
import { SqliteStore } from "@pomoc/store-sqlite"
import Database from "better-sqlite3"
import { Context, Effect, Exit, Layer, Redacted, Scope } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, tmpdir, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const quick = process.argv.includes("--quick")
const sqliteOnly = process.argv.includes("--sqlite-only")
const ROUNDS = quick ? 3 : 7
const SINGLE = quick ? 200 : 1000
const BATCH = 1000
const BATCHES = quick ? 3 : 10
const HISTORY = 10_000
const here = dirname(fileURLToPath(import.meta.url))

// ---------------------------------------------------------------------------------------------
// The rows: a contact as the core would store it (encoded entity, index fields, facets, tags).

const PERSON = "person-0001"
const channels = ["visit", "phone", "street", "online"] as const

const contact = (n: number, person: string): Store.RecordWrite => ({
  kind: "contact",
  id: `contact-${n.toString().padStart(8, "0")}`,
  expectedVersion: 0,
  serviceId: "service-club-1",
  personIds: [person],
  at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  facets: { channel: channels[n % channels.length]!, anonymousCount: n % 3, durationMinutes: 15 + (n % 60) },
  tags: ["info", n % 2 === 0 ? "counselling" : "leisure"],
  data: {
    _tag: "Contact",
    id: `contact-${n.toString().padStart(8, "0")}`,
    serviceId: "service-club-1",
    participants: [{ _tag: "Identified", personId: person }],
    at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    channel: channels[n % channels.length],
    interventions: ["info", n % 2 === 0 ? "counselling" : "leisure"],
    durationMinutes: 15 + (n % 60),
    note: { ciphertext: "v1.k1.3q2+7w==.Zm9vYmFyYmF6cXV4IGVuY3J5cHRlZCBub3RlIHRleHQgZm9yIGJlbmNo", alg: "AES-256-GCM" }
  }
})

const draft = (writes: ReadonlyArray<Store.RecordWrite>): Audit.AuditDraft => ({
  at: "2026-01-01T00:00:00.000Z",
  actor: "worker-1",
  role: "worker",
  operation: "recordContact",
  outcome: "allowed",
  serviceId: "service-club-1",
  subjects: writes.map((w) => ({ kind: w.kind, id: w.id }))
})

const unitOf = (writes: ReadonlyArray<Store.RecordWrite>): Store.UnitOfWork => ({ writes, audit: [draft(writes)] })

/** The exact column values the store writes for a record (the raw drivers write the same). */
const recordRow = (w: Store.RecordWrite) =>
  [
    w.kind,
    w.id,
    1,
    w.serviceId,
    w.at,
    JSON.stringify(w.personIds),
    JSON.stringify(w.tags),
    JSON.stringify(w.facets),
    JSON.stringify(w.data)
  ] as const

// ---------------------------------------------------------------------------------------------
// Timing

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

interface Variant {
  readonly name: string
  /** Prepares an empty database; returns the timed run. */
  readonly run: () => Promise<number>
}

/** Runs each variant once per round, alternating, and returns median milliseconds per variant. */
const measure = async (variants: ReadonlyArray<Variant>): Promise<Map<string, number>> => {
  const times = new Map<string, Array<number>>(variants.map((v) => [v.name, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of round % 2 === 0 ? variants : [...variants].reverse()) times.get(v.name)!.push(await v.run())
  }
  return new Map([...times].map(([k, v]) => [k, median(v)]))
}

const now = () => performance.now()

/** Builds a layer in its own scope; returns its context and a closer. */
const open = async <A, E>(layer: Layer.Layer<A, E>) => {
  const scope = Scope.makeUnsafe()
  const context = await Effect.runPromise(Layer.buildWithScope(layer, scope))
  return { context, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
}

// ---------------------------------------------------------------------------------------------
// SQLite

const sqliteDir = mkdtempSync(join(tmpdir(), "pomoc-bench-sqlite-"))
let sqliteFiles = 0
const freshSqliteFile = () => join(sqliteDir, `bench-${sqliteFiles++}.db`)

const openSqliteStore = async (filename: string) => {
  const { close, context } = await open(SqliteStore.layer({ filename }))
  return { store: Context.get(context, Store.Store), close }
}

/** Creates the store's schema in a file, through the store, so raw and store share it exactly. */
const sqliteSchema = async (filename: string) => {
  const { close } = await openSqliteStore(filename)
  await close()
}

const openRawSqlite = (filename: string) => {
  const db = new Database(filename)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  const insertRecord = db.prepare(
    "INSERT INTO pomoc_records (kind, id, version, service_id, at, person_ids, tags, facets, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
  )
  const insertPerson = db.prepare("INSERT INTO pomoc_record_people (person_id, kind, id) VALUES (?, ?, ?)")
  const readHead = db.prepare("SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1")
  const insertAudit = db.prepare("INSERT INTO pomoc_audit (seq, entry, prev_hash, hash) VALUES (?, ?, ?, ?)")
  const updateHead = db.prepare("UPDATE pomoc_audit_head SET seq = ?, hash = ? WHERE singleton = 1")
  const commit = db.transaction((writes: ReadonlyArray<Store.RecordWrite>) => {
    const head = readHead.get() as Audit.Head
    for (const w of writes) {
      insertRecord.run(...recordRow(w))
      for (const p of w.personIds) insertPerson.run(p, w.kind, w.id)
    }
    for (const { hash, prevHash, seq, ...d } of Audit.seal(head, [draft(writes)])) {
      insertAudit.run(seq, JSON.stringify(d), prevHash, hash)
      updateHead.run(seq, hash)
    }
  })
  const history = db.prepare(
    "SELECT r.kind, r.id, r.version, r.service_id, r.at, r.person_ids, r.tags, r.facets, r.data FROM pomoc_records r " +
      "JOIN pomoc_record_people p ON p.kind = r.kind AND p.id = r.id AND p.person_id = ? WHERE r.kind = ? ORDER BY r.at, r.id"
  )
  const readHistory = (person: string) =>
    (history.all(person, "contact") as Array<Record<string, unknown>>).map((r) => ({
      kind: r.kind,
      id: r.id,
      version: r.version,
      serviceId: r.service_id,
      at: r.at,
      personIds: JSON.parse(r.person_ids as string) as unknown,
      tags: JSON.parse(r.tags as string) as unknown,
      facets: JSON.parse(r.facets as string) as unknown,
      data: JSON.parse(r.data as string) as unknown
    }))
  return { db, commit, readHistory }
}

const writeVariants = (
  label: string,
  count: number,
  perCommit: number,
  storeRun: (writes: ReadonlyArray<ReadonlyArray<Store.RecordWrite>>) => Promise<number>,
  rawRun: (writes: ReadonlyArray<ReadonlyArray<Store.RecordWrite>>) => Promise<number>
): ReadonlyArray<Variant> => {
  const commits: Array<Array<Store.RecordWrite>> = []
  for (let i = 0; i < count; i += perCommit) {
    commits.push(
      Array.from({ length: Math.min(perCommit, count - i) }, (_, j) => contact(i + j, `person-${(i + j) % 500}`))
    )
  }
  return [
    { name: `${label} store`, run: () => storeRun(commits) },
    { name: `${label} raw`, run: () => rawRun(commits) }
  ]
}

const sqliteStoreWrites = async (commits: ReadonlyArray<ReadonlyArray<Store.RecordWrite>>) => {
  const filename = freshSqliteFile()
  const { close, store } = await openSqliteStore(filename)
  const started = now()
  await Effect.runPromise(Effect.forEach(commits, (writes) => store.commit(unitOf(writes)), { discard: true }))
  const ms = now() - started
  await close()
  return ms
}

const sqliteRawWrites = async (commits: ReadonlyArray<ReadonlyArray<Store.RecordWrite>>) => {
  const filename = freshSqliteFile()
  await sqliteSchema(filename)
  const raw = openRawSqlite(filename)
  const started = now()
  for (const writes of commits) raw.commit(writes)
  const ms = now() - started
  raw.db.close()
  return ms
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

interface Cluster {
  readonly info: { readonly url: string }
  readonly stop: () => Promise<void>
}

const startCluster = async (): Promise<Cluster> => {
  // The test harness's cluster (not part of any package's sources), loaded at run time.
  const clusterPath = join(here, "..", "..", "packages", "stores", "postgres", "test", "cluster.ts")
  const module = (await import(pathToFileURL(clusterPath).href)) as { startCluster: () => Promise<Cluster> }
  return module.startCluster()
}

const pgReset = (sql: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    yield* sql.unsafe(
      "DROP TABLE IF EXISTS pomoc_records, pomoc_record_people, pomoc_record_lookup, pomoc_report_rows, pomoc_report_shapes, pomoc_person_numbers, pomoc_renaming, pomoc_audit, pomoc_audit_head, pomoc_migrations"
    )
    yield* SqlStore.migrate(PostgresDialect.dialect)
  }).pipe(Effect.provideService(SqlClient.SqlClient, sql))

/** The raw PostgreSQL write: one multi-row INSERT per table, in one transaction. */
const pgRawCommit = (sql: SqlClient.SqlClient, writes: ReadonlyArray<Store.RecordWrite>) =>
  sql.withTransaction(
    Effect.gen(function*() {
      const [head] = yield* sql.unsafe<{ seq: string; hash: string }>(
        "SELECT seq, hash FROM pomoc_audit_head WHERE singleton = 1 FOR UPDATE"
      )
      const placeholders = (rows: number, cols: number) =>
        Array.from({ length: rows }, (_, r) =>
          `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(", ")})`).join(", ")
      for (let i = 0; i < writes.length; i += 500) {
        const part = writes.slice(i, i + 500)
        yield* sql.unsafe(
          `INSERT INTO pomoc_records (kind, id, version, service_id, at, person_ids, tags, facets, data) VALUES ${
            placeholders(part.length, 9)
          }`,
          part.flatMap(recordRow)
        )
        const people = part.flatMap((w) =>
          w.personIds.map((p) => [p, w.kind, w.id])
        )
        // People rows hold people's numbers (the report rows' trigger numbered them).
        yield* sql.unsafe(
          `INSERT INTO pomoc_record_people (n, kind, id) SELECT x.n, v.kind, v.id FROM (VALUES ${
            placeholders(people.length, 3)
          }) v(person_id, kind, id) JOIN pomoc_person_numbers x ON x.person_id = v.person_id`,
          people.flat()
        )
      }
      const [entry] = Audit.seal({ seq: Number(head!.seq), hash: head!.hash }, [draft(writes)])
      const { hash, prevHash, seq, ...d } = entry!
      yield* sql.unsafe("INSERT INTO pomoc_audit (seq, entry, prev_hash, hash) VALUES ($1, $2, $3, $4)", [
        seq,
        JSON.stringify(d),
        prevHash,
        hash
      ])
      yield* sql.unsafe("UPDATE pomoc_audit_head SET seq = $1, hash = $2 WHERE singleton = 1", [seq, hash])
    })
  )

const pgRawHistory = (sql: SqlClient.SqlClient, person: string) =>
  Effect.map(
    sql.unsafe<Record<string, unknown>>(
      "SELECT r.kind, r.id, r.version, r.service_id, r.at, r.person_ids, r.tags, r.facets, r.data FROM pomoc_records r " +
        "JOIN pomoc_person_numbers x ON x.person_id = $1 JOIN pomoc_record_people p ON p.n = x.n AND p.kind = r.kind AND p.id = r.id " +
        "WHERE r.kind = $2 ORDER BY r.at NULLS FIRST, r.id",
      [person, "contact"]
    ),
    (rows) =>
      rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        version: r.version,
        serviceId: r.service_id,
        at: r.at,
        personIds: r.person_ids,
        tags: r.tags,
        facets: r.facets,
        data: r.data
      }))
  )

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  readonly database: string
  readonly scenario: string
  readonly storeMs: number
  readonly rawMs: number
  readonly items: number
  readonly unit: "contacts/s" | "ms"
  readonly target?: number
}

const results: Array<Row> = []

const fmt = (n: number) => n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1)

const print = (row: Row) => {
  const ratio = row.storeMs / row.rawMs
  const store = row.unit === "ms" ? `${fmt(row.storeMs)} ms` : `${fmt((row.items / row.storeMs) * 1000)} contacts/s`
  const raw = row.unit === "ms" ? `${fmt(row.rawMs)} ms` : `${fmt((row.items / row.rawMs) * 1000)} contacts/s`
  const verdict = row.target === undefined
    ? ""
    : ratio <= row.target
    ? ` (target ≤ ${row.target}×: met)`
    : ` (target ≤ ${row.target}×: MISSED)`
  console.log(`| ${row.database} | ${row.scenario} | ${store} | ${raw} | ${ratio.toFixed(2)}×${verdict} |`)
}

const sqliteSection = async () => {
  const single = await measure(writeVariants("single", SINGLE, 1, sqliteStoreWrites, sqliteRawWrites))
  results.push({
    database: "SQLite (file, WAL)",
    scenario: `record ${SINGLE} contacts, one per commit`,
    storeMs: single.get("single store")!,
    rawMs: single.get("single raw")!,
    items: SINGLE,
    unit: "contacts/s"
  })
  const batch = await measure(writeVariants("batch", BATCH * BATCHES, BATCH, sqliteStoreWrites, sqliteRawWrites))
  results.push({
    database: "SQLite (file, WAL)",
    scenario: `record ${BATCH * BATCHES} contacts, ${BATCH} per commit`,
    storeMs: batch.get("batch store")!,
    rawMs: batch.get("batch raw")!,
    items: BATCH * BATCHES,
    unit: "contacts/s",
    target: 1.5
  })

  // One person with 10,000 contacts among 20,000 others'.
  const filename = freshSqliteFile()
  const { close, store } = await openSqliteStore(filename)
  for (let i = 0; i < HISTORY * 3; i += BATCH) {
    const writes = Array.from(
      { length: BATCH },
      (_, j) => contact(i + j, (i + j) % 3 === 0 ? PERSON : `person-${(i + j) % 977}`)
    )
    await Effect.runPromise(store.commit(unitOf(writes)))
  }
  const raw = openRawSqlite(filename)
  let storeCount = 0
  let rawCount = 0
  const history = await measure([
    {
      name: "store",
      run: async () => {
        const started = now()
        storeCount = (await Effect.runPromise(store.list({ kind: "contact", personId: PERSON }))).length
        return now() - started
      }
    },
    {
      name: "raw",
      run: () => {
        const started = now()
        rawCount = raw.readHistory(PERSON).length
        return Promise.resolve(now() - started)
      }
    }
  ])
  if (storeCount !== HISTORY || rawCount !== HISTORY) {
    throw new Error(`history sizes differ: store ${storeCount}, raw ${rawCount}`)
  }
  results.push({
    database: "SQLite (file, WAL)",
    scenario: `read one person's history (${HISTORY} contacts)`,
    storeMs: history.get("store")!,
    rawMs: history.get("raw")!,
    items: HISTORY,
    unit: "ms"
  })
  raw.db.close()
  await close()
}

const pgSection = async () => {
  const cluster = await startCluster()
  try {
    const pgLayer = PgClient.layer({ url: Redacted.make(cluster.info.url) })
    const { close, context } = await open(pgLayer)
    const sql = Context.get(context, SqlClient.SqlClient)
    const storeLayer = PostgresStore.layer({ url: Redacted.make(cluster.info.url) })
    const { close: closeStore, context: storeContext } = await open(storeLayer)
    const store = Context.get(storeContext, Store.Store)

    const storeWrites = async (commits: ReadonlyArray<ReadonlyArray<Store.RecordWrite>>) => {
      await Effect.runPromise(pgReset(sql))
      const started = now()
      await Effect.runPromise(Effect.forEach(commits, (writes) => store.commit(unitOf(writes)), { discard: true }))
      return now() - started
    }
    const rawWrites = async (commits: ReadonlyArray<ReadonlyArray<Store.RecordWrite>>) => {
      await Effect.runPromise(pgReset(sql))
      const started = now()
      await Effect.runPromise(Effect.forEach(commits, (writes) => pgRawCommit(sql, writes), { discard: true }))
      return now() - started
    }
    const single = await measure(writeVariants("single", SINGLE, 1, storeWrites, rawWrites))
    results.push({
      database: "PostgreSQL (loopback)",
      scenario: `record ${SINGLE} contacts, one per commit`,
      storeMs: single.get("single store")!,
      rawMs: single.get("single raw")!,
      items: SINGLE,
      unit: "contacts/s"
    })
    const batch = await measure(writeVariants("batch", BATCH * BATCHES, BATCH, storeWrites, rawWrites))
    results.push({
      database: "PostgreSQL (loopback)",
      scenario: `record ${BATCH * BATCHES} contacts, ${BATCH} per commit`,
      storeMs: batch.get("batch store")!,
      rawMs: batch.get("batch raw")!,
      items: BATCH * BATCHES,
      unit: "contacts/s",
      target: 1.5
    })

    await Effect.runPromise(pgReset(sql))
    for (let i = 0; i < HISTORY * 3; i += BATCH) {
      const writes = Array.from(
        { length: BATCH },
        (_, j) => contact(i + j, (i + j) % 3 === 0 ? PERSON : `person-${(i + j) % 977}`)
      )
      await Effect.runPromise(store.commit(unitOf(writes)))
    }
    await Effect.runPromise(sql.unsafe("ANALYZE"))
    let storeCount = 0
    let rawCount = 0
    const history = await measure([
      {
        name: "store",
        run: async () => {
          const started = now()
          storeCount = (await Effect.runPromise(store.list({ kind: "contact", personId: PERSON }))).length
          return now() - started
        }
      },
      {
        name: "raw",
        run: async () => {
          const started = now()
          rawCount = (await Effect.runPromise(pgRawHistory(sql, PERSON))).length
          return now() - started
        }
      }
    ])
    if (storeCount !== HISTORY || rawCount !== HISTORY) {
      throw new Error(`history sizes differ: store ${storeCount}, raw ${rawCount}`)
    }
    results.push({
      database: "PostgreSQL (loopback)",
      scenario: `read one person's history (${HISTORY} contacts)`,
      storeMs: history.get("store")!,
      rawMs: history.get("raw")!,
      items: HISTORY,
      unit: "ms"
    })
    await closeStore()
    await close()
  } finally {
    await cluster.stop()
  }
}

try {
  console.log(
    `SQL stores: ${ROUNDS} rounds, medians; node ${process.version}, ${
      cpus()[0]?.model ?? "unknown CPU"
    } × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`
  )
  await sqliteSection()
  if (!sqliteOnly) await pgSection()
  console.log("\n| database | scenario | store | raw driver | store / raw time |")
  console.log("| --- | --- | --- | --- | --- |")
  for (const row of results) print(row)
} finally {
  rmSync(sqliteDir, { recursive: true, force: true })
}
