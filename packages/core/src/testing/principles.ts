/**
 * fast-check arbitraries of the facts and commands that principles' rules see, and a property
 * that proves rules read only the facts they declare. For testing rules: core's own, and every
 * plugin's.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as fc from "fast-check"
import type { Command, CommandTag } from "../Command.js"
import { commandTags } from "../Command.js"
import type { Facts, PersonFacts, ServiceFacts } from "../Facts.js"
import { Activity, Volunteer, VolunteerHours } from "../model/Activity.js"
import { StaffMember } from "../model/Actor.js"
import { Party } from "../model/Common.js"
import { Disclosure } from "../model/Consent.js"
import { Contact } from "../model/Contact.js"
import { Cooperation } from "../model/Cooperation.js"
import { Location, Organisation, Service } from "../model/Directory.js"
import {
  ActivityId,
  ConsentId,
  CooperationId,
  GoalId,
  PersonId,
  PlanId,
  ReferralId,
  ServiceId,
  StepId
} from "../model/Ids.js"
import { OutcomeMeasurement } from "../model/Outcome.js"
import { Person } from "../model/Person.js"
import { Goal, IndividualPlan, PlanReview, PlanStep } from "../model/Plan.js"
import { Funding, Program } from "../model/Program.js"
import { Referral } from "../model/Referral.js"
import { corePrincipleIds } from "../principles/builtin/index.js"
import type { Explanation } from "../principles/Decision.js"
import type { Engine } from "../principles/Engine.js"
import * as ProtectedAttributes from "../principles/ProtectedAttributes.js"
import { type AnyCommand, appliesTo, type Rule, traceReads } from "../principles/Rule.js"
import {
  arbActivity,
  arbCode,
  arbContact,
  arbCooperation,
  arbDisclosure,
  arbFunding,
  arbGoal,
  arbId,
  arbIdentifiedPerson,
  arbIndividualPlan,
  arbLocation,
  arbOrganisation,
  arbOutcomeMeasurement,
  arbPerson,
  arbPlanReview,
  arbPlanStep,
  arbProgram,
  arbReferral,
  arbService,
  arbShortText,
  arbStaffMember,
  arbVolunteer,
  arbVolunteerHours,
  decoded
} from "./arbitraries.js"
import { arbCoreFacts, arbFactsConsent } from "./facts.js"
import {
  arbStepActor,
  consentIdWire,
  id,
  partyWire,
  personIdWire,
  purposeWire,
  serviceIdWire
} from "./internal/wires.js"

const withPerson = <T extends { readonly personId: string }>(wire: fc.Arbitrary<T>) =>
  fc.tuple(wire, personIdWire).map(([value, personId]) => ({ ...value, personId }))

const correctionTags = [
  "CorrectContact",
  "CorrectPerson",
  "CorrectActivity",
  "CorrectLocation",
  "CorrectService",
  "CorrectOrganisation"
] as const
const correctionArbitraries = Object.fromEntries(correctionTags.map((tag) => [
  tag,
  fc.record({
    kind: fc.constantFrom("contact", "person", "activity", "location", "service", "organisation"),
    id: arbId
  }).map((
    fields
  ) => ({ _tag: tag, ...fields }))
])) as { readonly [K in (typeof correctionTags)[number]]: fc.Arbitrary<Extract<Command, { readonly _tag: K }>> }

const arbitraryByTag: { readonly [K in CommandTag]: fc.Arbitrary<Extract<Command, { readonly _tag: K }>> } = {
  RegisterOrganisation: decoded(arbOrganisation, Organisation).map((organisation) => ({
    _tag: "RegisterOrganisation",
    organisation
  })),
  RegisterService: decoded(
    fc.tuple(arbService, fc.subarray([...corePrincipleIds]), fc.boolean()).map((
      [service, principles, freeOfCharge]
    ) => ({
      ...service,
      principles,
      freeOfCharge
    })),
    Service
  ).map((service) => ({ _tag: "RegisterService", service })),
  RegisterLocation: decoded(arbLocation, Location).map((location) => ({ _tag: "RegisterLocation", location })),
  RegisterProgram: decoded(arbProgram, Program).map((program) => ({ _tag: "RegisterProgram", program })),
  RegisterFunding: decoded(arbFunding, Funding).map((funding) => ({ _tag: "RegisterFunding", funding })),
  RegisterPerson: decoded(fc.tuple(arbPerson, personIdWire).map(([p, personId]) => ({ ...p, id: personId })), Person)
    .map((person) => ({ _tag: "RegisterPerson", person })),
  ChangeIdentityLevel: fc
    .record({
      personId: id(personIdWire, PersonId),
      from: fc.constantFrom("anonymous" as const, "pseudonymous" as const, "identified" as const),
      to: fc.constantFrom("anonymous" as const, "pseudonymous" as const, "identified" as const),
      person: decoded(arbPerson, Person)
    })
    .map((fields) => ({ _tag: "ChangeIdentityLevel", ...fields })),
  RecordContact: decoded(arbContact, Contact).map((contact) => ({ _tag: "RecordContact", contact })),
  AssessEligibility: fc
    .record({ serviceId: id(serviceIdWire, ServiceId), personId: id(personIdWire, PersonId) }, {
      requiredKeys: ["serviceId"]
    })
    .map((fields) => ({ _tag: "AssessEligibility", ...fields })),
  StartCooperation: fc
    .record({ cooperation: decoded(withPerson(arbCooperation), Cooperation), compelled: fc.boolean() })
    .map((fields) => ({ _tag: "StartCooperation", ...fields })),
  EndCooperation: fc
    .record(
      {
        cooperationId: id(arbId, CooperationId),
        endedBy: fc.constantFrom("person" as const, "service" as const),
        reason: arbCode
      },
      { requiredKeys: ["cooperationId", "endedBy"] }
    )
    .map((fields) => ({ _tag: "EndCooperation", ...fields })),
  GiveConsent: arbFactsConsent.map((consent) => ({ _tag: "GiveConsent", consent })),
  WithdrawConsent: id(consentIdWire, ConsentId).map((consentId) => ({ _tag: "WithdrawConsent", consentId })),
  Disclose: decoded(
    fc.tuple(withPerson(arbDisclosure), partyWire, purposeWire, consentIdWire, fc.boolean()).map((
      [disclosure, recipient, purpose, consentId, byConsent]
    ) => ({
      ...disclosure,
      recipient,
      purpose,
      basis: byConsent ? { _tag: "Consent" as const, consentId } : disclosure.basis
    })),
    Disclosure
  ).map((disclosure) => ({ _tag: "Disclose", disclosure })),
  Refer: decoded(
    fc.tuple(withPerson(arbReferral), partyWire, consentIdWire).map(([referral, to, consentId]) => ({
      ...referral,
      to,
      consentId
    })),
    Referral
  ).map((referral) => ({ _tag: "Refer", referral })),
  UpdateReferral: fc
    .record(
      {
        referralId: id(arbId, ReferralId),
        status: fc.constantFrom(
          "requested" as const,
          "accepted" as const,
          "rejected" as const,
          "done" as const,
          "revoked" as const
        ),
        reason: arbShortText
      },
      { requiredKeys: ["referralId", "status"] }
    )
    .map((fields) => ({ _tag: "UpdateReferral", ...fields })),
  CreatePlan: decoded(withPerson(arbIndividualPlan), IndividualPlan).map((plan) => ({ _tag: "CreatePlan", plan })),
  AddGoal: fc
    .record({ planId: id(arbId, PlanId), goal: decoded(arbGoal, Goal) })
    .map((fields) => ({ _tag: "AddGoal", ...fields })),
  AddPlanStep: fc
    .record({ planId: id(arbId, PlanId), goalId: id(arbId, GoalId), step: decoded(arbPlanStep, PlanStep) })
    .map((fields) => ({ _tag: "AddPlanStep", ...fields })),
  SetGoalStatus: fc
    .record({
      planId: id(arbId, PlanId),
      goalId: id(arbId, GoalId),
      status: fc.constantFrom("open" as const, "achieved" as const, "abandoned" as const),
      personParticipated: fc.boolean()
    })
    .map((fields) => ({ _tag: "SetGoalStatus", ...fields })),
  ReviewPlan: fc
    .record({ planId: id(arbId, PlanId), review: decoded(arbPlanReview, PlanReview) })
    .map((fields) => ({ _tag: "ReviewPlan", ...fields })),
  CompleteStep: fc
    .record({ planId: id(arbId, PlanId), stepId: id(arbId, StepId), takenBy: arbStepActor, doneBy: arbStepActor })
    .map((fields) => ({ _tag: "CompleteStep", ...fields })),
  EditStep: fc
    .record({
      planId: id(arbId, PlanId),
      stepId: id(arbId, StepId),
      takenByBefore: arbStepActor,
      takenBy: arbStepActor
    })
    .map((fields) => ({ _tag: "EditStep", ...fields })),
  AbandonStep: fc
    .record({ planId: id(arbId, PlanId), stepId: id(arbId, StepId), takenBy: arbStepActor })
    .map((fields) => ({ _tag: "AbandonStep", ...fields })),
  EditGoal: fc
    .record({ planId: id(arbId, PlanId), goalId: id(arbId, GoalId), indicator: arbCode }, {
      requiredKeys: ["planId", "goalId"]
    })
    .map((fields) => ({ _tag: "EditGoal", ...fields })),
  ClosePlan: fc
    .record({ planId: id(arbId, PlanId), personParticipated: fc.boolean() })
    .map((fields) => ({ _tag: "ClosePlan", ...fields })),
  RecordOutcome: decoded(withPerson(arbOutcomeMeasurement), OutcomeMeasurement).map((measurement) => ({
    _tag: "RecordOutcome",
    measurement
  })),
  DeriveOutcomes: fc
    .tuple(
      id(serviceIdWire, ServiceId),
      id(personIdWire, PersonId),
      fc.array(decoded(withPerson(arbOutcomeMeasurement), OutcomeMeasurement), { maxLength: 3 })
    )
    .map(([serviceId, personId, measurements]) => ({ _tag: "DeriveOutcomes", serviceId, personId, measurements })),
  RecordActivity: decoded(arbActivity, Activity).map((activity) => ({ _tag: "RecordActivity", activity })),
  RecordAttendance: fc
    .record({
      activityId: id(arbId, ActivityId),
      attendees: fc.uniqueArray(id(personIdWire, PersonId), { maxLength: 4 }),
      anonymousAttendance: fc.nat(50)
    })
    .map((fields) => ({ _tag: "RecordAttendance", ...fields })),
  RegisterVolunteer: decoded(arbVolunteer, Volunteer).map((volunteer) => ({ _tag: "RegisterVolunteer", volunteer })),
  RecordVolunteerHours: decoded(arbVolunteerHours, VolunteerHours).map((hours) => ({
    _tag: "RecordVolunteerHours",
    hours
  })),
  ChargeFee: fc
    .record(
      {
        serviceId: id(serviceIdWire, ServiceId),
        personId: id(personIdWire, PersonId),
        amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
        currency: fc.constantFrom("CZK", "EUR", "BGN")
      },
      { requiredKeys: ["serviceId", "amountMinor", "currency"] }
    )
    .map((fields) => ({ _tag: "ChargeFee", ...fields })),
  RecordNeed: fc
    .record({
      personId: id(personIdWire, PersonId),
      need: arbCode,
      source: fc.constantFrom("person" as const, "worker-assessment" as const, "group-membership" as const)
    })
    .map((fields) => ({ _tag: "RecordNeed", ...fields })),
  PublishReport: fc
    .record({
      serviceId: id(serviceIdWire, ServiceId),
      report: arbCode,
      recipient: decoded(partyWire, Party),
      smallestCell: fc.nat(100)
    })
    .map((fields) => ({ _tag: "PublishReport", ...fields })),
  ErasePerson: id(personIdWire, PersonId).map((personId) => ({ _tag: "ErasePerson", personId })),
  AnswerReferral: fc
    .record(
      {
        referralId: id(arbId, ReferralId),
        status: fc.constantFrom("accepted" as const, "rejected" as const, "done" as const),
        reason: arbShortText
      },
      { requiredKeys: ["referralId", "status"] }
    )
    .map((fields) => ({ _tag: "AnswerReferral", ...fields })),
  SharePerson: fc
    .record({
      personId: id(personIdWire, PersonId),
      serviceId: id(serviceIdWire, ServiceId),
      consentId: id(consentIdWire, ConsentId)
    })
    .map((fields) => ({ _tag: "SharePerson", ...fields })),
  SetupAdministrator: decoded(arbStaffMember, StaffMember).map((member) => ({ _tag: "SetupAdministrator", member })),
  SetStaff: fc.tuple(
    decoded(arbStaffMember, StaffMember),
    fc.option(decoded(arbStaffMember, StaffMember), { nil: undefined })
  )
    .map(([member, before]) => ({ _tag: "SetStaff", member, before })),
  ...correctionArbitraries,
  VoidRecord: fc
    .record({
      kind: fc.constantFrom(
        "contact" as const,
        "activity" as const,
        "measurement" as const,
        "volunteer-hours" as const
      ),
      id: arbId,
      reason: fc.constantFrom(
        "entered-in-error" as const,
        "duplicate" as const,
        "wrong-person" as const,
        "wrong-service" as const,
        "test-record" as const
      )
    })
    .map((fields) => ({ _tag: "VoidRecord", ...fields }))
}

/**
 * A core command with one of the given tags (default: every core command).
 * @since 0.1.0
 * @category constructors
 */
