/**
 * The shared conformance suite against the PostgreSQL store, in a schema of its own on the
 * harness's cluster, probed through a second connection pool.
 */
import { Audit } from "@pomoc/core"
import type { RawProbe } from "@pomoc/store-testkit"
import { suite } from "@pomoc/store-testkit"
import { Effect, ManagedRuntime } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { afterAll } from "vitest"
import { PostgresStore } from "../src/index.js"
import { aggregatePlan } from "./plan.js"
import { clientConfig, freshSchema, rawLayer } from "./stores.js"

const schema = freshSchema()
const admin = ManagedRuntime.make(rawLayer("public"))
const raw = ManagedRuntime.make(rawLayer(schema))
afterAll(async () => {
  await admin.runPromise(
    Effect.flatMap(Effect.service(SqlClient.SqlClient), (sql) => sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`)
  )
  await raw.dispose()
  await admin.dispose()
})

const withSql = <A>(f: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>) =>
  raw.runPromise(Effect.flatMap(Effect.service(SqlClient.SqlClient), f))

const probe: RawProbe = {
  record: (kind, id) =>
    withSql((sql) =>
      Effect.map(
        sql<
          { version: number; data: string }
        >`SELECT version, data::text AS data FROM pomoc_records WHERE kind = ${kind} AND id = ${id}`,
        (rows) =>
          rows[0] === undefined ? undefined : { version: rows[0].version, data: JSON.parse(rows[0].data) as unknown }
      )
    ),
  auditCount: () =>
    withSql((sql) => Effect.map(sql<{ n: number }>`SELECT count(*)::int AS n FROM pomoc_audit`, (rows) => rows[0]!.n)),
  tamperAudit: (seq, field, value) =>
    withSql((sql) =>
      Effect.asVoid(
        sql`UPDATE pomoc_audit SET entry = jsonb_set(entry, ARRAY[${field}::text], to_jsonb(${value}::text)) WHERE seq = ${seq}`
      )
    ),
  truncateAudit: (keep) =>
    withSql((sql) =>
      Effect.asVoid(Effect.andThen(
        sql`DELETE FROM pomoc_audit WHERE seq > ${keep}`,
        sql`UPDATE pomoc_audit_head SET seq = ${keep}, hash = coalesce((SELECT hash FROM pomoc_audit WHERE seq = ${keep}), ${Audit.GENESIS}) WHERE singleton = 1`
      ))
    ),
  aggregatePlan: (query) => raw.runPromise(aggregatePlan(query))
}

const layer = PostgresStore.layer(clientConfig(schema))

suite("postgres", {
  layer,
  reopen: layer,
  reset: () =>
    admin.runPromise(
      Effect.flatMap(Effect.service(SqlClient.SqlClient), (sql) =>
        Effect.asVoid(
          Effect.andThen(sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`, sql`CREATE SCHEMA ${sql(schema)}`)
        ))
    ),
  probe,
  markDatabaseNewer: () =>
    withSql((sql) =>
      Effect.asVoid(
        sql`INSERT INTO pomoc_migrations (version, name, applied_at) VALUES (999, 'from the future', '2099-01-01')`
      )
    ),
  modelRuns: 20
})
