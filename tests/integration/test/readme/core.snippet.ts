import { Casework, FieldCrypto, KeyMaterial, Registry, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect, Layer } from "effect"

// One service type (a plugin), a store, and a key for the sensitive fields.
const registry = Registry.makeUnsafe([lowThresholdClub])
const CaseworkLive = Casework.layer(Casework.configFromRegistry(registry)).pipe(
  Layer.provide(FieldCrypto.layer({ keys: { "2026": KeyMaterial.generate() }, current: "2026" })),
  Layer.provide(Store.layerMemory)
)

// Actors are ids from the app's authentication; Pomoc's staff directory says what each may do.
const admin = "jana"
const worker = "eva"

export const program = Effect.gen(function*() {
  const pomoc = yield* Casework.Casework
  yield* pomoc.setupAdministrator(admin, {}) // once, at installation: the first administrator
  yield* pomoc.setStaff(admin, { id: worker, grants: [{ role: "worker", services: ["club"] }] })
  yield* pomoc.registerOrganisation(admin, { id: "ostrov", name: "Ostrov" })
  yield* pomoc.registerService(admin, {
    id: "club", organisationId: "ostrov", type: "low-threshold-club", name: "Klub Ostrov",
    targetGroup: { description: "young people", ageRange: { min: 12, max: 20 } }, localities: [],
    principles: [...lowThresholdClub.principles], freeOfCharge: true, firstContactChannels: ["walk-in"],
    registeredAt: "2026-03-02T14:00:00.000Z"
  })
  // A fifteen-year-old who gave only a nickname, and an evening with six others who stayed anonymous.
  const { value: kuba } = yield* pomoc.registerPerson(worker, {
    _tag: "pseudonymous", serviceId: "club", sharedWith: [], ageBand: "15-17", gender: "not-stated",
    needs: [], registeredAt: "2026-03-02T15:00:00.000Z", nickname: "Kuba"
  })
  yield* pomoc.recordContact(worker, {
    serviceId: "club", at: "2026-03-02T15:30:00.000Z", durationMinutes: 90, locationKind: "club-premises",
    channel: "in-person", workers: ["eva"], participants: [kuba.id], anonymousCount: 6,
    interventions: ["contact", "leisure-activity"], firstContact: false, mode: "group"
  })
  // The principles refuse what the service stands against, and nothing is stored.
  const fee = yield* Effect.flip(pomoc.chargeFee(worker, { serviceId: "club", amountMinor: 2000, currency: "CZK" }))
  return fee._tag // "CommandRefused"
}).pipe(Effect.provide(CaseworkLive))
