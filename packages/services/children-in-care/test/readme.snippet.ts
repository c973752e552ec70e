import { DateTime, Effect } from "effect"
import { type Facts, Registry, Report, ServiceId } from "@pomoc/core"
import { childrenInCare, Reports } from "@pomoc/service-children-in-care"

const registry = Effect.runSync(Registry.make([childrenInCare]))

// Labels in English, Czech, Lithuanian and Bulgarian.
const label = registry.label("interventions", "career-guidance", "bg") // "Кариерно ориентиране"

// A needs analysis and career guidance with a young person, at the care institution.
const session = Effect.runSync(registry.recordContact("children-in-care", {
  id: "c-1", serviceId: "sofia-career-programme", at: "2026-04-10T14:00:00.000Z", durationMinutes: 60,
  locationKind: "care-institution", channel: "in-person", workers: ["w-1"], participants: ["p-1"], anonymousCount: 0,
  interventions: ["needs-analysis", "career-guidance"], firstContact: true, firstContactChannel: "care-institution-visit",
  mode: "individual"
}))

// Outcomes derived from the person's history.
const derived = registry.derive("children-in-care", { asOf: session.contact.at, contacts: [session.contact], plans: [], measurements: [] })
  .map((d) => d.indicator) // ["needs-analysed", "career-guidance-received"]

// Eligibility reads the age band and the care situation (never a protected attribute).
const facts = (situation: Facts.PersonFacts["situation"]): Facts.Facts => ({
  now: DateTime.makeUnsafe("2026-04-10T15:00:00Z"),
  actor: { id: "w-1", role: "worker" },
  service: {
    id: "sofia-career-programme", type: "children-in-care", principles: childrenInCare.principles,
    freeOfCharge: true, acceptsAnonymous: false, requiresIdentity: false, config: {}
  },
  person: { id: "p-1", identityLevel: "pseudonymous", ageBand: "15-17", gender: "not-stated", needs: ["career-prospects"], protected: {}, situation },
  consents: []
})
const assess = { _tag: "AssessEligibility", serviceId: ServiceId.make("sofia-career-programme") } as const
const inFosterCare = registry.engine.check(assess, facts({ inCare: true, careSetting: "foster" }))._tag // "Allowed"
const careLeaver = registry.engine.check(assess, facts({ inCare: false, careSetting: "care-leaver" }))._tag // "Allowed"

// With a store layer (e.g. SqliteStore.layer): who is better off (completed training, entry into
// education or work), and trainings for the children and for the staff of care institutions.
const reports = Effect.all([Report.runInStore(Reports.outcomesByIndicator), Report.runInStore(Reports.trainingAttendance)])
// -- end of README snippet --

export const outcome = { label, derived, inFosterCare, careLeaver, reportsAreEffects: Effect.isEffect(reports) }
