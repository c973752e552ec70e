/**
 * A report definition as the store's aggregate query, and the checks a definition passes before
 * the store is asked (split from `Report.ts`, which re-exports the public parts).
 *
 * @since 0.2.0
 */
import type { AggregateFilter, AggregateQuery } from "../../Store.js"
import { FACET_NAME } from "../../Store.js"
import type { ReportDefinition, RunOptions } from "../Report.js"

const isGroupKey = (name: string): boolean => name === "tag" || name === "month" || FACET_NAME.test(name)

const filtersOf = (definition: ReportDefinition, options: RunOptions): ReadonlyArray<AggregateFilter> => [
  ...(definition.query.where ?? []),
  ...(options.where ?? [])
]

/**
 * The aggregate query a definition runs against the store (for a rate, the denominator's, with
 * the numerator counted in the same pass as its `part`).
 * @since 0.1.0
 * @category combinators
 */
export const toAggregateQuery = (definition: ReportDefinition, options: RunOptions = {}): AggregateQuery => {
  const measure = definition.query.measure ?? "records"
  const where = filtersOf(definition, options)
  const anonymous = definition.query.anonymous
  const people = measure === "people" ||
    (typeof measure === "object" && "rate" in measure && measure.rate.of === "people")
  return {
    kind: definition.query.kind,
    groupBy: definition.query.dimensions.map((d) => d.by),
    ...(typeof measure === "object" && "sum" in measure ? { sum: [measure.sum] } : {}),
    ...(typeof measure === "object" && "rate" in measure && measure.rate.sum !== undefined
      ? { sum: [measure.rate.sum.part, measure.rate.sum.whole] }
      : {}),
    ...(measure === "people" && anonymous !== undefined ? { sum: [anonymous] } : {}),
    ...(people ? { distinctPeople: true } : {}),
    ...(people && definition.query.peopleBy === "code" ? { distinctBy: "code" as const } : {}),
    ...(typeof measure === "object" && "change" in measure ? { change: measure.change } : {}),
    // A counted rate's numerator, in the same pass (a rate of two sums needs none).
    ...(typeof measure === "object" && "rate" in measure && measure.rate.sum === undefined
      ? { part: measure.rate.where ?? [] }
      : {}),
    ...(where.length > 0 ? { where } : {}),
    ...(options.serviceId !== undefined ? { serviceId: options.serviceId } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {})
  }
}

/**
 * A rate's numerator as a query of its own: the denominator's with the rate's filters added, or
 * `undefined` for other measures. `Report.run` does not need it ({@link toAggregateQuery} counts
 * the numerator as its `part`); it gives the numerator's rows to a store without `part`.
 * @since 0.2.0
 * @category combinators
 */
export const numeratorQuery = (definition: ReportDefinition, options: RunOptions = {}): AggregateQuery | undefined => {
  const measure = definition.query.measure ?? "records"
  if (typeof measure !== "object" || !("rate" in measure) || measure.rate.sum !== undefined) return undefined
  const { part: _, ...base } = toAggregateQuery(definition, options)
  return { ...base, where: [...(base.where ?? []), ...(measure.rate.where ?? [])] }
}

/**
 * What is wrong with a definition and a run's options (the field and the rule it breaks), or
 * `undefined`: checked before the store is asked.
 */
export const problemOf = (
  definition: ReportDefinition,
  options: RunOptions
): { readonly field: string; readonly rule: string } | undefined => {
  const invalid = (field: string, rule: string) => ({ field, rule })
  const dims = definition.query.dimensions
  if (dims.length < 1 || dims.length > 4) return invalid("query.dimensions", "one to four dimensions")
  for (const [i, d] of dims.entries()) {
    if (!isGroupKey(d.by)) return invalid(`query.dimensions[${i}].by`, "a facet name, \"tag\" or \"month\"")
    if (dims.findIndex((e) => e.by === d.by) !== i) {
      return invalid(`query.dimensions[${i}].by`, "different from the other dimensions")
    }
  }
  const measure = definition.query.measure ?? "records"
  if (typeof measure === "object" && "sum" in measure && !FACET_NAME.test(measure.sum)) {
    return invalid("query.measure.sum", "a facet name")
  }
  if (typeof measure === "object" && "change" in measure && !FACET_NAME.test(measure.change)) {
    return invalid("query.measure.change", "a facet name")
  }
  const rateSum = typeof measure === "object" && "rate" in measure ? measure.rate.sum : undefined
  if (rateSum !== undefined && !(FACET_NAME.test(rateSum.part) && FACET_NAME.test(rateSum.whole))) {
    return invalid("query.measure.rate.sum", "a part and a whole that are facet names")
  }
  if (
    typeof measure === "object" && "rate" in measure && rateSum === undefined && (measure.rate.where ?? []).length === 0
  ) {
    return invalid("query.measure.rate.where", "at least one filter")
  }
  const anonymous = definition.query.anonymous
  if (anonymous !== undefined && (measure !== "people" || !FACET_NAME.test(anonymous))) {
    return invalid("query.anonymous", "a facet name, with the measure \"people\"")
  }
  for (const [field, filters] of [["query.where", definition.query.where], ["options.where", options.where]] as const) {
    for (const [i, f] of (filters ?? []).entries()) {
      if (f.by === "month" || !isGroupKey(f.by)) return invalid(`${field}[${i}].by`, "a facet name or \"tag\"")
    }
  }
  return undefined
}
