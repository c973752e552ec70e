/**
 * The case-work API: what NGO developers call. Every write takes one road:
 *
 * ```
 * unknown input → decode → authorise the actor → gather facts → principles → persist + audit (one commit) → result
 * ```
 *
 * A refused command stores nothing and says why. Reads of identified people are audited.
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer, Option, Result, Schema } from "effect"
import * as Access from "../access/Access.js"
import type { AccessDenied } from "../access/Access.js"
import * as Audit from "../Audit.js"
import type * as CommandTypes from "../Command.js"
import type { Command } from "../Command.js"
import { decoder, type InvalidInput } from "../Decode.js"
import type { Facts, PersonFacts, PlanFacts, ServiceFacts } from "../Facts.js"
import { Activity, Volunteer, VolunteerHours } from "../model/Activity.js"
import { Actor } from "../model/Actor.js"
import { Consent, Disclosure } from "../model/Consent.js"
import { Contact } from "../model/Contact.js"
import { Cooperation } from "../model/Cooperation.js"
import { Location, Organisation, Service } from "../model/Directory.js"
import * as Ids from "../model/Ids.js"
import * as LegalGround from "../model/LegalGround.js"
import { OutcomeIndicator, OutcomeMeasurement, fitsScale } from "../model/Outcome.js"
import type { IndicatorOf, Plugins } from "../plugins/Plugin.js"
import type { ContactInput, Registry } from "../plugins/Registry.js"
import * as Report from "../reports/Report.js"
import type { InvalidReport, ReportDefinition } from "../reports/Report.js"
import { Party, Timestamp } from "../model/Common.js"
import { IdentifiedPerson, Person, PseudonymousPerson } from "../model/Person.js"
import { Goal, IndividualPlan, PlanReview, PlanStep } from "../model/Plan.js"
import { Referral, ReferralStatus, needsReason, status as referralStatus, transitions } from "../model/Referral.js"
import type { Engine } from "../principles/Engine.js"
import type { Decision } from "../principles/Decision.js"
import * as Erasure from "../privacy/Erasure.js"
import { FieldCrypto, type DecryptionFailed, type EncryptionFailed } from "../privacy/FieldCrypto.js"
import * as Vault from "../privacy/Vault.js"
import * as SubjectAccess from "../privacy/SubjectAccess.js"
import * as StoreModule from "../Store.js"
import { Store, type RecordKind, type StoreError, type StoredRecord } from "../Store.js"
import { CommandRefused, InvalidCommand, NotFound } from "./Errors.js"
import { historyEntries } from "../model/Entity.js"
import { mappings, toWrite, type Mapping } from "./Records.js"

/**
 * What a service type (a plugin) tells the API: its taxonomies, to check codes against, and
 * its outcome indicators.
 * @since 0.1.0
 * @category models
 */
export interface ServiceTypeInfo {
  readonly interventions: ReadonlySet<string>
  readonly channels: ReadonlySet<string>
  readonly firstContactChannels: ReadonlySet<string>
  /** The need codes a person of this type's services may have (unchecked when absent). */
  readonly needs?: ReadonlySet<string>
  /** The place types a contact of this type's services may happen at (unchecked when absent). */
  readonly locationKinds?: ReadonlySet<string>
  readonly indicators: ReadonlyMap<string, OutcomeIndicator>
  /** Does the type accept anonymous and nicknamed people (low-threshold)? */
  readonly acceptsAnonymous: boolean
}

/**
 * The configuration of the case-work API: the principles engine (core rules plus the plugins'
 * rules) and the service types the plugins define.
 * @since 0.1.0
 * @category models
 */
export interface Config {
  readonly engine: Engine<Command, Facts>
  readonly serviceTypes: ReadonlyMap<string, ServiceTypeInfo>
  /**
   * The report definitions callers may run, by qualified id (`<service type>/<report id>`). A
   * caller may name a report by its plain id when it names the service too.
   */
  readonly reports?: ReadonlyMap<string, ReportDefinition>
  /**
   * Legal grounds a disclosure under a legal duty may name, besides core's (`LegalGround.builtin`)
   * and the plugins' (`Plugin.legalGrounds`, gathered by {@link configFromRegistry}).
   */
  readonly legalGrounds?: ReadonlyArray<LegalGround.LegalGroundDefinition>
}

/**
 * Every way a case-work operation can fail.
 * @since 0.1.0
 * @category errors
 */
export type CaseworkError =
  | InvalidInput
  | AccessDenied
  | CommandRefused
  | InvalidCommand
  | NotFound
  | StoreError
  | DecryptionFailed
  | EncryptionFailed
  | InvalidReport

/**
 * What a successful write returns: the stored entity and the principles' warnings.
 * @since 0.1.0
 * @category models
 */
export interface Written<A> {
  readonly value: A
  readonly warnings: ReadonlyArray<{ readonly principle: string; readonly rule: string; readonly reason: string; readonly messageKey: string }>
}

/**
 * The answer to an eligibility question, with the reasons of every rule that objected.
 * @since 0.1.0
 * @category models
 */
export interface Eligibility {
  readonly eligible: boolean
  readonly reasons: ReadonlyArray<{ readonly principle: string; readonly rule: string; readonly reason: string; readonly messageKey: string }>
  readonly warnings: ReadonlyArray<{ readonly principle: string; readonly rule: string; readonly reason: string; readonly messageKey: string }>
}

/**
 * A person's history: everything recorded about them in their service.
 * @since 0.1.0
 * @category models
 */
export type History = SubjectAccess.SubjectRecords

/**
 * A case-work operation: an actor and an input (both decoded), to a result or a typed error.
 * @since 0.1.0
 * @category models
 */
export type Op<I, A> = (actor: unknown, input: I) => Effect.Effect<A, CaseworkError>

/**
 * The operations of the case-work API. `actor` and `input` are unknown on purpose: both are
 * decoded, and bad input fails with `InvalidInput` naming every field and rule.
 * @since 0.1.0
 * @category models
 */
