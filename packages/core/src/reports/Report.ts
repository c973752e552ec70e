/**
 * Report definitions in the Results-Based Accountability frame (How much did we do? How well did
 * we do it? Is anyone better off?), computed where the data is (the store's `aggregate`, a SQL
 * `GROUP BY` in the SQL adapters) and suppressed before anyone sees them.
 *
 * @since 0.1.0
 */
import { Effect, Result, Schema } from "effect"
import type { Labels } from "../model/Common.js"
import type { ReportQuestion } from "../plugins/Plugin.js"
import { Store } from "../Store.js"
import type { AggregateFilter, AggregateRow, FacetValue, RecordKind, StoreError, StoreShape } from "../Store.js"
import { positionsOf, rateOf } from "./internal/cells.js"
import { problemOf, toAggregateQuery } from "./internal/query.js"
import * as Suppression from "./Suppression.js"
import * as Tables from "./Tables.js"

export { numeratorQuery, toAggregateQuery } from "./internal/query.js"

/**
 * What a report counts in each cell:
 *
 * - `"records"`: records of the kind (contacts, activities, …);
 * - `"people"`: distinct people (the store counts them; anonymous participants are never among
 *   them: see {@link ReportQuery.anonymous});
 * - `{ sum: facet }`: the sum of a numeric facet (e.g. `anonymousCount` of contacts);
 * - `{ rate: { of, where } }`: the share of the records (or people, `of: "people"`) of each cell
 *   that the filters `where` keep: the table gets two columns, the numerator and the rest of
 *   the denominator (the row total), suppressed together, and {@link ReportResult.rates} the
 *   shares where both are shown; `{ rate: { sum: { part, whole } } }` is the share one numeric
 *   facet makes of another in each cell (people new to the service among the people reached),
 *   laid out the same way;
 * - `{ change: facet, order? }`: change per person: each person's first and last value of the
 *   facet in the period (measurements' `value`), counted as improved, same or worse. Numbers
 *   and yes/no compare as such; categories by their place in `order` (worst first).
 *
 * Margins are the sums of the cells, so that every row and column adds up (which is what
 * complementary suppression protects). For `"people"` and for `tag` dimensions a person or a
 * record can sit in several cells, so a margin is then a count of cell entries, not of people.
 *
 * @since 0.1.0
 * @category models
 */
export type Measure =
  | "records"
  | "people"
  | { readonly sum: string }
  | { readonly rate: RateMeasure }
  | { readonly change: string; readonly order?: ReadonlyArray<FacetValue> }

/**
 * The numerator of a rate: which records (or the people with at least one of them) count.
 * @since 0.2.0
 * @category models
 */
export interface RateMeasure {
  /** Records (default) or distinct people. */
  readonly of?: "records" | "people"
  /** The filters a record must pass to count in the numerator (required unless `sum`). */
  readonly where?: ReadonlyArray<AggregateFilter>
  /**
   * The share a numeric facet (`part`) makes of another (`whole`) summed per cell, instead of
   * counting records: e.g. `{ part: "field_newToService", whole: "participants" }`. A part
   * larger than its whole counts as the whole.
   * @since 0.2.0
   */
  readonly sum?: { readonly part: string; readonly whole: string }
}

/**
 * One dimension of a report: a facet name, `"tag"` (one group per tag) or `"month"`
 * (`YYYY-MM`). `values` fixes the order and makes sure those values are shown even when nobody
 * is counted in them; values the data has beyond them follow, sorted.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportDimension {
  readonly by: string
  readonly values?: ReadonlyArray<FacetValue>
}

/**
 * The declarative query of a report: which records (of a kind, passing the filters), grouped by
 * one to four dimensions, measured how. With one dimension the table is one-way; otherwise the
 * last dimension gives the columns (the outcome columns for rates and change) and every
 * combination of the others a row.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportQuery {
  readonly kind: RecordKind
  readonly dimensions:
    | readonly [ReportDimension]
    | readonly [ReportDimension, ReportDimension]
    | readonly [ReportDimension, ReportDimension, ReportDimension]
    | readonly [ReportDimension, ReportDimension, ReportDimension, ReportDimension]
  /** Default `"records"`. */
  readonly measure?: Measure
  /**
   * Only the records these filters keep.
   * @since 0.2.0
   */
  readonly where?: ReadonlyArray<AggregateFilter>
  /**
   * With `measure: "people"`: a numeric facet counting anonymous participants (contacts'
   * `anonymousCount`), summed in the same cells and shown beside, never added to the people.
   * @since 0.2.0
   */
  readonly anonymous?: string
  /**
   * How people are told apart where they are counted: by person id (`"id"`, the default) or by
   * code (`"code"`: people registered with the same pseudonymous code in a service count once).
   * @since 0.2.0
   */
  readonly peopleBy?: "id" | "code"
}

