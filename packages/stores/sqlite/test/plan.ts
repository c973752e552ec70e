/**
 * The report-plan probe for SQLite: runs `EXPLAIN QUERY PLAN` on the statements the store runs
 * for an aggregate and bounds the rows they read. A plan that reads the report rows in one range
 * constrained by every filter of the query (kind, and service and period when given), and
 * otherwise only looks report shapes up by id and expands tags and people with `json_each`,
 * reads exactly the period's rows (so does a statement that only looks up, by id, the shapes
 * those rows hold); any other plan is bounded by the records of the kind to the
 * power of its nested table loops.
 */
import type { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import type { AggregatePlan } from "@pomoc/store-testkit"
import { Effect } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { SqliteDialect } from "../src/index.js"

interface PlanRow {
  readonly id: number
  readonly parent: number
  readonly detail: string
}

const isTableLoop = (detail: string): boolean => /^(SCAN|SEARCH) /.test(detail) && !detail.includes("VIRTUAL TABLE")

/** The constraints a range over the period must show for this query. */
const required = (query: Store.AggregateQuery): ReadonlyArray<string> => [
  "kind=?",
  ...(query.serviceId === undefined ? [] : ["service_id=?"]),
  ...(query.from === undefined ? [] : ["at>?"]),
  ...(query.to === undefined ? [] : ["at<?"])
]

/**
 * Whether a plan reads the report rows (`r`) in one range on every filter of the query, and
 * anything else only by key: report shapes (`s`) by their id, the grouped subquery (`c`) as
 * built.
 */
export const periodDriven = (details: ReadonlyArray<string>, query: Store.AggregateQuery): boolean => {
  const loops = details.filter(isTableLoop)
  // The groups of the shapes the period's rows hold (`byShape`), looked
  // up by id and nothing else: at most one shape per row of the period.
  if (loops.length > 0 && loops.every((d) => /^SEARCH [sx] USING INTEGER PRIMARY KEY \(rowid=\?\)$/.test(d))) {
    return true
  }
  const ranges = loops.filter((d) => /^(SCAN|SEARCH) r( |$)/.test(d))
  const others = loops.filter((d) => !/^(SCAN|SEARCH) [rc]( |$)/.test(d))
  if (ranges.length !== 1 || !others.every((d) => d === "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)")) return false
  const m = /^SEARCH r USING (?:COVERING )?INDEX pomoc_report_rows_\w+ \((.*)\)$/.exec(ranges[0]!)
  return m !== null && required(query).every((c) => m[1]!.split(" AND ").includes(c))
}

/** `aggregatePlan` through a `SqlClient` on the store's database. */
export const aggregatePlan = (
  query: Store.AggregateQuery
): Effect.Effect<AggregatePlan, unknown, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const statements = yield* SqlStore.aggregateSql(SqliteDialect.dialect, query)
    const plans: Array<ReadonlyArray<string>> = []
    for (const [text, params] of statements) {
      const rows = yield* sql.unsafe<PlanRow>(`EXPLAIN QUERY PLAN ${text}`, params)
      plans.push(rows.map((r) => r.detail))
    }
    // The records in the period (what a period-driven plan reads), counted directly: the
    // store's own aggregate statement answers the period's rows as one text, not a count.
    const inPeriod = Number(
      (yield* sql<{ n: number }>`SELECT count(*) AS n FROM pomoc_records WHERE kind = ${query.kind}
        AND (${query.serviceId ?? null} IS NULL OR service_id = ${query.serviceId ?? null})
        AND (${query.from ?? null} IS NULL OR at >= ${query.from ?? null})
        AND (${query.to ?? null} IS NULL OR at < ${query.to ?? null})`)[0]?.n ?? 0
    )
    const ofKind = Number(
      (yield* sql<{ n: number }>`SELECT count(*) AS n FROM pomoc_records WHERE kind = ${query.kind}`)[0]?.n ?? 0
    )
    const rowsRead = Math.max(
      ...plans.map((details) => periodDriven(details, query) ? inPeriod : ofKind ** details.filter(isTableLoop).length)
    )
    return { rowsRead, plan: plans.map((details) => details.join("\n")).join("\n--\n") }
  })
