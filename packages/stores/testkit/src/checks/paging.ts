/**
 * Checks of `page`: keyset paging returns every matching record exactly once, in the order of
 * `list`, even when records are inserted between pages; bad page sizes, cursors and filters on
 * fields without an index are refused, naming the field.
 * @since 0.2.0
 */
import { Store } from "@pomoc/core"
import { Effect } from "effect"
import * as fc from "fast-check"
import { expect } from "vitest"
import { write } from "../Arbitraries.js"
import { expectStoreError, storeCheck } from "../Harness.js"
import type { Check } from "../Harness.js"

const runs = (h: { options: { propertyRuns?: number } }) => h.options.propertyRuns ?? 50

const DAYS = ["2024-01-01T00:00:00.000Z", "2024-01-15T12:00:00.000Z", "2024-02-01T00:00:00.000Z"] as const
const TIMES = [null, ...DAYS] as const

/** Records of the generated shape: few times (ties and nulls), two services, three people. */
const arbFields = fc.record({
  at: fc.constantFrom(...TIMES),
  service: fc.constantFrom("s1", "s2", null),
  people: fc.subarray(["p1", "p2", "p3"])
})
type Fields = typeof arbFields extends fc.Arbitrary<infer A> ? A : never

const noFilters = { serviceId: undefined, personId: undefined, from: undefined, to: undefined }

/** Five records at one time (or none), in pages of two: ties across every page boundary. */
const tiedAt = (at: Fields["at"]): [Array<Fields>, typeof noFilters, number] => [
  Array.from({ length: 5 }, (): Fields => ({ at, service: "s1", people: ["p1"] })),
  noFilters,
  2
]

const withInserts = (
  [fields, filters, limit]: [Array<Fields>, typeof noFilters, number]
): [Array<Fields>, Array<Array<Fields>>, typeof noFilters, number] => [fields, [[{ ...fields[0]! }]], filters, limit]

const arbFilters = fc.record({
  serviceId: fc.option(fc.constantFrom("s1", "s2"), { nil: undefined }),
  personId: fc.option(fc.constantFrom("p1", "p2", "p3"), { nil: undefined }),
  from: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
  to: fc.option(fc.constantFrom(...DAYS.slice(1), "2024-03-01T00:00:00.000Z"), { nil: undefined })
})

const recordsOf = (prefix: string, fields: ReadonlyArray<Fields>): Array<Store.RecordWrite> =>
  fields.map((f, i) =>
    write("contact", `${prefix}-${String(i).padStart(3, "0")}`, 0, {
      serviceId: f.service === null ? null : `${prefix}/${f.service}`,
      personIds: f.people.map((p) => `${prefix}/${p}`),
      at: f.at
    })
  )

const scoped = (prefix: string, filters: typeof arbFilters extends fc.Arbitrary<infer A> ? A : never) => {
  // Every query is scoped to the run's own records by a service or a person of its own.
  const query: { kind: Store.RecordKind; serviceId?: string; personId?: string; from?: string; to?: string } = {
    kind: "contact"
  }
  if (filters.personId !== undefined) query.personId = `${prefix}/${filters.personId}`
  if (filters.serviceId !== undefined || filters.personId === undefined) {
    query.serviceId = `${prefix}/${filters.serviceId ?? "s1"}`
  }
  if (filters.from !== undefined) query.from = filters.from
  if (filters.to !== undefined) query.to = filters.to
  return query
}

const byListOrder = (a: Store.StoredRecord, b: Store.StoredRecord) =>
  Store.compareFacetValues(a.at, b.at) || Store.compareText(a.id, b.id)

/** Every page of a query, with `between` run after each page but the last. */
const allPages = (
  store: Store.StoreShape,
  query: Store.PageQuery,
  between: (page: number) => Effect.Effect<void, Store.StoreError> = () => Effect.void
) =>
  Effect.gen(function*() {
    const pages: Array<Store.RecordPage> = []
    let cursor: string | undefined
    for (let i = 0; i < 1000; i++) {
      const page = yield* store.page(cursor === undefined ? query : { ...query, cursor })
      pages.push(page)
      if (page.next === undefined) return pages
      cursor = page.next
      yield* between(i)
    }
    throw new Error("paging did not end after 1000 pages")
  })

const ids = (rs: ReadonlyArray<Store.StoredRecord>) => rs.map((r) => r.id)

let runId = 0
const nextPrefix = () => `pg${++runId}`

/**
 * `page`: keyset paging, its bounds and its refusals.
 * @since 0.2.0
 * @category constructors
 */
