/**
 * The quickstart: two organisations for one week. Ostrov's low-threshold club records contacts
 * with nicknamed and anonymous young people; the debt-counselling service Rovnováha works with one
 * client through a plan and outcomes. Everything goes through the case-work API, so every write
 * is decoded, authorised, checked against the principles, encrypted where sensitive, stored and
 * audited.
 */
import {
  AccessDenied,
  Casework,
  CommandRefused,
  FieldCrypto,
  KeyMaterial,
  NotFound,
  Pseudonym,
  Registry,
  type ReportResult,
  type Store,
  type Suppression
} from "@pomoc/core"
import { AnnualReport, ValueLabels } from "@pomoc/report-html"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { DateTime, Effect, Layer } from "effect"

/** The plugins the two organisations use. */
export const registry: Registry.Registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])

/**
 * The case-work API over a store, with the application's field-encryption key and the key of the
 * blind index that finds people again by nickname (a second key: both live outside the database).
 */
export const pomocLayer = <E>(
  store: Layer.Layer<Store.Store, E>,
  key: KeyMaterial.KeyMaterial,
  pseudonymKey: KeyMaterial.KeyMaterial = KeyMaterial.generate()
) =>
  Casework.layer(Casework.configFromRegistry(registry)).pipe(
    Layer.provide(FieldCrypto.layer({ keys: { "key-2025": key }, current: "key-2025" })),
    Layer.provide(Pseudonym.layer(pseudonymKey)),
    Layer.provideMerge(store)
  )

// The staff: the app's authentication gives their ids; Pomoc's staff directory keeps their grants.
const admin = "admin-jana"
const eva = "worker-eva"
const petr = "counsellor-petr"
const coordinator = "coordinator-marta"
const head = "head-pavel"
const auditor = "auditor-ola"
const staff = [
  { id: eva, grants: [{ role: "worker", services: ["club-ostrov"] }] },
  { id: petr, grants: [{ role: "worker", services: ["debt-advice"] }] },
  { id: coordinator, grants: [{ role: "coordinator", services: ["club-ostrov"] }] },
  { id: head, grants: [{ role: "coordinator", services: ["debt-advice"] }] },
  { id: auditor, grants: [{ role: "auditor", services: "*" }] }
] as const

const monday = Date.UTC(2025, 2, 3, 14, 0)
const day = (d: number, hour = 0) => DateTime.formatIso(DateTime.makeUnsafe(monday + d * 86_400_000 + hour * 3_600_000))

/** The year the annual reports cover. */
export const year = { from: "2025-01-01T00:00:00.000Z", to: "2026-01-01T00:00:00.000Z" }

/** One organisation of the quickstart, its service and the reports of its service's plugin. */
export interface Organisation {
  readonly id: string
  readonly name: string
  readonly serviceId: string
  readonly serviceName: string
  readonly serviceType: string
  /** Every report of the service's plugin for the year, as the case-work API returns them. */
  readonly reports: ReadonlyArray<ReportResult>
}

/**
 * A refused command: the error's tag and message, and for a principle's refusal the principle
 * (by its name), the rule and the reason in plain words; for an access refusal, the reason.
 */
export interface Refusal {
  readonly organisation: string
  readonly operation: string
  readonly error: string
  readonly detail: string
  readonly why: ReadonlyArray<{ readonly principle: string; readonly rule: string; readonly reason: string }>
}

/** What the quickstart recorded, for printing and for its test. */
export interface Summary {
  readonly organisations: ReadonlyArray<Organisation>
  readonly people: ReadonlyArray<{ readonly id: string; readonly level: string; readonly ageBand: string }>
  readonly contacts: number
  readonly anonymousParticipants: number
  readonly knownParticipants: number
  readonly refusals: ReadonlyArray<Refusal>
  readonly warnings: ReadonlyArray<string>
  readonly plan: { readonly goals: number; readonly stepsByClient: number; readonly achieved: number }
  readonly outcomes: ReadonlyArray<{ readonly indicator: string; readonly value: string }>
  readonly report: Casework.Api["report"] extends (...a: never) => Effect.Effect<infer R, infer _E> ? R : never
  readonly auditEntries: number
  readonly auditIntact: boolean
}

