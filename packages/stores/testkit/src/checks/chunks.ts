/**
 * Reports read a chunk of report rows at a time (a SQL store's `reportChunkRows`): on one
 * database, a store reading in chunks of two rows counts as one reading each period in one text.
 * @since 0.2.0
 */
import { Store } from "@pomoc/core"
import { Context, Effect, Exit, Layer, Scope } from "effect"
import * as fc from "fast-check"
import { expect } from "vitest"

/**
 * Opens two stores on one database through `layerOf` (the store reading each period at once, and
 * one reading `reportChunkRows` = 2 rows at a time), then writes 60 contacts (few instants, so many
 * rows share one `at`; people p0-p11, some of them under one code) through the first and checks
 * over random queries (groups, distinct people by id or code, a part, a service or none, bounds
 * inside runs of one instant) that the chunked store gives the same rows. Both close at the end.
 * @since 0.2.0
 * @category checks
 */
export const chunkedReportsAgree = async <E>(
  layerOf: (reportChunkRows: number | undefined) => Layer.Layer<Store.Store, E>
): Promise<void> => {
  const scope = Scope.makeUnsafe()
  const open = async (reportChunkRows: number | undefined) =>
    Context.get(await Effect.runPromise(Layer.buildWithScope(layerOf(reportChunkRows), scope)), Store.Store)
  try {
    await agree(await open(undefined), await open(2))
  } finally {
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

const agree = async (whole: Store.StoreShape, chunked: Store.StoreShape): Promise<void> => {
  const at = (i: number) => `2026-0${1 + (i % 3)}-0${1 + (i % 2)}T10:00:00.000Z`
  await Effect.runPromise(whole.commit({
    writes: [
      ...Array.from({ length: 60 }, (_, i): Store.RecordWrite => ({
        kind: "contact",
        id: `c${i}`,
        expectedVersion: 0,
        serviceId: i % 5 === 0 ? "s2" : "s1",
        personIds: i % 7 === 0 ? [] : [`p${i % 12}`, ...(i % 11 === 0 ? [`p${(i + 1) % 12}`] : [])],
        at: at(i),
        facets: { channel: i % 2 === 0 ? "street" : "phone", minutes: i % 4 },
        tags: [["a"], ["b"], ["a", "b"], []][i % 4]!,
        data: null
      })),
      ...Array.from({ length: 12 }, (_, i): Store.RecordWrite => ({
        kind: "person",
        id: `p${i}`,
        expectedVersion: 0,
        serviceId: "s1",
        personIds: [`p${i}`],
        at: null,
        facets: {},
        tags: [],
        data: null,
        ...(i % 3 === 0 ? { lookup: [`k${i % 2}${Store.CODE_SUFFIX}`] } : {})
      }))
    ],
    audit: []
  }))
  await fc.assert(
    fc.asyncProperty(
      fc.subarray(["tag", "month", "channel"], { maxLength: 2 }),
      fc.constantFrom(undefined, "person" as const, "code" as const),
      fc.boolean(),
      fc.constantFrom(undefined, "s1"),
      fc.constantFrom("2026-01-01T10:00:00.000Z", "2026-01-01T00:00:00.000Z", "2026-02-01T10:00:00.000Z"),
      async (groupBy, people, part, serviceId, from) => {
        const query: Store.AggregateQuery = {
          kind: "contact",
          groupBy,
          from,
          to: "2026-03-02T10:00:00.000Z",
          sum: ["minutes"],
          ...(serviceId === undefined ? {} : { serviceId }),
          ...(people === undefined ? {} : { distinctPeople: true, distinctBy: people }),
          ...(part ? { part: [{ by: "channel", in: ["street"] }] } : {})
        }
        const sort = (rows: ReadonlyArray<Store.AggregateRow>) => [...rows].map((r) => JSON.stringify(r)).sort()
        const expected = await Effect.runPromise(whole.aggregate(query))
        expect(expected.length).toBeGreaterThan(0)
        expect(sort(await Effect.runPromise(chunked.aggregate(query)))).toEqual(sort(expected))
      }
    ),
    { numRuns: 40 }
  )
}
