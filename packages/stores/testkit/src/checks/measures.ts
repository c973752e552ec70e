/**
 * Checks of the report measures an aggregate computes: filters, distinct people and change per
 * person, against a naive model written here (loops over every record, no grouping engine), over
 * random records.
 * @since 0.2.0
 */
import type { Store } from "@pomoc/core"
import { Effect } from "effect"
import * as fc from "fast-check"
import { expect } from "vitest"
import { write } from "../Arbitraries.js"
import { expectStoreError, storeCheck } from "../Harness.js"
import type { Check } from "../Harness.js"

const instants = [
  null,
  "2024-01-05T08:00:00.000Z",
  "2024-01-31T23:59:59.999Z",
  "2024-02-01T00:00:00.000Z",
  "2024-02-01T00:00:00.000Z",
  "2024-03-15T12:30:00.000Z"
] as const
const bounds = ["2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "2024-04-01T00:00:00.000Z"] as const

type Content = Omit<Store.RecordWrite, "kind" | "id" | "expectedVersion">

/** Measurement-like records: an indicator, a ladder value (sometimes missing or null), a category. */
const arbContent: fc.Arbitrary<Content> = fc.record({
  serviceId: fc.constantFrom("s1", "s2"),
  personIds: fc.subarray(["p1", "p2", "p3", "p4"], { maxLength: 2 }),
  at: fc.constantFrom(...instants),
  facets: fc.record(
    {
      indicator: fc.constantFrom("debt", "housing"),
      value: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)),
      band: fc.constantFrom("12-15", "16-18", true, 2)
    },
    { requiredKeys: ["indicator"] }
  ),
  tags: fc.subarray(["crisis", "info", "visit"]),
  data: fc.constant({})
})

const arbRecords = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[a-f][0-9]$/), content: arbContent }),
  { selector: (r) => r.id, maxLength: 14 }
)

const arbFilter: fc.Arbitrary<Store.AggregateFilter> = fc.oneof(
  fc.record({
    by: fc.constant("indicator"),
    in: fc.subarray<Store.FacetValue>(["debt", "housing", "other"])
  }),
  fc.record({ by: fc.constant("value"), in: fc.subarray<Store.FacetValue>([0, 1, 2, 3, null]) }),
  fc.record({ by: fc.constant("band"), in: fc.subarray<Store.FacetValue>(["12-15", true, 2, null]) }),
  fc.record({ by: fc.constant("tag"), in: fc.subarray<Store.FacetValue>(["crisis", "info", "none"]) })
)

const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined, freq: 2 })

const arbQuery: fc.Arbitrary<Store.AggregateQuery> = fc
  .record({
    serviceId: optional(fc.constantFrom("s1", "s2")),
    from: optional(fc.constantFrom(...bounds)),
    to: optional(fc.constantFrom(...bounds)),
    groupBy: fc.shuffledSubarray(["indicator", "band", "tag", "month"], { maxLength: 2 }),
    where: optional(fc.array(arbFilter, { maxLength: 2 })),
    change: optional(fc.constantFrom("value", "band")),
    distinctPeople: fc.boolean(),
    sum: fc.constantFrom([], ["value"])
  })
  .map((q) =>
    Object.fromEntries(
      Object.entries({ kind: "measurement", ...q }).filter(([, v]) => v !== undefined)
    ) as unknown as Store.AggregateQuery
  )

interface Naive {
  readonly id: string
  readonly content: Content
}

const valuesFor = (r: Content, name: string): ReadonlyArray<Store.FacetValue> =>
  name === "tag" ? [...new Set(r.tags)] : name === "month" ? [r.at === null ? null : r.at.slice(0, 7)] : [
    r.facets[name] ?? null
  ]

