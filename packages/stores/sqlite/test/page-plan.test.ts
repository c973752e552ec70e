/**
 * Pages are read through indexes: the plan of a page of a service's contacts of a month, after a
 * cursor, is one range of the (kind, service_id, at, id) index in the order of the page (no sort
 * of the period's rows, no scan of the kind); a person's page starts from the people table.
 */
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Effect } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { SqliteDialect, SqliteStore } from "../src/index.js"

const planOf = (query: Store.SelectQuery) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const [text, params] = yield* SqlStore.selectSql(SqliteDialect.dialect, query)
    const rows = yield* sql.unsafe<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, params)
    return rows.map((r) => r.detail)
  })

describe("page plans on SQLite", () => {
  it.effect("a page of a month's contacts in a service is one index range, in order", () =>
    Effect.gen(function*() {
      const store = yield* Store.Store
      const writes = Array.from({ length: 3000 }, (_, n): Store.RecordWrite => ({
        kind: n % 3 === 0 ? "person" : "contact",
        id: `r${n}`,
        expectedVersion: 0,
        serviceId: `service-${n % 5}`,
        personIds: [`p${n % 40}`],
        at: n % 97 === 0 ? null : new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
        facets: {},
        tags: [],
        data: {}
      }))
      yield* store.commit({ writes, audit: [] })
      const month = { kind: "contact", serviceId: "service-1", from: "2025-02-01", to: "2025-03-01" } as const
      for (
        const after of [undefined, { at: "2025-02-10T00:00:00.000Z", id: "r900" }, { at: null, id: "r97" }]
      ) {
        const plan = yield* planOf({ ...month, limit: 51, ...(after === undefined ? {} : { after }) })
        expect(plan.join("\n")).toMatch(
          /^SEARCH r USING INDEX pomoc_records_service_period \(kind=\? AND service_id=\?/m
        )
        expect(plan.join("\n")).not.toMatch(/TEMP B-TREE|SCAN r/)
      }
      const person = yield* planOf({
        kind: "contact",
        personId: "p3",
        limit: 51,
        after: { at: "2025-02-10", id: "r9" }
      })
      expect(person.join("\n")).toMatch(/SEARCH p USING PRIMARY KEY \(person_id=\? AND kind=\?\)/)
      expect(person.join("\n")).not.toMatch(/SCAN r/)
      // What the plans promise, the pages keep: the month's contacts of the service, in order.
      const page = yield* store.page({ ...month, limit: 5 })
      const rest = yield* store.page({ ...month, limit: 500, cursor: page.next! })
      const listed = yield* store.list(month)
      expect([...page.records, ...rest.records]).toEqual(listed)
    }).pipe(Effect.provide(SqliteStore.layer({ filename: ":memory:" }))))

  it.effect("a page of a token's holders starts from the lookup table's primary key, never a scan of the kind", () =>
    Effect.gen(function*() {
      const store = yield* Store.Store
      // Many people, few holding each token (as a nickname's or a shared service's token).
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
      yield* store.commit({ writes, audit: [] })
      yield* SqlClient.SqlClient.use((sql) => sql.unsafe("ANALYZE"))
      for (const after of [undefined, { at: "2025-02-10T00:00:00.000Z", id: "p900" }]) {
        const plan = (yield* planOf({
          kind: "person",
          lookup: "t-7",
          limit: 21,
          ...(after === undefined ? {} : { after })
        })).join("\n")
        // The primary key, or since migration 7 the token's index in page order (then no sort).
        expect(plan).toMatch(
          /SEARCH l USING (PRIMARY KEY|(COVERING )?INDEX pomoc_record_lookup_order) \(token=\? AND kind=\?( AND .*)?\)/
        )
        expect(plan).not.toMatch(/SCAN r/)
        expect(plan).not.toMatch(/TEMP B-TREE/)
      }
      const page = yield* store.page({ kind: "person", lookup: "t-7", limit: 4 })
      const rest = yield* store.page({ kind: "person", lookup: "t-7", limit: 500, cursor: page.next! })
      expect([...page.records, ...rest.records].map((r) => r.id)).toEqual(
        Array.from({ length: 10 }, (_, i) => `p${7 + 300 * i}`)
      )
    }).pipe(Effect.provide(SqliteStore.layer({ filename: ":memory:" }))))

  it.effect("a person's one record of a kind (a data key) is a seek on (person, kind), not a read of all their records", () =>
    Effect.gen(function*() {
      const store = yield* Store.Store
      // A person with 5,000 contacts and one data key (the vault's lookup outside a session:
      // erasure's keysOf, the first write about a person), among others' data keys.
      const writes = [
        ...Array.from({ length: 5000 }, (_, n): Store.RecordWrite => ({
          kind: "contact",
          id: `c${n}`,
          expectedVersion: 0,
          serviceId: "service-1",
          personIds: ["p1"],
          at: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
          facets: {},
          tags: [],
          data: {}
        })),
        ...Array.from({ length: 500 }, (_, n): Store.RecordWrite => ({
          kind: "data-key",
          id: `dk${n}`,
          expectedVersion: 0,
          serviceId: null,
          personIds: [`p${n}`],
          at: null,
          facets: {},
          tags: [],
          data: {}
        }))
      ]
      yield* store.commit({ writes, audit: [] })
      for (const analysed of [false, true]) {
        if (analysed) yield* SqlClient.SqlClient.use((sql) => sql.unsafe("ANALYZE"))
        for (
          const query of [{ kind: "data-key", personId: "p1", limit: 1 }, { kind: "data-key", personId: "p1" }] as const
        ) {
          const plan = (yield* planOf(query)).join("\n")
          expect(plan).toMatch(/SEARCH p USING PRIMARY KEY \(person_id=\? AND kind=\?\)/)
          expect(plan).not.toMatch(/SCAN/)
        }
      }
      expect((yield* store.list({ kind: "data-key", personId: "p1", limit: 1 })).map((r) => r.id)).toEqual(["dk1"])
    }).pipe(Effect.provide(SqliteStore.layer({ filename: ":memory:" }))))
})