/**
 * A report definition, as plugins declare them. It satisfies the plugin contract's
 * `PluginReport` (id, labels, question).
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportDefinition<Id extends string = string> {
  readonly id: Id
  readonly labels: Labels
  readonly question: ReportQuestion
  readonly query: ReportQuery
  /** The smallest threshold this report may be published with (default 5) and whether zeros are hidden. */
  readonly suppression?: { readonly threshold?: number; readonly suppressZeros?: boolean }
}

/**
 * Defines a report, keeping its id's literal type.
 * @since 0.1.0
 * @category constructors
 */
export const define = <const Id extends string>(definition: ReportDefinition<Id>): ReportDefinition<Id> => definition

/**
 * Which part of the data a run covers, and an optional stricter threshold.
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  readonly serviceId?: string
  /** Inclusive lower bound on the records' time (ISO 8601). */
  readonly from?: string
  /** Exclusive upper bound on the records' time (ISO 8601). */
  readonly to?: string
  /** A higher threshold than the definition's; a lower one is ignored (the definition is the floor). */
  readonly threshold?: number
  /**
   * Filters added to the definition's.
   * @since 0.2.0
   */
  readonly where?: ReadonlyArray<AggregateFilter>
  /**
   * Cells to hide in any case (by their row and column values), before complementary
   * suppression: what other runs hid, so that this one stays consistent with them.
   * @since 0.2.0
   */
  readonly hide?: ReadonlyArray<HiddenCell>
  /**
   * Cells to choose as complements before others (by their values): cells that consistent runs
   * hide already.
   * @since 0.2.0
   */
  readonly prefer?: ReadonlyArray<HiddenCell>
}

/**
 * A cell of a report by its values rather than its position: its row key (the values of the
 * row dimensions, `"total"` for the column totals) and its column (`[value]`, or `"total"` for
 * the row totals; absent in a one-way table).
 * @since 0.2.0
 * @category models
 */
export interface HiddenCell {
  readonly row: ReadonlyArray<FacetValue> | "total"
  readonly column?: readonly [FacetValue] | "total"
}

/**
 * A report as it may be shown: the suppressed table and what was used to make it.
 * @since 0.1.0
 * @category models
 */
export interface ReportResult {
  readonly reportId: string
  readonly labels: Labels
  readonly question: ReportQuestion
  readonly measure: Measure
  readonly scope: { readonly serviceId?: string; readonly from?: string; readonly to?: string }
  readonly threshold: number
  readonly suppressZeros: boolean
  readonly table: Suppression.SuppressedTable
  /** The smallest non-zero count shown (margins included), for `PublishReport.smallestCell`. */
  readonly smallestVisibleCount: number | undefined
  /**
   * The values of each row of `table` (one per row dimension), in table order.
   * @since 0.2.0
   */
  readonly rowKeys: ReadonlyArray<ReadonlyArray<FacetValue>>
  /**
   * With a rate: each row's share (numerator / row total), or `null` where either is hidden or
   * the total is 0; `total` for the whole table.
   * @since 0.2.0
   */
  readonly rates?: { readonly rows: ReadonlyArray<number | null>; readonly total: number | null }
  /**
   * With {@link ReportQuery.anonymous}: the anonymous participants in the same cells, suppressed
   * on their own, never added to the people.
   * @since 0.2.0
   */
  readonly anonymous?: Suppression.SuppressedTable
}

/**
 * A report definition that cannot run, or a store answer it cannot use. Names the report, the
 * field and the rule; never a count or a value from the data.
 * @since 0.1.0
 * @category errors
 */
export class InvalidReport extends Schema.TaggedError<InvalidReport>("@pomoc/core/InvalidReport")("InvalidReport", {
  reportId: Schema.String,
  field: Schema.String,
  rule: Schema.String
}) {
  override get message(): string {
    return `Report "${this.reportId}": ${this.field} must be ${this.rule}`
  }
}

const groupKey = (names: ReadonlyArray<string>, row: AggregateRow) =>
  JSON.stringify(names.map((n) => row.group[n] ?? null))

