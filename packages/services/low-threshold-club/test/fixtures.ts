/**
 * Facts and commands for the club's rule tests, decoded from wire values so they are what the
 * case-work API would pass.
 */
import { type AgeBand, type Command, Contact, Cooperation, type Facts, Person, Service, ServiceId } from "@pomoc/core"
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

export const clubPrinciples = ["low-threshold", "voluntariness", "independence", "equality", "respect-for-uniqueness"]

export const clubService: Facts.ServiceFacts = {
  id: "service-1",
  type: "low-threshold-club",
  principles: clubPrinciples,
  freeOfCharge: true,
  acceptsAnonymous: true,
  requiresIdentity: false,
  config: {}
}

export const personFacts = (ageBand: AgeBand): Facts.PersonFacts => ({
  id: "person-1",
  identityLevel: "pseudonymous",
  ageBand,
  gender: "not-stated",
  needs: [],
  protected: {},
  situation: {}
})

export const facts = (overrides: Partial<Facts.Facts> = {}): Facts.Facts => ({
  now,
  actor: { id: "worker-1", role: "worker" },
  service: clubService,
  person: personFacts("15-17"),
  consents: [],
  ...overrides
})

export const assessEligibility: Command.Command = {
  _tag: "AssessEligibility",
  serviceId: decode(ServiceId, "service-1")
}

export const registerPerson = (
  level: "anonymous" | "pseudonymous" | "identified",
  ageBand: AgeBand = "15-17"
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
    ...(level === "anonymous" ? {} : { nickname: "Liška" }),
    ...(level === "identified" ? { givenName: "Jana", contactDetails: {} } : {})
  })
})

export const startCooperation: Command.Command = {
  _tag: "StartCooperation",
  compelled: false,
  cooperation: decode(Cooperation, { id: "coop-1", serviceId: "service-1", personId: "person-1", startedAt: NOW })
}

export const chargeFee = (amountMinor: number): Command.Command => ({
  _tag: "ChargeFee",
  serviceId: decode(ServiceId, "service-1"),
  amountMinor,
  currency: "CZK"
})

export const registerService = (type: string, principles: ReadonlyArray<string>): Command.Command => ({
  _tag: "RegisterService",
  service: decode(Service, {
    id: "service-1",
    organisationId: "org-1",
    type,
    name: "Klub",
    targetGroup: { description: "Děti a mládež" },
    localities: [],
    principles,
    freeOfCharge: true,
    firstContactChannels: [],
    registeredAt: NOW
  })
})

let nextContact = 0

/** A contact at `at` with the given interventions (one anonymous participant). */
export const contact = (at: string, interventions: ReadonlyArray<string> = ["contact"]): Contact =>
  decode(Contact, {
    id: `contact-${++nextContact}`,
    serviceId: "service-1",
    at,
    durationMinutes: 30,
    locationKind: "club-premises",
    channel: "in-person",
    workers: ["worker-1"],
    participants: [],
    anonymousCount: 1,
    interventions,
    firstContact: false,
    mode: "individual"
  })
