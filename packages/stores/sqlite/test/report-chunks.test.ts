/**
 * Reports counted a chunk of rows at a time (`reportChunkRows`): with chunks of one, two and
 * three rows (so every period spans many chunks, and chunks end inside runs of rows at the same
 * instant), the kit's aggregate and measure checks, each a model comparison, still hold; and on
 * one file the counts of a chunked store equal those of a store reading each period in one text.
 */
import { Store } from "@pomoc/core"
import { checks, runCheck } from "@pomoc/store-testkit"
import { Context, Effect, Exit, Layer, Scope } from "effect"
import * as fc from "fast-check"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "pomoc-sqlite-chunks-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("reports read a chunk of rows at a time", () => {
  for (const reportChunkRows of [1, 3]) {
    const options = { layer: SqliteStore.layer({ filename: ":memory:", reportChunkRows }), modelRuns: 15 }
    for (const check of [...checks.aggregate, ...checks.measures]) {
      it(`chunks of ${reportChunkRows}: ${check.name}`, () => runCheck(check, options), 120_000)
    }
  }

  it("a chunked store counts as one reading the whole period in one text, on the same file", async () => {
    const file = join(dir, "same.db")
    const scope = Scope.makeUnsafe()
    const open = async (reportChunkRows?: number) =>
      Context.get(
        await Effect.runPromise(
          Layer.buildWithScope(
            SqliteStore.layer({ filename: file, ...(reportChunkRows ? { reportChunkRows } : {}) }),
            scope
          )
        ),
        Store.Store
      )
    try {
      const whole = await open()
      const chunked = await open(2)
      // Few instants, so many rows share one `at`; people p0-p11, some of them under one code.
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
            ...(i % 3 === 0 ? { lookup: [`k${i % 2}.code`] } : {})
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
    } finally {
      await Effect.runPromise(Scope.close(scope, Exit.void))
    }
  })
})
