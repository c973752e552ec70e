import { Casework, CommandRefused, createClient, FieldCrypto, KeyMaterial, Registry } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Layer } from "effect"

// The layer is the same as for Effect callers: the plugins, a store, and the key for the
// sensitive fields (a real app loads its key from a secret store and names a database file).
const registry = Registry.makeUnsafe([lowThresholdClub])
const CaseworkLive = Casework.layer(Casework.configFromRegistry(registry)).pipe(
  Layer.provide(FieldCrypto.layer({ keys: { "2026": KeyMaterial.generate() }, current: "2026" })),
  Layer.provide(SqliteStore.layer({ filename: ":memory:" }))
)

// Actors are ids from the app's authentication; Pomoc's staff directory says what each may do.
const admin = "jana"
const worker = "eva"

export const main = async (): Promise<string> => {
  // Every operation of the case-work API as an async method; failures reject with the typed errors.
  const pomoc = createClient(CaseworkLive)
  try {
    await pomoc.setupAdministrator(admin, {}) // once, at installation: the first administrator
    await pomoc.setStaff(admin, { id: worker, grants: [{ role: "worker", services: ["club"] }] })
    await pomoc.registerOrganisation(admin, { id: "ostrov", name: "Ostrov" })
    await pomoc.registerService(admin, {
      id: "club", organisationId: "ostrov", type: "low-threshold-club", name: "Klub Ostrov",
      targetGroup: { description: "young people", ageRange: { min: 12, max: 20 } }, localities: [],
      principles: [...lowThresholdClub.principles], freeOfCharge: true, firstContactChannels: ["walk-in"],
      registeredAt: "2026-03-02T14:00:00.000Z"
    })
    try {
      await pomoc.chargeFee(worker, { serviceId: "club", amountMinor: 2000, currency: "CZK" })
      return "charged"
    } catch (error) {
      // A principle refused it and nothing was stored: say which, by which rule, and why.
      if (error instanceof CommandRefused) {
        return error.violations.map((v) => `${v.principle} (${v.rule}): ${v.reason}`).join("; ")
      }
      throw error // AccessDenied, InvalidInput, StoreError, …: see "Errors" above
    }
  } finally {
    await pomoc.dispose() // closes the store
  }
}
