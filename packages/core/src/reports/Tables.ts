/**
 * How a report's aggregate rows become a count table: axes from the declared and found values,
 * up to four dimensions laid out as rows × columns, and the outcome columns of rates (in the
 * numerator or not) and of change per person (improved, same, worse).
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { AggregateRow, FacetValue } from "../Store.js"
import type * as Suppression from "./Suppression.js"

/**
 * The columns of a rate: the people or records in the numerator, and the rest of the
 * denominator (the row total is the denominator), so that suppressing the table suppresses
 * numerator and denominator together.
 * @since 0.2.0
 * @category models
 */
export const RATE_COLUMNS: Suppression.Dimension = { name: "rate", values: ["numerator", "rest"] }

/**
 * The columns of change per person: people whose last value is better than their first, the
 * same, or worse.
 * @since 0.2.0
 * @category models
 */
export const CHANGE_COLUMNS: Suppression.Dimension = { name: "change", values: ["improved", "same", "worse"] }

/**
 * One axis of a report: a dimension's name and its values in table order.
 * @since 0.2.0
 * @category models
 */
export interface Axis {
  readonly name: string
  readonly values: ReadonlyArray<FacetValue>
}

/**
 * The most rows a report's table may have (the product of its row dimensions' values).
 * @since 0.2.0
 * @category models
 */
export const MAX_ROWS = 10_000

const valueKey = (v: FacetValue): string => JSON.stringify(v)

