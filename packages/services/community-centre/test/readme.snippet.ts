import { DateTime, Effect } from "effect"
import { type Facts, Registry, Report, ServiceId } from "@pomoc/core"
import { communityCentre, Reports } from "@pomoc/service-community-centre"

const registry = Effect.runSync(Registry.make([communityCentre]))

// Labels in English, Czech, Lithuanian and Bulgarian.
const label = registry.label("activityTopics", "amateur-art-group", "lt") // "Mėgėjų meno kolektyvas (ansamblis, studija)"

// An evening at the open youth centre: 12 young people, no names needed.
const evening = Effect.runSync(registry.recordContact("community-centre", {
  id: "c-1", serviceId: "alytus-open-youth-centre", at: "2026-05-02T16:00:00.000Z", durationMinutes: 90,
  locationKind: "club-premises", channel: "in-person", workers: ["w-1"], participants: [], anonymousCount: 12,
  interventions: ["open-youth-work", "non-formal-education"], firstContact: false, mode: "group"
}))

// Each programme is a service of the centre; its config names the programme (and a project's funding source).
const dayCentre = (ageBand: "11-14" | "27-64"): Facts.Facts => ({
  now: DateTime.makeUnsafe("2026-05-04T10:00:00Z"),
  actor: { id: "w-1", role: "worker" },
  service: {
    id: "alytus-day-centre", type: "community-centre", principles: communityCentre.principles, freeOfCharge: false,
    acceptsAnonymous: true, requiresIdentity: false, config: { programme: "childrens-day-centre", fundingSource: "municipal-budget" }
  },
  person: { id: "p-1", identityLevel: "pseudonymous", ageBand, gender: "not-stated", needs: [], protected: {}, situation: {} },
  consents: []
})
const assess = { _tag: "AssessEligibility", serviceId: ServiceId.make("alytus-day-centre") } as const
const child = registry.engine.check(assess, dayCentre("11-14"))._tag // "Allowed"
const adult = registry.engine.check(assess, dayCentre("27-64"))
// { _tag: "Denied", violations: [{ rule: "community-centre/day-centre-age", … }] }

// With a store layer (e.g. SqliteStore.layer): attendance by topic and audience, per project.
const attendance = Report.runInStore(Reports.attendanceByTopic, { serviceId: "alytus-day-centre", from: "2026-01-01", to: "2027-01-01" })
// -- end of README snippet --

export const outcome = {
  label,
  anonymous: evening.contact.anonymousCount,
  child,
  adult: adult._tag,
  deniedBy: adult._tag === "Denied" ? adult.violations.map((v) => v.rule) : [],
  reportIsEffect: Effect.isEffect(attendance)
}