/**
 * Turns aggregate rows into a count table along the definition's dimensions (pure; rows with
 * the same cell are added up, missing combinations are 0). A rate takes its numerator from each
 * row's `part`, or else from the numerator's rows.
 * @since 0.1.0
 * @category combinators
 */
export const tabulate = (
  definition: ReportDefinition,
  rows: ReadonlyArray<AggregateRow>,
  numerator: ReadonlyArray<AggregateRow> = []
): Result.Result<Suppression.CountTable, InvalidReport> =>
  Result.map(layOut(definition, rows, numerator), ({ table }) => table)

/**
 * {@link tabulate}, with the layout of the table (its row keys and columns).
 * @since 0.2.0
 * @category combinators
 */
export const layOut = (
  definition: ReportDefinition,
  rows: ReadonlyArray<AggregateRow>,
  numerator: ReadonlyArray<AggregateRow>
): Result.Result<{ readonly table: Suppression.CountTable; readonly layout: Tables.Layout }, InvalidReport> => {
  const fail = (field: string, rule: string) => Result.fail(new InvalidReport({ reportId: definition.id, field, rule }))
  const measure = definition.query.measure ?? "records"
  const names = definition.query.dimensions.map((d) => d.by)
  const people = (row: AggregateRow) => row.distinctPeople
  const numerators = new Map(numerator.map((row) => [groupKey(names, row), row]))
  let amounts: (row: AggregateRow) => ReadonlyArray<number | undefined>
  let outcome: Suppression.Dimension | undefined
  if (measure === "records") amounts = (row) => [row.count]
  else if (measure === "people") amounts = (row) => [people(row)]
  else if ("sum" in measure) amounts = (row) => [row.sums[measure.sum] ?? 0]
  else if ("rate" in measure) {
    outcome = Tables.RATE_COLUMNS
    const of = (row: AggregateRow | AggregateRow["part"] | undefined) =>
      row === undefined ? 0 : measure.rate.of === "people" ? row.distinctPeople : row.count
    const sum = measure.rate.sum
    // A part larger than its whole (data a rule should have refused) counts as the whole.
    const split = (part: number, whole: number) => [Math.min(part, whole), Math.max(whole - part, 0)]
    amounts = sum !== undefined
      ? (row) => split(row.sums[sum.part] ?? 0, row.sums[sum.whole] ?? 0)
      : (row) => {
        const all = of(row)
        const part = of(row.part ?? numerators.get(groupKey(names, row)))
        return all === undefined || part === undefined ? [undefined] : [part, all - part]
      }
  } else {
    outcome = Tables.CHANGE_COLUMNS
    amounts = (row) => Tables.changeCounts(row, measure.order)
  }
  const checked: Array<ReadonlyArray<number>> = []
  for (const [i, row] of rows.entries()) {
    const values = amounts(row)
    if (values.some((v) => v === undefined)) {
      return fail(`rows[${i}].distinctPeople`, "returned by the store when people are counted")
    }
    if (!values.every((v) => Number.isSafeInteger(v) && v! >= 0)) {
      return fail(`rows[${i}]`, "a non-negative integer count from the store")
    }
    checked.push(values as ReadonlyArray<number>)
  }
  const axes = definition.query.dimensions.map((d) => Tables.axisOf(d, rows))
  const layout = Tables.layoutOf(axes, outcome)
  if (Result.isFailure(layout)) return fail("query.dimensions", layout.failure)
  const index = new Map(rows.map((row, i) => [row, i]))
  return Result.succeed({
    table: Tables.fill(layout.success, rows, (row) => checked[index.get(row)!]!),
    layout: layout.success
  })
}

/**
 * The cells a result hides, by their values (to pass as {@link RunOptions.hide} to a run that
 * must stay consistent with this one).
 * @since 0.2.0
 * @category combinators
 */
export const hiddenCells = (result: ReportResult): Array<HiddenCell> => {
  const table = result.table
  if (table._tag === "OneWay") {
    return Suppression.hidden(table).map((p) => ({ row: p === "total" ? "total" : result.rowKeys[p]! }))
  }
  return Suppression.hidden(table).map(([i, j]) => ({
    row: i === "total" ? "total" : result.rowKeys[i]!,
    column: j === "total" ? "total" : [table.columns.values[j]!]
  }))
}

