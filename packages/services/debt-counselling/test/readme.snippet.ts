import { DateTime, Effect } from "effect"
import { type Facts, Registry, ServiceId } from "@pomoc/core"
import { debtCounselling, Situation } from "@pomoc/service-debt-counselling"

const registry = Effect.runSync(Registry.make([debtCounselling]))

// Labels in English, Czech, Lithuanian and Bulgarian.
const label = registry.label("interventions", "debt-analysis", "cs") // "Zmapování dluhů"

// The debt situation and the kinds of social exclusion are situation facts.
const person = (ageBand: "15-17" | "27-64"): Facts.PersonFacts => ({
  id: "p-1", identityLevel: "pseudonymous", ageBand, gender: "not-stated", needs: [], protected: {},
  situation: Situation.toFacts({ debts: true, exclusion: ["unstable-housing", "benefit-dependence"] })
})
const facts = (ageBand: "15-17" | "27-64"): Facts.Facts => ({
  now: DateTime.makeUnsafe("2026-06-01T10:00:00Z"),
  actor: { id: "counsellor-1", role: "worker" },
  service: {
    id: "advice-1", type: "debt-counselling", principles: debtCounselling.principles,
    freeOfCharge: true, acceptsAnonymous: true, requiresIdentity: false, config: {}
  },
  person: person(ageBand),
  consents: []
})

const assess = { _tag: "AssessEligibility", serviceId: ServiceId.make("advice-1") } as const
const adult = registry.engine.check(assess, facts("27-64"))._tag // "Allowed"
const minor = registry.engine.check(assess, facts("15-17"))
// { _tag: "Denied", violations: [{ rule: "debt-counselling/adults-only", … }] }
// -- end of README snippet --
export const outcome = {
  label,
  adult,
  minor: minor._tag,
  deniedBy: minor._tag === "Denied" ? minor.violations.map((v) => v.rule) : []
}
