/**
 * What a list holds: its pages and, on request, its counts (records, distinct people by id or
 * by code, anonymous people), counted by the store.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import type { CaseworkError } from "../Config.js"
import type { Context } from "../Operation.js"

/**
 * One page of a list: its items, and the cursor of the next page (absent on the last page; a
 * page after the last full one may be empty).
 * @since 0.2.0
 * @category models
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly next?: string
  /**
   * With `count: true` in the input: what the whole list holds, counted by the store (the same
   * on every page).
   * @since 0.2.0
   */
  readonly counts?: Counts
}

/** The indexed filters the counts of a list take. */
interface Filters {
  readonly serviceId?: string
  readonly from?: string
  readonly to?: string
}

/**
 * What a whole list holds (every page of it): its records, the distinct people they name (by
 * person id, or with `peopleBy: "code"` in the input by code: people with the same pseudonymous
 * code in a service counted once, those without one by id), and the people counted without
 * being named (anonymous counts and attendance), kept apart: anonymous people are never added to
 * distinct ones.
 * @since 0.2.0
 * @category models
 */
export interface Counts {
  readonly records: number
  readonly distinctPeople: number
  readonly anonymous: number
}

/**
 * How a list's counts tell people apart: by person id (the default) or by code (the blind-index
 * token of the code in the person's own service, never the code itself).
 * @since 0.2.0
 * @category models
 */
export type PeopleBy = "id" | "code"

/**
 * The counts of a list's records of `kind`, summing `anonymous` (a facet) as the anonymous
 * people, people told apart by id or by code (`peopleBy`).
 * @since 0.2.0
 * @category combinators
 */
export const countsOf = (
  ctx: Context,
  kind: "contact" | "activity" | "person",
  filters: Filters,
  peopleBy: PeopleBy | undefined,
  anonymous?: string
): Effect.Effect<Counts, CaseworkError> =>
  Effect.map(
    ctx.store.aggregate({
      kind,
      ...(filters.serviceId === undefined ? {} : { serviceId: filters.serviceId }),
      ...(filters.from === undefined ? {} : { from: filters.from }),
      ...(filters.to === undefined ? {} : { to: filters.to }),
      groupBy: [],
      distinctPeople: true,
      ...(peopleBy === "code" ? { distinctBy: "code" as const } : {}),
      ...(anonymous === undefined ? {} : { sum: [anonymous] })
    }),
    (rows) => ({
      records: rows.reduce((n, r) => n + r.count, 0),
      distinctPeople: rows.reduce((n, r) => n + (r.distinctPeople ?? 0), 0),
      anonymous: anonymous === undefined ? 0 : rows.reduce((n, r) => n + (r.sums[anonymous] ?? 0), 0)
    })
  )

/**
 * The page with the list's counts, when the input asks for them.
 * @since 0.2.0
 * @category combinators
 */
export const withCounts = <A>(
  page: Page<A>,
  request: { readonly count?: boolean | undefined },
  counts: () => Effect.Effect<Counts, CaseworkError>
): Effect.Effect<Page<A>, CaseworkError> =>
  request.count === true ? Effect.map(counts(), (c) => ({ ...page, counts: c })) : Effect.succeed(page)
