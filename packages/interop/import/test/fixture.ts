// A club of a low-threshold organisation on a store (memory unless given), and its staff.
import { Casework, FieldCrypto, KeyMaterial, Registry, StaffDirectory, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect, Layer, ManagedRuntime } from "effect"

export const registry = Registry.makeUnsafe([lowThresholdClub])
export const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
export const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
export const coordinator = { id: "jana", grants: [{ role: "coordinator", services: ["club"] }] }

export const layerOn = <E>(store: Layer.Layer<Store.Store, E>, key: Uint8Array = KeyMaterial.generate()) =>
  Casework.layer(Casework.configFromRegistry(registry)).pipe(
    Layer.provide(StaffDirectory.layerList([admin, worker, coordinator])),
    Layer.provide(FieldCrypto.layer({ keys: { k: key }, current: "k" })),
    Layer.provideMerge(store)
  )

export type Runtime = ManagedRuntime.ManagedRuntime<Casework.Casework | Store.Store, unknown>

/** The organisation and its club, registered through the API. */
export const seed = (api: Casework.Api) =>
  Effect.gen(function*() {
    yield* api.registerOrganisation(admin, { id: "org", name: "Org" })
    yield* api.registerService(admin, {
      id: "club",
      organisationId: "org",
      type: "low-threshold-club",
      name: "Club",
      targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
      localities: [],
      principles: [...lowThresholdClub.principles],
      freeOfCharge: true,
      firstContactChannels: [],
      registeredAt: "2026-01-01T00:00:00.000Z"
    })
  })

export const makeRuntime = async (store: Layer.Layer<Store.Store, unknown> = MemoryStore.layer): Promise<Runtime> => {
  const runtime: Runtime = ManagedRuntime.make(layerOn(store))
  await runtime.runPromise(Casework.Casework.use(seed))
  return runtime
}

export const stored = (runtime: Runtime, kind: Store.RecordKind) =>
  runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
export const head = (runtime: Runtime): Promise<{ readonly seq: number }> =>
  runtime.runPromise(Store.Store.use((s) => s.auditHead))

/** A fixed key, for stores opened again by another runtime (tests only). */
export const fixedKey = new Uint8Array(32).fill(7)
