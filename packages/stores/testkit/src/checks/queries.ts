/**
 * Checks of `list` and `aggregate`: filters, ordering, paging, grouping, and refusal of bad
 * queries.
 * @since 0.1.0
 */
import type { Store } from "@pomoc/core"
import { Effect, Option } from "effect"
import { expect } from "vitest"
import { storedOf, write } from "../Arbitraries.js"
import { expectStoreError, storeCheck } from "../Harness.js"
import type { Check } from "../Harness.js"

const listed = [
  write("contact", "b", 0, { serviceId: "s1", personIds: ["p1"], at: "2024-01-10T09:00:00.000Z" }),
  write("contact", "a", 0, { serviceId: "s1", personIds: ["p1", "p2"], at: "2024-01-10T09:00:00.000Z" }),
  write("contact", "c", 0, { serviceId: "s2", personIds: ["p2"], at: "2024-01-05T00:00:00.000Z" }),
  write("contact", "d", 0, { serviceId: "s1", personIds: [], at: null }),
  write("contact", "e", 0, { serviceId: null, personIds: ["p3"], at: "2024-02-01T00:00:00.000Z" }),
  write("person", "p1", 0, { serviceId: "s1", personIds: ["p1"], at: "2024-01-10T09:00:00.000Z" })
]

const ids = (rs: ReadonlyArray<Store.StoredRecord>) => rs.map((r) => r.id)

/**
 * `list`: filters combine with AND, order is `at` (nulls first) then `id`, paging, bad paging.
 * @since 0.1.0
 * @category constructors
 */
export const list: ReadonlyArray<Check> = [
  storeCheck("lists one kind, ordered by at (nulls first) then id", (store) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: listed, audit: [] })
      const all = yield* store.list({ kind: "contact" })
      expect(ids(all)).toEqual(["d", "c", "a", "b", "e"])
      expect(all[2]).toEqual(storedOf(listed[1]!, 1))
      expect(ids(yield* store.list({ kind: "person" }))).toEqual(["p1"])
      expect(yield* store.list({ kind: "plan" })).toEqual([])
    })),

  storeCheck("filters by serviceId, personId and the period [from, to)", (store) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: listed, audit: [] })
      expect(ids(yield* store.list({ kind: "contact", serviceId: "s1" }))).toEqual(["d", "a", "b"])
      expect(ids(yield* store.list({ kind: "contact", personId: "p2" }))).toEqual(["c", "a"])
      expect(ids(yield* store.list({ kind: "contact", personId: "nobody" }))).toEqual([])
      expect(ids(yield* store.list({ kind: "contact", from: "2024-01-10T09:00:00.000Z" }))).toEqual(["a", "b", "e"])
      expect(ids(yield* store.list({ kind: "contact", to: "2024-01-10T09:00:00.000Z" }))).toEqual(["c"])
      expect(
        ids(yield* store.list({ kind: "contact", from: "2024-01-05T00:00:00.000Z", to: "2024-02-01T00:00:00.000Z" }))
      ).toEqual(["c", "a", "b"])
      expect(
        ids(yield* store.list({ kind: "contact", serviceId: "s1", personId: "p1", from: "2024-01-01T00:00:00.000Z" }))
      ).toEqual(["a", "b"])
    })),

  storeCheck("pages with limit and offset", (store) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: listed, audit: [] })
      expect(ids(yield* store.list({ kind: "contact", limit: 2 }))).toEqual(["d", "c"])
      expect(ids(yield* store.list({ kind: "contact", limit: 2, offset: 2 }))).toEqual(["a", "b"])
      expect(ids(yield* store.list({ kind: "contact", offset: 3 }))).toEqual(["b", "e"])
      expect(ids(yield* store.list({ kind: "contact", limit: 0 }))).toEqual([])
      expect(ids(yield* store.list({ kind: "contact", offset: 10 }))).toEqual([])
      expect(ids(yield* store.list({ kind: "contact", serviceId: "s1", limit: 1, offset: 1 }))).toEqual(["a"])
    })),

  storeCheck(
    "finds records by a blind-index token (lookup), kept sorted without repeats, replaced and deleted with the record",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({
          writes: [
            write("person", "p1", 0, {
              serviceId: "s1",
              personIds: ["p1"],
              lookup: ["ps1-tok-b", "ps1-tok-a", "ps1-tok-b"]
            }),
            write("person", "p2", 0, { serviceId: "s2", personIds: ["p2"], lookup: ["ps1-tok-a"] }),
            write("person", "p3", 0, { serviceId: "s1", personIds: ["p3"], lookup: [] }),
            write("contact", "c1", 0, { serviceId: "s1", personIds: ["p1"], lookup: ["ps1-tok-a"] })
          ],
          audit: []
        })
        const p1 = yield* store.get("person", "p1")
        expect(Option.map(p1, (r) => r.lookup)).toEqual(Option.some(["ps1-tok-a", "ps1-tok-b"]))
        // No tokens: read back without the field.
        expect(Option.map(yield* store.get("person", "p3"), (r) => "lookup" in r)).toEqual(Option.some(false))
        expect(ids(yield* store.list({ kind: "person", lookup: "ps1-tok-a" }))).toEqual(["p1", "p2"])
        expect(ids(yield* store.list({ kind: "person", lookup: "ps1-tok-a", serviceId: "s2" }))).toEqual(["p2"])
        expect(ids(yield* store.list({ kind: "person", lookup: "ps1-tok-b" }))).toEqual(["p1"])
        expect(ids(yield* store.list({ kind: "contact", lookup: "ps1-tok-a", personId: "p1" }))).toEqual(["c1"])
        expect(ids(yield* store.list({ kind: "person", lookup: "ps1-tok" }))).toEqual([])
        // A replaced record holds only its new tokens; a deleted one none.
        yield* store.commit({
          writes: [write("person", "p1", 1, { serviceId: "s1", personIds: ["p1"], lookup: ["ps1-tok-c"] })],
          deletes: [{ kind: "person", id: "p2", expectedVersion: 1 }],
          audit: []
        })
        expect(ids(yield* store.list({ kind: "person", lookup: "ps1-tok-a" }))).toEqual([])
        expect(ids(yield* store.list({ kind: "person", lookup: "ps1-tok-c" }))).toEqual(["p1"])
        yield* store.commit({ writes: [write("person", "p1", 2, { serviceId: "s1", personIds: ["p1"] })], audit: [] })
        expect(ids(yield* store.list({ kind: "person", lookup: "ps1-tok-c" }))).toEqual([])
        expect(Option.map(yield* store.get("person", "p1"), (r) => "lookup" in r)).toEqual(Option.some(false))
        // Malformed tokens are refused, naming the field.
        const query = yield* expectStoreError(store.list({ kind: "person", lookup: "not a token" }), "InvalidQuery")
        expect(query.retryable).toBe(false)
        yield* expectStoreError(
          store.commit({ writes: [write("person", "p9", 0, { lookup: ["bad token"] })], audit: [] }),
          "ConstraintViolation"
        )
        expect(Option.isNone(yield* store.get("person", "p9"))).toBe(true)
      })
  ),

  storeCheck("refuses negative or fractional limit and offset with InvalidQuery", (store) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: listed, audit: [] })
      for (
        const bad of [{ limit: -1 }, { limit: 1.5 }, { offset: -1 }, { offset: 0.25 }, { limit: Number.NaN }, {
          offset: Number.POSITIVE_INFINITY
        }]
      ) {
        const reason = yield* expectStoreError(store.list({ kind: "contact", ...bad }), "InvalidQuery")
        expect(reason.retryable).toBe(false)
      }
      expect(Option.isSome(yield* store.get("contact", "a"))).toBe(true)
    }))
]