const denials: Readonly<Record<AccessDenied["reason"], string>> = {
  "no-grants": "this person holds no grants at all",
  "unknown-operation": "there is no such operation",
  "no-role-grants-operation": "none of their roles may do this anywhere",
  "service-out-of-scope":
    "their role may do this, but only in the services they work in, and this record belongs to another service",
  "service-required": "their role may do this only in their own services, and no service was named",
  "already-set-up": "the organisation's first administrator was set up already"
}

const principleName = (id: string): string => registry.principles.find((p) => p.id === id)?.labels.en ?? id

/** What a refusal says, in plain words: which principle and rule refused, and why. */
const refusal = (organisation: string, operation: string, error: Casework.CaseworkError): Refusal => ({
  organisation,
  operation,
  error: error._tag,
  detail: error.message,
  why: error instanceof CommandRefused
    ? [
      ...error.violations.map((v) => ({ principle: principleName(v.principle), rule: v.rule, reason: v.reason })),
      ...error.requirements.map((r) => ({
        principle: principleName(r.principle),
        rule: r.rule,
        reason: `requires ${r.kind}${r.purpose ? ` (${r.purpose})` : ""}: ${r.detail}`
      }))
    ]
    : error instanceof AccessDenied
    ? [{ principle: "Access control (default deny)", rule: error.reason, reason: denials[error.reason] }]
    : error instanceof NotFound
    ? [{
      principle: "Access control (default deny)",
      rule: "not-found",
      reason:
        `no ${error.kind} with this id is visible to them: another service's record looks exactly like one that does not exist`
    }]
    : []
})

