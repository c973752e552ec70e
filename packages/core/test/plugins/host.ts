/** A host of one test plugin: its typed API over a fresh memory store, an organisation and one "shelter" service. */
import { Casework, FieldCrypto, KeyMaterial, type Plugin, Registry, StaffDirectory, Store } from "@pomoc/core"
import { Effect, Layer } from "effect"

export const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
export const worker = { id: "eva", grants: [{ role: "worker", services: ["shelter"] }] }
export const volunteer = { id: "vera", grants: [{ role: "volunteer", services: ["shelter"] }] }

export const host = <const P extends Plugin.Plugin>(plugin: P, config: Record<string, number> = {}) => {
  const registry = Registry.makeUnsafe([plugin] as const)
  const setup = Effect.gen(function*() {
    const api = yield* Casework.make(Casework.configFromRegistry(registry))
    yield* api.registerOrganisation(admin, { id: "org", name: "Org" })
    yield* api.registerService(admin, {
      id: "shelter",
      organisationId: "org",
      type: plugin.id,
      name: "Shelter",
      targetGroup: { description: "adults" },
      localities: [],
      principles: [...plugin.principles],
      freeOfCharge: true,
      firstContactChannels: [],
      config,
      registeredAt: "2026-01-01T00:00:00.000Z"
    })
    return api
  })
  const layer = () =>
    Layer.mergeAll(
      StaffDirectory.layerList([admin, worker, volunteer]),
      Store.layerMemory,
      FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })
    )
  return { registry, setup, layer }
}

export const stored = (kind: Store.RecordKind) => Store.Store.use((s) => s.list({ kind }))

/** Labels in the four languages (the same text). */
export const l = (en: string) => ({ en, cs: en, lt: en, bg: en })

/** What every test shelter shares: everything but its id and its extensions. */
export const shelterBase = <const Id extends string>(id: Id) =>
  ({
    id,
    version: "0.1.0",
    requires: { core: "^0.1.0" },
    labels: { name: l("Shelter"), description: l("A bed for the night") },
    taxonomies: {
      interventions: { "bed-night": l("Bed night") },
      channels: { "in-person": l("In person") },
      firstContactChannels: { street: l("Street") }
    },
    targetGroup: { description: l("Adults"), configurable: false },
    principles: ["low-threshold", "voluntariness", "confidentiality"],
    indicators: [],
    goals: [],
    reports: []
  }) as const
