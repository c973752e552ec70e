/**
 * Small-cell suppression for one- and two-dimensional count tables with margins.
 *
 * 1. **Primary suppression** hides every count `c` with `0 < c < threshold`, margins included
 *    (a row total of 3 is as revealing as a cell of 3). True zeros stay visible unless
 *    `suppressZeros` is set.
 * 2. **Complementary suppression** then hides more cells until no hidden count can be derived
 *    from what is visible. The table with its margins is a grid in which every row and every
 *    column is an additive relation (the cells add up to the total). Repeated until nothing
 *    changes:
 *    - a relation with exactly one hidden member would give it away by subtraction: hide
 *      another member;
 *    - a relation whose hidden members are all zero gives them away too (counts cannot be
 *      negative, so a hidden sum of 0 means every hidden cell is 0): hide another member;
 *    - (two-way tables) a hidden cell must lie on a cycle of hidden cells around which counts
 *      can be moved (one unit up, the next one down, …, which keeps every sum; a zero can only
 *      go up). Otherwise it is still determined, e.g. a cell joining two hidden rectangles is
 *      the difference of their margins: hide a visible cell that closes such a cycle.
 *
 *    The complement is always the smallest visible count that does the job and is not zero (a
 *    zero cannot go down, so it protects less), preferring inner cells to totals, then the
 *    first in reading order.
 *
 * The result is safe against an attacker who knows all visible values and margins and that
 * counts are non-negative integers: moving one unit around a hidden cell's cycle gives another
 * table consistent with everything visible. The only exception would be a hidden cell that no
 * visible cell can protect (everything that could close a cycle around it is a zero that cannot
 * go down); that needs hidden zeros, and the brute-force tests have not met one.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { protect } from "../internal/suppression.js"
import type { FacetValue } from "../Store.js"

/**
 * One published cell: its count, or the fact that it was suppressed.
 * @since 0.1.0
 * @category models
 */
export type Cell = { readonly _tag: "Value"; readonly count: number } | { readonly _tag: "Suppressed" }

/**
 * A dimension of a table: what it groups by, and its values in the order of the table.
 * @since 0.1.0
 * @category models
 */
export interface Dimension {
  readonly name: string
  readonly values: ReadonlyArray<FacetValue>
}

/**
 * Counts by one dimension; the total is the sum of the counts.
 * @since 0.1.0
 * @category models
 */
export interface OneWayTable {
  readonly _tag: "OneWay"
  readonly dimension: Dimension
  readonly counts: ReadonlyArray<number>
}

/**
 * Counts by two dimensions (`counts[row][column]`); row totals, column totals and the grand total
 * are the sums of the counts.
 * @since 0.1.0
 * @category models
 */
export interface TwoWayTable {
  readonly _tag: "TwoWay"
  readonly rows: Dimension
  readonly columns: Dimension
  readonly counts: ReadonlyArray<ReadonlyArray<number>>
}

/**
 * A table of counts to suppress.
 * @since 0.1.0
 * @category models
 */
export type CountTable = OneWayTable | TwoWayTable

/**
 * A one-way table after suppression.
 * @since 0.1.0
 * @category models
 */
export interface SuppressedOneWay {
  readonly _tag: "OneWay"
  readonly dimension: Dimension
  readonly cells: ReadonlyArray<Cell>
  readonly total: Cell
}

/**
 * A two-way table after suppression.
 * @since 0.1.0
 * @category models
 */
export interface SuppressedTwoWay {
  readonly _tag: "TwoWay"
  readonly rows: Dimension
  readonly columns: Dimension
  readonly cells: ReadonlyArray<ReadonlyArray<Cell>>
  readonly rowTotals: ReadonlyArray<Cell>
  readonly columnTotals: ReadonlyArray<Cell>
  readonly total: Cell
}

/**
 * A table after suppression.
 * @since 0.1.0
 * @category models
 */
export type SuppressedTable = SuppressedOneWay | SuppressedTwoWay

/**
 * A position in a one-way table: a cell's index or the total.
 * @since 0.1.0
 * @category models
 */
export type OneWayPosition = number | "total"

/**
 * A position in a two-way table: `[row, column]`, where `"total"` names a margin
 * (`[2, "total"]` is the total of row 2, `["total", "total"]` the grand total).
 * @since 0.1.0
 * @category models
 */
export type TwoWayPosition = readonly [number | "total", number | "total"]

/**
 * How to suppress.
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Counts with `0 < count < threshold` are suppressed. An integer ≥ 1; default 5. */
  readonly threshold?: number
  /** Suppress true zeros as well (default `false`: statistics offices usually publish zeros). */
  readonly suppressZeros?: boolean
  /**
   * Cells to hide in any case, before complementary suppression (e.g. to stay consistent with a
   * table published earlier). Positions of the table's shape.
   */
  readonly suppress?: ReadonlyArray<OneWayPosition | TwoWayPosition>
  /**
   * Cells to choose as complements before any other (e.g. cells another, consistent table hides
   * already). Positions of the table's shape; others are chosen when none of these does the job.
   * @since 0.2.0
   */
  readonly prefer?: ReadonlyArray<OneWayPosition | TwoWayPosition>
}

