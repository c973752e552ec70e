/**
 * Distinct people can be read from the report rows' index alone on PostgreSQL (migration 11): the
 * statements that read a period's rows for a distinct-people report (its rows in chunks, and where
 * a chunk ends) are index-only scans of (kind, service_id, at), or of (kind, at) without a
 * service (sequential and bitmap scans priced out, as a table of a few thousand rows would
 * otherwise be read whole). Before the migration the indexes did not hold the rows' people, so
 * every row was fetched from the table. (Whether a page is then read from the table too depends
 * on the visibility map, which autovacuum keeps after inserts: 0 fetches at 1,000,000 contacts.)
 */
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Effect } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { PostgresDialect } from "../src/index.js"
import { createSchema, freshSchema, withRaw, withStore } from "./stores.js"

describe("distinct-people plans on PostgreSQL", () => {
  it.effect("a period's rows and their people come from the index alone", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const writes = Array.from({ length: 3000 }, (_, n): Store.RecordWrite => ({
        kind: "contact",
        id: `r${n}`,
        expectedVersion: 0,
        serviceId: `service-${n % 5}`,
        personIds: [`p${n % 200}`, ...(n % 9 === 0 ? [`p${(n + 1) % 200}`] : [])],
        at: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
        facets: { channel: n % 2 === 0 ? "street" : "phone" },
        tags: n % 3 === 0 ? ["a"] : ["b"],
        data: {}
      }))
      yield* withStore(schema, (store) => store.commit({ writes, audit: [] }))
      const plans = yield* withRaw(schema, (sql) =>
        Effect.gen(function*() {
          // Statistics, and the visibility map an index-only scan reads (autovacuum keeps it after inserts).
          yield* sql.unsafe("VACUUM (ANALYZE) pomoc_report_rows")
          // On 3,000 rows a scan of the table (or a bitmap of its pages) is cheaper than reading an
          // index whole: priced out, as a million rows price them out.
          yield* sql.unsafe("SET enable_seqscan = off")
          yield* sql.unsafe("SET enable_bitmapscan = off")
          const out: Array<string> = []
          for (const serviceId of ["service-1", undefined]) {
            const query: Store.AggregateQuery = {
              kind: "contact",
              groupBy: ["tag"],
              distinctPeople: true,
              from: "2025-02-01T00:00:00.000Z",
              to: "2025-04-01T00:00:00.000Z",
              ...(serviceId === undefined ? {} : { serviceId })
            }
            const statements = yield* SqlStore.aggregateSql(PostgresDialect.dialect, query).pipe(
              Effect.provideService(SqlClient.SqlClient, sql)
            )
            // The rows' statement and where the first chunk ends (the shapes' lookup reads the dictionary).
            for (const [text, params] of statements.slice(0, 2)) {
              const rows = yield* sql.unsafe<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, params)
              out.push(rows.map((r) => r["QUERY PLAN"]).join("\n"))
            }
          }
          return out
        }))
      expect(plans).toHaveLength(4)
      plans.forEach((plan, i) => {
        expect(plan).toMatch(
          i < 2
            ? /Index Only Scan using pomoc_report_rows_service_period/
            : /Index Only Scan using pomoc_report_rows_period/
        )
        expect(plan).not.toMatch(/Bitmap Heap Scan|Seq Scan/)
      })
    }), 120_000)
})