export interface PomocShape {
  readonly registerOrganisation: Op<unknown, Written<Organisation>>
  readonly registerService: Op<unknown, Written<Service>>
  readonly registerLocation: Op<unknown, Written<Location>>
  readonly registerPerson: Op<unknown, Written<Person>>
  /** Raise or lower a person's identity level: input `{ person }` with the new level's fields. */
  readonly changeIdentityLevel: Op<unknown, Written<Person>>
  readonly recordContact: Op<unknown, Written<Contact>>
  /**
   * Decide whether a person is eligible for a service: `{ serviceId, personId }`. An answer, not
   * a write: nothing is stored, and "not eligible" is a result with the reasons, not an error.
   * Eligibility rules never read protected attributes (the equality principle).
   */
  readonly assessEligibility: Op<unknown, Eligibility>
  /** Start a cooperation: input is a cooperation, plus `compelled` (must be false; default false). */
  readonly startCooperation: Op<unknown, Written<Cooperation>>
  /** End a cooperation: `{ cooperationId, endedBy?, reason? }`; never needs a reason. */
  readonly endCooperation: Op<unknown, Written<Cooperation>>
  readonly giveConsent: Op<unknown, Written<Consent>>
  readonly withdrawConsent: Op<unknown, Written<Consent>>
  readonly disclose: Op<unknown, Written<Disclosure>>
  readonly refer: Op<unknown, Written<Referral>>
  /** Move a referral on: `{ referralId, status, reason? }`. */
  readonly updateReferral: Op<unknown, Written<Referral>>
  readonly createPlan: Op<unknown, Written<IndividualPlan>>
  /** `{ planId, goal }` */
  readonly addGoal: Op<unknown, Written<IndividualPlan>>
  /** `{ planId, goalId, step }` */
  readonly addPlanStep: Op<unknown, Written<IndividualPlan>>
  /** `{ planId, goalId, status, personParticipated }` */
  readonly setGoalStatus: Op<unknown, Written<IndividualPlan>>
  /** `{ planId, review }` */
  readonly reviewPlan: Op<unknown, Written<IndividualPlan>>
  readonly recordOutcome: Op<unknown, Written<OutcomeMeasurement>>
  readonly recordActivity: Op<unknown, Written<Activity>>
  /** `{ activityId, attendees, anonymousAttendance }` */
  readonly recordAttendance: Op<unknown, Written<Activity>>
  readonly registerVolunteer: Op<unknown, Written<Volunteer>>
  readonly recordVolunteerHours: Op<unknown, Written<VolunteerHours>>
  /** `{ serviceId, personId?, amountMinor, currency }`: denied for a free service. */
  readonly chargeFee: Op<unknown, Written<{ readonly serviceId: string; readonly amountMinor: number }>>
  /** Read one person (an identified person's read is audited). */
  readonly getPerson: Op<string, Person>
  /** Everything recorded about a person (audited when identified). */
  readonly personHistory: Op<string, History>
  /** A person's data as a machine-readable document (GDPR Art. 15 and 20). */
  readonly exportPerson: Op<string, SubjectAccess.SubjectAccessDocument>
  /** Erase a person: their identity is gone, counts survive. */
  readonly erasePerson: Op<string, Written<Person>>
  /**
   * Run a report: `{ reportId, serviceId?, from?, to?, threshold? }`. Counts are computed in the
   * store and small counts suppressed (with complementary suppression).
   */
  readonly report: Op<unknown, Report.ReportResult>
  /**
   * Publish a report outside the service: `{ reportId, serviceId, recipient, from?, to?, threshold? }`.
   * Runs it, passes the principles and records the publication in the audit log.
   */
  readonly publishReport: Op<unknown, Written<Report.ReportResult>>
  /** Read the audit log (auditors and administrators). */
  readonly auditLog: Op<{ readonly fromSeq?: number; readonly limit?: number }, ReadonlyArray<Audit.AuditEntry>>
  /**
   * Verify the whole audit chain, page by page, against the head the store records and, when
   * given, a head kept outside the database (`{ expected: { seq, hash } }`, see
   * `Audit.formatHead`), which detects truncation and wiping.
   */
  readonly verifyAudit: Op<{ readonly expected?: Audit.Head } | undefined, Audit.Verification>
}

/**
 * A contact as the typed API takes it: codes checked at compile time against the registered
 * plugins (a misspelt intervention is a type error); the id is optional.
 * @since 0.1.0
 * @category models
 */
export type ContactOf<Ps extends Plugins> = Omit<ContactInput<Ps>, "id"> & { readonly id?: string }

/**
 * An outcome measurement as the typed API takes it: the indicator must be one the registered
 * plugins define; the id is optional.
 * @since 0.1.0
 * @category models
 */
export type MeasurementOf<Ps extends Plugins> =
  & Omit<typeof OutcomeMeasurement.Encoded, "id" | "indicator">
  & { readonly id?: string; readonly indicator: IndicatorOf<Ps> }

/**
 * The case-work API typed by the tuple of registered plugins: the same operations, with the
 * plugins' codes in the types of `recordContact` and `recordOutcome`.
 * @since 0.1.0
 * @category models
 */
export interface TypedPomoc<Ps extends Plugins> extends Omit<PomocShape, "recordContact" | "recordOutcome"> {
  /** `PomocShape.recordContact`, taking only the plugins' channels and interventions. */
  readonly recordContact: (actor: unknown, input: ContactOf<Ps>) => Effect.Effect<Written<Contact>, CaseworkError>
  /** `PomocShape.recordOutcome`, taking only the plugins' outcome indicators. */
  readonly recordOutcome: (actor: unknown, input: MeasurementOf<Ps>) => Effect.Effect<Written<OutcomeMeasurement>, CaseworkError>
}

/**
 * Views the case-work API through the types of a registry's plugins. Nothing changes at run
 * time (codes are checked there anyway); typed callers get compile errors for unknown codes.
 *
 * @example
 * ```ts
 * const registry = Registry.makeUnsafe([lowThresholdClub])
 * const pomoc = Pomoc.typed(yield* Pomoc.Pomoc, registry)
 * pomoc.recordContact(worker, { ...contact, interventions: ["crisis-intervention"] }) // ok
 * pomoc.recordContact(worker, { ...contact, interventions: ["crisis-intervension"] }) // type error
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const typed = <Ps extends Plugins>(api: PomocShape, _registry: Registry<Ps>): TypedPomoc<Ps> => api

/**
 * The case-work API as an Effect service.
 * @since 0.1.0
 * @category services
 */
export class Pomoc extends Context.Service<Pomoc, PomocShape>()("@pomoc/core/Pomoc") {}

const decodeActor = decoder(Actor, "Actor")
const decodeVerifyAudit = decoder(Schema.Struct({ expected: Schema.optional(Audit.HeadSchema) }), "VerifyAudit")
const decodeOrganisation = decoder(Organisation)
const decodeService = decoder(Service)
const decodeLocation = decoder(Location)
const decodePerson = decoder(Person, "Person")
const decodeContact = decoder(Contact)
const decodeCooperation = decoder(Cooperation)
const decodeConsent = decoder(Consent)
const decodeDisclosure = decoder(Disclosure)
const decodeReferral = decoder(Referral)
const decodePlan = decoder(IndividualPlan)
const decodeMeasurement = decoder(OutcomeMeasurement)
const decodeActivity = decoder(Activity)
const decodeVolunteer = decoder(Volunteer)
const decodeVolunteerHours = decoder(VolunteerHours)

const EndCooperationInput = Schema.Struct({
  cooperationId: Ids.CooperationId,
  endedBy: Schema.optionalKey(Schema.Literals(["person", "service"])),
  reason: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/)))
})
const WithdrawConsentInput = Schema.Struct({ consentId: Ids.ConsentId })
const UpdateReferralInput = Schema.Struct({
  referralId: Ids.ReferralId,
  status: ReferralStatus,
  reason: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)))
})
const ChangeIdentityInput = Schema.Struct({ person: Person })
const AddGoalInput = Schema.Struct({ planId: Ids.PlanId, goal: Goal })
const AddPlanStepInput = Schema.Struct({ planId: Ids.PlanId, goalId: Ids.GoalId, step: PlanStep })
const SetGoalStatusInput = Schema.Struct({
  planId: Ids.PlanId,
  goalId: Ids.GoalId,
  status: Schema.Literals(["open", "achieved", "abandoned"]),
  personParticipated: Schema.Boolean
})
const ReviewPlanInput = Schema.Struct({ planId: Ids.PlanId, review: PlanReview })
const AttendanceInput = Schema.Struct({
  activityId: Ids.ActivityId,
  attendees: Schema.Array(Ids.PersonId),
  anonymousAttendance: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000 }))
})
const ChargeFeeInput = Schema.Struct({
  serviceId: Ids.ServiceId,
  personId: Schema.optionalKey(Ids.PersonId),
  amountMinor: Schema.Int.check(Schema.isGreaterThan(0)),
  currency: Schema.String.check(Schema.isPattern(/^[A-Z]{3}$/))
})
const StartCooperationExtra = Schema.Struct({ compelled: Schema.optionalKey(Schema.Boolean) })
const PersonIdInput = Ids.PersonId

