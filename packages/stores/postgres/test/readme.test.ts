/**
 * The README's snippet, with the harness's server as `DATABASE_URL` (a plain string URL).
 */
import { assert, it } from "@effect/vitest"
import { Store } from "@pomoc/core"
import { Effect } from "effect"
import { PostgresStore } from "../src/index.js"
import { pgConnection } from "./pg.js"

it("README: aggregates contacts by month and channel through a plain URL", async () => {
  const program = Effect.gen(function*() {
    const store = yield* Store.Store
    return yield* store.aggregate({ kind: "contact", groupBy: ["month", "channel"], distinctPeople: true })
  })
  const record = Effect.gen(function*() {
    const store = yield* Store.Store
    yield* store.commit({
      writes: [{
        kind: "contact",
        id: `readme-${Date.now()}`,
        expectedVersion: 0,
        serviceId: "club",
        personIds: ["p-1"],
        at: "2026-05-01T10:00:00.000Z",
        facets: { channel: "street" },
        tags: [],
        data: {}
      }],
      audit: []
    })
  })
  const rows = await Effect.runPromise(
    Effect.andThen(record, program).pipe(Effect.provide(PostgresStore.layer({ url: pgConnection().url })))
  )
  const may = rows.find((r) => r.group["month"] === "2026-05" && r.group["channel"] === "street")
  assert.isTrue(may !== undefined && may.count >= 1 && may.distinctPeople === 1)
})
