/**
 * The quickstart: a low-threshold club records a week of contacts with nicknamed and anonymous
 * young people, and a debt-counselling service works with one client through a plan and
 * outcomes. Everything goes through the case-work API, so every write is decoded, authorised,
 * checked against the principles, encrypted where sensitive, stored and audited.
 */
import { FieldCrypto, type KeyMaterial, Casework, Registry, type Store } from "@pomoc/core"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { DateTime, Effect, Layer } from "effect"

/** The plugins this organisation uses. */
const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])

/** The case-work API over a store, with the application's field-encryption key. */
export const pomocLayer = <E>(store: Layer.Layer<Store.Store, E>, key: KeyMaterial.KeyMaterial) =>
  Casework.layer(Casework.configFromRegistry(registry)).pipe(
    Layer.provide(FieldCrypto.layer({ keys: { "key-2026": key }, current: "key-2026" })),
    Layer.provideMerge(store)
  )

const admin = { id: "admin-jana", grants: [{ role: "administrator", services: "*" }] }
const eva = { id: "worker-eva", grants: [{ role: "worker", services: ["club-ostrov"] }] }
const petr = { id: "counsellor-petr", grants: [{ role: "worker", services: ["debt-advice"] }] }
const coordinator = { id: "coordinator-marta", grants: [{ role: "coordinator", services: ["club-ostrov", "debt-advice"] }] }
const auditor = { id: "auditor-ola", grants: [{ role: "auditor", services: "*" }] }

const monday = Date.UTC(2026, 2, 2, 14, 0)
const day = (d: number, hour = 0) => DateTime.formatIso(DateTime.makeUnsafe(monday + d * 86_400_000 + hour * 3_600_000))

/** What the quickstart recorded, for printing and for its test. */
export interface Summary {
  readonly people: ReadonlyArray<{ readonly id: string; readonly level: string; readonly ageBand: string }>
  readonly contacts: number
  readonly anonymousParticipants: number
  readonly knownParticipants: number
  readonly refusals: ReadonlyArray<{ readonly operation: string; readonly error: string; readonly detail: string }>
  readonly warnings: ReadonlyArray<string>
  readonly plan: { readonly goals: number; readonly stepsByClient: number; readonly achieved: number }
  readonly outcomes: ReadonlyArray<{ readonly indicator: string; readonly value: string }>
  readonly report: Casework.Api["report"] extends (...a: never) => Effect.Effect<infer R, infer _E> ? R : never
  readonly auditEntries: number
  readonly auditIntact: boolean
}