// ASCII pools: code-point order is JavaScript's string order.
const before = (a: Naive, b: Naive): number => {
  const x = a.content.at
  const y = b.content.at
  if (x !== y) return x === null ? -1 : y === null ? 1 : x < y ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The meaning of an aggregate, in loops: rows and transitions in a canonical order for comparison. */
const naiveAggregate = (
  records: ReadonlyArray<Naive>,
  q: Store.AggregateQuery,
  codes: ReadonlyMap<string, ReadonlyArray<string>> = new Map()
): Array<Store.AggregateRow> => {
  const kept = records.filter(({ content: r }) =>
    (q.serviceId === undefined || r.serviceId === q.serviceId) &&
    (q.from === undefined || (r.at !== null && r.at >= q.from)) &&
    (q.to === undefined || (r.at !== null && r.at < q.to)) &&
    (q.where ?? []).every((f) =>
      f.by === "tag" ? r.tags.some((t) => f.in.includes(t)) : f.in.includes(r.facets[f.by] ?? null)
    )
  )
  const groups = new Map<string, Array<Naive>>()
  for (const record of kept) {
    let combos: Array<Array<Store.FacetValue>> = [[]]
    for (const name of q.groupBy) {
      combos = combos.flatMap((c) => valuesFor(record.content, name).map((v) => [...c, v]))
    }
    for (const combo of combos) {
      const key = JSON.stringify(combo)
      groups.set(key, [...(groups.get(key) ?? []), record])
    }
  }
  return [...groups.entries()].map(([key, members]) => {
    const combo = JSON.parse(key) as Array<Store.FacetValue>
    const group = Object.fromEntries(q.groupBy.map((name, i) => [name, combo[i] ?? null]))
    const sums = Object.fromEntries(
      (q.sum ?? []).map((name) => [
        name,
        members.reduce((acc, m) => {
          const v = m.content.facets[name]
          return acc + (typeof v === "number" ? v : 0)
        }, 0)
      ])
    )
    const people = [...new Set(members.flatMap((m) => m.content.personIds))]
    const row: Store.AggregateRow = { group, count: members.length, sums }
    // By code: a person with a code is their code (the least of their codes), others their id.
    const who = (person: string) => {
      const theirs = (codes.get(person) ?? []).filter((t) => t.endsWith(".code")).sort()
      return theirs.length === 0 ? `id ${person}` : `code ${theirs[0]}`
    }
    const distinct = q.distinctBy === "code" ? new Set(people.map(who)).size : people.length
    const withPeople = q.distinctPeople === true ? { ...row, distinctPeople: distinct } : row
    if (q.change === undefined) return withPeople
    const facet = q.change
    const pairs = new Map<string, number>()
    for (const person of people) {
      const theirs = members.filter((m) => m.content.personIds.includes(person)).sort(before)
      const pair = JSON.stringify([
        theirs[0]!.content.facets[facet] ?? null,
        theirs[theirs.length - 1]!.content.facets[facet] ?? null
      ])
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1)
    }
    const changes = [...pairs.entries()].map(([pair, n]) => {
      const [first, last] = JSON.parse(pair) as [Store.FacetValue, Store.FacetValue]
      return { first, last, people: n }
    })
    return { ...withPeople, changes }
  })
}

const canonical = (rows: ReadonlyArray<Store.AggregateRow>) =>
  rows
    .map((row) => ({
      ...row,
      ...(row.changes !== undefined
        ? { changes: [...row.changes].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) }
        : {})
    }))
    .sort((a, b) => (JSON.stringify(a.group) < JSON.stringify(b.group) ? -1 : 1))

/**
 * The measures sub-suite: filters, distinct people and change per person agree with a naive
 * model over random records; bad filters and change facets are refused.
 * @since 0.2.0
 * @category constructors
 */
