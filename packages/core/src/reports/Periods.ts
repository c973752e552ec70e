/**
 * Safe periods: named calendar periods (a year, a quarter, a month), and runs that stay
 * consistent with the runs of their parts, so that no suppressed cell can be recovered by
 * subtracting one run from another.
 *
 * A non-publishing caller runs a report only on a named period: overlapping windows (May, May
 * 1–20, May 21–31) cannot be asked for, so they cannot be differenced. A quarter is made of its
 * months, a year of its quarters, an organisation-wide run of its services' runs, each run the
 * same way first. A cell some part hides is hidden in the whole too when showing it would give
 * away something small: the whole minus the parts that show the cell is what the hiding parts
 * add up to, and it must not be below the threshold (nor 0). Complements are chosen among cells
 * the parts hide. For additive measures (records, sums, rates of records) a cell the whole hides
 * while every part shows it would be their sum: then the whole table is hidden rather than shown
 * inconsistently.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import type { ReportingPeriod } from "../model/Directory.js"
import type { FacetValue, StoreError, StoreShape } from "../Store.js"
import type { HiddenCell, InvalidReport, ReportDefinition, ReportResult, RunOptions } from "./Report.js"
import * as Report from "./Report.js"
import type * as Suppression from "./Suppression.js"

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

/** Months since year 0 of a `YYYY-MM` month, and back. */
const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
const monthName = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`

/**
 * A declared reporting period's bounds (its first month's start, the start of the month after
 * its last), `to` exclusive, as ISO 8601 instants (UTC).
 * @since 0.2.0
 * @category combinators
 */
export const declaredBoundsOf = (
  period: Pick<ReportingPeriod, "from" | "to">
): { readonly from: string; readonly to: string } => ({
  from: boundsOf(period.from).from,
  to: boundsOf(monthName(monthIndex(period.to))).to
})

/**
 * The calendar periods a declared reporting period is made of, largest first: whole years,
 * then whole quarters, then months (September 2025 to June 2026 is `2025-09`, `2025-Q4`,
 * `2026-Q1`, `2026-Q2`). A run on the declared period is kept consistent with them.
 * @since 0.2.0
 * @category combinators
 */
export const declaredPartsOf = (period: Pick<ReportingPeriod, "from" | "to">): ReadonlyArray<string> => {
  const out: Array<string> = []
  const last = monthIndex(period.to)
  let m = monthIndex(period.from)
  while (m <= last) {
    const name = monthName(m)
    if (m % 12 === 0 && m + 11 <= last) {
      out.push(name.slice(0, 4))
      m += 12
    } else if (m % 3 === 0 && m + 2 <= last) {
      out.push(`${name.slice(0, 4)}-Q${(m % 12) / 3 + 1}`)
      m += 3
    } else {
      out.push(name)
      m += 1
    }
  }
  return out
}

/**
 * What a consistent run covers: a named period (or a declared reporting period), a service or
 * (without one) the whole organisation made of the given services.
 * @since 0.2.0
 * @category models
 */
export interface ConsistentOptions extends Omit<RunOptions, "from" | "to" | "hide"> {
  /** A named year, quarter or month, or an organisation's declared reporting period. */
  readonly period: string | ReportingPeriod
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

/** A table's cells with margins, by their values: a count, or `undefined` where suppressed. */
const cellsOf = (
  table: Suppression.CountTable | Suppression.SuppressedTable,
  rowKeys: ReadonlyArray<ReadonlyArray<FacetValue>>
): Map<string, number | undefined> => {
  const out = new Map<string, number | undefined>()
  const put = (cell: HiddenCell, value: number | Suppression.Cell) =>
    out.set(cellKey(cell), typeof value === "number" ? value : value._tag === "Value" ? value.count : undefined)
  const sum = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0)
  if (table._tag === "OneWay") {
    if ("counts" in table) {
      table.counts.forEach((c, i) => put({ row: rowKeys[i]! }, c))
      put({ row: "total" }, sum(table.counts))
    } else {
      table.cells.forEach((c, i) => put({ row: rowKeys[i]! }, c))
      put({ row: "total" }, table.total)
    }
    return out
  }
  const columns = table.columns.values
  if ("counts" in table) {
    table.counts.forEach((row, i) => {
      row.forEach((c, j) => put({ row: rowKeys[i]!, column: [columns[j]!] }, c))
      put({ row: rowKeys[i]!, column: "total" }, sum(row))
    })
    columns.forEach((v, j) => put({ row: "total", column: [v] }, sum(table.counts.map((r) => r[j]!))))
    put({ row: "total", column: "total" }, sum(table.counts.map(sum)))
  } else {
    table.cells.forEach((row, i) => {
      row.forEach((c, j) => put({ row: rowKeys[i]!, column: [columns[j]!] }, c))
      put({ row: rowKeys[i]!, column: "total" }, table.rowTotals[i]!)
    })
    columns.forEach((v, j) => put({ row: "total", column: [v] }, table.columnTotals[j]!))
    put({ row: "total", column: "total" }, table.total)
  }
  return out
}

/**
 * Runs a report on a named period, consistently with the runs of its parts (see the module's
 * description): each part is run the same way first. A cell some part hides is hidden here too
 * when showing it would give away what the hidden parts add up to and that is small (below the
 * threshold, or zero): the whole minus what the parts show, where a part that hides the cell
 * counts by what its own parts show, down to the months (a year minus three quarters, October and
 * November must not give December away; for counts that add up: records, sums, rates of records).
 * Complements are chosen among the cells the parts hide.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Periods } from "@pomoc/core"
 * const program = Effect.gen(function*() {
 *   // Q2 minus April and June cannot give a cell of May away.
 *   const q2 = yield* Periods.runConsistent(definition, store, { serviceId: "club", period: "2026-Q2" })
 *   return q2.table
 * })
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const runConsistent = (
  definition: ReportDefinition,
  store: Pick<StoreShape, "aggregate">,
  options: ConsistentOptions
): Effect.Effect<ReportResult, InvalidReport | StoreError> =>
  Effect.map(consistent(definition, store, options), ({ result }) => result)

/**
 * A consistent run and its cover: for each cell, what a reader holding every run below it can
 * subtract, its value where this run shows it, else what its parts' covers add up to (0 for a
 * run without parts). A year's cover of a cell its fourth quarter hides is then its first three
 * quarters and the months of the fourth that show it: the year minus that is what the hiding
 * months add up to, which a year that looked only at its quarters would give away (the year minus
 * three quarters, October and November is December).
 */
const consistent: (
  definition: ReportDefinition,
  store: Pick<StoreShape, "aggregate">,
  options: ConsistentOptions
) => Effect.Effect<
  { readonly result: ReportResult; readonly cover: Map<string, number> },
  InvalidReport | StoreError
> = Effect.fnUntraced(function*(
  definition: ReportDefinition,
  store: Pick<StoreShape, "aggregate">,
  options: ConsistentOptions
) {
  const { period, services, ...rest } = options
  const periodParts = typeof period === "string" ? partsOf(period) : declaredPartsOf(period)
  const parts: Array<ConsistentOptions> = options.serviceId === undefined && (services ?? []).length > 0
    ? (services ?? []).map((serviceId) => ({ ...rest, period, serviceId }))
    : periodParts.map((part) => ({ ...rest, ...(services !== undefined ? { services } : {}), period: part }))
  const runOptions: RunOptions = {
    ...rest,
    ...(typeof period === "string" ? boundsOf(period) : declaredBoundsOf(period))
  }
  // A declared period of one calendar period is that period.
  if (typeof period !== "string" && periodParts.length === 1) {
    return yield* consistent(definition, store, { ...options, period: periodParts[0]! })
  }
  const partCovers: Array<Map<string, number>> = []
  // Only counts that add up can be subtracted exactly: a year's distinct people are not its
  // quarters' people added up, so for them a hidden part counts as nothing shown (the residual
  // check stays with the direct parts, as conservative as before).
  const adds = additive(definition)
  const coverOf = (result: ReportResult): Map<string, number> => {
    const cover = new Map<string, number>()
    for (const [key, value] of cellsOf(result.table, result.rowKeys ?? [])) {
      cover.set(key, value ?? (adds ? partCovers.reduce((acc, c) => acc + (c.get(key) ?? 0), 0) : 0))
    }
    return cover
  }
  if (parts.length === 0) {
    const result = yield* Report.run(definition, store, runOptions)
    return { result, cover: coverOf(result) }
  }
  const hiddenByParts = new Map<string, HiddenCell>()
  let threshold = 1
  for (const part of parts) {
    const r = yield* consistent(definition, store, part)
    threshold = r.result.threshold
    partCovers.push(r.cover)
    for (const cell of Report.hiddenCells(r.result)) hiddenByParts.set(cellKey(cell), cell)
  }
  // The whole's own counts, to see what showing a cell would give away (never returned).
  const rows = yield* store.aggregate(Report.toAggregateQuery(definition, runOptions))
  const { layout, table } = yield* Effect.fromResult(Report.layOut(definition, rows, []))
  const hide: Array<HiddenCell> = []
  for (const [key, count] of cellsOf(table, layout.rowKeys)) {
    const cell = hiddenByParts.get(key)
    if (cell === undefined || count === undefined) continue
    const shown = partCovers.reduce((acc, cover) => acc + (cover.get(key) ?? 0), 0)
    const residual = count - shown
    if (residual < threshold) hide.push(cell)
  }
  const prefer = [...hiddenByParts.values()]
  const run = (cells: ReadonlyArray<HiddenCell>) =>
    Report.run(definition, store, { ...runOptions, hide: cells, prefer })
  const result = yield* run(hide)
  if (!adds) return { result, cover: coverOf(result) }
  // A cell hidden here that every part shows is their sum: hide everything rather than show it.
  const leaks = Report.hiddenCells(result).some((cell) => !hiddenByParts.has(cellKey(cell)))
  const final = leaks ? yield* run(allCells(result)) : result
  return { result: final, cover: coverOf(final) }
})

/**
 * Whether a window is a named period (non-publishing callers may run only those).
 * @since 0.2.0
 * @category guards
 */
export const isNamedPeriod = (from: string | undefined, to: string | undefined): boolean =>
  from !== undefined && to !== undefined && periodOf(from, to) !== undefined
