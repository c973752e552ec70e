import { DateTime, Effect } from "effect"
import { type Facts, Registry, ServiceId } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"

const registry = Effect.runSync(Registry.make([lowThresholdClub]))

// Labels in English, Czech, Lithuanian and Bulgarian.
const label = registry.label("interventions", "crisis-intervention", "cs") // "Krizová intervence"

// A contact with three anonymous young people; a misspelt code would not compile.
const contact = Effect.runSync(registry.recordContact("low-threshold-club", {
  id: "contact-1", serviceId: "club-1", at: "2026-06-01T16:00:00Z", durationMinutes: 45,
  locationKind: "club-premises", channel: "in-person", workers: ["worker-1"],
  participants: [], anonymousCount: 3, firstContact: false, mode: "group",
  interventions: ["leisure-activity", "conversation"]
}))

// What the case-work API knows when it decides (here: a 27–64-year-old in a club for 6–26).
const facts: Facts.Facts = {
  now: DateTime.makeUnsafe("2026-06-01T16:00:00Z"),
  actor: { id: "worker-1", role: "worker" },
  service: {
    id: "club-1", type: "low-threshold-club", principles: lowThresholdClub.principles,
    freeOfCharge: true, acceptsAnonymous: true, requiresIdentity: false, config: {}
  },
  person: {
    id: "p-1", identityLevel: "pseudonymous", ageBand: "27-64", gender: "not-stated",
    needs: [], protected: {}, situation: {}
  },
  consents: []
}

const recorded = registry.engine.check(contact, facts)._tag // "Allowed"
const eligibility = registry.engine.check({ _tag: "AssessEligibility", serviceId: ServiceId.make("club-1") }, facts)
// { _tag: "Denied", violations: [{ rule: "low-threshold-club/target-age", … }] }
// -- end of README snippet --
export const outcome = {
  label,
  recorded,
  eligibility: eligibility._tag,
  deniedBy: eligibility._tag === "Denied" ? eligibility.violations.map((v) => v.rule) : []
}