export const arbCoreCommand = (tags: ReadonlyArray<CommandTag> = commandTags): fc.Arbitrary<Command> =>
  fc.oneof(...tags.map((tag) => arbitraryByTag[tag] as fc.Arbitrary<Command>))

/**
 * A core command with the given tag.
 * @since 0.1.0
 * @category constructors
 */
export const arbCommandOf = <K extends CommandTag>(tag: K): fc.Arbitrary<Extract<Command, { readonly _tag: K }>> =>
  arbitraryByTag[tag]

/**
 * A rule read a fact it did not declare, or changed the facts.
 * @since 0.1.0
 * @category errors
 */
export class UndeclaredRead extends Error {
  override readonly name = "UndeclaredRead"
  constructor(readonly rule: string, readonly command: string, readonly paths: ReadonlyArray<string>) {
    super(
      `Rule "${rule}" read ${paths.map((p) => `"${p}"`).join(", ")} on ${command} without declaring it in \`reads\``
    )
  }
}

/**
 * A property that every given rule, run through `traceReads` on generated commands of the tags
 * it applies to and generated facts, reads only facts it declared (and never writes to them).
 * Run it with `fc.assert`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Principles } from "@pomoc/core"
 * import { arbCoreCommand, arbCoreFacts, declaredReadsProperty } from "@pomoc/core/testing"
 * fc.assert(declaredReadsProperty(Principles.coreRules, { commands: arbCoreCommand(), facts: arbCoreFacts }))
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const declaredReadsProperty = <Cmd extends AnyCommand, F>(
  rules: ReadonlyArray<Rule<Cmd, F>>,
  arbitraries: { readonly commands: fc.Arbitrary<Cmd>; readonly facts: fc.Arbitrary<F> },
  options: { readonly protectedAttributes?: ProtectedAttributes.ProtectedAttributes } = {}
): fc.IPropertyWithHooks<[Cmd, F]> =>
  fc.property(arbitraries.commands, arbitraries.facts, (command, facts) => {
    for (const rule of rules) {
      if (!appliesTo(rule, command._tag)) continue
      const trace = traceReads(rule, command, facts, options)
      if (trace.undeclared.length > 0) throw new UndeclaredRead(rule.id, command._tag, trace.undeclared)
    }
  })

/**
 * A rule refused the anonymous or pseudonymous form of a command in a low-threshold service
 * while it accepted the identified form: it makes identity mandatory.
 * @since 0.1.0
 * @category errors
 */
