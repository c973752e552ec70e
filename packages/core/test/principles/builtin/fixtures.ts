/**
 * Fixed facts and commands for the built-in rules' unit tests, built by decoding wire values so
 * they are exactly what the case-work API would pass.
 */
import { DateTime, Schema } from "effect"
import type { Command } from "../../../src/Command.js"
import type { Facts, PersonFacts, ServiceFacts } from "../../../src/Facts.js"
import { Consent, Disclosure } from "../../../src/model/Consent.js"
import { Contact } from "../../../src/model/Contact.js"
import { Cooperation } from "../../../src/model/Cooperation.js"
import { Service } from "../../../src/model/Directory.js"
import { ConsentId, CooperationId, PersonId, PlanId, ServiceId } from "../../../src/model/Ids.js"
import { OutcomeMeasurement } from "../../../src/model/Outcome.js"
import { Person } from "../../../src/model/Person.js"
import { Goal, IndividualPlan, PlanStep } from "../../../src/model/Plan.js"
import { Referral } from "../../../src/model/Referral.js"

export const decode = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  wire: unknown
): S["Type"] => Schema.decodeUnknownSync(schema as never)(wire)

/** Deep-freezes a value, so a rule that writes to its facts throws. */
export const deepFreeze = <A>(value: A): A => {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

export const NOW = "2026-06-01T12:00:00.000Z"
export const now = DateTime.makeUnsafe(NOW)
export const personId = decode(PersonId, "person-1")
export const otherPersonId = decode(PersonId, "person-2")
export const serviceId = decode(ServiceId, "service-1")
export const planId = decode(PlanId, "plan-1")

export const club: ServiceFacts = {
  id: "service-1",
  type: "low-threshold-club",
  principles: ["low-threshold", "voluntariness", "independence", "equality", "respect-for-uniqueness"],
  freeOfCharge: true,
  ageRange: { min: 6, max: 26 },
  acceptsAnonymous: true,
  requiresIdentity: false,
  config: {}
}

export const debtCounselling: ServiceFacts = {
  id: "service-1",
  type: "debt-counselling",
  principles: [
    "confidentiality",
    "voluntariness",
    "individual-approach",
    "equality",
    "empowerment",
    "active-cooperation",
    "free-of-charge"
  ],
  freeOfCharge: true,
  ageRange: { min: 18, max: 150 },
  acceptsAnonymous: false,
  requiresIdentity: true,
  config: {}
}

export const person: PersonFacts = {
  id: "person-1",
  identityLevel: "pseudonymous",
  ageBand: "15-17",
  gender: "not-stated",
  needs: [],
  protected: {},
  situation: {}
}

export const facts = (overrides: Partial<Facts> = {}): Facts =>
  deepFreeze({
    now,
    actor: { id: "worker-1", role: "worker" },
    service: club,
    person,
    consents: [],
    ...overrides
  })

export const party = { kind: "organisation", name: "Debt advice centre" } as const
export const authority = { kind: "authority", name: "Child protection authority" } as const

export const consent = (fields: {
  readonly id?: string
  readonly personId?: string
  readonly purpose: string
  readonly grantee?: { readonly kind: string; readonly name: string }
  readonly validFrom?: string
  readonly validUntil?: string
  readonly withdrawnAt?: string
}): Consent =>
  decode(Consent, {
    id: fields.id ?? "consent-1",
    personId: fields.personId ?? "person-1",
    serviceId: "service-1",
    purpose: fields.purpose,
    grantee: fields.grantee ?? party,
    validFrom: fields.validFrom ?? "2026-01-01T00:00:00.000Z",
    ...(fields.validUntil === undefined ? {} : { validUntil: fields.validUntil }),
    givenAt: "2026-01-01T00:00:00.000Z",
    form: "written",
    recordedBy: "worker-1",
    ...(fields.withdrawnAt === undefined ? {} : { withdrawnAt: fields.withdrawnAt })
  })

const personWire = (level: "anonymous" | "pseudonymous" | "identified") => ({
  _tag: level,
  id: "person-1",
  serviceId: "service-1",
  sharedWith: [],
  ageBand: "15-17",
  gender: "male",
  needs: [],
  registeredAt: NOW,
  ...(level === "anonymous" ? {} : { nickname: "Liška" }),
  ...(level === "identified" ? { givenName: "Jana", contactDetails: {} } : {})
})

export const registerPerson = (level: "anonymous" | "pseudonymous" | "identified"): Command => ({
  _tag: "RegisterPerson",
  person: decode(Person, personWire(level))
})

export const changeIdentity = (
  from: "anonymous" | "pseudonymous" | "identified",
  to: "anonymous" | "pseudonymous" | "identified"
): Command => ({
  _tag: "ChangeIdentityLevel",
  personId,
  from,
  to,
  person: decode(Person, personWire(to))
})

export const registerService = (
  fields: { readonly principles: ReadonlyArray<string>; readonly freeOfCharge?: boolean }
): Command => ({
  _tag: "RegisterService",
  service: decode(Service, {
    id: "service-1",
    organisationId: "org-1",
    type: "low-threshold-club",
    name: "Klub Kotelna",
    targetGroup: { description: "children and youth 6–26", ageRange: { min: 6, max: 26 } },
    localities: [],
    principles: fields.principles,
    freeOfCharge: fields.freeOfCharge ?? true,
    firstContactChannels: [],
    registeredAt: NOW
  })
})

export const recordContact = (
  fields: { readonly participants?: ReadonlyArray<string>; readonly anonymousCount?: number } = {}
): Command => ({
  _tag: "RecordContact",
  contact: decode(Contact, {
    id: "contact-1",
    serviceId: "service-1",
    at: NOW,
    durationMinutes: 30,
    locationKind: "club-premises",
    channel: "in-person",
    workers: ["worker-1"],
    participants: fields.participants ?? [],
    anonymousCount: fields.anonymousCount ?? 3,
    interventions: ["conversation"],
    firstContact: false,
    mode: "group"
  })
})

export const startCooperation = (compelled: boolean): Command => ({
  _tag: "StartCooperation",
  compelled,
  cooperation: decode(Cooperation, { id: "coop-1", serviceId: "service-1", personId: "person-1", startedAt: NOW })
})

export const endCooperation = (reason?: string): Command => ({
  _tag: "EndCooperation",
  cooperationId: decode(CooperationId, "coop-1"),
  endedBy: "person",
  ...(reason === undefined ? {} : { reason })
})

export const withdrawConsent: Command = { _tag: "WithdrawConsent", consentId: decode(ConsentId, "consent-1") }

export const disclose = (
  basis: { readonly _tag: "Consent"; readonly consentId: string } | {
    readonly _tag: "LegalDuty"
    readonly legalGround: string
    readonly decidedBy: string
  },
  fields: {
    readonly purpose?: string
    readonly at?: string
    readonly recipient?: { readonly kind: string; readonly name: string }
  } = {}
): Command => ({
  _tag: "Disclose",
  disclosure: decode(Disclosure, {
    id: "disclosure-1",
    personId: "person-1",
    serviceId: "service-1",
    recipient: fields.recipient ?? party,
    purpose: fields.purpose ?? "disclosure",
    at: fields.at ?? NOW,
    basis,
    disclosedBy: "worker-1"
  })
})

export const refer = (to: { readonly kind: string; readonly name: string } = party): Command => ({
  _tag: "Refer",
  referral: decode(Referral, {
    id: "referral-1",
    personId: "person-1",
    fromServiceId: "service-1",
    to,
    purpose: "debt-advice",
    consentId: "consent-1",
    history: [{ status: "requested", at: NOW, by: "worker-1" }]
  })
})

export const step = (takenBy: "person" | "worker" | "together" | "other", id = "step-1") =>
  decode(PlanStep, { id, description: "Zavolat věřiteli", takenBy })

export const goal = (steps: ReadonlyArray<ReturnType<typeof step>>) =>
  decode(Goal, {
    id: "goal-1",
    inPersonsWords: "Chci splatit dluhy",
    status: "open",
    steps: steps.map((s) => Schema.encodeSync(PlanStep)(s))
  })

export const createPlan = (
  fields: { readonly personId?: string; readonly goals?: ReadonlyArray<ReturnType<typeof goal>> } = {}
): Command => ({
  _tag: "CreatePlan",
  plan: decode(IndividualPlan, {
    id: "plan-1",
    personId: fields.personId ?? "person-1",
    serviceId: "service-1",
    createdAt: NOW,
    goals: (fields.goals ?? []).map((g) => Schema.encodeSync(Goal)(g)),
    reviews: []
  })
})

export const recordOutcome = (
  fields: { readonly personId?: string; readonly personParticipated?: boolean } = {}
): Command => ({
  _tag: "RecordOutcome",
  measurement: decode(OutcomeMeasurement, {
    id: "measurement-1",
    personId: fields.personId ?? "person-1",
    serviceId: "service-1",
    indicator: "client-informed",
    at: NOW,
    value: { _tag: "YesNo", value: true },
    recordedBy: "worker-1",
    personParticipated: fields.personParticipated ?? true
  })
})
