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
import { FACET_NAME, Store } from "../Store.js"
import type { AggregateQuery, AggregateRow, FacetValue, RecordKind, StoreError, StoreShape } from "../Store.js"
import * as Suppression from "./Suppression.js"

/**
 * What a report counts in each cell:
 *
 * - `"records"`: records of the kind (contacts, activities, …);
 * - `"people"`: distinct people (the store counts them);
 * - `{ sum: facet }`: the sum of a numeric facet (e.g. `anonymousCount` of contacts).
 *
 * Margins are the sums of the cells, so that every row and column adds up (which is what
 * complementary suppression protects). For `"people"` and for `tag` dimensions a person or a
 * record can sit in several cells, so a margin is then a count of cell entries, not of people.
 *
 * @since 0.1.0
 * @category models
 */
export type Measure = "records" | "people" | { readonly sum: string }

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
 * The declarative query of a report: which records, grouped by one or two dimensions, measured
 * how.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportQuery {
  readonly kind: RecordKind
  readonly dimensions: readonly [ReportDimension] | readonly [ReportDimension, ReportDimension]
  /** Default `"records"`. */
  readonly measure?: Measure
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

const isGroupKey = (name: string): boolean => name === "tag" || name === "month" || FACET_NAME.test(name)

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
 * The aggregate query a definition runs against the store.
 * @since 0.1.0
 * @category combinators
 */
export const toAggregateQuery = (definition: ReportDefinition, options: RunOptions = {}): AggregateQuery => {
  const measure = definition.query.measure ?? "records"
  return {
    kind: definition.query.kind,
    groupBy: definition.query.dimensions.map((d) => d.by),
    ...(typeof measure === "object" ? { sum: [measure.sum] } : {}),
    ...(measure === "people" ? { distinctPeople: true } : {}),
    ...(options.serviceId !== undefined ? { serviceId: options.serviceId } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {})
  }
}

/**
 * Turns aggregate rows into a count table along the definition's dimensions (pure; rows with
 * the same group are added up, missing combinations are 0).
 * @since 0.1.0
 * @category combinators
 */
export const tabulate = (
  definition: ReportDefinition,
  rows: ReadonlyArray<AggregateRow>
): Result.Result<Suppression.CountTable, InvalidReport> => {
  const fail = (field: string, rule: string) => Result.fail(new InvalidReport({ reportId: definition.id, field, rule }))
  const measure = definition.query.measure ?? "records"
  const dims = definition.query.dimensions
  const axes = dims.map((d) => {
    const declared = d.values ?? []
    const seen = new Set(declared.map(valueKey))
    const extra: Array<FacetValue> = []
    for (const row of rows) {
      const v = row.group[d.by] ?? null
      if (!seen.has(valueKey(v))) {
        seen.add(valueKey(v))
        extra.push(v)
      }
    }
    const values = [...declared, ...extra.sort(compareValues)]
    return { name: d.by, values, index: new Map(values.map((v, i) => [valueKey(v), i])) }
  })
  const amounts: Array<number> = []
  for (const [i, row] of rows.entries()) {
    const amount = measure === "records"
      ? row.count
      : measure === "people"
      ? row.distinctPeople
      : row.sums[measure.sum] ?? 0
    if (amount === undefined) return fail(`rows[${i}].distinctPeople`, "returned by the store when people are counted")
    if (!Number.isSafeInteger(amount) || amount < 0) {
      return fail(`rows[${i}]`, "a non-negative integer count from the store")
    }
    amounts.push(amount)
  }
  const at = (row: AggregateRow, axis: number) => axes[axis]!.index.get(valueKey(row.group[axes[axis]!.name] ?? null))!
  if (axes.length === 1) {
    const counts = axes[0]!.values.map(() => 0)
    rows.forEach((row, i) => (counts[at(row, 0)]! += amounts[i]!))
    return Result.succeed({ _tag: "OneWay", dimension: { name: axes[0]!.name, values: axes[0]!.values }, counts })
  }
  const counts = axes[0]!.values.map(() => axes[1]!.values.map(() => 0))
  rows.forEach((row, i) => (counts[at(row, 0)]![at(row, 1)]! += amounts[i]!))
  return Result.succeed({
    _tag: "TwoWay",
    rows: { name: axes[0]!.name, values: axes[0]!.values },
    columns: { name: axes[1]!.name, values: axes[1]!.values },
    counts
  })
}

const validate = (definition: ReportDefinition): InvalidReport | undefined => {
  const invalid = (field: string, rule: string) => new InvalidReport({ reportId: definition.id, field, rule })
  const dims = definition.query.dimensions
  if (dims.length < 1 || dims.length > 2) return invalid("query.dimensions", "one or two dimensions")
  for (const [i, d] of dims.entries()) {
    if (!isGroupKey(d.by)) return invalid(`query.dimensions[${i}].by`, "a facet name, \"tag\" or \"month\"")
  }
  if (dims.length === 2 && dims[0].by === dims[1].by) {
    return invalid("query.dimensions[1].by", "different from the first dimension")
  }
  const measure = definition.query.measure ?? "records"
  if (typeof measure === "object" && !FACET_NAME.test(measure.sum)) return invalid("query.measure.sum", "a facet name")
  return undefined
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
  const invalid = validate(definition)
  if (invalid !== undefined) return yield* invalid
  const floor = definition.suppression?.threshold ?? Suppression.DEFAULT_THRESHOLD
  if (!Number.isSafeInteger(floor) || floor < 1) {
    return yield* new InvalidReport({ reportId: definition.id, field: "suppression.threshold", rule: "an integer ≥ 1" })
  }
  if (options.threshold !== undefined && (!Number.isSafeInteger(options.threshold) || options.threshold < 1)) {
    return yield* new InvalidReport({ reportId: definition.id, field: "options.threshold", rule: "an integer ≥ 1" })
  }
  const threshold = Math.max(floor, options.threshold ?? floor)
  const suppressZeros = definition.suppression?.suppressZeros === true
  const rows = yield* store.aggregate(toAggregateQuery(definition, options))
  const table = yield* Effect.fromResult(tabulate(definition, rows))
  const suppressed = yield* Effect.fromResult(Suppression.apply(table, { threshold, suppressZeros })).pipe(
    Effect.mapError((e) => new InvalidReport({ reportId: definition.id, field: `table.${e.field}`, rule: e.rule }))
  )
  return {
    reportId: definition.id,
    labels: definition.labels,
    question: definition.question,
    measure: definition.query.measure ?? "records",
    scope: {
      ...(options.serviceId !== undefined ? { serviceId: options.serviceId } : {}),
      ...(options.from !== undefined ? { from: options.from } : {}),
      ...(options.to !== undefined ? { to: options.to } : {})
    },
    threshold,
    suppressZeros,
    table: suppressed,
    smallestVisibleCount: Suppression.smallestVisibleCount(suppressed)
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