/** Runs the quickstart against the case-work API in context. */
export const quickstart = Effect.gen(function*() {
  const pomoc = yield* Casework.Casework
  const refusals: Array<Summary["refusals"][number]> = []
  const warnings: Array<string> = []
  const expectRefusal = <A>(operation: string, effect: Effect.Effect<A, Casework.CaseworkError>) =>
    Effect.flip(effect).pipe(
      Effect.map((error) => {
        refusals.push({ operation, error: error._tag, detail: error.message })
      })
    )

  // The organisation, its two services and a club room.
  yield* pomoc.registerOrganisation(admin, { id: "ngo-ostrov", name: "Ostrov, z. s.", country: "CZ" })
  yield* pomoc.registerLocation(admin, { id: "club-room", organisationId: "ngo-ostrov", name: "Klub Ostrov", kind: "club-premises", confidential: false, municipality: "Praha 4" })
  yield* pomoc.registerService(admin, {
    id: "club-ostrov", organisationId: "ngo-ostrov", type: "low-threshold-club", name: "Nízkoprahový klub Ostrov",
    targetGroup: { description: "Children and young people 12–20 from Praha 4", ageRange: { min: 12, max: 20 } },
    localities: ["club-room"], principles: [...lowThresholdClub.principles],
    freeOfCharge: true, firstContactChannels: ["walk-in", "friends", "outreach"], registeredAt: day(0)
  })
  yield* pomoc.registerService(admin, {
    id: "debt-advice", organisationId: "ngo-ostrov", type: "debt-counselling", name: "Dluhová poradna",
    targetGroup: { description: "Adults in debt", ageRange: { min: 18, max: 99 } }, localities: [],
    principles: [...debtCounselling.principles], freeOfCharge: true,
    firstContactChannels: ["own-initiative", "other-service"], registeredAt: day(0)
  })

  // Young people known only by the nicknames they chose.
  const nicknames = [["Kuba", "15-17", "male"], ["Lenka", "15-17", "female"], ["Žaneta", "11-14", "female"], ["Dan", "18-20", "not-stated"]] as const
  const people: Array<Summary["people"][number]> = []
  for (const [i, [nickname, ageBand, gender]] of nicknames.entries()) {
    const { value } = yield* pomoc.registerPerson(eva, {
      _tag: "pseudonymous", id: `youth-${i + 1}`, serviceId: "club-ostrov", sharedWith: [], ageBand, gender,
      needs: [], registeredAt: day(0, 1), nickname
    })
    people.push({ id: value.id, level: value._tag, ageBand: value.ageBand })
  }

  // A week of contacts: group evenings with known and anonymous participants, a crisis talk.
  let contacts = 0, anonymousParticipants = 0, knownParticipants = 0
  for (let d = 0; d < 5; d++) {
    const participants = people.filter((_, i) => (i + d) % 3 !== 0).map((p) => p.id)
    const anonymous = 3 + ((d * 7) % 5)
    yield* pomoc.recordContact(eva, {
      serviceId: "club-ostrov", at: day(d, 2), durationMinutes: 180, locationId: "club-room", locationKind: "club-premises",
      channel: "in-person", workers: ["worker-eva"], participants, anonymousCount: anonymous,
      interventions: d % 2 === 0 ? ["contact", "leisure-activity"] : ["contact", "information", "conversation"],
      firstContact: false, mode: "group"
    })
    contacts++; anonymousParticipants += anonymous; knownParticipants += participants.length
  }
  // A first contact with someone who stays anonymous: no identity is ever needed.
  yield* pomoc.recordContact(eva, {
    serviceId: "club-ostrov", at: day(2, 3), durationMinutes: 15, locationKind: "street-area", channel: "in-person",
    workers: ["worker-eva"], participants: [], anonymousCount: 1, interventions: ["contact", "information"],
    firstContact: true, firstContactChannel: "outreach", mode: "individual"
  })
  contacts++; anonymousParticipants++
  yield* pomoc.recordContact(eva, {
    serviceId: "club-ostrov", at: day(3, 4), durationMinutes: 50, locationId: "club-room", locationKind: "club-premises",
    channel: "in-person", workers: ["worker-eva"], participants: ["youth-2"], anonymousCount: 0,
    interventions: ["crisis-intervention", "conversation"], firstContact: false, mode: "individual",
    note: "Lenka talked about trouble at home; agreed to come back on Friday."
  })
  contacts++; knownParticipants++

  // Principles at work: a voluntary service records nobody as sent, and charges no fee.
  yield* expectRefusal("startCooperation (compelled)", pomoc.startCooperation(eva, {
    serviceId: "club-ostrov", personId: "youth-1", startedAt: day(1), compelled: true
  }))
  yield* expectRefusal("chargeFee", pomoc.chargeFee(eva, { serviceId: "club-ostrov", amountMinor: 5000, currency: "CZK" }))
  // The counsellor cannot read the club's young people.
  yield* expectRefusal("getPerson (other service)", pomoc.getPerson(petr, "youth-1"))

  // Debt counselling: an identified adult client, a plan in her own words, outcomes.
  yield* pomoc.registerPerson(petr, {
    _tag: "identified", id: "client-1", serviceId: "debt-advice", sharedWith: [], ageBand: "27-64", gender: "female",
    needs: [], registeredAt: day(0, 2), givenName: "Marie", familyName: "Dvořáková", contactDetails: { phone: "+420 600 000 000" }
  }).pipe(Effect.catchTag("CommandRefused", (e) => {
    // Identification may need a recorded consent first: give it, then register.
    refusals.push({ operation: "registerPerson (identified, before consent)", error: e._tag, detail: e.message })
    return Effect.void
  }))
  const cooperation = yield* pomoc.startCooperation(petr, { serviceId: "debt-advice", personId: "client-1", startedAt: day(0, 3) }).pipe(
    Effect.map((w) => w.value)
  )
  const plan = yield* pomoc.createPlan(petr, {
    id: "plan-1", personId: "client-1", serviceId: "debt-advice", createdAt: day(0, 4), reviews: [],
    goals: [{
      id: "goal-1", inPersonsWords: "Vědět, komu všemu dlužím, a přestat se bát dopisů.", indicator: "informed-about-options",
      status: "open", steps: [
        { id: "step-1", description: "Přinesu všechny dopisy od věřitelů.", takenBy: "person" },
        { id: "step-2", description: "Společně sepíšeme seznam dluhů.", takenBy: "together" }
      ]
    }]
  }).pipe(Effect.map((w) => w.value))
  const achieved = yield* pomoc.setGoalStatus(petr, { planId: plan.id, goalId: "goal-1", status: "achieved", personParticipated: true })
  yield* expectRefusal("setGoalStatus (without the client)", pomoc.setGoalStatus(petr, { planId: plan.id, goalId: "goal-1", status: "achieved", personParticipated: false }))
  const outcomes: Array<Summary["outcomes"][number]> = []
  for (const [indicator, value] of [["informed-about-options", { _tag: "YesNo", value: true }], ["competent-and-active", { _tag: "Ladder", value: 3 }]] as const) {
    const { value: m, warnings: w } = yield* pomoc.recordOutcome(petr, {
      personId: "client-1", serviceId: "debt-advice", indicator, at: day(4), value, recordedBy: "counsellor-petr", personParticipated: true
    })
    warnings.push(...w.map((x) => x.messageKey))
    outcomes.push({ indicator: m.indicator, value: String(m.value.value) })
  }
  // She may end the cooperation at any time, without giving a reason.
  yield* pomoc.endCooperation(petr, { cooperationId: cooperation.id, endedBy: "person" })

  // How much did we do? Contacts by intervention, small counts suppressed.
  const report = yield* pomoc.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club-ostrov" })
  const verification = yield* pomoc.verifyAudit(auditor, undefined)
  const audit = yield* pomoc.auditLog(auditor, { limit: 10_000 })
  const finalPlan = achieved.value

  return {
    people,
    contacts,
    anonymousParticipants,
    knownParticipants,
    refusals,
    warnings,
    plan: {
      goals: finalPlan.goals.length,
      stepsByClient: finalPlan.goals.flatMap((g) => g.steps).filter((s) => s.takenBy !== "worker").length,
      achieved: finalPlan.goals.filter((g) => g.status === "achieved").length
    },
    outcomes,
    report,
    auditEntries: audit.length,
    auditIntact: verification._tag === "Intact"
  } satisfies Summary
})

