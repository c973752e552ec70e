import { Audit, Store } from "@pomoc/core"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect, Option } from "effect"
import { describe, expect, it } from "vitest"

describe("MemoryStore", () => {
  it("runs the README example", async () => {
    const program = Effect.gen(function*() {
      const store = yield* Store.Store
      const { versions } = yield* store.commit({
        writes: [{
          kind: "person", id: "p-1", expectedVersion: 0, serviceId: "club", personIds: ["p-1"],
          at: "2024-05-01T10:00:00.000Z", facets: { channel: "street" }, tags: [], data: { code: "AB12" }
        }],
        audit: [{
          at: "2024-05-01T10:00:00.000Z", actor: "worker-1", role: "worker", operation: "register-person",
          outcome: "allowed", subjects: [{ kind: "person", id: "p-1" }]
        }]
      })
      const people = yield* store.list({ kind: "person", serviceId: "club" })
      const byChannel = yield* store.aggregate({ kind: "person", groupBy: ["channel"] })
      const chain = Audit.verify(yield* store.readAudit())._tag
      return { versions, people: people.length, byChannel, chain }
    })
    expect(await Effect.runPromise(program.pipe(Effect.provide(MemoryStore.layer)))).toEqual({
      versions: [1],
      people: 1,
      byChannel: [{ group: { channel: "street" }, count: 1, sums: {} }],
      chain: "Intact"
    })
  })

  it("callers cannot change stored state through values they passed in or got back", async () => {
    const store = await Effect.runPromise(MemoryStore.make())
    const data = { list: [1, 2] }
    const facets: Record<string, Store.FacetValue> = { channel: "street" }
    await Effect.runPromise(store.commit({ writes: [{ kind: "plan", id: "x", expectedVersion: 0, serviceId: null, personIds: [], at: null, facets, tags: [], data }], audit: [] }))
    data.list.push(3)
    facets.channel = "changed"
    const got = Option.getOrThrow(await Effect.runPromise(store.get("plan", "x")))
    ;(got.data as { list: Array<number> }).list.push(4)
    const again = Option.getOrThrow(await Effect.runPromise(store.get("plan", "x")))
    expect(again.data).toEqual({ list: [1, 2] })
    expect(again.facets).toEqual({ channel: "street" })
  })

  it("each build of the layer is a separate, empty store", async () => {
    const write = Effect.flatMap(Store.Store, (s) => s.commit({ writes: [{ kind: "plan", id: "x", expectedVersion: 0, serviceId: null, personIds: [], at: null, facets: {}, tags: [], data: null }], audit: [] }))
    await Effect.runPromise(write.pipe(Effect.provide(MemoryStore.layer)))
    const versions = await Effect.runPromise(write.pipe(Effect.provide(MemoryStore.layer)))
    expect(versions.versions).toEqual([1])
  })

  it("refuses a unit that is not cloneable data with ConstraintViolation", async () => {
    const store = await Effect.runPromise(MemoryStore.make())
    const exit = await Effect.runPromise(Effect.flip(store.commit({ writes: [{ kind: "plan", id: "x", expectedVersion: 0, serviceId: null, personIds: [], at: null, facets: {}, tags: [], data: () => 1 }], audit: [] })))
    expect(exit.reason._tag).toBe("ConstraintViolation")
  })
})