const ReportInput = Schema.Struct({
  reportId: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  serviceId: Schema.optionalKey(Ids.ServiceId),
  from: Schema.optionalKey(Timestamp),
  to: Schema.optionalKey(Timestamp),
  threshold: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)))
})
const PublishReportInput = Schema.Struct({ ...ReportInput.fields, serviceId: Ids.ServiceId, recipient: Party })
const decodeReport = decoder(ReportInput, "Report")
const decodePublishReport = decoder(PublishReportInput, "PublishReport")

const EligibilityInput = Schema.Struct({ serviceId: Ids.ServiceId, personId: Ids.PersonId })
const decodeEligibility = decoder(EligibilityInput, "AssessEligibility")

const decodeEndCooperation = decoder(EndCooperationInput, "EndCooperation")
const decodeWithdrawConsent = decoder(WithdrawConsentInput, "WithdrawConsent")
const decodeUpdateReferral = decoder(UpdateReferralInput, "UpdateReferral")
const decodeChangeIdentity = decoder(ChangeIdentityInput, "ChangeIdentityLevel")
const decodeAddGoal = decoder(AddGoalInput, "AddGoal")
const decodeAddPlanStep = decoder(AddPlanStepInput, "AddPlanStep")
const decodeSetGoalStatus = decoder(SetGoalStatusInput, "SetGoalStatus")
const decodeReviewPlan = decoder(ReviewPlanInput, "ReviewPlan")
const decodeAttendance = decoder(AttendanceInput, "RecordAttendance")
const decodeChargeFee = decoder(ChargeFeeInput, "ChargeFee")
const decodeStartExtra = decoder(StartCooperationExtra, "StartCooperation")
const decodePersonId = decoder(PersonIdInput, "PersonId")

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Adds a fresh id when the input has none (offline clients may bring their own ids). */
const withId = (input: unknown): unknown =>
  isPlainObject(input) && !Object.prototype.hasOwnProperty.call(input, "id")
    ? { ...input, id: globalThis.crypto.randomUUID() }
    : input

/** Keeps only the given keys of an input object (the parts decoded apart from the entity). */
const only = (input: unknown, keys: ReadonlyArray<string>): Record<string, unknown> => {
  const picked: Record<string, unknown> = {}
  if (isPlainObject(input)) for (const key of keys) if (Object.prototype.hasOwnProperty.call(input, key)) picked[key] = input[key]
  return picked
}

/** Removes keys the API owns from input before decoding the entity. */
const without = (input: unknown, keys: ReadonlyArray<string>): unknown => {
  if (!isPlainObject(input)) return input
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(input)) if (!keys.includes(key)) copy[key] = input[key]
  return copy
}

const fromResult = <A, E>(r: Result.Result<A, E>): Effect.Effect<A, E> => Effect.fromResult(r)

interface Loaded<A> {
  readonly value: A
  readonly version: number
}

/**
 * Builds the case-work API over the {@link Store} and {@link FieldCrypto} in context.
 * @since 0.1.0
 * @category constructors
 */
