/** Core's memory store: state is never shared with callers, each layer build is empty. */
import { Effect, Option } from "effect"
import { describe, expect, it } from "vitest"
import * as Store from "../../src/Store.js"

describe("Store.layerMemory", () => {
  it("callers cannot change stored state through values they passed in or got back", async () => {
    const store = await Effect.runPromise(Store.makeMemory())
    const data = { list: [1, 2] }
    const facets: Record<string, Store.FacetValue> = { channel: "street" }
    await Effect.runPromise(
      store.commit({
        writes: [{
          kind: "plan",
          id: "x",
          expectedVersion: 0,
          serviceId: null,
          personIds: [],
          at: null,
          facets,
          tags: [],
          data
        }],
        audit: []
      })
    )
    data.list.push(3)
    facets.channel = "changed"
    const got = Option.getOrThrow(await Effect.runPromise(store.get("plan", "x")))
    ;(got.data as { list: Array<number> }).list.push(4)
    const again = Option.getOrThrow(await Effect.runPromise(store.get("plan", "x")))
    expect(again.data).toEqual({ list: [1, 2] })
    expect(again.facets).toEqual({ channel: "street" })
  })

  it("each build of the layer is a separate, empty store", async () => {
    const write = Effect.flatMap(
      Store.Store,
      (s) =>
        s.commit({
          writes: [{
            kind: "plan",
            id: "x",
            expectedVersion: 0,
            serviceId: null,
            personIds: [],
            at: null,
            facets: {},
            tags: [],
            data: null
          }],
          audit: []
        })
    )
    await Effect.runPromise(write.pipe(Effect.provide(Store.layerMemory)))
    const versions = await Effect.runPromise(write.pipe(Effect.provide(Store.layerMemory)))
    expect(versions.versions).toEqual([1])
  })

  it("refuses a unit that is not cloneable data with ConstraintViolation", async () => {
    const store = await Effect.runPromise(Store.makeMemory())
    const exit = await Effect.runPromise(
      Effect.flip(
        store.commit({
          writes: [{
            kind: "plan",
            id: "x",
            expectedVersion: 0,
            serviceId: null,
            personIds: [],
            at: null,
            facets: {},
            tags: [],
            data: () => 1
          }],
          audit: []
        })
      )
    )
    expect(exit.reason._tag).toBe("ConstraintViolation")
  })

  it("a commit that fails half-way leaves nothing behind (the writes before the failure are undone)", async () => {
    const store = await Effect.runPromise(Store.makeMemory())
    const plan = (id: string, data: unknown) => ({
      kind: "plan" as const,
      id,
      expectedVersion: 0,
      serviceId: null,
      personIds: [],
      at: null,
      facets: {},
      tags: [],
      data
    })
    const failed = await Effect.runPromise(
      Effect.flip(store.commit({ writes: [plan("a", 1), plan("b", () => 1)], audit: [] }))
    )
    expect(failed.reason._tag).toBe("ConstraintViolation")
    expect(Option.isNone(await Effect.runPromise(store.get("plan", "a")))).toBe(true)
    expect((await Effect.runPromise(store.commit({ writes: [plan("a", 2)], audit: [] }))).versions).toEqual([1])
  })
})