export const paging: ReadonlyArray<Check> = [
  {
    name: "pages return exactly the records of list, each once, in its order (property)",
    run: (harness) =>
      harness.fresh(async ({ store }) => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(arbFields, { maxLength: 25 }),
            arbFilters,
            fc.integer({ min: 1, max: 7 }),
            async (fields, filters, limit) => {
              const prefix = nextPrefix()
              await Effect.runPromise(Effect.gen(function*() {
                yield* store.commit({ writes: recordsOf(prefix, fields), audit: [] })
                const query = scoped(prefix, filters)
                const pages = yield* allPages(store, { ...query, limit })
                const listed = yield* store.list(query)
                expect(ids(pages.flatMap((p) => p.records))).toEqual(ids(listed))
                expect(pages.flatMap((p) => p.records)).toEqual(listed)
                for (const [i, page] of pages.entries()) {
                  // Every page but the last is full; the last says so by having no cursor.
                  if (i < pages.length - 1) expect(page.records.length).toBe(limit)
                  else expect(page.records.length).toBeLessThanOrEqual(limit)
                }
              }))
            }
          ),
          {
            numRuns: runs(harness),
            // Always: records sharing a time across a page boundary, with and without a time.
            examples: [tiedAt(DAYS[1]), tiedAt(null)]
          }
        )
      })
  },

  {
    name: "records inserted between pages never make a record appear twice or go missing (property)",
    run: (harness) =>
      harness.fresh(async ({ store }) => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(arbFields, { maxLength: 20 }),
            fc.array(fc.array(arbFields, { maxLength: 3 }), { maxLength: 8 }),
            arbFilters,
            fc.integer({ min: 1, max: 5 }),
            async (fields, inserts, filters, limit) => {
              const prefix = nextPrefix()
              await Effect.runPromise(Effect.gen(function*() {
                yield* store.commit({ writes: recordsOf(prefix, fields), audit: [] })
                const query = scoped(prefix, filters)
                const before = yield* store.list(query)
                const pages = yield* allPages(store, { ...query, limit }, (i) => {
                  const batch = inserts[i] ?? []
                  return batch.length === 0
                    ? Effect.void
                    : Effect.asVoid(store.commit({ writes: recordsOf(`${prefix}-i${i}`, batch), audit: [] }))
                })
                const after = yield* store.list(query)
                const seen = pages.flatMap((p) => p.records)
                // Each record once, in the order of list, and only records that match.
                expect(new Set(ids(seen)).size).toBe(seen.length)
                expect([...seen].sort(byListOrder)).toEqual(seen)
                const matching = new Set(ids(after))
                for (const r of seen) expect(matching.has(r.id)).toBe(true)
                // Every record that matched from the start was returned.
                const returned = new Set(ids(seen))
                for (const r of before) expect(returned.has(r.id)).toBe(true)
              }))
            }
          ),
          {
            numRuns: runs(harness),
            examples: [[...withInserts(tiedAt(DAYS[1]))], [...withInserts(tiedAt(null))]]
          }
        )
      })
  },

  {
    name: "pages by a lookup token return exactly the records holding it, each once, in list order (property)",
    run: (harness) =>
      harness.fresh(async ({ store }) => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(arbFields, fc.subarray(["t1", "t2", "t3"])), { maxLength: 20 }),
            fc.constantFrom("t1", "t2", "t3"),
            fc.option(fc.constantFrom("s1", "s2"), { nil: undefined }),
            fc.integer({ min: 1, max: 5 }),
            async (rows, token, service, limit) => {
              const prefix = nextPrefix()
              await Effect.runPromise(Effect.gen(function*() {
                const writes = recordsOf(prefix, rows.map(([f]) => f)).map((w, i) => ({
                  ...w,
                  lookup: rows[i]![1].map((t) => `${prefix}.${t}`)
                }))
                yield* store.commit({ writes, audit: [] })
                const query = {
                  kind: "contact" as const,
                  lookup: `${prefix}.${token}`,
                  ...(service === undefined ? {} : { serviceId: `${prefix}/${service}` })
                }
                const pages = yield* allPages(store, { ...query, limit })
                const listed = yield* store.list(query)
                const seen = pages.flatMap((p) => p.records)
                expect(seen).toEqual(listed)
                expect(new Set(ids(seen)).size).toBe(seen.length)
                const expected = writes.filter((w) =>
                  w.lookup.includes(query.lookup) && (service === undefined || w.serviceId === query.serviceId)
                )
                expect([...ids(seen)].sort()).toEqual(ids(expected as never).sort())
                for (const [i, page] of pages.entries()) {
                  if (i < pages.length - 1) expect(page.records.length).toBe(limit)
                }
                // A cursor belongs to its token: with another token (or none) it is refused.
                const next = pages[0]!.next
                if (next !== undefined) {
                  for (const other of [{ ...query, lookup: `${prefix}.other` }, { kind: "contact" as const }]) {
                    const reason = yield* expectStoreError(store.page({ ...other, cursor: next }), "InvalidQuery")
                    expect(reason).toMatchObject({ field: "cursor" })
                  }
                }
              }))
            }
          ),
          { numRuns: runs(harness) }
        )
      })
  },

  {
    name: "pages guarded by other records' keys keep exactly the records named (or not) by one, each once (property)",
    run: (harness) =>
      harness.fresh(async ({ store }) => {
        await fc.assert(
          fc.asyncProperty(
            // People (some holding a token), and guards: records of another kind holding the key
            // `on/<person>/<group>`, some of people that do not exist.
            fc.array(fc.tuple(arbFields, fc.boolean()), { maxLength: 14 }),
            fc.array(fc.tuple(fc.nat({ max: 16 }), fc.constantFrom("g1", "g2")), { maxLength: 10 }),
            fc.constantFrom("g1", "g2"),
            fc.boolean(),
            fc.boolean(),
            fc.integer({ min: 1, max: 4 }),
            async (rows, guards, group, present, byToken, limit) => {
              const prefix = nextPrefix()
              await Effect.runPromise(Effect.gen(function*() {
                const people = recordsOf(prefix, rows.map(([f]) => f)).map((w, i) => ({
                  ...w,
                  ...(rows[i]![1] ? { lookup: [`${prefix}.t`] } : {})
                }))
                const keys = [...new Set(guards.map(([n, g]) => `on/${prefix}-${String(n).padStart(3, "0")}/${g}`))]
                const guardWrites = keys.map((key, i) => ({ ...write("plan", `${prefix}-k${i}`, 0), key }))
                yield* store.commit({ writes: [...people, ...guardWrites], audit: [] })
                const query = {
                  kind: "contact" as const,
                  ...(byToken ? { lookup: `${prefix}.t` } : { serviceId: `${prefix}/s1` }),
                  guarded: { kind: "plan" as const, prefix: "on/", suffix: `/${group}`, present }
                }
                const pages = yield* allPages(store, { ...query, limit })
                const seen = pages.flatMap((p) => p.records)
                expect(seen).toEqual(yield* store.list(query))
                const expected = people.filter((w) =>
                  (byToken ? (w.lookup ?? []).includes(`${prefix}.t`) : w.serviceId === `${prefix}/s1`) &&
                  keys.includes(`on/${w.id}/${group}`) === present
                )
                expect(ids(seen)).toEqual(
                  ids(expected as never).sort((a, b) => {
                    const [x, y] = [people.find((w) => w.id === a)!, people.find((w) => w.id === b)!]
                    return x.at === y.at
                      ? (a < b ? -1 : 1)
                      : x.at === null
                      ? -1
                      : y.at === null
                      ? 1
                      : x.at < y.at
                      ? -1
                      : 1
                  })
                )
                // A cursor belongs to its guarded filter: with the other presence it is refused.
                const next = pages[0]!.next
                if (next !== undefined) {
                  const other = { ...query, guarded: { ...query.guarded, present: !present } }
                  const reason = yield* expectStoreError(store.page({ ...other, cursor: next }), "InvalidQuery")
                  expect(reason).toMatchObject({ field: "cursor" })
                }
              }))
            }
          ),
          { numRuns: runs(harness) }
        )
      })
  },

  storeCheck("refuses a malformed guarded filter, naming guarded", (store) =>
    Effect.gen(function*() {
      for (
        const guarded of [
          { kind: "nothing", prefix: "a/", suffix: "", present: true },
          { kind: "plan", prefix: "a b", suffix: "", present: true },
          { kind: "plan", prefix: "a/", suffix: "'--", present: true },
          { kind: "plan", prefix: "a/", suffix: "", present: "yes" }
        ]
      ) {
        const reason = yield* expectStoreError(
          store.page({ kind: "contact", guarded: guarded as unknown as Store.GuardedFilter }),
          "InvalidQuery"
        )
        expect(reason).toMatchObject({ field: "guarded" })
        expect(JSON.stringify(reason)).not.toContain("a b")
      }
    })),

  storeCheck("refuses a malformed lookup token, naming lookup", (store) =>
    Effect.gen(function*() {
      for (const lookup of ["", "has space", "-leading", "x".repeat(129)]) {
        const reason = yield* expectStoreError(store.page({ kind: "contact", lookup }), "InvalidQuery")
        expect(reason).toMatchObject({ field: "lookup" })
        expect(JSON.stringify(reason)).not.toContain("has space")
      }
    })),

  storeCheck("a page holds 50 records by default and at most 500", (store) =>
    Effect.gen(function*() {
      const writes = Array.from(
        { length: 501 },
        (_, i) => write("contact", `d${String(i).padStart(4, "0")}`, 0, { serviceId: "big", at: TIMES[i % 4]! })
      )
      yield* store.commit({ writes, audit: [] })
      const first = yield* store.page({ kind: "contact", serviceId: "big" })
      expect(first.records.length).toBe(Store.DEFAULT_PAGE_SIZE)
      expect(first.next).toBeDefined()
      const largest = yield* store.page({ kind: "contact", serviceId: "big", limit: Store.MAX_PAGE_SIZE })
      expect(largest.records.length).toBe(Store.MAX_PAGE_SIZE)
      const rest = yield* store.page({ kind: "contact", serviceId: "big", limit: 10, cursor: largest.next! })
      expect(rest.records.length).toBe(1)
      expect(rest.next).toBeUndefined()
      const exact = yield* store.page({ kind: "contact", serviceId: "big", limit: 1, cursor: largest.next! })
      expect(exact.next).toBeUndefined()
      expect(yield* store.page({ kind: "contact", serviceId: "nobody" })).toEqual({ records: [] })
    })),

  storeCheck("refuses page sizes out of bounds, naming limit", (store) =>
    Effect.gen(function*() {
      for (const limit of [0, -1, 1.5, Number.NaN, Store.MAX_PAGE_SIZE + 1, Number.POSITIVE_INFINITY]) {
        const reason = yield* expectStoreError(store.page({ kind: "contact", limit }), "InvalidQuery")
        expect(reason).toMatchObject({ field: "limit" })
      }
    })),

  storeCheck("refuses altered cursors and cursors of another query, naming cursor", (store) =>
    Effect.gen(function*() {
      const writes = Array.from(
        { length: 5 },
        (_, i) => write("contact", `k${i}`, 0, { serviceId: "s1", personIds: ["p1"], at: TIMES[i % 4]! })
      )
      yield* store.commit({ writes, audit: [] })
      const query = { kind: "contact", serviceId: "s1", limit: 2 } as const
      const { next } = yield* store.page(query)
      expect(next).toBeDefined()
      const cursor = next!
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1)
      const bad = [
        "",
        "not a cursor",
        cursor + "x",
        cursor.slice(0, -1),
        flip(cursor, 3),
        flip(cursor, cursor.length - 1),
        cursor.replace(/^1\./, "2.")
      ]
      for (const c of bad) {
        const reason = yield* expectStoreError(store.page({ ...query, cursor: c }), "InvalidQuery")
        expect(reason).toMatchObject({ field: "cursor" })
      }
      // A cursor belongs to the filters that returned it (the page size may change).
      for (
        const other of [
          { kind: "contact", serviceId: "s2" },
          { kind: "contact", serviceId: "s1", personId: "p1" },
          { kind: "contact", serviceId: "s1", from: DAYS[0] },
          { kind: "activity", serviceId: "s1" }
        ] as const
      ) {
        const reason = yield* expectStoreError(store.page({ ...other, cursor }), "InvalidQuery")
        expect(reason).toMatchObject({ field: "cursor" })
      }
      const again = yield* store.page({ ...query, limit: 3, cursor })
      expect(ids(again.records)).toEqual(ids((yield* store.list({ kind: "contact", serviceId: "s1" })).slice(2, 5)))
    })),

  storeCheck(
    "refuses filters no index answers (tags, facets, offset), naming the field",
    (store) =>
      Effect.gen(function*() {
        for (
          const [extra, field] of [
            [{ tag: "a" }, "tag"],
            [{ facets: { channel: "street" } }, "facets"],
            [{ offset: 2 }, "offset"],
            [{ channel: "street" }, "channel"],
            [{ "bad name!": 1 }, "filter"]
          ] as const
        ) {
          const query = { kind: "contact", ...extra } as unknown as Store.PageQuery
          const reason = yield* expectStoreError(store.page(query), "InvalidQuery")
          expect(reason).toMatchObject({ field })
          expect(reason.retryable).toBe(false)
        }
        const unknownKind = yield* expectStoreError(
          store.page({ kind: "nonsense" as Store.RecordKind }),
          "InvalidQuery"
        )
        expect(unknownKind).toMatchObject({ field: "kind" })
      })
  )
]