const contacts = [
  write("contact", "c1", 0, {
    serviceId: "s1",
    personIds: ["p1", "p2"],
    at: "2024-01-10T10:00:00.000Z",
    facets: { channel: "street", anonymousCount: 2 },
    tags: ["a", "b"]
  }),
  write("contact", "c2", 0, {
    serviceId: "s1",
    personIds: ["p1"],
    at: "2024-01-20T10:00:00.000Z",
    facets: { channel: "phone", anonymousCount: 1 },
    tags: ["a"]
  }),
  write("contact", "c3", 0, {
    serviceId: "s1",
    personIds: ["p3"],
    at: "2024-02-05T10:00:00.000Z",
    facets: { channel: "street" },
    tags: []
  }),
  write("contact", "c4", 0, {
    serviceId: "s2",
    personIds: ["p2"],
    at: "2024-02-10T10:00:00.000Z",
    facets: { channel: "street", anonymousCount: 5 },
    tags: ["b"]
  }),
  write("contact", "c5", 0, { serviceId: "s1", personIds: [], at: null, facets: {}, tags: ["c"] }),
  write("activity", "x1", 0, {
    serviceId: "s1",
    personIds: ["p9"],
    at: "2024-01-10T10:00:00.000Z",
    facets: { channel: "street", anonymousCount: 100 },
    tags: ["a"]
  })
]

/**
 * `aggregate`: groups by facets, `tag` and `month`, counts, sums, distinct people, filters, and
 * refuses facet names that are not plain identifiers.
 * @since 0.1.0
 * @category constructors
 */