/**
 * The default threshold.
 * @since 0.1.0
 * @category constructors
 */
export const DEFAULT_THRESHOLD = 5

/**
 * A table or options that cannot be suppressed. Names the field and the rule; never a count.
 * @since 0.1.0
 * @category errors
 */
export class InvalidTable extends Schema.TaggedError<InvalidTable>("@pomoc/core/InvalidTable")("InvalidTable", {
  field: Schema.String,
  rule: Schema.String
}) {
  override get message(): string {
    return `Invalid table: ${this.field} must be ${this.rule}`
  }
}

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0

const validateOptions = (
  options: Options
): Result.Result<{ threshold: number; suppressZeros: boolean }, InvalidTable> => {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    return Result.fail(new InvalidTable({ field: "threshold", rule: "an integer ≥ 1" }))
  }
  return Result.succeed({ threshold, suppressZeros: options.suppressZeros === true })
}

const primary = (value: number, threshold: number, suppressZeros: boolean): boolean =>
  (value > 0 && value < threshold) || (value === 0 && suppressZeros)

const cell = (
  value: number,
  isHidden: boolean
): Cell => (isHidden ? { _tag: "Suppressed" } : { _tag: "Value", count: value })

const sum = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0)

/**
 * Suppresses a one-way table.
 * @since 0.1.0
 * @category combinators
 */
export const applyOneWay = (
  table: OneWayTable,
  options: Options = {}
): Result.Result<SuppressedOneWay, InvalidTable> => {
  const opts = validateOptions(options)
  if (Result.isFailure(opts)) return Result.fail(opts.failure)
  const { suppressZeros, threshold } = opts.success
  const n = table.dimension.values.length
  if (table.counts.length !== n) {
    return Result.fail(new InvalidTable({ field: "counts", rule: `one count per value of ${table.dimension.name}` }))
  }
  const bad = table.counts.findIndex((c) => !isCount(c))
  if (bad >= 0) return Result.fail(new InvalidTable({ field: `counts[${bad}]`, rule: "a non-negative integer" }))
  const values = [...table.counts, sum(table.counts)]
  const hidden = values.map((v) => primary(v, threshold, suppressZeros))
  const preferred = values.map(() => false)
  for (const [field, marks] of [["suppress", hidden], ["prefer", preferred]] as const) {
    for (const [i, p] of (options[field] ?? []).entries()) {
      const index = p === "total" ? n : p
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > n) {
        return Result.fail(
          new InvalidTable({ field: `${field}[${i}]`, rule: "a cell index of the table or \"total\"" })
        )
      }
      marks[index] = true
    }
  }
  const members = values.map((_, i) => i)
  protect({ values, lines: [members], margin: values.map((_, i) => i === n), preferred }, hidden)
  return Result.succeed({
    _tag: "OneWay",
    dimension: table.dimension,
    cells: table.counts.map((v, i) => cell(v, hidden[i]!)),
    total: cell(values[n]!, hidden[n]!)
  })
}

/**
 * Suppresses a two-way table.
 * @since 0.1.0
 * @category combinators
 */