export class IdentityMadeMandatory extends Error {
  override readonly name = "IdentityMadeMandatory"
  constructor(
    readonly rule: string,
    readonly command: string,
    readonly identityLevel: string,
    readonly verdict: string
  ) {
    super(
      `Rule "${rule}" said ${verdict} to the ${identityLevel} form of ${command} in a low-threshold service but accepted ` +
        "the identified form: a low-threshold service accepts anonymous and pseudonymous people"
    )
  }
}

const restricts = (tag: string): boolean => tag === "Deny" || tag === "Require"

const compareIdentity = (command: string, level: string, identified: Explanation, other: Explanation): void => {
  for (const step of other.steps) {
    if (!restricts(step.verdict._tag)) continue
    const reference = identified.steps.find((s) => s.rule === step.rule)
    if (reference === undefined || !restricts(reference.verdict._tag)) {
      throw new IdentityMadeMandatory(step.rule, command, level, step.verdict._tag)
    }
  }
}

/**
 * The low-threshold property: in a service that binds low threshold (accepting anonymous
 * people, not requiring identity), no rule denies or requires anything of registering an
 * anonymous or pseudonymous person, or of recording a contact with an anonymous participant,
 * unless it does the same to the identified form of the command. Fails with
 * {@link IdentityMadeMandatory}. Run it with `fc.assert`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { lowThresholdProperty } from "@pomoc/core/testing"
 * fc.assert(lowThresholdProperty(engineWithMyPlugin))
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const lowThresholdProperty = <Cmd extends AnyCommand = Command, F extends Facts = Facts>(
  engine: Engine<Cmd, F>,
  arbitraries: { readonly facts?: fc.Arbitrary<F> } = {}
): fc.IPropertyWithHooks<[typeof Person.Encoded, Contact, F]> =>
  fc.property(
    fc.tuple(arbIdentifiedPerson, personIdWire).map(([p, personId]) => ({ ...p, id: personId })),
    decoded(arbContact, Contact),
    arbitraries.facts ?? (arbCoreFacts as fc.Arbitrary<F>),
    (identifiedWire, contact, original) => {
      const service: ServiceFacts = {
        ...original.service,
        principles: [...original.service.principles.filter((p) => p !== "low-threshold"), "low-threshold"],
        acceptsAnonymous: true,
        requiresIdentity: false
      }
      const base = { ...original, service }
      const { _tag: _identified, givenName: _g, familyName: _f, nickname, contactDetails: _c, notes: _n, ...common } =
        identifiedWire as Extract<typeof Person.Encoded, { readonly _tag: "identified" }>
      const forms = {
        identified: identifiedWire,
        pseudonymous: { ...common, _tag: "pseudonymous", nickname: nickname ?? "Liška" },
        anonymous: { ...common, _tag: "anonymous" }
      } as const
      const explain = (command: Command, facts: F): Explanation => engine.explain(command as unknown as Cmd, facts)
      const register = (level: keyof typeof forms): Explanation => {
        const person = Schema.decodeUnknownSync(Person)(forms[level])
        const personFacts: PersonFacts = {
          ...(original.person ?? { needs: [], protected: {}, situation: {} }),
          id: person.id,
          identityLevel: level,
          ageBand: person.ageBand,
          gender: person.gender
        }
        return explain({ _tag: "RegisterPerson", person }, { ...base, person: personFacts })
      }
      const identified = register("identified")
      compareIdentity("RegisterPerson", "pseudonymous", identified, register("pseudonymous"))
      compareIdentity("RegisterPerson", "anonymous", identified, register("anonymous"))

      const known = new Contact({
        ...contact,
        mode: "individual",
        participants: [common.id as PersonId],
        anonymousCount: 0
      })
      const unknown = new Contact({ ...contact, mode: "individual", participants: [], anonymousCount: 1 })
      const { person: _person, ...withoutPerson } = base
      const knownFacts = {
        ...base,
        person: {
          ...(original.person ??
            { needs: [], protected: {}, situation: {}, ageBand: "not-stated", gender: "not-stated" }),
          id: common.id,
          identityLevel: "identified"
        }
      } as F
      compareIdentity(
        "RecordContact",
        "anonymous",
        explain({ _tag: "RecordContact", contact: known }, knownFacts),
        explain({ _tag: "RecordContact", contact: unknown }, withoutPerson as F)
      )
    }
  )
