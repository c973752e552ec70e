/**
 * Safe periods: named calendar periods (a year, a quarter, a month), and runs that stay
 * consistent with the runs of their parts, so that no suppressed cell can be recovered by
 * subtracting one run from another.
 *
 * A non-publishing caller runs a report only on a named period: overlapping windows (May, May
 * 1–20, May 21–31) cannot be asked for, so they cannot be differenced. A quarter is made of its
 * months, a year of its quarters, an organisation-wide run of its services' runs: a cell that
 * any part hides is hidden in the whole as well (before the whole's own complementary
 * suppression), and complements are chosen among cells that some part hides. For additive
 * measures (records, sums, rates of records) a cell hidden in the whole while every part shows
 * it could be recomputed by adding the parts: then the whole table is hidden rather than shown
 * inconsistently.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import type { FacetValue, StoreError, StoreShape } from "../Store.js"
import type { HiddenCell, InvalidReport, ReportDefinition, ReportResult, RunOptions } from "./Report.js"
import * as Report from "./Report.js"

/**
 * A named period: a year (`2026`), a quarter (`2026-Q2`) or a month (`2026-05`).
 * @since 0.2.0
 * @category models
 */
export const NamedPeriod = Schema.String.check(
  Schema.isPattern(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
    expected: "a year (2026), a quarter (2026-Q2) or a month (2026-05)"
  })
)

/**
 * A named period's bounds, `to` exclusive, as ISO 8601 instants (UTC).
 * @since 0.2.0
 * @category combinators
 */
export const boundsOf = (period: string): { readonly from: string; readonly to: string } => {
  const year = Number(period.slice(0, 4))
  const start = (y: number, month: number) => new Date(Date.UTC(y, month, 1)).toISOString()
  if (period.length === 4) return { from: start(year, 0), to: start(year + 1, 0) }
  if (period[5] === "Q") {
    const q = Number(period.slice(6)) - 1
    return { from: start(year, q * 3), to: start(year, q * 3 + 3) }
  }
  const month = Number(period.slice(5)) - 1
  return { from: start(year, month), to: start(year, month + 1) }
}

/**
 * The named period whose bounds are exactly `from` and `to` (instants), if there is one.
 * @since 0.2.0
 * @category combinators
 */
export const periodOf = (from: string, to: string): string | undefined => {
  const year = from.slice(0, 4)
  const candidates = [
    year,
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
    ...Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`)
  ]
  const same = (a: string, b: string) => Date.parse(a) === Date.parse(b)
  return candidates.find((p) => {
    const b = boundsOf(p)
    return same(b.from, from) && same(b.to, to)
  })
}

/**
 * The parts a named period is made of: a year's quarters, a quarter's months; a month has none.
 * @since 0.2.0
 * @category combinators
 */
export const partsOf = (period: string): ReadonlyArray<string> => {
  const year = period.slice(0, 4)
  if (period.length === 4) return [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  if (period[5] === "Q") {
    const q = Number(period.slice(6)) - 1
    return [1, 2, 3].map((m) => `${year}-${String(q * 3 + m).padStart(2, "0")}`)
  }
  return []
}

/**
 * What a consistent run covers: a named period, a service or (without one) the whole
 * organisation made of the given services.
 * @since 0.2.0
 * @category models
 */
export interface ConsistentOptions extends Omit<RunOptions, "from" | "to" | "hide"> {
  readonly period: string
  /** For an organisation-wide run (no `serviceId`): the services whose runs it must agree with. */
  readonly services?: ReadonlyArray<string>
}

const cellKey = (cell: HiddenCell): string => JSON.stringify([cell.row, cell.column ?? null])

const additive = (definition: ReportDefinition): boolean => {
  const measure = definition.query.measure ?? "records"
  return measure === "records" || (typeof measure === "object" && "sum" in measure) ||
    (typeof measure === "object" && "rate" in measure && measure.rate.of !== "people")
}

/** Every cell of a result, by its values (margins included). */
const allCells = (result: ReportResult): Array<HiddenCell> => {
  const rows: Array<ReadonlyArray<FacetValue> | "total"> = [...result.rowKeys, "total"]
  if (result.table._tag === "OneWay") return rows.map((row) => ({ row }))
  const columns: Array<readonly [FacetValue] | "total"> = [
    ...result.table.columns.values.map((v) => [v] as const),
    "total" as const
  ]
  return rows.flatMap((row) => columns.map((column) => ({ row, column })))
}

/**
 * Runs a report on a named period, consistently with the runs of its parts (see the module's
 * description): each part is run the same way first, their hidden cells are hidden here too.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Periods } from "@pomoc/core"
 * const program = Effect.gen(function*() {
 *   // Hides every cell that April, May or June hides (and what that gives away).
 *   const q2 = yield* Periods.runConsistent(definition, store, { serviceId: "club", period: "2026-Q2" })
 *   return q2.table
 * })
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const runConsistent: (
  definition: ReportDefinition,
  store: Pick<StoreShape, "aggregate">,
  options: ConsistentOptions
) => Effect.Effect<ReportResult, InvalidReport | StoreError> = Effect.fnUntraced(function*(
  definition: ReportDefinition,
  store: Pick<StoreShape, "aggregate">,
  options: ConsistentOptions
) {
  const { period, services, ...rest } = options
  const parts: Array<ConsistentOptions> = options.serviceId === undefined && (services ?? []).length > 0
    ? (services ?? []).map((serviceId) => ({ ...rest, period, serviceId }))
    : partsOf(period).map((part) => ({ ...rest, ...(services !== undefined ? { services } : {}), period: part }))
  const partResults: Array<ReportResult> = []
  for (const part of parts) partResults.push(yield* runConsistent(definition, store, part))
  const hiddenByParts = new Map<string, HiddenCell>()
  for (const r of partResults) for (const cell of Report.hiddenCells(r)) hiddenByParts.set(cellKey(cell), cell)
  const hidden = [...hiddenByParts.values()]
  const run = (hide: ReadonlyArray<HiddenCell>) =>
    Report.run(definition, store, { ...rest, ...boundsOf(period), hide, prefer: hidden })
  const result = yield* run(hidden)
  if (parts.length === 0 || !additive(definition)) return result
  // A cell hidden here that every part shows is their sum: hide everything rather than show it.
  const leaks = Report.hiddenCells(result).some((cell) => !hiddenByParts.has(cellKey(cell)))
  return leaks ? yield* run(allCells(result)) : result
})

/**
 * Whether a window is a named period (non-publishing callers may run only those).
 * @since 0.2.0
 * @category guards
 */
export const isNamedPeriod = (from: string | undefined, to: string | undefined): boolean =>
  from !== undefined && to !== undefined && periodOf(from, to) !== undefined
