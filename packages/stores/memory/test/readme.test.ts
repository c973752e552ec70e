import { Audit, Store } from "@pomoc/core"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"

describe("MemoryStore", () => {
  it("runs the README example", async () => {
    const program = Effect.gen(function*() {
      const store = yield* Store.Store
      const { versions } = yield* store.commit({
        writes: [{
          kind: "person",
          id: "p-1",
          expectedVersion: 0,
          serviceId: "club",
          personIds: ["p-1"],
          at: "2024-05-01T10:00:00.000Z",
          facets: { channel: "street" },
          tags: [],
          data: { code: "AB12" }
        }],
        audit: [{
          at: "2024-05-01T10:00:00.000Z",
          actor: "worker-1",
          role: "worker",
          operation: "register-person",
          outcome: "allowed",
          subjects: [{ kind: "person", id: "p-1" }]
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

  it("re-exports core's memory store for one release", () => {
    expect(MemoryStore.layer).toBe(Store.layerMemory)
    expect(MemoryStore.make).toBe(Store.makeMemory)
    expect(MemoryStore.makeWithInspector).toBe(Store.makeMemoryWithInspector)
  })
})