const compareValues = (a: FacetValue, b: FacetValue): number => {
  const rank = (v: FacetValue) => (v === null ? 3 : typeof v === "boolean" ? 2 : typeof v === "number" ? 0 : 1)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (typeof a === "number" && typeof b === "number") return a - b
  const sa = String(a)
  const sb = String(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/**
 * A dimension's axis: its declared values in their order (shown even when nobody is counted in
 * them), then the values the rows hold beyond them, sorted.
 * @since 0.2.0
 * @category constructors
 */
export const axisOf = (
  dimension: { readonly by: string; readonly values?: ReadonlyArray<FacetValue> | undefined },
  rows: ReadonlyArray<AggregateRow>
): Axis => {
  const declared = dimension.values ?? []
  const seen = new Set(declared.map(valueKey))
  const extra: Array<FacetValue> = []
  for (const row of rows) {
    const v = row.group[dimension.by] ?? null
    if (!seen.has(valueKey(v))) {
      seen.add(valueKey(v))
      extra.push(v)
    }
  }
  return { name: dimension.by, values: [...declared, ...extra.sort(compareValues)] }
}

/** Every combination of the axes' values, the first axis varying slowest. */
const combinations = (axes: ReadonlyArray<Axis>): Array<ReadonlyArray<FacetValue>> =>
  axes.reduce<Array<ReadonlyArray<FacetValue>>>(
    (acc, axis) => acc.flatMap((c) => axis.values.map((v) => [...c, v])),
    [[]]
  )

/**
 * How a combination of values is shown as one row value: the values joined by " / ".
 * @since 0.2.0
 * @category combinators
 */
export const joinValues = (values: ReadonlyArray<FacetValue>): string => values.map(String).join(" / ")

/**
 * The layout of a table: the row keys (one tuple of values per row), the row dimension (one
 * axis, or the combination of several) and the column dimension.
 * @since 0.2.0
 * @category models
 */
export interface Layout {
  readonly rowAxes: ReadonlyArray<Axis>
  readonly rowKeys: ReadonlyArray<ReadonlyArray<FacetValue>>
  readonly rows: Suppression.Dimension
  readonly columns: Suppression.Dimension | undefined
  readonly columnAxis: Axis | undefined
}

/**
 * Lays out axes: a single axis is a one-way table; otherwise the last axis (or the given outcome
 * columns) are the columns and every combination of the others is a row.
 * @since 0.2.0
 * @category constructors
 */
export const layoutOf = (
  axes: ReadonlyArray<Axis>,
  outcome: Suppression.Dimension | undefined
): Result.Result<Layout, string> => {
  const rowAxes = outcome !== undefined || axes.length === 1 ? axes : axes.slice(0, -1)
  const columnAxis = outcome !== undefined || axes.length === 1 ? undefined : axes[axes.length - 1]
  const size = rowAxes.reduce((n, a) => n * Math.max(a.values.length, 1), 1)
  if (size > MAX_ROWS) return Result.fail(`at most ${MAX_ROWS} rows (the product of the row dimensions' values)`)
  const rowKeys = combinations(rowAxes)
  const rows: Suppression.Dimension = rowAxes.length === 1
    ? { name: rowAxes[0]!.name, values: rowAxes[0]!.values }
    : { name: rowAxes.map((a) => a.name).join(" × "), values: rowKeys.map(joinValues) }
  const columns = outcome ??
    (columnAxis === undefined ? undefined : { name: columnAxis.name, values: columnAxis.values })
  return Result.succeed({ rowAxes, rowKeys, rows, columns, columnAxis })
}

/**
 * Fills a layout with amounts: `amounts(row)` gives a row's amounts per column (one for a plain
 * measure, one per outcome column otherwise); rows of the same cell are added up.
 * @since 0.2.0
 * @category constructors
 */
export const fill = (
  layout: Layout,
  rows: ReadonlyArray<AggregateRow>,
  amounts: (row: AggregateRow) => ReadonlyArray<number>
): Suppression.CountTable => {
  const rowIndex = new Map(layout.rowKeys.map((k, i) => [JSON.stringify(k), i]))
  const columnIndex = layout.columnAxis === undefined
    ? undefined
    : new Map(layout.columnAxis.values.map((v, i) => [valueKey(v), i]))
  const width = layout.columns?.values.length ?? 1
  const counts = layout.rowKeys.map(() => Array.from({ length: width }, () => 0))
  for (const row of rows) {
    const i = rowIndex.get(JSON.stringify(layout.rowAxes.map((a) => row.group[a.name] ?? null)))!
    const values = amounts(row)
    if (columnIndex !== undefined) {
      counts[i]![columnIndex.get(valueKey(row.group[layout.columnAxis!.name] ?? null))!]! += values[0]!
    } else values.forEach((v, j) => (counts[i]![j]! += v))
  }
  if (layout.columns === undefined) {
    return { _tag: "OneWay", dimension: layout.rows, counts: counts.map((c) => c[0]!) }
  }
  return { _tag: "TwoWay", rows: layout.rows, columns: layout.columns, counts }
}

/**
 * Where a value stands on an indicator's scale: its index in `order` when one is given
 * (worst first), a number itself, `false` below `true`; `undefined` when it has no place.
 * @since 0.2.0
 * @category combinators
 */
export const rankOf = (value: FacetValue, order: ReadonlyArray<FacetValue> | undefined): number | undefined => {
  if (order !== undefined) {
    const i = order.findIndex((o) => valueKey(o) === valueKey(value))
    return i < 0 ? undefined : i
  }
  if (typeof value === "number") return value
  if (typeof value === "boolean") return Number(value)
  return undefined
}

/**
 * A group's people by change: `[improved, same, worse]`, from the store's transitions. People
 * whose first or last value has no place on the scale are left out.
 * @since 0.2.0
 * @category combinators
 */
export const changeCounts = (
  row: AggregateRow,
  order: ReadonlyArray<FacetValue> | undefined
): [number, number, number] => {
  const out: [number, number, number] = [0, 0, 0]
  for (const t of row.changes ?? []) {
    const first = rankOf(t.first, order)
    const last = rankOf(t.last, order)
    if (first === undefined || last === undefined) continue
    out[last > first ? 0 : last === first ? 1 : 2] += t.people
  }
  return out
}