/**
 * Runs a report: aggregates in the store, tabulates, and suppresses small cells and their
 * complements. The threshold is the definition's (default 5), or the run's if that is higher.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Report } from "@pomoc/core"
 * const contactsByChannel = Report.define({
 *   id: "contacts-by-channel",
 *   labels: { en: "Contacts by channel", cs: "Kontakty podle kanálu", lt: "Kontaktai pagal kanalą", bg: "Контакти по канал" },
 *   question: "how-much",
 *   query: { kind: "contact", dimensions: [{ by: "channel" }] }
 * })
 * const program = Effect.gen(function*() {
 *   const result = yield* Report.run(contactsByChannel, store, { from: "2026-01-01", to: "2027-01-01" })
 *   return result.table // cells are { _tag: "Value", count } or { _tag: "Suppressed" }
 * })
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const run = Effect.fn("Report.run")(function*(
  definition: ReportDefinition,
  store: Pick<StoreShape, "aggregate">,
  options: RunOptions = {}
): Effect.fn.Return<ReportResult, InvalidReport | StoreError> {
  const problem = problemOf(definition, options)
  if (problem !== undefined) return yield* new InvalidReport({ reportId: definition.id, ...problem })
  const floor = definition.suppression?.threshold ?? Suppression.DEFAULT_THRESHOLD
  if (!Number.isSafeInteger(floor) || floor < 1) {
    return yield* new InvalidReport({ reportId: definition.id, field: "suppression.threshold", rule: "an integer ≥ 1" })
  }
  if (options.threshold !== undefined && (!Number.isSafeInteger(options.threshold) || options.threshold < 1)) {
    return yield* new InvalidReport({ reportId: definition.id, field: "options.threshold", rule: "an integer ≥ 1" })
  }
  const threshold = Math.max(floor, options.threshold ?? floor)
  const suppressZeros = definition.suppression?.suppressZeros === true
  // One aggregate: a rate's numerator is counted in the denominator's pass (its `part`).
  const query = toAggregateQuery(definition, options)
  const rows = yield* store.aggregate(query)
  const partless = query.part === undefined ? -1 : rows.findIndex((row) => row.part === undefined)
  if (partless >= 0) {
    return yield* new InvalidReport({
      reportId: definition.id,
      field: `rows[${partless}].part`,
      rule: "returned by the store when a rate is counted"
    })
  }
  const { layout, table } = yield* Effect.fromResult(layOut(definition, rows, []))
  const suppress = (t: Suppression.CountTable, hide: ReadonlyArray<HiddenCell>, prefer: ReadonlyArray<HiddenCell>) =>
    Effect.fromResult(
      Suppression.apply(t, {
        threshold,
        suppressZeros,
        suppress: positionsOf(layout, hide),
        prefer: positionsOf(layout, prefer)
      })
    ).pipe(
      Effect.mapError((e) => new InvalidReport({ reportId: definition.id, field: `table.${e.field}`, rule: e.rule }))
    )
  const suppressed = yield* suppress(table, options.hide ?? [], options.prefer ?? [])
  const measure = definition.query.measure ?? "records"
  const anonymous = definition.query.anonymous
  const anonymousTable = anonymous === undefined
    ? undefined
    : yield* suppress(Tables.fill(layout, rows, (row) => [row.sums[anonymous] ?? 0]), [], [])
  const rates = typeof measure === "object" && "rate" in measure && suppressed._tag === "TwoWay"
    ? {
      rows: suppressed.cells.map((cells, i) => rateOf(cells[0], suppressed.rowTotals[i])),
      total: rateOf(suppressed.columnTotals[0], suppressed.total)
    }
    : undefined
  return {
    reportId: definition.id,
    labels: definition.labels,
    question: definition.question,
    measure,
    scope: {
      ...(options.serviceId !== undefined ? { serviceId: options.serviceId } : {}),
      ...(options.from !== undefined ? { from: options.from } : {}),
      ...(options.to !== undefined ? { to: options.to } : {})
    },
    threshold,
    suppressZeros,
    table: suppressed,
    smallestVisibleCount: Suppression.smallestVisibleCount(suppressed),
    rowKeys: layout.rowKeys,
    ...(rates !== undefined ? { rates } : {}),
    ...(anonymousTable !== undefined ? { anonymous: anonymousTable } : {})
  }
})

/**
 * {@link run} against the {@link Store} service of the context.
 * @since 0.1.0
 * @category combinators
 */
export const runInStore = (
  definition: ReportDefinition,
  options: RunOptions = {}
): Effect.Effect<ReportResult, InvalidReport | StoreError, Store> =>
  Effect.flatMap(Effect.service(Store), (store) => run(definition, store, options))
