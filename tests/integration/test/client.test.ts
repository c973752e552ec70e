import { Casework, createClient, FieldCrypto, KeyMaterial, Principles, StaffDirectory, Store } from "@pomoc/core"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"

const layer = Casework.layer({ engine: Principles.coreEngine, serviceTypes: new Map() }).pipe(
  Layer.provide(StaffDirectory.layerList([])),
  Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
  Layer.provide(Store.layerMemory)
)

describe("the Promise client", () => {
  it("has an async method for every operation of the case-work API, and nothing else", async () => {
    const api = await Effect.runPromise(Casework.Casework.use(Effect.succeed).pipe(Effect.provide(layer)))
    const client = createClient(layer)
    try {
      const methods = Object.keys(client).filter((k) => k !== "dispose").sort()
      expect(methods).toEqual(Object.keys(api).sort())
      // A call goes through the same road: bad input rejects with the typed error.
      await expect(client.registerPerson("w", {})).rejects.toMatchObject({ _tag: "InvalidInput" })
    } finally {
      await client.dispose()
    }
  })
})