export const aggregate: ReadonlyArray<Check> = [
  storeCheck(
    "groups by a facet with counts, sums (missing as 0) and distinct people",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: contacts, audit: [] })
        expect(
          yield* store.aggregate({
            kind: "contact",
            groupBy: ["channel"],
            sum: ["anonymousCount"],
            distinctPeople: true
          })
        ).toEqual([
          { group: { channel: null }, count: 1, sums: { anonymousCount: 0 }, distinctPeople: 0 },
          { group: { channel: "phone" }, count: 1, sums: { anonymousCount: 1 }, distinctPeople: 1 },
          { group: { channel: "street" }, count: 3, sums: { anonymousCount: 7 }, distinctPeople: 3 }
        ])
        const plain = yield* store.aggregate({ kind: "contact", groupBy: ["channel"] })
        expect(plain).toEqual([
          { group: { channel: null }, count: 1, sums: {} },
          { group: { channel: "phone" }, count: 1, sums: {} },
          { group: { channel: "street" }, count: 3, sums: {} }
        ])
        expect(plain.every((row) => row.distinctPeople === undefined)).toBe(true)
      })
  ),

  storeCheck("groups by tag: one row per tag, records without tags absent", (store) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: contacts, audit: [] })
      expect(
        yield* store.aggregate({ kind: "contact", groupBy: ["tag"], sum: ["anonymousCount"], distinctPeople: true })
      ).toEqual([
        { group: { tag: "a" }, count: 2, sums: { anonymousCount: 3 }, distinctPeople: 2 },
        { group: { tag: "b" }, count: 2, sums: { anonymousCount: 7 }, distinctPeople: 2 },
        { group: { tag: "c" }, count: 1, sums: { anonymousCount: 0 }, distinctPeople: 0 }
      ])
    })),

  storeCheck(
    "groups by month (YYYY-MM of at, null when at is null) and by several keys",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: contacts, audit: [] })
        expect(yield* store.aggregate({ kind: "contact", groupBy: ["month"] })).toEqual([
          { group: { month: null }, count: 1, sums: {} },
          { group: { month: "2024-01" }, count: 2, sums: {} },
          { group: { month: "2024-02" }, count: 2, sums: {} }
        ])
        expect(yield* store.aggregate({ kind: "contact", groupBy: ["month", "channel"], sum: ["anonymousCount"] }))
          .toEqual([
            { group: { month: null, channel: null }, count: 1, sums: { anonymousCount: 0 } },
            { group: { month: "2024-01", channel: "phone" }, count: 1, sums: { anonymousCount: 1 } },
            { group: { month: "2024-01", channel: "street" }, count: 1, sums: { anonymousCount: 2 } },
            { group: { month: "2024-02", channel: "street" }, count: 2, sums: { anonymousCount: 5 } }
          ])
      })
  ),

  storeCheck(
    "filters by serviceId and period; no groupBy gives one total row, no records none",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: contacts, audit: [] })
        expect(yield* store.aggregate({ kind: "contact", serviceId: "s1", groupBy: ["month"] })).toEqual([
          { group: { month: null }, count: 1, sums: {} },
          { group: { month: "2024-01" }, count: 2, sums: {} },
          { group: { month: "2024-02" }, count: 1, sums: {} }
        ])
        expect(
          yield* store.aggregate({
            kind: "contact",
            from: "2024-01-20T10:00:00.000Z",
            to: "2024-02-10T10:00:00.000Z",
            groupBy: [],
            sum: ["anonymousCount"],
            distinctPeople: true
          })
        ).toEqual([
          { group: {}, count: 2, sums: { anonymousCount: 1 }, distinctPeople: 2 }
        ])
        expect(yield* store.aggregate({ kind: "contact", serviceId: "nowhere", groupBy: [] })).toEqual([])
        expect(yield* store.aggregate({ kind: "plan", groupBy: ["channel"] })).toEqual([])
      })
  ),

  storeCheck(
    "orders groups: null, false, true, numbers ascending, strings by code point",
    (store) =>
      Effect.gen(function*() {
        const values: ReadonlyArray<Store.FacetValue> = ["é", "Z", "a", "\u{1f600}", "\uffee"]
        yield* store.commit({
          writes: values.map((v, i) =>
            write("contact", `s${i}`, 0, { facets: { s: v, n: [10, -2, 3.5, 0, 1e9][i]!, b: i % 2 === 0 } })
          ),
          audit: []
        })
        yield* store.commit({ writes: [write("contact", "none", 0)], audit: [] })
        const by = (name: string) =>
          store.aggregate({ kind: "contact", groupBy: [name] }).pipe(
            Effect.map((rows) => rows.map((r) => r.group[name]))
          )
        expect(yield* by("s")).toEqual([null, "Z", "a", "é", "\uffee", "\u{1f600}"])
        expect(yield* by("n")).toEqual([null, -2, 0, 3.5, 10, 1e9])
        expect(yield* by("b")).toEqual([null, false, true])
      })
  ),

  storeCheck(
    "refuses facet names that are not identifiers with InvalidQuery, and stays intact",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: contacts, audit: [] })
        const bad = [
          "",
          "1abc",
          "_x",
          "a b",
          "channel; DROP TABLE records; --",
          "x'--",
          "x\"y",
          "facets->>'x'",
          "a.b",
          "$.x",
          "ünï",
          "a".repeat(64)
        ]
        for (const name of bad) {
          yield* expectStoreError(store.aggregate({ kind: "contact", groupBy: [name] }), "InvalidQuery")
          yield* expectStoreError(
            store.aggregate({ kind: "contact", groupBy: ["channel"], sum: [name] }),
            "InvalidQuery"
          )
        }
        yield* expectStoreError(store.aggregate({ kind: "contact", groupBy: ["channel", "channel"] }), "InvalidQuery")
        expect(yield* store.list({ kind: "contact" })).toHaveLength(5)
      })
  )
]