export const make = Effect.fnUntraced(function*(config: Config) {
  const store = yield* Store
  const crypto = yield* FieldCrypto
  const vault = Vault.make(store, crypto)
  const { engine, serviceTypes } = config
  const legalGrounds = LegalGround.index([...LegalGround.builtin, ...(config.legalGrounds ?? [])])

  const nowIso = Effect.map(DateTime.now, (d) => DateTime.formatIso(d))

  const decodeStored = <A>(
    m: Mapping<A>,
    record: StoredRecord,
    open = vault.opener()
  ): Effect.Effect<Loaded<A>, DecryptionFailed | StoreError> =>
    open(record).pipe(
      Effect.flatMap((plain) =>
        Effect.mapError(
          Schema.decodeUnknownEffect(m.schema)(plain),
          () => storeCorrupt(m.kind)
        )
      ),
      Effect.map((value) => ({ value, version: record.version }))
    )

  const storeCorrupt = (kind: RecordKind): StoreError =>
    StoreModule.fail("get", new StoreModule.CorruptData({ detail: `a stored ${kind} record does not decode` }))

  const load = <A>(m: Mapping<A>, id: string): Effect.Effect<Loaded<A>, NotFound | DecryptionFailed | StoreError> =>
    store.get(m.kind, id).pipe(
      Effect.flatMap(Option.match({
        onNone: (): Effect.Effect<Loaded<A>, NotFound | DecryptionFailed | StoreError> => Effect.fail(new NotFound({ kind: m.kind, id })),
        onSome: (record) => decodeStored(m, record)
      }))
    )

  const loadAll = <A>(m: Mapping<A>, query: { readonly serviceId?: string; readonly personId?: string }) =>
    store.list({ kind: m.kind, ...query }).pipe(
      Effect.flatMap((records) => {
        const open = vault.opener()
        return Effect.forEach(records, (r) => decodeStored(m, r, open))
      })
    )

  const serviceInfo = (service: Service): ServiceTypeInfo | undefined => serviceTypes.get(service.type)

  const serviceFacts = (service: Service): ServiceFacts => {
    const info = serviceInfo(service)
    const config = service.config ?? {}
    return {
      id: service.id,
      type: service.type,
      principles: service.principles,
      freeOfCharge: service.freeOfCharge,
      ...(service.targetGroup.ageRange ? { ageRange: service.targetGroup.ageRange } : {}),
      acceptsAnonymous: info?.acceptsAnonymous ?? service.principles.includes("low-threshold"),
      requiresIdentity: config["requiresIdentity"] === true,
      config
    }
  }

  const personFacts = (person: Person): PersonFacts => ({
    id: person.id,
    identityLevel: person._tag,
    ageBand: person.ageBand,
    gender: person.gender,
    needs: person.needs,
    protected: {},
    situation: person.situation ?? {}
  })

  const planFacts = (plans: ReadonlyArray<IndividualPlan>): PlanFacts | undefined => {
    if (plans.length === 0) return undefined
    let goals = 0, achievedGoals = 0, stepsByPerson = 0, stepsDone = 0
    let last: DateTime.Utc | undefined
    const later = (d: DateTime.Utc | undefined) => {
      if (d !== undefined && (last === undefined || DateTime.isGreaterThan(d, last))) last = d
    }
    for (const plan of plans) {
      for (const goal of plan.goals) {
        goals++
        if (goal.status === "achieved") achievedGoals++
        later(goal.achievedAt)
        for (const step of goal.steps) {
          if (step.takenBy === "person" || step.takenBy === "together") stepsByPerson++
          if (step.doneAt !== undefined) stepsDone++
          later(step.doneAt)
        }
      }
    }
    return { goals, achievedGoals, stepsByPerson, stepsDone, ...(last ? { lastProgressAt: last } : {}) }
  }

  /** The facts about a person in a service: the person, consents, cooperation, plan progress. */
  const gatherFacts = Effect.fnUntraced(function*(
    actor: Actor,
    grant: Access.Grant,
    service: Service,
    person: Person | undefined
  ) {
    const now = yield* DateTime.now
    const base = {
      now,
      actor: { id: actor.id, role: grant.role },
      service: serviceFacts(service)
    }
    if (person === undefined) return { ...base, consents: [] } satisfies Facts
    const [consents, cooperations, plans] = yield* Effect.all([
      loadAll(mappings.consent, { personId: person.id }),
      loadAll(mappings.cooperation, { personId: person.id, serviceId: service.id }),
      loadAll(mappings.plan, { personId: person.id, serviceId: service.id })
    ])
    const active = cooperations.map((c) => c.value).find((c) => c.endedAt === undefined)
    const plan = planFacts(plans.map((p) => p.value))
    const facts: Facts = {
      ...base,
      person: personFacts(person),
      consents: consents.map((c) => c.value),
      ...(active
        ? {
          cooperation: {
            active: true,
            startedAt: active.startedAt,
            months: Math.max(0, Math.floor((DateTime.toEpochMillis(now) - DateTime.toEpochMillis(active.startedAt)) / (30.44 * 24 * 3600 * 1000)))
          }
        }
        : {}),
      ...(plan ? { plan } : {})
    }
    return facts
  })

  /** Facts for organisation-level records (the organisation, locations, volunteers): no service, no person. */
  const organisationFacts = (actor: Actor, grant: Access.Grant): Effect.Effect<Facts> =>
    Effect.map(DateTime.now, (now) => ({
      now,
      actor: { id: actor.id, role: grant.role },
      service: { id: "", type: "", principles: [], freeOfCharge: true, acceptsAnonymous: false, requiresIdentity: false, config: {} },
      consents: []
    }))

  const authorize = (actor: Actor, operation: string, serviceId: string | undefined) =>
    fromResult(Access.authorize(actor, operation, serviceId as Ids.ServiceId | undefined))

  /**
   * For organisation-level records (locations, volunteers): allowed when the actor may do it
   * organisation-wide or for at least one of their services.
   */
  const authorizeAnywhere = (actor: Actor, operation: string) => {
    const first = Access.authorize(actor, operation, undefined)
    if (Result.isSuccess(first)) return Effect.succeed(first.success)
    for (const grant of actor.grants) {
      if (grant.services === "*") continue
      for (const serviceId of grant.services) {
        const attempt = Access.authorize(actor, operation, serviceId)
        if (Result.isSuccess(attempt)) return Effect.succeed(attempt.success)
      }
    }
    return Effect.fail(first.failure)
  }

  const refusal = (operation: string, decision: Decision, command: Command, facts: Facts): CommandRefused => {
    const explanation = engine.explain(command, facts)
    return new CommandRefused({
      operation,
      violations: decision._tag === "Denied"
        ? decision.violations.map((v) => ({ principle: v.principle, rule: v.rule, reason: v.reason, messageKey: v.messageKey }))
        : [],
      requirements: decision._tag === "Allowed"
        ? []
        : decision.requirements.map((r) => ({
          principle: r.principle,
          rule: r.rule,
          kind: r.requirement.kind,
          ...(r.requirement.purpose !== undefined ? { purpose: r.requirement.purpose } : {}),
          detail: r.requirement.detail,
          messageKey: r.messageKey
        })),
      explanation: explanation.steps.map((s) => ({ rule: s.rule, principle: s.principle, verdict: s.verdict._tag }))
    })
  }

  interface Change {
    readonly kind: RecordKind
    readonly write: ReturnType<typeof toWrite>
    /** Whose data key encrypts the record's personal fields (see `Entity`). */
    readonly owner: string | undefined
  }

  const change = <A>(m: Mapping<A>, entity: A, expectedVersion: number): Change => ({
    kind: m.kind,
    write: toWrite(m, entity, expectedVersion),
    owner: m.owner(entity)
  })

  /**
   * Evaluates the principles and, if they allow, commits the changes with one audit entry.
   * Returns the warnings.
   */
  const run = Effect.fnUntraced(function*(
    grant: Access.Grant,
    command: Command,
    facts: Facts,
    changes: ReadonlyArray<Change>,
    audit: { readonly serviceId?: string; readonly legalGround?: string } = {},
    erasure: Pick<StoreModule.UnitOfWork, "deletes" | "renamePeople"> = {}
  ) {
    const decision = engine.check(command, facts)
    if (decision._tag !== "Allowed") return yield* Effect.fail(refusal(command._tag, decision, command, facts))
    const writes = yield* vault.seal(changes)
    const at = yield* nowIso
    yield* store.commit({
      writes,
      ...erasure,
      audit: [{
        at,
        actor: grant.actorId,
        role: grant.role,
        operation: command._tag,
        outcome: "allowed",
        ...(audit.serviceId ?? grant.serviceId ? { serviceId: (audit.serviceId ?? grant.serviceId)! } : {}),
        // Destroyed data keys are named (random ids: an erasure can be replayed on a restored
        // backup); a deleted person's old id is not (it must not lead to the new one).
        subjects: [
          ...changes.map((c) => ({ kind: c.kind, id: c.write.id })),
          ...(erasure.deletes ?? []).filter((d) => d.kind === "data-key").map((d) => ({ kind: d.kind, id: d.id }))
        ],
        ...(audit.legalGround !== undefined ? { legalGround: audit.legalGround } : {})
      }]
    })
    return decision.warnings.map((w) => ({ principle: w.principle, rule: w.rule, reason: w.reason, messageKey: w.messageKey }))
  })

  const auditRead = Effect.fnUntraced(function*(grant: Access.Grant, operation: string, subjects: ReadonlyArray<Audit.Subject>) {
    const at = yield* nowIso
    yield* store.commit({
      writes: [],
      audit: [{
        at,
        actor: grant.actorId,
        role: grant.role,
        operation,
        outcome: "read",
        ...(grant.serviceId ? { serviceId: grant.serviceId } : {}),
        subjects
      }]
    })
  })

  const written = <A>(value: A, warnings: Written<A>["warnings"]): Written<A> => ({ value, warnings })

  const requireCode = (
    operation: string,
    field: string,
    code: string,
    allowed: ReadonlySet<string> | undefined,
    what: string
  ): Effect.Effect<void, InvalidCommand> =>
    allowed === undefined || allowed.has(code)
      ? Effect.void
      : Effect.fail(new InvalidCommand({ operation, field, rule: `not a ${what} of this service type` }))

  /** Loads a person and checks they belong to (or are shared with) the service. */
  const personOfService = (operation: string, field: string, personId: string, serviceId: string) =>
    load(mappings.person, personId).pipe(
      Effect.flatMap((p) =>
        p.value.serviceId === serviceId || p.value.sharedWith.includes(serviceId as Ids.ServiceId)
          ? Effect.succeed(p)
          : Effect.fail(new InvalidCommand({ operation, field, rule: "the person is not known to this service" }))
      )
    )

  const api: PomocShape = {
    registerOrganisation: Effect.fn("Pomoc.registerOrganisation")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const organisation = yield* fromResult(decodeOrganisation(withId(input)))
      const grant = yield* authorize(actor, "RegisterOrganisation", undefined)
      const facts = yield* organisationFacts(actor, grant)
      const warnings = yield* run(grant, { _tag: "RegisterOrganisation", organisation }, facts, [
        change(mappings.organisation, organisation, 0)
      ])
      return written(organisation, warnings)
    }),

    registerService: Effect.fn("Pomoc.registerService")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const service = yield* fromResult(decodeService(withId(input)))
      const grant = yield* authorize(actor, "RegisterService", service.id)
      yield* load(mappings.organisation, service.organisationId)
      if (!serviceTypes.has(service.type)) {
        return yield* Effect.fail(new InvalidCommand({ operation: "RegisterService", field: "type", rule: "no registered plugin defines this service type" }))
      }
      const info = serviceTypes.get(service.type)!
      for (const [i, ch] of service.firstContactChannels.entries()) {
        yield* requireCode("RegisterService", `firstContactChannels[${i}]`, ch, info.firstContactChannels, "first-contact channel")
      }
      const facts = yield* gatherFacts(actor, grant, service, undefined)
      const warnings = yield* run(grant, { _tag: "RegisterService", service }, facts, [change(mappings.service, service, 0)])
      return written(service, warnings)
    }),

    registerLocation: Effect.fn("Pomoc.registerLocation")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const location = yield* fromResult(decodeLocation(withId(input)))
      const grant = yield* authorizeAnywhere(actor, "RegisterLocation")
      yield* load(mappings.organisation, location.organisationId)
      const facts = yield* organisationFacts(actor, grant)
      const warnings = yield* run(grant, { _tag: "RegisterLocation", location }, facts, [change(mappings.location, location, 0)])
      return written(location, warnings)
    }),

    registerPerson: Effect.fn("Pomoc.registerPerson")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const person = yield* fromResult(decodePerson(withId(input)))
      const grant = yield* authorize(actor, "RegisterPerson", person.serviceId)
      const service = yield* load(mappings.service, person.serviceId)
      for (const [i, need] of person.needs.entries()) {
        yield* requireCode("RegisterPerson", `needs[${i}]`, need, serviceInfo(service.value)?.needs, "need")
      }
      const facts = yield* gatherFacts(actor, grant, service.value, person)
      const warnings = yield* run(grant, { _tag: "RegisterPerson", person }, facts, [change(mappings.person, person, 0)])
      return written(person, warnings)
    }),

    changeIdentityLevel: Effect.fn("Pomoc.changeIdentityLevel")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const { person } = yield* fromResult(decodeChangeIdentity(input))
      const current = yield* load(mappings.person, person.id)
      if (current.value.serviceId !== person.serviceId) {
        return yield* Effect.fail(new InvalidCommand({ operation: "ChangeIdentityLevel", field: "person.serviceId", rule: "a person's service cannot change" }))
      }
      const grant = yield* authorize(actor, "ChangeIdentityLevel", person.serviceId)
      const service = yield* load(mappings.service, person.serviceId)
      const facts = yield* gatherFacts(actor, grant, service.value, current.value)
      const command: CommandTypes.ChangeIdentityLevel = {
        _tag: "ChangeIdentityLevel",
        personId: person.id,
        from: current.value._tag,
        to: person._tag,
        person
      }
      const warnings = yield* run(grant, command, facts, [change(mappings.person, person, current.version)])
      return written(person, warnings)
    }),

    recordContact: Effect.fn("Pomoc.recordContact")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const contact = yield* fromResult(decodeContact(withId(input)))
      const grant = yield* authorize(actor, "RecordContact", contact.serviceId)
      const service = yield* load(mappings.service, contact.serviceId)
      const info = serviceInfo(service.value)
      yield* requireCode("RecordContact", "channel", contact.channel, info?.channels, "contact channel")
      yield* requireCode("RecordContact", "locationKind", contact.locationKind, info?.locationKinds, "place type")
      for (const [i, code] of contact.interventions.entries()) {
        yield* requireCode("RecordContact", `interventions[${i}]`, code, info?.interventions, "intervention")
      }
      if (contact.firstContactChannel !== undefined) {
        yield* requireCode("RecordContact", "firstContactChannel", contact.firstContactChannel, info?.firstContactChannels, "first-contact channel")
      }
      const participants = yield* Effect.forEach(contact.participants, (id, i) =>
        personOfService("RecordContact", `participants[${i}]`, id, contact.serviceId))
      const facts = yield* gatherFacts(actor, grant, service.value, participants.length === 1 ? participants[0]!.value : undefined)
      const warnings = yield* run(grant, { _tag: "RecordContact", contact }, facts, [change(mappings.contact, contact, 0)])
      return written(contact, warnings)
    }),

    assessEligibility: Effect.fn("Pomoc.assessEligibility")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeEligibility(input))
      const grant = yield* authorize(actor, "AssessEligibility", request.serviceId)
      const service = yield* load(mappings.service, request.serviceId)
      const person = yield* load(mappings.person, request.personId)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const decision = engine.check({ _tag: "AssessEligibility", serviceId: request.serviceId, personId: request.personId }, facts)
      const say = (x: { readonly principle: string; readonly rule: string; readonly reason: string; readonly messageKey: string }) =>
        ({ principle: x.principle, rule: x.rule, reason: x.reason, messageKey: x.messageKey })
      return {
        eligible: decision._tag === "Allowed",
        reasons: decision._tag === "Denied"
          ? decision.violations.map(say)
          : decision._tag === "Required"
          ? decision.requirements.map((r) => say({ principle: r.principle, rule: r.rule, reason: r.requirement.detail, messageKey: r.messageKey }))
          : [],
        warnings: decision.warnings.map(say)
      } satisfies Eligibility
    }),

    startCooperation: Effect.fn("Pomoc.startCooperation")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const extra = yield* fromResult(decodeStartExtra(only(input, ["compelled"])))
      const cooperation = yield* fromResult(decodeCooperation(withId(without(input, ["compelled"]))))
      const grant = yield* authorize(actor, "StartCooperation", cooperation.serviceId)
      const service = yield* load(mappings.service, cooperation.serviceId)
      const person = yield* personOfService("StartCooperation", "personId", cooperation.personId, cooperation.serviceId)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      if (facts.cooperation?.active) {
        return yield* Effect.fail(new InvalidCommand({ operation: "StartCooperation", field: "personId", rule: "the person already cooperates with this service" }))
      }
      const warnings = yield* run(grant, { _tag: "StartCooperation", cooperation, compelled: extra.compelled ?? false }, facts, [
        change(mappings.cooperation, cooperation, 0)
      ])
      return written(cooperation, warnings)
    }),

    endCooperation: Effect.fn("Pomoc.endCooperation")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeEndCooperation(input))
      const current = yield* load(mappings.cooperation, request.cooperationId)
      const grant = yield* authorize(actor, "EndCooperation", current.value.serviceId)
      if (current.value.endedAt !== undefined) {
        return yield* Effect.fail(new InvalidCommand({ operation: "EndCooperation", field: "cooperationId", rule: "the cooperation has already ended" }))
      }
      const service = yield* load(mappings.service, current.value.serviceId)
      const person = yield* load(mappings.person, current.value.personId)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const endedAt = DateTime.max(facts.now, current.value.startedAt)
      const ended = new Cooperation({
        ...current.value,
        endedAt,
        endedBy: request.endedBy ?? "person",
        ...(request.reason !== undefined ? { endReason: request.reason } : {})
      })
      const command: CommandTypes.EndCooperation = {
        _tag: "EndCooperation",
        cooperationId: ended.id,
        endedBy: ended.endedBy ?? "person",
        ...(request.reason !== undefined ? { reason: request.reason } : {})
      }
      const warnings = yield* run(grant, command, facts, [change(mappings.cooperation, ended, current.version)])
      return written(ended, warnings)
    }),

    giveConsent: Effect.fn("Pomoc.giveConsent")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const consent = yield* fromResult(decodeConsent(withId(input)))
      const grant = yield* authorize(actor, "GiveConsent", consent.serviceId)
      const service = yield* load(mappings.service, consent.serviceId)
      const person = yield* personOfService("GiveConsent", "personId", consent.personId, consent.serviceId)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const warnings = yield* run(grant, { _tag: "GiveConsent", consent }, facts, [change(mappings.consent, consent, 0)])
      return written(consent, warnings)
    }),

    withdrawConsent: Effect.fn("Pomoc.withdrawConsent")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const { consentId } = yield* fromResult(decodeWithdrawConsent(input))
      const current = yield* load(mappings.consent, consentId)
      const grant = yield* authorize(actor, "WithdrawConsent", current.value.serviceId)
      if (current.value.withdrawnAt !== undefined) return written(current.value, [])
      const service = yield* load(mappings.service, current.value.serviceId)
      const person = yield* load(mappings.person, current.value.personId)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const withdrawn = new Consent({ ...current.value, withdrawnAt: DateTime.max(facts.now, current.value.givenAt) })
      const warnings = yield* run(grant, { _tag: "WithdrawConsent", consentId }, facts, [change(mappings.consent, withdrawn, current.version)])
      return written(withdrawn, warnings)
    }),

    disclose: Effect.fn("Pomoc.disclose")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const disclosure = yield* fromResult(decodeDisclosure(withId(input)))
      const grant = yield* authorize(actor, "Disclose", disclosure.serviceId)
      const service = yield* load(mappings.service, disclosure.serviceId)
      if (disclosure.basis._tag === "LegalDuty" && !legalGrounds.has(disclosure.basis.legalGround)) {
        return yield* Effect.fail(new InvalidCommand({ operation: "Disclose", field: "basis.legalGround", rule: "not a known legal ground code" }))
      }
      const person = yield* personOfService("Disclose", "personId", disclosure.personId, disclosure.serviceId)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const warnings = yield* run(grant, { _tag: "Disclose", disclosure }, facts, [change(mappings.disclosure, disclosure, 0)], {
        ...(disclosure.basis._tag === "LegalDuty" ? { legalGround: disclosure.basis.legalGround } : {})
      })
      return written(disclosure, warnings)
    }),

    refer: Effect.fn("Pomoc.refer")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const referral = yield* fromResult(decodeReferral(withId(input)))
      const grant = yield* authorize(actor, "Refer", referral.fromServiceId)
      if (referral.history.length !== 1) {
        return yield* Effect.fail(new InvalidCommand({ operation: "Refer", field: "history", rule: "a new referral has exactly its requested event" }))
      }
      const service = yield* load(mappings.service, referral.fromServiceId)
      const person = yield* personOfService("Refer", "personId", referral.personId, referral.fromServiceId)
      yield* load(mappings.consent, referral.consentId)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const warnings = yield* run(grant, { _tag: "Refer", referral }, facts, [change(mappings.referral, referral, 0)])
      return written(referral, warnings)
    }),

    updateReferral: Effect.fn("Pomoc.updateReferral")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeUpdateReferral(input))
      const current = yield* load(mappings.referral, request.referralId)
      const grant = yield* authorize(actor, "UpdateReferral", current.value.fromServiceId)
      const from = referralStatus(current.value)
      if (!transitions[from].includes(request.status)) {
        return yield* Effect.fail(new InvalidCommand({ operation: "UpdateReferral", field: "status", rule: `a referral cannot go from ${from} to ${request.status}` }))
      }
      if (needsReason.has(request.status) && request.reason === undefined) {
        return yield* Effect.fail(new InvalidCommand({ operation: "UpdateReferral", field: "reason", rule: `a referral that is ${request.status} needs a reason` }))
      }
      const service = yield* load(mappings.service, current.value.fromServiceId)
      const person = yield* load(mappings.person, current.value.personId)
      const facts = { ...(yield* gatherFacts(actor, grant, service.value, person.value)), referralStatus: from }
      const updated = new Referral({
        ...current.value,
        history: [...current.value.history, {
          status: request.status,
          at: DateTime.max(facts.now, current.value.history[current.value.history.length - 1]!.at),
          by: actor.id,
          ...(request.reason !== undefined ? { reason: request.reason } : {})
        }]
      })
      const command: CommandTypes.UpdateReferral = {
        _tag: "UpdateReferral",
        referralId: updated.id,
        status: request.status,
        ...(request.reason !== undefined ? { reason: request.reason } : {})
      }
      const warnings = yield* run(grant, command, facts, [change(mappings.referral, updated, current.version)])
      return written(updated, warnings)
    }),

    createPlan: Effect.fn("Pomoc.createPlan")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const plan = yield* fromResult(decodePlan(withId(input)))
      const grant = yield* authorize(actor, "CreatePlan", plan.serviceId)
      const service = yield* load(mappings.service, plan.serviceId)
      const person = yield* personOfService("CreatePlan", "personId", plan.personId, plan.serviceId)
      const info = serviceInfo(service.value)
      for (const [i, goal] of plan.goals.entries()) {
        if (goal.indicator !== undefined && info !== undefined && !info.indicators.has(goal.indicator)) {
          return yield* Effect.fail(new InvalidCommand({ operation: "CreatePlan", field: `goals[${i}].indicator`, rule: "not an outcome indicator of this service type" }))
        }
      }
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const warnings = yield* run(grant, { _tag: "CreatePlan", plan }, facts, [change(mappings.plan, plan, 0)])
      return written(plan, warnings)
    }),

    addGoal: Effect.fn("Pomoc.addGoal")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeAddGoal(input))
      return yield* updatePlan(actor, "AddGoal", request.planId, (plan) => {
        if (plan.goals.some((g) => g.id === request.goal.id)) return Result.fail("a goal with this id already exists")
        return Result.succeed(new IndividualPlan({ ...plan, goals: [...plan.goals, request.goal] }))
      }, { _tag: "AddGoal", planId: request.planId, goal: request.goal })
    }),

    addPlanStep: Effect.fn("Pomoc.addPlanStep")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeAddPlanStep(input))
      return yield* updatePlan(actor, "AddPlanStep", request.planId, (plan) => {
        const goal = plan.goals.find((g) => g.id === request.goalId)
        if (goal === undefined) return Result.fail("no goal with this id in the plan")
        return Result.succeed(new IndividualPlan({
          ...plan,
          goals: plan.goals.map((g) => g.id === request.goalId ? new Goal({ ...g, steps: [...g.steps, request.step] }) : g)
        }))
      }, { _tag: "AddPlanStep", planId: request.planId, goalId: request.goalId, step: request.step })
    }),

    setGoalStatus: Effect.fn("Pomoc.setGoalStatus")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeSetGoalStatus(input))
      const now = yield* DateTime.now
      return yield* updatePlan(actor, "SetGoalStatus", request.planId, (plan) => {
        const goal = plan.goals.find((g) => g.id === request.goalId)
        if (goal === undefined) return Result.fail("no goal with this id in the plan")
        return Result.succeed(new IndividualPlan({
          ...plan,
          goals: plan.goals.map((g) => {
            if (g.id !== request.goalId) return g
            const { achievedAt: _dropped, ...rest } = g
            return new Goal({ ...rest, status: request.status, ...(request.status === "achieved" ? { achievedAt: now } : {}) })
          })
        }))
      }, {
        _tag: "SetGoalStatus",
        planId: request.planId,
        goalId: request.goalId,
        status: request.status,
        personParticipated: request.personParticipated
      })
    }),

    reviewPlan: Effect.fn("Pomoc.reviewPlan")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeReviewPlan(input))
      return yield* updatePlan(actor, "ReviewPlan", request.planId, (plan) =>
        Result.succeed(new IndividualPlan({ ...plan, reviews: [...plan.reviews, request.review] })),
        { _tag: "ReviewPlan", planId: request.planId, review: request.review })
    }),

    recordOutcome: Effect.fn("Pomoc.recordOutcome")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const measurement = yield* fromResult(decodeMeasurement(withId(input)))
      const grant = yield* authorize(actor, "RecordOutcome", measurement.serviceId)
      const service = yield* load(mappings.service, measurement.serviceId)
      const person = yield* personOfService("RecordOutcome", "personId", measurement.personId, measurement.serviceId)
      const indicator = serviceInfo(service.value)?.indicators.get(measurement.indicator)
      if (indicator === undefined) {
        return yield* Effect.fail(new InvalidCommand({ operation: "RecordOutcome", field: "indicator", rule: "not an outcome indicator of this service type" }))
      }
      if (!fitsScale(indicator.scale, measurement.value)) {
        return yield* Effect.fail(new InvalidCommand({ operation: "RecordOutcome", field: "value", rule: "the value does not fit the indicator's scale" }))
      }
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const warnings = yield* run(grant, { _tag: "RecordOutcome", measurement }, facts, [change(mappings.measurement, measurement, 0)])
      return written(measurement, warnings)
    }),

    recordActivity: Effect.fn("Pomoc.recordActivity")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const activity = yield* fromResult(decodeActivity(withId(input)))
      const grant = yield* authorize(actor, "RecordActivity", activity.serviceId)
      const service = yield* load(mappings.service, activity.serviceId)
      yield* Effect.forEach(activity.attendees, (id, i) => personOfService("RecordActivity", `attendees[${i}]`, id, activity.serviceId))
      const facts = yield* gatherFacts(actor, grant, service.value, undefined)
      const warnings = yield* run(grant, { _tag: "RecordActivity", activity }, facts, [change(mappings.activity, activity, 0)])
      return written(activity, warnings)
    }),

    recordAttendance: Effect.fn("Pomoc.recordAttendance")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeAttendance(input))
      const current = yield* load(mappings.activity, request.activityId)
      const grant = yield* authorize(actor, "RecordAttendance", current.value.serviceId)
      yield* Effect.forEach(request.attendees, (id, i) => personOfService("RecordAttendance", `attendees[${i}]`, id, current.value.serviceId))
      const merged = [...new Set([...current.value.attendees, ...request.attendees])]
      const updated = yield* fromResult(decodeActivity({
        ...Schema.encodeSync(Activity)(current.value),
        attendees: merged,
        anonymousAttendance: current.value.anonymousAttendance + request.anonymousAttendance
      }))
      const service = yield* load(mappings.service, current.value.serviceId)
      const facts = yield* gatherFacts(actor, grant, service.value, undefined)
      const warnings = yield* run(grant, {
        _tag: "RecordAttendance",
        activityId: request.activityId,
        attendees: request.attendees,
        anonymousAttendance: request.anonymousAttendance
      }, facts, [change(mappings.activity, updated, current.version)])
      return written(updated, warnings)
    }),

    registerVolunteer: Effect.fn("Pomoc.registerVolunteer")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const volunteer = yield* fromResult(decodeVolunteer(withId(input)))
      const grant = yield* authorizeAnywhere(actor, "RegisterVolunteer")
      yield* load(mappings.organisation, volunteer.organisationId)
      const facts = yield* organisationFacts(actor, grant)
      const warnings = yield* run(grant, { _tag: "RegisterVolunteer", volunteer }, facts, [change(mappings.volunteer, volunteer, 0)])
      return written(volunteer, warnings)
    }),

    recordVolunteerHours: Effect.fn("Pomoc.recordVolunteerHours")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const hours = yield* fromResult(decodeVolunteerHours(withId(input)))
      const grant = yield* authorize(actor, "RecordVolunteerHours", hours.serviceId)
      const service = yield* load(mappings.service, hours.serviceId)
      yield* load(mappings.volunteer, hours.volunteerId)
      if (hours.activityId !== undefined) yield* load(mappings.activity, hours.activityId)
      const facts = yield* gatherFacts(actor, grant, service.value, undefined)
      const warnings = yield* run(grant, { _tag: "RecordVolunteerHours", hours }, facts, [change(mappings["volunteer-hours"], hours, 0)])
      return written(hours, warnings)
    }),

    chargeFee: Effect.fn("Pomoc.chargeFee")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeChargeFee(input))
      const grant = yield* authorize(actor, "ChargeFee", request.serviceId)
      const service = yield* load(mappings.service, request.serviceId)
      const person = request.personId === undefined
        ? undefined
        : yield* personOfService("ChargeFee", "personId", request.personId, request.serviceId)
      const facts = yield* gatherFacts(actor, grant, service.value, person?.value)
      const command: CommandTypes.ChargeFee = {
        _tag: "ChargeFee",
        serviceId: request.serviceId,
        amountMinor: request.amountMinor,
        currency: request.currency,
        ...(request.personId !== undefined ? { personId: request.personId } : {})
      }
      // Fees are not a stored entity in core: a service that may charge records them in its own
      // books. Core's part is to refuse a fee for a free service, and to audit the decision.
      const warnings = yield* run(grant, command, facts, [])
      return written({ serviceId: request.serviceId, amountMinor: request.amountMinor }, warnings)
    }),

    getPerson: Effect.fn("Pomoc.getPerson")(function*(rawActor, personId) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const id = yield* fromResult(decodePersonId(personId))
      const person = yield* load(mappings.person, id)
      const identified = person.value._tag === "identified"
      const grant = yield* authorize(actor, identified ? "ReadIdentifiedPerson" : "ReadPerson", person.value.serviceId)
      if (identified) yield* auditRead(grant, "ReadIdentifiedPerson", [{ kind: "person", id }])
      return redactNotes(actor, person.value)
    }),

    personHistory: Effect.fn("Pomoc.personHistory")(function*(rawActor, personId) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const id = yield* fromResult(decodePersonId(personId))
      const person = yield* load(mappings.person, id)
      const grant = yield* authorize(actor, "ReadHistory", person.value.serviceId)
      const history = yield* historyOf(person.value)
      if (person.value._tag === "identified") yield* auditRead(grant, "ReadHistory", [{ kind: "person", id }])
      return Access.isAllowed(actor, "ReadConfidentialNote", person.value.serviceId) ? history : withoutNotes(history)
    }),

    exportPerson: Effect.fn("Pomoc.exportPerson")(function*(rawActor, personId) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const id = yield* fromResult(decodePersonId(personId))
      const person = yield* load(mappings.person, id)
      const grant = yield* authorize(actor, "ExportPerson", person.value.serviceId)
      const history = yield* historyOf(person.value)
      yield* auditRead(grant, "ExportPerson", [{ kind: "person", id }])
      const now = yield* DateTime.now
      return SubjectAccess.exportPerson(history, { generatedAt: now })
    }),

    erasePerson: Effect.fn("Pomoc.erasePerson")(function*(rawActor, personId) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const id = yield* fromResult(decodePersonId(personId))
      const person = yield* load(mappings.person, id)
      const grant = yield* authorize(actor, "ErasePerson", person.value.serviceId)
      const service = yield* load(mappings.service, person.value.serviceId)
      // Crypto-shredding: destroy the person's data keys (every copy of their personal fields
      // becomes unreadable, their records are not rewritten) and give them a new random id, so
      // that no pseudonymous code computes to them again; the records keep their counts.
      const erased = Erasure.erasePerson(person.value, { id: Ids.make(Ids.PersonId) })
      const keys = yield* vault.keysOf(id)
      const facts = yield* gatherFacts(actor, grant, service.value, person.value)
      const warnings = yield* run(grant, { _tag: "ErasePerson", personId: id }, facts, [change(mappings.person, erased, 0)], {}, {
        deletes: [{ kind: "person", id, expectedVersion: person.version }, ...keys],
        renamePeople: [{ from: id, to: erased.id }]
      })
      return written<Person>(erased, warnings)
    }),

    report: Effect.fn("Pomoc.report")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodeReport(input))
      yield* authorize(actor, "ReadReport", request.serviceId)
      return yield* runReport(request)
    }),

    publishReport: Effect.fn("Pomoc.publishReport")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const request = yield* fromResult(decodePublishReport(input))
      const grant = yield* authorize(actor, "PublishReport", request.serviceId)
      const service = yield* load(mappings.service, request.serviceId)
      const result = yield* runReport(request)
      const facts = yield* gatherFacts(actor, grant, service.value, undefined)
      const warnings = yield* run(grant, {
        _tag: "PublishReport",
        serviceId: request.serviceId,
        report: request.reportId,
        recipient: request.recipient,
        smallestCell: result.smallestVisibleCount ?? 0
      }, facts, [])
      return written(result, warnings)
    }),

    auditLog: Effect.fn("Pomoc.auditLog")(function*(rawActor, query) {
      const actor = yield* fromResult(decodeActor(rawActor))
      yield* authorize(actor, "ReadAudit", undefined)
      return yield* store.readAudit(query.fromSeq ?? 1, query.limit ?? 1000)
    }),

    verifyAudit: Effect.fn("Pomoc.verifyAudit")(function*(rawActor, input) {
      const actor = yield* fromResult(decodeActor(rawActor))
      const { expected } = yield* fromResult(decodeVerifyAudit(input ?? {}))
      yield* authorize(actor, "VerifyAudit", undefined)
      return yield* Audit.verifyPages(store.readAudit, { head: yield* store.auditHead, expected })
    })
  }

  const runReport = Effect.fnUntraced(function*(request: typeof ReportInput.Type) {
    let definition = config.reports?.get(request.reportId)
    if (definition === undefined && request.serviceId !== undefined && !request.reportId.includes("/")) {
      const service = yield* load(mappings.service, request.serviceId)
      definition = config.reports?.get(`${service.value.type}/${request.reportId}`)
    }
    if (definition === undefined) {
      return yield* Effect.fail(new InvalidCommand({ operation: "Report", field: "reportId", rule: "no registered report has this id" }))
    }
    return yield* Report.run(definition, store, {
      ...(request.serviceId !== undefined ? { serviceId: request.serviceId } : {}),
      ...(request.from !== undefined ? { from: DateTime.formatIso(request.from) } : {}),
      ...(request.to !== undefined ? { to: DateTime.formatIso(request.to) } : {}),
      ...(request.threshold !== undefined ? { threshold: request.threshold } : {})
    })
  })

  const updatePlan = Effect.fnUntraced(function*(
    actor: Actor,
    operation: "AddGoal" | "AddPlanStep" | "SetGoalStatus" | "ReviewPlan",
    planId: Ids.PlanId,
    update: (plan: IndividualPlan) => Result.Result<IndividualPlan, string>,
    command: Command
  ) {
    const current = yield* load(mappings.plan, planId)
    const grant = yield* authorize(actor, operation, current.value.serviceId)
    const next = update(current.value)
    if (Result.isFailure(next)) {
      return yield* Effect.fail(new InvalidCommand({ operation, field: "goalId", rule: next.failure }))
    }
    const service = yield* load(mappings.service, current.value.serviceId)
    const person = yield* load(mappings.person, current.value.personId)
    const facts = yield* gatherFacts(actor, grant, service.value, person.value)
    const warnings = yield* run(grant, command, facts, [change(mappings.plan, next.success, current.version)])
    return written(next.success, warnings)
  })

  /** Every record that names the person, by the history sections of the entity catalogue. */
  const historyOf = Effect.fnUntraced(function*(person: Person) {
    const sections = yield* Effect.forEach(historyEntries, (entry) =>
      Effect.map(loadAll(entry as Mapping<unknown>, { personId: person.id }), (loaded) => [entry.history, loaded.map((x) => x.value)] as const))
    const history = { person, ...Object.fromEntries(sections) } as History
    return history
  })

  const redactNotes = (actor: Actor, person: Person): Person => {
    if (person._tag === "anonymous" || person.notes === undefined) return person
    if (Access.isAllowed(actor, "ReadConfidentialNote", person.serviceId)) return person
    const { notes: _notes, _tag, ...rest } = person
    return _tag === "pseudonymous" ? new PseudonymousPerson(rest as never) : new IdentifiedPerson(rest as never)
  }

  const withoutNotes = (history: History): History => ({
    ...history,
    contacts: (history.contacts ?? []).map((c) => {
      if (c.note === undefined) return c
      const { note: _note, ...rest } = c
      return new Contact(rest)
    })
  })

  return api
})

