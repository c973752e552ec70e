/**
 * Pages are read in index order on PostgreSQL: the plan of a page of a service's contacts of a
 * month (first, and after a cursor) is an index scan of (kind, service_id, at, id) with no sort,
 * even with sorting priced out; and so is a page with no period (a service's people: records
 * without a time come first), first and after a cursor on a record without a time, since
 * migration 6 keeps the indexes in that order (before, such a page sorted all of the service's
 * records of the kind).
 */
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Effect } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { PostgresDialect } from "../src/index.js"
import { createSchema, freshSchema, withRaw, withStore } from "./stores.js"

/** The plans (`EXPLAIN`) of a page of `query`, first and after each keyset, with sorting and sequential scans priced out. */
const plansOf = (schema: string, query: Store.SelectQuery, afters: ReadonlyArray<Store.Keyset>) =>
  withRaw(schema, (sql) =>
    Effect.gen(function*() {
      yield* sql.unsafe("SET enable_sort = off")
      yield* sql.unsafe("SET enable_seqscan = off")
      const out: Array<string> = []
      for (const after of [undefined, ...afters]) {
        const [text, params] = yield* SqlStore.selectSql(PostgresDialect.dialect, {
          ...query,
          limit: 51,
          ...(after === undefined ? {} : { after })
        }).pipe(Effect.provideService(SqlClient.SqlClient, sql))
        const rows = yield* sql.unsafe<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params)
        out.push(rows.map((r) => r["QUERY PLAN"]).join("\n"))
      }
      return out
    }))

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
      const plans = yield* plansOf(schema, month, [{ at: "2025-02-10T00:00:00.000Z", id: "r900" }])
      for (const plan of plans) {
        expect(plan).toMatch(/Index Scan using pomoc_records_service_period/)
        expect(plan).not.toMatch(/Sort/)
      }
    }))

  it.effect("a page with no period (a service's people) is an index scan without a sort, first and after a cursor", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      // People of five services, some registered without a time.
      const writes = Array.from({ length: 2000 }, (_, n): Store.RecordWrite => ({
        kind: "person",
        id: `p${String(n).padStart(4, "0")}`,
        expectedVersion: 0,
        serviceId: `service-${n % 5}`,
        personIds: [`p${n}`],
        at: n % 7 === 0 ? null : new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
        facets: {},
        tags: [],
        data: {}
      }))
      const people = { kind: "person", serviceId: "service-1" } as const
      const pages = yield* withStore(schema, (store) =>
        Effect.gen(function*() {
          yield* store.commit({ writes, audit: [] })
          const records = []
          let page = yield* store.page({ ...people, limit: 7 })
          records.push(...page.records)
          while (page.next !== undefined) {
            page = yield* store.page({ ...people, limit: 50, cursor: page.next })
            records.push(...page.records)
          }
          return { records, listed: yield* store.list(people) }
        }))
      // Untimed first (by id), then by time: every record once, in the order of `list`.
      expect(pages.records).toEqual(pages.listed)
      expect(pages.records.slice(0, 3).map((r) => r.at)).toEqual([null, null, null])
      yield* withRaw(schema, (sql) => sql.unsafe("ANALYZE pomoc_records"))
      const plans = yield* plansOf(schema, people, [{ at: null, id: "p0056" }, {
        at: "2025-02-10T00:00:00.000Z",
        id: "p0900"
      }])
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
        // The primary key, or since migration 7 the token's index in page order (then no sort).
        expect(plan).toMatch(
          /(Bitmap Index Scan on|Index (Only )?Scan using) (pomoc_record_lookup_pkey|pomoc_record_lookup_order)/
        )
        expect(plan).not.toMatch(/Seq Scan on pomoc_records/)
      }
    }))

  it.effect("a page of a large token's records (people shared into a service) reads the token's order index without a sort", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      // 4,000 people of five services; half of them shared into one service (one token), some
      // registered without a time.
      const writes = Array.from({ length: 4000 }, (_, n): Store.RecordWrite => ({
        kind: "person",
        id: `p${String(n).padStart(4, "0")}`,
        expectedVersion: 0,
        serviceId: `service-${n % 5}`,
        personIds: [`p${n}`],
        at: n % 11 === 0 ? null : new Date(Date.UTC(2025, 0, 1) + ((n * 7919) % 4000) * 3_600_000).toISOString(),
        facets: {},
        tags: [],
        data: {},
        lookup: n % 2 === 0 ? ["in-shared", `t-${n % 300}`] : [`t-${n % 300}`]
      }))
      const shared = { kind: "person", lookup: "in-shared" } as const
      const pages = yield* withStore(schema, (store) =>
        Effect.gen(function*() {
          yield* store.commit({ writes, audit: [] })
          const records = []
          let page = yield* store.page({ ...shared, limit: 9 })
          records.push(...page.records)
          while (page.next !== undefined) {
            page = yield* store.page({ ...shared, limit: 250, cursor: page.next })
            records.push(...page.records)
          }
          return { records, listed: yield* store.list(shared) }
        }))
      // Every holder once, untimed first, then by time and id: the order of `list`.
      expect(pages.records).toHaveLength(2000)
      expect(pages.records).toEqual(pages.listed)
      expect(pages.records[0]!.at).toBeNull()
      yield* withRaw(schema, (sql) => sql.unsafe("ANALYZE"))
      const plans = yield* plansOf(schema, shared, [{ at: null, id: "p0110" }, {
        at: "2025-02-10T00:00:00.000Z",
        id: "p0900"
      }])
      for (const plan of plans) {
        expect(plan).toMatch(/Index (Only )?Scan using pomoc_record_lookup_order/)
        expect(plan).not.toMatch(/Sort/)
        expect(plan).not.toMatch(/Seq Scan/)
      }
    }))
})