/** Runs the quickstart against the case-work API in context. */
export const quickstart = Effect.gen(function*() {
  const pomoc = yield* Casework.Casework
  const refusals: Array<Summary["refusals"][number]> = []
  const warnings: Array<string> = []
  const expectRefusal = <A>(
    organisation: string,
    operation: string,
    effect: Effect.Effect<A, Casework.CaseworkError>
  ) =>
    Effect.flip(effect).pipe(
      Effect.map((error) => {
        refusals.push(refusal(organisation, operation, error))
      })
    )

  // Installation: the first administrator (once), who then grants the staff their roles.
  yield* pomoc.setupAdministrator(admin, {})
  for (const member of staff) yield* pomoc.setStaff(admin, member)

  // Two organisations: Ostrov runs a club (with its room), Rovnováha a debt-counselling service.
  yield* pomoc.registerOrganisation(admin, { id: "ngo-ostrov", name: "Ostrov, z. s.", country: "CZ" })
  yield* pomoc.registerOrganisation(admin, { id: "ngo-rovnovaha", name: "Rovnováha, o. p. s.", country: "CZ" })
  yield* pomoc.registerLocation(admin, {
    id: "club-room",
    organisationId: "ngo-ostrov",
    name: "Klub Ostrov",
    kind: "club-premises",
    confidential: false,
    municipality: "Praha 4"
  })
  yield* pomoc.registerService(admin, {
    id: "club-ostrov",
    organisationId: "ngo-ostrov",
    type: "low-threshold-club",
    name: "Nízkoprahový klub Ostrov",
    targetGroup: { description: "Children and young people 12–20 from Praha 4", ageRange: { min: 12, max: 20 } },
    localities: ["club-room"],
    principles: [...lowThresholdClub.principles],
    freeOfCharge: true,
    firstContactChannels: ["walk-in", "friends", "outreach"],
    registeredAt: day(0)
  })
  yield* pomoc.registerService(admin, {
    id: "debt-advice",
    organisationId: "ngo-rovnovaha",
    type: "debt-counselling",
    name: "Dluhová poradna Rovnováha",
    targetGroup: { description: "Adults in debt", ageRange: { min: 18, max: 99 } },
    localities: [],
    principles: [...debtCounselling.principles],
    freeOfCharge: true,
    firstContactChannels: ["own-initiative", "other-service"],
    registeredAt: day(0)
  })

  // Young people known only by the nicknames they chose.
  const nicknames = [["Kuba", "15-17", "male"], ["Lenka", "15-17", "female"], ["Žaneta", "11-14", "female"], [
    "Dan",
    "18-20",
    "not-stated"
  ]] as const
  const people: Array<Summary["people"][number]> = []
  for (const [i, [nickname, ageBand, gender]] of nicknames.entries()) {
    const { value } = yield* pomoc.registerPerson(eva, {
      _tag: "pseudonymous",
      id: `youth-${i + 1}`,
      serviceId: "club-ostrov",
      sharedWith: [],
      ageBand,
      gender,
      needs: [],
      registeredAt: day(0, 1),
      nickname
    })
    people.push({ id: value.id, level: value._tag, ageBand: value.ageBand })
  }

  // A week of contacts: group evenings with known and anonymous participants, a crisis talk.
  let contacts = 0, anonymousParticipants = 0, knownParticipants = 0
  for (let d = 0; d < 5; d++) {
    const participants = people.filter((_, i) => (i + d) % 3 !== 0).map((p) => p.id)
    const anonymous = 3 + ((d * 7) % 5)
    yield* pomoc.recordContact(eva, {
      serviceId: "club-ostrov",
      at: day(d, 2),
      durationMinutes: 180,
      locationId: "club-room",
      locationKind: "club-premises",
      channel: "in-person",
      workers: ["worker-eva"],
      participants,
      anonymousCount: anonymous,
      interventions: d % 2 === 0 ? ["contact", "leisure-activity"] : ["contact", "information", "conversation"],
      firstContact: false,
      mode: "group"
    })
    contacts++
    anonymousParticipants += anonymous
    knownParticipants += participants.length
  }
  // A first contact with someone who stays anonymous: no identity is ever needed.
  yield* pomoc.recordContact(eva, {
    serviceId: "club-ostrov",
    at: day(2, 3),
    durationMinutes: 15,
    locationKind: "street-area",
    channel: "in-person",
    workers: ["worker-eva"],
    participants: [],
    anonymousCount: 1,
    interventions: ["contact", "information"],
    firstContact: true,
    firstContactChannel: "outreach",
    mode: "individual"
  })
  contacts++
  anonymousParticipants++
  yield* pomoc.recordContact(eva, {
    serviceId: "club-ostrov",
    at: day(3, 4),
    durationMinutes: 50,
    locationId: "club-room",
    locationKind: "club-premises",
    channel: "in-person",
    workers: ["worker-eva"],
    participants: ["youth-2"],
    anonymousCount: 0,
    interventions: ["crisis-intervention", "conversation"],
    firstContact: false,
    mode: "individual",
    note: "Lenka talked about trouble at home; agreed to come back on Friday."
  })
  contacts++
  knownParticipants++

  // Principles at work: a voluntary service records nobody as sent, and charges no fee.
  yield* expectRefusal(
    "ngo-ostrov",
    "startCooperation (compelled)",
    pomoc.startCooperation(eva, {
      serviceId: "club-ostrov",
      personId: "youth-1",
      startedAt: day(1),
      compelled: true
    })
  )
  yield* expectRefusal(
    "ngo-ostrov",
    "chargeFee",
    pomoc.chargeFee(eva, { serviceId: "club-ostrov", amountMinor: 5000, currency: "CZK" })
  )
  // The counsellor cannot read the club's young people.
  yield* expectRefusal("ngo-rovnovaha", "getPerson (other service)", pomoc.getPerson(petr, "youth-1"))

  // Debt counselling: an identified adult client, a plan in her own words, outcomes.
  yield* pomoc.registerPerson(petr, {
    _tag: "identified",
    id: "client-1",
    serviceId: "debt-advice",
    sharedWith: [],
    ageBand: "27-64",
    gender: "female",
    needs: [],
    registeredAt: day(0, 2),
    givenName: "Marie",
    familyName: "Dvořáková",
    contactDetails: { phone: "+420 600 000 000" }
  }).pipe(Effect.catchTag("CommandRefused", (e) => {
    // Identification may need a recorded consent first: give it, then register.
    refusals.push(refusal("ngo-rovnovaha", "registerPerson (identified, before consent)", e))
    return Effect.void
  }))
  const cooperation = yield* pomoc.startCooperation(petr, {
    serviceId: "debt-advice",
    personId: "client-1",
    startedAt: day(0, 3)
  }).pipe(
    Effect.map((w) => w.value)
  )
  const plan = yield* pomoc.createPlan(petr, {
    id: "plan-1",
    personId: "client-1",
    serviceId: "debt-advice",
    createdAt: day(0, 4),
    reviews: [],
    goals: [{
      id: "goal-1",
      inPersonsWords: "Vědět, komu všemu dlužím, a přestat se bát dopisů.",
      indicator: "informed-about-options",
      status: "open",
      steps: [
        { id: "step-1", description: "Přinesu všechny dopisy od věřitelů.", takenBy: "person" },
        { id: "step-2", description: "Společně sepíšeme seznam dluhů.", takenBy: "together" }
      ]
    }]
  }).pipe(Effect.map((w) => w.value))
  const achieved = yield* pomoc.setGoalStatus(petr, {
    planId: plan.id,
    goalId: "goal-1",
    status: "achieved",
    personParticipated: true
  })
  yield* expectRefusal(
    "ngo-rovnovaha",
    "setGoalStatus (without the client)",
    pomoc.setGoalStatus(petr, { planId: plan.id, goalId: "goal-1", status: "achieved", personParticipated: false })
  )
  const outcomes: Array<Summary["outcomes"][number]> = []
  for (
    const [indicator, value] of [["informed-about-options", { _tag: "YesNo", value: true }], ["competent-and-active", {
      _tag: "Ladder",
      value: 3
    }]] as const
  ) {
    const { value: m, warnings: w } = yield* pomoc.recordOutcome(petr, {
      personId: "client-1",
      serviceId: "debt-advice",
      indicator,
      at: day(4),
      value,
      recordedBy: "counsellor-petr",
      personParticipated: true
    })
    warnings.push(...w.map((x) => x.messageKey))
    outcomes.push({ indicator: m.indicator, value: String(m.value.value) })
  }
  // She may end the cooperation at any time, without giving a reason.
  yield* pomoc.endCooperation(petr, { cooperationId: cooperation.id, endedBy: "person" })

  // Each organisation's coordinator runs every report of its service's plugin for the year (small
  // counts suppressed by core); "how much did we do" starts with contacts by intervention.
  const reportsOf = (actor: string, serviceId: string, plugin: typeof lowThresholdClub | typeof debtCounselling) =>
    Effect.forEach(plugin.reports, (definition) => pomoc.report(actor, { reportId: definition.id, serviceId, ...year }))
  const clubReports = yield* reportsOf(coordinator, "club-ostrov", lowThresholdClub)
  const debtReports = yield* reportsOf(head, "debt-advice", debtCounselling)
  const report = clubReports.find((r) => r.reportId === "contacts-by-intervention")!
  const verification = yield* pomoc.verifyAudit(auditor, undefined)
  const audit = yield* pomoc.auditLog(auditor, { limit: 10_000 })
  const finalPlan = achieved.value

  return {
    organisations: [
      {
        id: "ngo-ostrov",
        name: "Ostrov, z. s.",
        serviceId: "club-ostrov",
        serviceName: "Nízkoprahový klub Ostrov",
        serviceType: "low-threshold-club",
        reports: clubReports
      },
      {
        id: "ngo-rovnovaha",
        name: "Rovnováha, o. p. s.",
        serviceId: "debt-advice",
        serviceName: "Dluhová poradna Rovnováha",
        serviceType: "debt-counselling",
        reports: debtReports
      }
    ],
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

const cellText = (cell: Suppression.Cell): string => (cell._tag === "Value" ? String(cell.count) : "suppressed")

/** A report as a labelled two-column table, codes in the plugin's English words. */
const reportLines = (result: ReportResult): Array<string> => {
  const table = result.table
  if (table._tag !== "OneWay") return [`      (a two-way table: see the HTML report)`]
  const labelOf = (
    v: Store.FacetValue
  ) => (typeof v === "string" ? ValueLabels.fromRegistry(registry)(table.dimension.name, v, "en") ?? v : String(v))
  const rows = table.cells.map((cell, i) => [labelOf(table.dimension.values[i] ?? null), cellText(cell)] as const)
  const width = Math.max(...rows.map(([label]) => label.length), 5)
  return [
    ...rows.map(([label, text]) => `      ${label.padEnd(width)}  ${text.padStart(10)}`),
    `      ${"total".padEnd(width)}  ${cellText(table.total).padStart(10)}`
  ]
}

/** Prints a summary for people (no personal data: ids, counts and codes only), one organisation at a time. */
export const format = (
  s: Summary,
  files: { readonly database?: string; readonly reports?: Readonly<Record<string, string>> } = {}
): string => {
  const lines: Array<string> = []
  const refusalsOf = (organisation: string) => {
    const own = s.refusals.filter((r) => r.organisation === organisation)
    lines.push(`  refused, and nothing was stored (${own.length}):`)
    for (const r of own) {
      lines.push(`    - ${r.operation}: ${r.error}`)
      for (const w of r.why) lines.push(`        ${w.principle} · rule ${w.rule}: ${w.reason}`)
    }
  }
  const [club, debt] = s.organisations
  lines.push("Pomoc quickstart: two organisations, one week (3 to 7 March 2025)")
  lines.push("")
  lines.push(`== ${club!.name}: ${club!.serviceName} (${club!.serviceType})`)
  lines.push(
    `  young people registered: ${s.people.length}, each known only by a nickname they chose (${
      s.people.map((p) => `${p.id} ${p.level} ${p.ageBand}`).join(", ")
    })`
  )
  lines.push(
    `  contacts recorded: ${s.contacts}, with ${s.knownParticipants} known and ${s.anonymousParticipants} anonymous participations`
  )
  refusalsOf(club!.id)
  const threshold = s.report.threshold
  lines.push(`  report "${s.report.labels.en}" (how much did we do?), from the store, small counts suppressed:`)
  lines.push(...reportLines(s.report))
  lines.push(
    `    Why the total is larger than the ${s.contacts} contacts: a contact counts once under each of its interventions`
  )
  lines.push(
    `    (an evening with contact work and a leisure activity counts twice), so the total counts entries, not contacts.`
  )
  lines.push(
    `    "0" means nothing was recorded there. "suppressed" means a count from 1 to ${
      threshold - 1
    } (below the threshold of ${threshold}),`
  )
  lines.push(
    `    or a larger one hidden too so that a small one cannot be worked out from the total: a week of a small club is`
  )
  lines.push(`    mostly small numbers, which is exactly what must not be published.`)
  lines.push("")
  lines.push(`== ${debt!.name}: ${debt!.serviceName} (${debt!.serviceType})`)
  lines.push(`  one identified client (name and phone encrypted at rest), a plan in her own words:`)
  lines.push(
    `  plan: ${s.plan.goals} goal(s), ${s.plan.stepsByClient} step(s) taken by the client, ${s.plan.achieved} achieved`
  )
  lines.push(`  outcomes: ${s.outcomes.map((o) => `${o.indicator}=${o.value}`).join(", ")}`)
  refusalsOf(debt!.id)
  lines.push("")
  lines.push(`== the whole database`)
  lines.push(
    `  audit log: ${s.auditEntries} entries (every write and every read of a person's record), chain ${
      s.auditIntact ? "intact" : "BROKEN"
    }`
  )
  if (files.database !== undefined) {
    lines.push(`  database: ${files.database} (started afresh on every run; personal fields encrypted)`)
  }
  for (const o of s.organisations) {
    const file = files.reports?.[o.id]
    if (file !== undefined) {
      lines.push(`  annual report of ${o.name} (${o.reports.length} charts, Czech, opens offline): ${file}`)
    }
  }
  return lines.join("\n")
}

/** Each organisation's annual report as one HTML file's text, in Czech, by organisation id. */
export const annualReports = (s: Summary) =>
  Effect.forEach(s.organisations, (o) =>
    AnnualReport.render({
      organisation: o.name,
      language: "cs",
      period: year,
      results: o.reports,
      services: { [o.serviceId]: o.serviceName },
      valueLabel: ValueLabels.fromRegistry(registry)
    }).pipe(Effect.map((html) => [o.id, html] as const))).pipe(Effect.map((entries) => Object.fromEntries(entries)))