export const measures: ReadonlyArray<Check> = [
  {
    name: "filters, distinct people and change per person agree with a naive model (fast-check)",
    run: (harness) =>
      fc.assert(
        fc.asyncProperty(arbRecords, fc.array(arbQuery, { minLength: 1, maxLength: 6 }), (records, queries) =>
          harness.fresh(async ({ store }) => {
            if (records.length > 0) {
              await Effect.runPromise(
                store.commit({
                  writes: records.map(({ content, id }) =>
                    write("measurement", id, 0, content)
                  ),
                  audit: []
                })
              )
            }
            for (const query of queries) {
              const rows = await Effect.runPromise(store.aggregate(query))
              expect(canonical(rows)).toEqual(canonical(naiveAggregate(records, query)))
            }
          })),
        { numRuns: harness.options.modelRuns ?? 40 }
      )
  },

  {
    name: "distinct people by code: people whose person records hold the same code count once (fast-check)",
    run: (harness) =>
      fc.assert(
        fc.asyncProperty(
          arbRecords,
          // Each person's record may hold tokens: codes (ending in ".code") and other tokens.
          fc.array(fc.subarray(["k1.code", "k2.code", "k1", "k2.code.b-15-17", "ps1-x.l-pseudonymous"]), {
            minLength: 4,
            maxLength: 4
          }),
          fc.array(arbQuery, { minLength: 1, maxLength: 4 }),
          (records, tokens, queries) =>
            harness.fresh(async ({ store }) => {
              const codes = new Map(tokens.map((t, i) => [`p${i + 1}`, t]))
              await Effect.runPromise(
                store.commit({
                  writes: [
                    ...records.map(({ content, id }) => write("measurement", id, 0, content)),
                    ...[...codes].map(([person, lookup]) => ({
                      ...write("person", person, 0, { serviceId: "s1", personIds: [person] }),
                      ...(lookup.length === 0 ? {} : { lookup })
                    }))
                  ],
                  audit: []
                })
              )
              for (const query of queries) {
                const byCode = { ...query, distinctPeople: true, distinctBy: "code" } as const
                const rows = await Effect.runPromise(store.aggregate(byCode))
                expect(canonical(rows)).toEqual(canonical(naiveAggregate(records, byCode, codes)))
              }
            })
        ),
        { numRuns: harness.options.modelRuns ?? 40 }
      )
  },

  {
    // Erasure renames a person (a new id in every record naming them); a store may keep people
    // apart in its report rows by something other than the id (SQLite numbers them), so the
    // measures are checked again after renames, onto a new id or onto one already named.
    name: "distinct people and change per person still agree with the naive model after renames (fast-check)",
    run: (harness) =>
      fc.assert(
        fc.asyncProperty(
          arbRecords,
          fc.array(fc.record({ from: fc.constantFrom("p1", "p2", "p3", "p4"), to: fc.constantFrom("p2", "p5") }), {
            maxLength: 3
          }),
          fc.array(arbQuery, { minLength: 1, maxLength: 4 }),
          (records, renames, queries) =>
            harness.fresh(async ({ store }) => {
              if (records.length > 0) {
                await Effect.runPromise(
                  store.commit({
                    writes: records.map(({ content, id }) => write("measurement", id, 0, content)),
                    audit: []
                  })
                )
              }
              let renamed = records
              for (const { from, to } of renames.filter((r) => r.from !== r.to)) {
                await Effect.runPromise(store.commit({ writes: [], renamePeople: [{ from, to }], audit: [] }))
                renamed = renamed.map((r) => ({
                  ...r,
                  content: { ...r.content, personIds: r.content.personIds.map((p) => (p === from ? to : p)) }
                }))
              }
              for (const query of queries) {
                const rows = await Effect.runPromise(store.aggregate({ ...query, distinctPeople: true }))
                expect(canonical(rows)).toEqual(canonical(naiveAggregate(renamed, { ...query, distinctPeople: true })))
              }
            })
        ),
        { numRuns: harness.options.modelRuns ?? 40 }
      )
  },

  storeCheck(
    "change per person: first and last value of each person in each group, by at then id",
    (store) =>
      Effect.gen(function*() {
        const m = (id: string, person: string, at: string, value: number, indicator = "debt") =>
          write("measurement", id, 0, { serviceId: "s1", personIds: [person], at, facets: { indicator, value } })
        yield* store.commit({
          writes: [
            m("a1", "p1", "2024-01-02T00:00:00.000Z", 1),
            m("a2", "p1", "2024-03-02T00:00:00.000Z", 3),
            m("b1", "p2", "2024-01-05T00:00:00.000Z", 2),
            m("b2", "p2", "2024-02-05T00:00:00.000Z", 1),
            // The same instant: the id decides (b4 after b2).
            m("b4", "p2", "2024-02-05T00:00:00.000Z", 2),
            m("c1", "p3", "2024-01-09T00:00:00.000Z", 2),
            m("d1", "p1", "2024-01-09T00:00:00.000Z", 0, "housing")
          ],
          audit: []
        })
        expect(yield* store.aggregate({ kind: "measurement", groupBy: ["indicator"], change: "value" })).toEqual([
          {
            group: { indicator: "debt" },
            count: 6,
            sums: {},
            changes: [{ first: 1, last: 3, people: 1 }, { first: 2, last: 2, people: 2 }]
          },
          { group: { indicator: "housing" }, count: 1, sums: {}, changes: [{ first: 0, last: 0, people: 1 }] }
        ])
        // The period bounds which measurements are first and last.
        expect(
          yield* store.aggregate({
            kind: "measurement",
            groupBy: [],
            change: "value",
            from: "2024-02-01T00:00:00.000Z",
            where: [{ by: "indicator", in: ["debt"] }]
          })
        ).toEqual([{
          group: {},
          count: 3,
          sums: {},
          changes: [{ first: 1, last: 2, people: 1 }, { first: 3, last: 3, people: 1 }]
        }])
      })
  ),

  storeCheck(
    "refuses filters and change facets that are not names or values with InvalidQuery",
    (store) =>
      Effect.gen(function*() {
        const q = (extra: Partial<Store.AggregateQuery>) =>
          expectStoreError(store.aggregate({ kind: "measurement", groupBy: [], ...extra }), "InvalidQuery")
        yield* q({ where: [{ by: "x'--", in: ["a"] }] })
        yield* q({ where: [{ by: "month", in: ["2024-01"] }] })
        yield* q({ where: [{ by: "value", in: [Number.NaN] }] })
        yield* q({ where: [{ by: "value", in: [{} as unknown as Store.FacetValue] }] })
        yield* q({ change: "a b" })
        yield* q({ change: "month" })
        yield* q({ distinctPeople: true, distinctBy: "name" as "code" })
      })
  )
]