/**
 * The case-work configuration of a plugin registry: its engine (core rules and every plugin's
 * rules) and, per service type, the taxonomies and indicators of its plugin.
 *
 * @example
 * ```ts
 * const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])
 * const layer = Pomoc.layer(Pomoc.configFromRegistry(registry))
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const configFromRegistry = <Ps extends Plugins>(registry: Registry<Ps>): Config => {
  const serviceTypes = new Map<string, ServiceTypeInfo>()
  for (const plugin of registry.plugins) {
    serviceTypes.set(plugin.id, {
      interventions: new Set(Object.keys(plugin.taxonomies.interventions)),
      channels: new Set(Object.keys(plugin.taxonomies.channels)),
      firstContactChannels: new Set(Object.keys(plugin.taxonomies.firstContactChannels)),
      ...(plugin.taxonomies.needs === undefined ? {} : { needs: new Set(Object.keys(plugin.taxonomies.needs)) }),
      ...(plugin.taxonomies.locationKinds === undefined ? {} : { locationKinds: new Set(Object.keys(plugin.taxonomies.locationKinds)) }),
      indicators: new Map(plugin.indicators.map((i) => [i.code, new OutcomeIndicator({ code: i.code, labels: i.labels, scale: i.scale })])),
      acceptsAnonymous: plugin.principles.includes("low-threshold")
    })
  }
  const reports = new Map<string, ReportDefinition>()
  for (const report of registry.reports) {
    const query = report.query
    if (query !== undefined && "dimensions" in query) {
      reports.set(`${report.plugin}/${report.id}`, {
        id: report.id,
        labels: report.labels,
        question: report.question,
        query,
        ...(report.suppression !== undefined ? { suppression: report.suppression } : {})
      })
    }
  }
  const legalGrounds = registry.plugins.flatMap((plugin) => plugin.legalGrounds ?? [])
  return { engine: registry.engine, serviceTypes, reports, legalGrounds }
}

/**
 * The case-work API as a layer over a {@link Store} and a {@link FieldCrypto}.
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: Config): Layer.Layer<Pomoc, never, Store | FieldCrypto> =>
  Layer.effect(Pomoc, make(config))
