/**
 * The report-plan probe for PostgreSQL: runs the statements the store runs for an aggregate under
 * `EXPLAIN (ANALYZE, FORMAT JSON)` and counts the stored rows its scans read (rows returned plus
 * rows removed by filters and rechecks, times loops). Function scans (tags and people expanded
 * from a row) read no stored rows, and neither do lookups of report shapes (the dictionary of
 * facets and tags the records share).
 */
import type { Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import type { AggregatePlan } from "@pomoc/store-testkit"
import { Effect } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { PostgresDialect } from "../src/index.js"

interface PlanNode {
  readonly "Node Type": string
  readonly "Relation Name"?: string
  readonly "Actual Rows"?: number
  readonly "Actual Loops"?: number
  readonly "Rows Removed by Filter"?: number
  readonly "Rows Removed by Index Recheck"?: number
  readonly Plans?: ReadonlyArray<PlanNode>
}

/** Stored rows read by a plan's table scans (report shapes are a dictionary of facets, not records). */
export const rowsRead = (node: PlanNode): number => {
  const own = node["Relation Name"] === undefined || node["Relation Name"] === "pomoc_report_shapes"
    ? 0
    : ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0) +
      (node["Rows Removed by Index Recheck"] ?? 0)) * (node["Actual Loops"] ?? 1)
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0)
}

const describePlan = (node: PlanNode, depth = 0): string =>
  [
    `${"  ".repeat(depth)}${node["Node Type"]}${
      node["Relation Name"] === undefined ? "" : ` on ${node["Relation Name"]}`
    } (rows ${node["Actual Rows"] ?? "?"} × ${node["Actual Loops"] ?? 1})`,
    ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1))
  ].join("\n")

/** `aggregatePlan` through a `SqlClient` on the store's database. */
export const aggregatePlan = (
  query: Store.AggregateQuery
): Effect.Effect<AggregatePlan, unknown, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const statements = yield* SqlStore.aggregateSql(PostgresDialect.dialect, query)
    const plans: Array<PlanNode> = []
    for (const [text, params] of statements) {
      const rows = yield* sql.unsafe<{ "QUERY PLAN": unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params)
      const raw = rows[0]?.["QUERY PLAN"]
      const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as ReadonlyArray<{ readonly Plan: PlanNode }>
      plans.push(parsed[0]!.Plan)
    }
    return { rowsRead: Math.max(...plans.map(rowsRead)), plan: plans.map((p) => describePlan(p)).join("\n--\n") }
  })
