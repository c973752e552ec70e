/**
 * The plugin kit's report check: every report a plugin declares answers one of the three
 * questions, runs on generated records, and groups only by facets the plugin declares.
 *
 * @since 0.2.0
 */
import { Effect, Exit } from "effect"
import type { Plugin, PluginReport } from "../plugins/Plugin.js"
import * as Report from "../reports/Report.js"
import type { RecordKind, StoredRecord } from "../Store.js"
import { memoryOf } from "../store/memory.js"
import { addOnce, describeError, guard, result, sample } from "./internal/kit.js"
import type { PluginCheckOptions, PluginCheckResult } from "./plugin.js"
import { aggregateRecords, arbRecords, type GeneratedRecords } from "./pluginArbitraries.js"

const QUESTIONS: ReadonlyArray<string> = ["how-much", "how-well", "better-off"]

interface GroupedQuery {
  readonly kind: RecordKind
  readonly groupBy: ReadonlyArray<string>
  readonly sum?: ReadonlyArray<string>
  readonly distinctPeople?: boolean
}

/** The aggregate query of a report: core's `ReportDefinition` (`dimensions`), or a raw aggregate query (`groupBy`). */
const queryOf = (
  report: PluginReport
): { readonly aggregate: GroupedQuery; readonly definition?: Report.ReportDefinition } | undefined => {
  const query = (report as { readonly query?: unknown }).query
  if (query === null || typeof query !== "object") return undefined
  const q = query as Record<string, unknown>
  if (Array.isArray(q["dimensions"])) {
    const definition = report as Report.ReportDefinition
    return { aggregate: Report.toAggregateQuery(definition), definition }
  }
  if (Array.isArray(q["groupBy"]) && typeof q["kind"] === "string") return { aggregate: q as unknown as GroupedQuery }
  return undefined
}

const computeOf = (report: PluginReport): ((records: GeneratedRecords) => unknown) | undefined => {
  const compute = (report as { readonly compute?: unknown }).compute
  return typeof compute === "function"
    ? (records) => (compute as (r: GeneratedRecords) => unknown).call(report, records)
    : undefined
}

const facetProblems = (
  report: PluginReport,
  query: GroupedQuery,
  records: ReadonlyArray<StoredRecord>
): ReadonlyArray<string> => {
  const ofKind = records.filter((r) => r.kind === query.kind)
  if (ofKind.length === 0) return [`report "${report.id}": "${query.kind}" is not a kind of record the store keeps`]
  const known = new Set(ofKind.flatMap((r) => Object.keys(r.facets)))
  const problems: Array<string> = []
  for (const name of query.groupBy) {
    if (name !== "tag" && name !== "month" && !known.has(name)) {
      problems.push(
        `report "${report.id}": "${name}" is not a facet of ${query.kind} records (known: tag, month, ${
          [...known].join(", ")
        })`
      )
    }
  }
  for (const name of query.sum ?? []) {
    if (!ofKind.some((r) => typeof r.facets[name] === "number")) {
      problems.push(
        `report "${report.id}": "${name}" is not a numeric facet of ${query.kind} records, so it cannot be summed`
      )
    }
  }
  return problems
}

/**
 * Every report definition answers one of the three questions and is computable on generated
 * records:
 *
 * - a core `ReportDefinition` (with `query.dimensions`) runs through `Report.run` against an
 *   in-memory aggregate of generated records (so a malformed definition fails here);
 * - a raw aggregate query (`query.groupBy`) is aggregated the same way;
 * - in both cases every facet it groups by or sums must exist on the records of its kind (a
 *   misspelt facet would otherwise give one column of nulls);
 * - `options.computeReport` (or a report's own `compute(records)`) runs without throwing and
 *   returns something.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkReports = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("reports", plugin, () => {
    const problems: Array<string> = []
    for (const report of plugin.reports) {
      if (!QUESTIONS.includes(report.question)) {
        problems.push(`report "${report.id}": question must be one of how-much, how-well, better-off`)
      }
    }
    sample(arbRecords(plugin), { ...options, numRuns: Math.min(options.numRuns ?? 20, 20) }, ({ records }) => {
      const store = memoryOf(records)
      for (const report of plugin.reports) {
        const query = queryOf(report)
        if (query !== undefined) {
          for (const problem of facetProblems(report, query.aggregate, records)) addOnce(problems, problem)
          if (query.definition !== undefined) {
            const exit = Effect.runSyncExit(Report.run(query.definition, store))
            if (Exit.isFailure(exit)) {
              const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
              addOnce(
                problems,
                `report "${report.id}" cannot be computed: ${
                  describeError(failure?._tag === "Fail" ? failure.error : exit.cause)
                }`
              )
            }
          } else {
            aggregateRecords(records, query.aggregate)
          }
        }
        const compute = options.computeReport === undefined
          ? computeOf(report)
          : (generated: GeneratedRecords) => options.computeReport!(report, generated)
        if (compute === undefined) continue
        try {
          if (compute({ records }) === undefined) {
            addOnce(problems, `report "${report.id}" computed nothing on generated records`)
          }
        } catch (error) {
          addOnce(problems, `report "${report.id}" cannot be computed on generated records: ${describeError(error)}`)
        }
      }
    })
    return result("reports", plugin, problems)
  })
