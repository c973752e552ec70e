/**
 * The shared conformance suite against the SQLite store: on a file (probed by a second
 * better-sqlite3 connection; durable, two connections, migrations) and in memory (probed through
 * the store's own connection).
 */
import { Audit, Store } from "@pomoc/core"
import { StoreProbe, suite } from "@pomoc/store-testkit"
import type { RawProbe } from "@pomoc/store-testkit"
import { Effect, Layer } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { SqliteClient, SqliteStore } from "../src/index.js"
import { SqliteDriver } from "../src/index.js"
import { aggregatePlan } from "./plan.js"

const dir = mkdtempSync(join(tmpdir(), "pomoc-sqlite-conformance-"))
const file = join(dir, "conformance.db")
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const raw = <A>(f: (db: SqliteDriver.SqliteDatabase) => A): A => {
  const db = SqliteDriver.open(file)
  try {
    return f(db)
  } finally {
    db.close()
  }
}

// Deletes the entries after `keep` and moves the head row back to the last entry kept.
const truncateAuditSql = (keep: number) =>
  `DELETE FROM pomoc_audit WHERE seq > ${keep};
   UPDATE pomoc_audit_head SET seq = ${keep}, hash = coalesce((SELECT hash FROM pomoc_audit WHERE seq = ${keep}), '${Audit.GENESIS}') WHERE singleton = 1`

const fileProbe: RawProbe = {
  record: async (kind, id) =>
    raw((db) => {
      const row = db.prepare("SELECT version, data FROM pomoc_records WHERE kind = ? AND id = ?").get(kind, id) as
        | { version: number; data: string }
        | undefined
      return row === undefined ? undefined : { version: row.version, data: JSON.parse(row.data) as unknown }
    }),
  auditCount: async () => raw((db) => (db.prepare("SELECT count(*) AS n FROM pomoc_audit").get() as { n: number }).n),
  tamperAudit: async (seq, field, value) =>
    raw((db) =>
      void db.prepare("UPDATE pomoc_audit SET entry = json_set(entry, ?, ?) WHERE seq = ?").run(
        `$.${field}`,
        value,
        seq
      )
    ),
  truncateAudit: async (keep) => raw((db) => void db.exec(truncateAuditSql(keep))),
  aggregatePlan: (query) =>
    Effect.runPromise(aggregatePlan(query).pipe(Effect.provide(SqliteClient.layer({ filename: file }))))
}

suite("sqlite file", {
  layer: SqliteStore.layer({ filename: file }),
  reopen: SqliteStore.layer({ filename: file }),
  reset: async () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true })
  },
  probe: fileProbe,
  markDatabaseNewer: async () =>
    raw((db) =>
      void db.prepare(
        "INSERT INTO pomoc_migrations (version, name, applied_at) VALUES (999, 'from the future', '2099-01-01')"
      ).run()
    ),
  modelRuns: 30
})

// In memory only the store's own connection sees the data: the probe goes through it.
const memoryProbe = Layer.effect(
  StoreProbe,
  Effect.map(Effect.service(SqlClient.SqlClient), (sql): RawProbe => ({
    record: (kind, id) =>
      Effect.runPromise(
        Effect.map(
          sql<
            { version: number; data: string }
          >`SELECT version, data FROM pomoc_records WHERE kind = ${kind} AND id = ${id}`,
          (rows) =>
            rows[0] === undefined ? undefined : { version: rows[0].version, data: JSON.parse(rows[0].data) as unknown }
        )
      ),
    auditCount: () =>
      Effect.runPromise(Effect.map(sql<{ n: number }>`SELECT count(*) AS n FROM pomoc_audit`, (rows) => rows[0]!.n)),
    tamperAudit: (seq, field, value) =>
      Effect.runPromise(
        Effect.asVoid(sql`UPDATE pomoc_audit SET entry = json_set(entry, ${"$." + field}, ${value}) WHERE seq = ${seq}`)
      ),
    truncateAudit: (keep) =>
      Effect.runPromise(
        Effect.forEach(truncateAuditSql(keep).split(";"), (statement) => sql.unsafe(statement), { discard: true })
      ),
    aggregatePlan: (query) =>
      Effect.runPromise(aggregatePlan(query).pipe(Effect.provideService(SqlClient.SqlClient, sql)))
  }))
)

suite("sqlite :memory:", {
  layer: memoryProbe.pipe(Layer.provideMerge(SqliteStore.layer({ filename: ":memory:" }))) as Layer.Layer<
    Store.Store,
    Store.StoreError
  >,
  modelRuns: 30
})
