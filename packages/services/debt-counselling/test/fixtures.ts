/**
 * Facts and commands for debt counselling's rule tests, decoded from wire values so they are
 * what the case-work API would pass.
 */
import {
  type AgeBand,
  type Command,
  Contact,
  Cooperation,
  type Facts,
  GoalId,
  IndividualPlan,
  OutcomeMeasurement,
  Person,
  PlanId,
  PlanStep,
  Service,
  ServiceId
} from "@pomoc/core"
import { DateTime, Schema } from "effect"

export const decode = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  wire: unknown
): S["Type"] => Schema.decodeUnknownSync(schema as never)(wire)

export const NOW = "2026-06-01T12:00:00.000Z"
export const now = DateTime.makeUnsafe(NOW)

export const ageBands: ReadonlyArray<AgeBand> = [
  "0-5",
  "6-10",
  "11-14",
  "15-17",
  "18-20",
  "21-26",
  "27-64",
  "65+",
  "not-stated"
]

export const debtPrinciples = [
  "confidentiality",
  "voluntariness",
  "individual-approach",
  "equality",
  "empowerment",
  "active-cooperation",
  "free-of-charge"
]

export const debtService: Facts.ServiceFacts = {
  id: "service-1",
  type: "debt-counselling",
  principles: debtPrinciples,
  freeOfCharge: true,
  ageRange: { min: 18, max: 150 },
  acceptsAnonymous: true,
  requiresIdentity: false,
  config: {}
}

export const otherService: Facts.ServiceFacts = {
  ...debtService,
  type: "low-threshold-club",
  ageRange: { min: 6, max: 26 }
}

export const personFacts = (
  ageBand: AgeBand,
  situation: Readonly<Record<string, string | number | boolean>> = {}
): Facts.PersonFacts => ({
  id: "person-1",
  identityLevel: "pseudonymous",
  ageBand,
  gender: "not-stated",
  needs: [],
  protected: {},
  situation
})

export const facts = (overrides: Partial<Facts.Facts> = {}): Facts.Facts => ({
  now,
  actor: { id: "worker-1", role: "worker" },
  service: debtService,
  person: personFacts("27-64"),
  consents: [],
  ...overrides
})

export const assessEligibility: Command.Command = {
  _tag: "AssessEligibility",
  serviceId: decode(ServiceId, "service-1")
}

export const registerPerson = (
  ageBand: AgeBand,
  level: "anonymous" | "pseudonymous" = "pseudonymous"
): Command.Command => ({
  _tag: "RegisterPerson",
  person: decode(Person, {
    _tag: level,
    id: "person-1",
    serviceId: "service-1",
    sharedWith: [],
    ageBand,
    gender: "not-stated",
    needs: [],
    registeredAt: NOW,
    ...(level === "anonymous" ? {} : { nickname: "Klient 12" })
  })
})

export const startCooperation: Command.Command = {
  _tag: "StartCooperation",
  compelled: false,
  cooperation: decode(Cooperation, { id: "coop-1", serviceId: "service-1", personId: "person-1", startedAt: NOW })
}

export const addStep = (takenBy: "person" | "worker" | "together" | "other"): Command.Command => ({
  _tag: "AddPlanStep",
  planId: decode(PlanId, "plan-1"),
  goalId: decode(GoalId, "goal-1"),
  step: decode(PlanStep, { id: "step-1", description: "Zavolat věřiteli a domluvit splátkový kalendář", takenBy })
})

export const chargeFee = (amountMinor: number): Command.Command => ({
  _tag: "ChargeFee",
  serviceId: decode(ServiceId, "service-1"),
  amountMinor,
  currency: "CZK"
})

export const registerService = (
  principles: ReadonlyArray<string>,
  freeOfCharge = true,
  type = "debt-counselling"
): Command.Command => ({
  _tag: "RegisterService",
  service: decode(Service, {
    id: "service-1",
    organisationId: "org-1",
    type,
    name: "Dluhová poradna",
    targetGroup: { description: "Dospělí v dluzích", ageRange: { min: 18, max: 150 } },
    localities: [],
    principles,
    freeOfCharge,
    firstContactChannels: [],
    registeredAt: NOW
  })
})

export const recordOutcome = (indicator: string, personParticipated: boolean): Command.Command => ({
  _tag: "RecordOutcome",
  measurement: decode(OutcomeMeasurement, {
    id: "measurement-1",
    personId: "person-1",
    serviceId: "service-1",
    indicator,
    at: NOW,
    value: indicator === "competent-and-active" ? { _tag: "Ladder", value: 3 } : { _tag: "YesNo", value: true },
    recordedBy: "worker-1",
    personParticipated
  })
})

let nextContact = 0

/** A contact at `at` with the given interventions and mode. */
export const contact = (
  at: string,
  interventions: ReadonlyArray<string>,
  mode: "individual" | "group" = "individual"
): Contact =>
  decode(Contact, {
    id: `contact-${++nextContact}`,
    serviceId: "service-1",
    at,
    durationMinutes: 60,
    locationKind: "office",
    channel: "in-person",
    workers: ["worker-1"],
    participants: mode === "individual" ? ["person-1"] : ["person-1", "person-2"],
    anonymousCount: 0,
    interventions,
    firstContact: false,
    mode
  })

export const recordContact = (interventions: ReadonlyArray<string>, mode: "individual" | "group"): Command.Command => ({
  _tag: "RecordContact",
  contact: contact(NOW, interventions, mode)
})

type Step = { readonly takenBy: "person" | "worker" | "together" | "other"; readonly doneAt?: string }

/** A plan with one goal (achieved at `achievedAt`, if given) and the given steps. */
export const plan = (steps: ReadonlyArray<Step>, achievedAt?: string): IndividualPlan =>
  decode(IndividualPlan, {
    id: "plan-1",
    personId: "person-1",
    serviceId: "service-1",
    createdAt: "2026-01-01T00:00:00.000Z",
    goals: [{
      id: "goal-1",
      inPersonsWords: "Chci mít přehled o svých dluzích",
      status: achievedAt === undefined ? "open" : "achieved",
      ...(achievedAt === undefined ? {} : { achievedAt }),
      steps: steps.map((s, i) => ({
        id: `step-${i}`,
        description: "Krok",
        takenBy: s.takenBy,
        ...(s.doneAt === undefined ? {} : { doneAt: s.doneAt })
      }))
    }],
    reviews: []
  })