export const applyTwoWay = (
  table: TwoWayTable,
  options: Options = {}
): Result.Result<SuppressedTwoWay, InvalidTable> => {
  const opts = validateOptions(options)
  if (Result.isFailure(opts)) return Result.fail(opts.failure)
  const { suppressZeros, threshold } = opts.success
  const R = table.rows.values.length
  const C = table.columns.values.length
  if (table.counts.length !== R) {
    return Result.fail(new InvalidTable({ field: "counts", rule: `one row per value of ${table.rows.name}` }))
  }
  for (let i = 0; i < R; i++) {
    const row = table.counts[i]!
    if (row.length !== C) {
      return Result.fail(
        new InvalidTable({ field: `counts[${i}]`, rule: `one count per value of ${table.columns.name}` })
      )
    }
    const bad = row.findIndex((c) => !isCount(c))
    if (bad >= 0) {
      return Result.fail(new InvalidTable({ field: `counts[${i}][${bad}]`, rule: "a non-negative integer" }))
    }
  }
  // The full grid: (R + 1) × (C + 1), the last row and column being the totals.
  const W = C + 1
  const at = (i: number, j: number) => i * W + j
  const values: Array<number> = []
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      if (i < R && j < C) values.push(table.counts[i]![j]!)
      else if (i < R) values.push(sum(table.counts[i]!))
      else if (j < C) values.push(sum(table.counts.map((r) => r[j]!)))
      else values.push(sum(table.counts.map(sum)))
    }
  }
  const hidden = values.map((v) => primary(v, threshold, suppressZeros))
  const preferred = values.map(() => false)
  for (const [field, marks] of [["suppress", hidden], ["prefer", preferred]] as const) {
    for (const [k, p] of (options[field] ?? []).entries()) {
      const pair: ReadonlyArray<unknown> = Array.isArray(p) ? p : []
      const i: unknown = pair.length === 2 ? (pair[0] === "total" ? R : pair[0]) : -1
      const j: unknown = pair.length === 2 ? (pair[1] === "total" ? C : pair[1]) : -1
      if (
        typeof i !== "number" || typeof j !== "number" || !Number.isInteger(i) || !Number.isInteger(j) || i < 0 ||
        i > R || j < 0 || j > C
      ) {
        return Result.fail(
          new InvalidTable({
            field: `${field}[${k}]`,
            rule: "a [row, column] position of the table (\"total\" for a margin)"
          })
        )
      }
      marks[at(i, j)] = true
    }
  }
  const lines: Array<Array<number>> = []
  for (let i = 0; i <= R; i++) lines.push(Array.from({ length: W }, (_, j) => at(i, j)))
  for (let j = 0; j <= C; j++) lines.push(Array.from({ length: R + 1 }, (_, i) => at(i, j)))
  const edges = values.map((_, m) => [Math.floor(m / W), R + 1 + (m % W)] as const)
  const margin = values.map((_, m) => Math.floor(m / W) === R || m % W === C)
  const sign = values.map((_, m): 1 | -1 => ((Math.floor(m / W) === R) === (m % W === C) ? 1 : -1))
  protect({ values, lines, margin, edges, sign, vertices: R + 1 + W, preferred }, hidden)
  const out = (i: number, j: number) => cell(values[at(i, j)]!, hidden[at(i, j)]!)
  return Result.succeed({
    _tag: "TwoWay",
    rows: table.rows,
    columns: table.columns,
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => out(i, j))),
    rowTotals: Array.from({ length: R }, (_, i) => out(i, C)),
    columnTotals: Array.from({ length: C }, (_, j) => out(R, j)),
    total: out(R, C)
  })
}

/**
 * Suppresses small counts in a table and their complements, so that no hidden count can be
 * derived from the visible cells and margins.
 *
 * @example
 * ```ts
 * import { Suppression } from "@pomoc/core"
 * const table = {
 *   _tag: "OneWay",
 *   dimension: { name: "channel", values: ["street", "school", "online"] },
 *   counts: [12, 2, 9]
 * } as const
 * Suppression.apply(table, { threshold: 5 })
 * // Success: cells [12, Suppressed, Suppressed], total 23 (9 is hidden too, or 2 = 23 - 12 - 9)
 * ```
 * @since 0.1.0
 * @category combinators
 */
export function apply(table: OneWayTable, options?: Options): Result.Result<SuppressedOneWay, InvalidTable>
export function apply(table: TwoWayTable, options?: Options): Result.Result<SuppressedTwoWay, InvalidTable>
export function apply(table: CountTable, options?: Options): Result.Result<SuppressedTable, InvalidTable>
export function apply(table: CountTable, options: Options = {}): Result.Result<SuppressedTable, InvalidTable> {
  return table._tag === "OneWay" ? applyOneWay(table, options) : applyTwoWay(table, options)
}

/**
 * The positions a suppressed table hides, in reading order (for `Options.suppress`, or to
 * explain a report).
 * @since 0.1.0
 * @category combinators
 */
export function hidden(table: SuppressedOneWay): Array<OneWayPosition>
export function hidden(table: SuppressedTwoWay): Array<TwoWayPosition>
export function hidden(table: SuppressedTable): Array<OneWayPosition | TwoWayPosition>
export function hidden(table: SuppressedTable): Array<OneWayPosition | TwoWayPosition> {
  const out: Array<OneWayPosition | TwoWayPosition> = []
  if (table._tag === "OneWay") {
    table.cells.forEach((c, i) => c._tag === "Suppressed" && out.push(i))
    if (table.total._tag === "Suppressed") out.push("total")
    return out
  }
  table.cells.forEach((row, i) => {
    row.forEach((c, j) => c._tag === "Suppressed" && out.push([i, j]))
    if (table.rowTotals[i]?._tag === "Suppressed") out.push([i, "total"])
  })
  table.columnTotals.forEach((c, j) => c._tag === "Suppressed" && out.push(["total", j]))
  if (table.total._tag === "Suppressed") out.push(["total", "total"])
  return out
}

/**
 * The smallest non-zero visible count of a suppressed table (margins included), or `undefined`
 * when none is visible; what `PublishReport.smallestCell` records.
 * @since 0.1.0
 * @category combinators
 */
export const smallestVisibleCount = (table: SuppressedTable): number | undefined => {
  const all: Array<Cell> = table._tag === "OneWay"
    ? [...table.cells, table.total]
    : [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total]
  let min: number | undefined
  for (const c of all) if (c._tag === "Value" && c.count > 0 && (min === undefined || c.count < min)) min = c.count
  return min
}