/** Prints a summary for people (no personal data: ids, counts and codes only). */
export const format = (s: Summary): string => {
  const lines: Array<string> = []
  lines.push("Pomoc quickstart")
  lines.push(`  young people registered: ${s.people.length} (${s.people.map((p) => `${p.id} ${p.level} ${p.ageBand}`).join(", ")})`)
  lines.push(`  contacts recorded: ${s.contacts}, with ${s.knownParticipants} known and ${s.anonymousParticipants} anonymous participations`)
  lines.push(`  refused by principles or access (nothing stored):`)
  for (const r of s.refusals) lines.push(`    - ${r.operation}: ${r.error}`)
  lines.push(`  debt-counselling plan: ${s.plan.goals} goal(s), ${s.plan.stepsByClient} step(s) taken by the client, ${s.plan.achieved} achieved`)
  lines.push(`  outcomes: ${s.outcomes.map((o) => `${o.indicator}=${o.value}`).join(", ")}`)
  lines.push(`  report "${s.report.labels.en}" (counts below ${s.report.threshold} suppressed):`)
  const table = s.report.table
  if (table._tag === "OneWay") {
    table.cells.forEach((cell, i) => {
      lines.push(`    ${String(table.dimension.values[i])}: ${cell._tag === "Value" ? cell.count : "suppressed"}`)
    })
    lines.push(`    total: ${table.total._tag === "Value" ? table.total.count : "suppressed"}`)
  }
  lines.push(`  audit log: ${s.auditEntries} entries, chain ${s.auditIntact ? "intact" : "BROKEN"}`)
  return lines.join("\n")
}
