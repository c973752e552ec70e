/**
 * The report-plan probe can fail: on the schema and query before migration 2 (tags in their own
 * table with a (kind, tag) index, joined to the records), a fresh SQLite database without
 * statistics drives the report from the tags and range-scans the period once per tag row, the
 * quadratic plan of issue 10. The probe reads that plan as unbounded by the period; the store's
 * own plan for the same report is the period's range.
 */
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Effect } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { SqliteDialect, SqliteStore } from "../src/index.js"
import { periodDriven } from "./plan.js"

const query: Store.AggregateQuery = {
  kind: "contact",
  serviceId: "service-1",
  from: "2025-01-01T00:00:00.000Z",
  to: "2026-01-01T00:00:00.000Z",
  groupBy: ["tag"],
  sum: ["participants"]
}

describe("report plans on SQLite", () => {
  it.effect("the schema-1 tags join, without statistics, is driven by the tags: the probe refuses it", () =>
    Effect.gen(function*() {
      const store = yield* Store.Store
      const sql = yield* SqlClient.SqlClient
      const writes = Array.from({ length: 2000 }, (_, n): Store.RecordWrite => ({
        kind: "contact",
        id: `c${n}`,
        expectedVersion: 0,
        serviceId: `service-${n % 4}`,
        personIds: [`p${n % 50}`],
        at: new Date(Date.UTC(2024 + (n % 3), 0, 1) + n * 3_600_000).toISOString(),
        facets: { participants: 1 },
        tags: ["a", n % 2 === 0 ? "b" : "c"],
        data: {}
      }))
      yield* store.commit({ writes, audit: [] })
      // Schema 1, side by side: the tags table, its (kind, tag) index, and the query that joined it.
      yield* sql.unsafe(
        `CREATE TABLE old_tags (kind TEXT NOT NULL, id TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (kind, id, tag)) WITHOUT ROWID`
      )
      yield* sql.unsafe(`CREATE INDEX old_tags_tag ON old_tags (kind, tag)`)
      yield* sql.unsafe(
        `INSERT INTO old_tags SELECT DISTINCT r.kind, r.id, t.value FROM pomoc_records r, json_each(r.tags) t`
      )
      yield* sql.unsafe(`DROP TABLE IF EXISTS sqlite_stat1`).pipe(Effect.ignore)
      const old = yield* sql.unsafe<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT t.tag AS g0, count(*) AS n, total(CASE WHEN json_type(r.facets, '$.participants') IN ('integer', 'real') THEN json_extract(r.facets, '$.participants') END) AS s0
         FROM pomoc_records r JOIN old_tags t ON t.kind = r.kind AND t.id = r.id
         WHERE r.kind = ? AND r.service_id = ? AND r.at >= ? AND r.at < ? GROUP BY 1 ORDER BY 1`,
        ["contact", "service-1", query.from, query.to]
      )
      const details = old.map((r) => r.detail)
      expect(details.find((d) => /^(SCAN|SEARCH) /.test(d))).toMatch(/old_tags_tag/)
      expect(periodDriven(details, query)).toBe(false)

      const [[text, params]] = (yield* SqlStore.aggregateSql(SqliteDialect.dialect, query)) as unknown as [
        [string, Array<never>]
      ]
      const current = (yield* sql.unsafe<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, params)).map((r) => r.detail)
      expect(periodDriven(current, query), current.join("\n")).toBe(true)
    }).pipe(Effect.provide(SqliteStore.layer({ filename: ":memory:" }))))

  it("the probe takes a look-up of shapes by id alone as period-driven, and a scan of them not", () => {
    expect(periodDriven(["SEARCH x USING INTEGER PRIMARY KEY (rowid=?)"], query)).toBe(true)
    expect(periodDriven(["SCAN x"], query)).toBe(false)
    expect(periodDriven(["SEARCH x USING INTEGER PRIMARY KEY (rowid=?)", "SCAN r"], query)).toBe(false)
  })
})
