/**
 * Pages are read in index order on PostgreSQL: the plan of a page of a service's contacts of a
 * month (first, and after a cursor) is an index scan of (kind, service_id, at, id) with no sort,
 * even with sorting priced out; the order PostgreSQL's indexes keep puts nulls last, so a page
 * that could hold records without a time is the only one that may sort.
 */
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Effect } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { PostgresDialect } from "../src/index.js"
import { createSchema, freshSchema, withRaw, withStore } from "./stores.js"

describe("page plans on PostgreSQL", () => {
  it.effect("a month's page of a service's contacts is an index scan without a sort", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const writes = Array.from({ length: 2000 }, (_, n): Store.RecordWrite => ({
        kind: "contact",
        id: `r${n}`,
        expectedVersion: 0,
        serviceId: `service-${n % 5}`,
        personIds: [`p${n % 40}`],
        at: n % 97 === 0 ? null : new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
        facets: {},
        tags: [],
        data: {}
      }))
      const month = { kind: "contact", serviceId: "service-1", from: "2025-02-01", to: "2025-03-01" } as const
      const pages = yield* withStore(schema, (store) =>
        Effect.gen(function*() {
          yield* store.commit({ writes, audit: [] })
          const first = yield* store.page({ ...month, limit: 5 })
          const rest = yield* store.page({ ...month, limit: 500, cursor: first.next! })
          return { records: [...first.records, ...rest.records], listed: yield* store.list(month) }
        }))
      expect(pages.records).toEqual(pages.listed)
      const plans = yield* withRaw(schema, (sql) =>
        Effect.gen(function*() {
          yield* sql.unsafe("SET enable_sort = off")
          yield* sql.unsafe("SET enable_seqscan = off")
          const out: Array<string> = []
          for (const after of [undefined, { at: "2025-02-10T00:00:00.000Z", id: "r900" }]) {
            const [text, params] = yield* SqlStore.selectSql(PostgresDialect.dialect, {
              ...month,
              limit: 51,
              ...(after === undefined ? {} : { after })
            }).pipe(Effect.provideService(SqlClient.SqlClient, sql))
            const rows = yield* sql.unsafe<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params)
            out.push(rows.map((r) => r["QUERY PLAN"]).join("\n"))
          }
          return out
        }))
      for (const plan of plans) {
        expect(plan).toMatch(/Index Scan using pomoc_records_service_period/)
        expect(plan).not.toMatch(/Sort/)
      }
    }))

  it.effect("a page of a token's holders starts from the lookup table's primary key", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const writes = Array.from({ length: 3000 }, (_, n): Store.RecordWrite => ({
        kind: "person",
        id: `p${n}`,
        expectedVersion: 0,
        serviceId: `service-${n % 5}`,
        personIds: [`p${n}`],
        at: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
        facets: {},
        tags: [],
        data: {},
        lookup: [`t-${n % 300}`, `t-${n % 300}.b-15-17`]
      }))
      const ids = yield* withStore(schema, (store) =>
        Effect.gen(function*() {
          yield* store.commit({ writes, audit: [] })
          const first = yield* store.page({ kind: "person", lookup: "t-7", limit: 4 })
          const rest = yield* store.page({ kind: "person", lookup: "t-7", limit: 500, cursor: first.next! })
          return [...first.records, ...rest.records].map((r) => r.id)
        }))
      expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `p${7 + 300 * i}`))
      const plans = yield* withRaw(schema, (sql) =>
        Effect.gen(function*() {
          yield* sql.unsafe("ANALYZE")
          const out: Array<string> = []
          for (const after of [undefined, { at: "2025-02-10T00:00:00.000Z", id: "p900" }]) {
            const [text, params] = yield* SqlStore.selectSql(PostgresDialect.dialect, {
              kind: "person",
              lookup: "t-7",
              limit: 21,
              ...(after === undefined ? {} : { after })
            }).pipe(Effect.provideService(SqlClient.SqlClient, sql))
            const rows = yield* sql.unsafe<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params)
            out.push(rows.map((r) => r["QUERY PLAN"]).join("\n"))
          }
          return out
        }))
      for (const plan of plans) {
        expect(plan).toMatch(/(Bitmap Index Scan on|Index (Only )?Scan using) pomoc_record_lookup_pkey/)
        expect(plan).not.toMatch(/Seq Scan on pomoc_records/)
      }
    }))
})
