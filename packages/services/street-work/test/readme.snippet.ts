import { DateTime, Effect } from "effect"
import { type Facts, Registry, Report } from "@pomoc/core"
import { Reports, streetWork } from "@pomoc/service-street-work"

const registry = Effect.runSync(Registry.make([streetWork]))

// Labels in English, Czech, Lithuanian and Bulgarian.
const label = registry.label("firstContactChannels", "lan-party", "cs") // "LAN party pro hráče a hráčky online her ve věku 11–16 let"

// A LAN party first reached 40 gamers, 30 of whom had not known the service before: one first
// contact, its field newToService counting the new ones.
const lanParty = Effect.runSync(registry.recordContact("street-work", {
  id: "c-1", serviceId: "sw-prague-11", at: "2026-03-02T17:00:00.000Z", durationMinutes: 180,
  locationKind: "event-venue", channel: "in-person", workers: ["w-1"], participants: [], anonymousCount: 40,
  interventions: ["contact"], firstContact: true, firstContactChannel: "lan-party", mode: "group",
  fields: { newToService: 30 }
}))

// The rules run in the registry's engine: "had not known the service" on a later contact is refused.
const facts: Facts.Facts = {
  now: DateTime.makeUnsafe("2026-03-09T12:00:00Z"),
  actor: { id: "w-1", role: "worker" },
  service: {
    id: "sw-prague-11", type: "street-work", principles: streetWork.principles,
    freeOfCharge: true, acceptsAnonymous: true, requiresIdentity: false, config: {}
  },
  consents: []
}
const followUp = Effect.runSync(registry.recordContact("street-work", {
  id: "c-3", serviceId: "sw-prague-11", at: "2026-03-05T12:00:00.000Z", durationMinutes: 15,
  locationKind: "online-platform", channel: "social-network", workers: ["w-1"], participants: [], anonymousCount: 1,
  interventions: ["conversation", "first-heard-of-service"], firstContact: false, mode: "individual"
}))
const decision = registry.engine.check(followUp, facts)
// { _tag: "Denied", violations: [{ rule: "street-work/first-heard-on-first-contact", … }] }

// With a store layer (e.g. SqliteStore.layer), the effect of each way of first contact: people
// first reached per way, those of them who had not known the service, and their share.
const effectOfEachWay = Effect.all([
  Report.runInStore(Reports.firstContactsByChannel, { serviceId: "sw-prague-11", from: "2026-01-01", to: "2027-01-01" }),
  Report.runInStore(Reports.newToServiceByChannel, { serviceId: "sw-prague-11", from: "2026-01-01", to: "2027-01-01" }),
  Report.runInStore(Reports.newToServiceShareByChannel, { serviceId: "sw-prague-11", from: "2026-01-01", to: "2027-01-01" })
])
// -- end of README snippet --

export const outcome = {
  label,
  // the people reached who were new to the service, and the others
  reached: [
    Number(lanParty.contact.fields?.["newToService"]),
    lanParty.contact.anonymousCount - Number(lanParty.contact.fields?.["newToService"])
  ],
  decision: decision._tag,
  deniedBy: decision._tag === "Denied" ? decision.violations.map((v) => v.rule) : [],
  reportsAreEffects: Effect.isEffect(effectOfEachWay)
}
