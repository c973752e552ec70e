/**
 * People: registering them, changing their identity level, recording their needs, erasing them.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import type * as CommandTypes from "../../Command.js"
import { Code } from "../../model/Common.js"
import * as Ids from "../../model/Ids.js"
import { AnonymousPerson, IdentifiedPerson, Person, PseudonymousPerson } from "../../model/Person.js"
import { inForce } from "../../principles/builtin/shared.js"
import * as Erasure from "../../privacy/Erasure.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid, requireCode, requireFields } from "./common.js"

/** The services a person belongs to: their own, and those they are shared with. */
export const servicesOfPerson = (p: Person): ReadonlyArray<string> => [p.serviceId, ...p.sharedWith]

/**
 * Register a person at any identity level.
 * @since 0.2.0
 * @category operations
 */
export const registerPerson = Operation.write()({
  tag: "RegisterPerson",
  summary: "register a person at any identity level",
  access: access("SSNNN", "write", "personal", "register a person at any identity level"),
  input: Person,
  entity: "Person",
  newId: true,
  subject: Operation.newIn((p: Person) => p.serviceId),
  checks: [
    // No consent can exist before the person does: sharing comes after, through sharePerson. (A
    // correction, judged as a registration, keeps the stored sharing.)
    (ctx, person) =>
      Effect.flatMap(
        Effect.option(ctx.load(mappings.person, person.id)),
        (stored) =>
          sameServices(stored._tag === "Some" ? stored.value.value.sharedWith : [], person.sharedWith)
            ? Effect.void
            : invalid(
              "RegisterPerson",
              "sharedWith",
              "a person is shared with another service only through sharePerson, on their consent"
            )
      ),
    // A corrected person who cooperates with a service now is judged eligible for it again.
    (ctx, person) => judgeActiveCooperations(ctx, person),
    (ctx, person, service) =>
      Effect.forEach(
        person.needs,
        (need, i) => requireCode("RegisterPerson", `needs[${i}]`, need, ctx.serviceInfo(service.value)?.needs, "need"),
        { discard: true }
      ),
    (ctx, person, service) =>
      requireFields("RegisterPerson", "", ctx.serviceInfo(service.value)?.fields, "person", person)
  ],
  decide: (_ctx, person, service) =>
    Effect.succeed({
      command: { _tag: "RegisterPerson", person },
      service: service.value,
      person,
      changes: [Operation.change(mappings.person, person, 0)],
      result: person
    })
})

const ChangeIdentityInput = Schema.Struct({ person: Person })

const sameServices = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((s) => b.includes(s))

/** Judges the person's eligibility (as they are now described) for each service they cooperate with now. */
const judgeActiveCooperations = Effect.fnUntraced(function*(ctx: Operation.Context, person: Person) {
  const cooperations = yield* ctx.loadAll(mappings.cooperation, { personId: person.id })
  for (const cooperation of cooperations) {
    if (cooperation.value.endedAt !== undefined) continue
    const service = yield* ctx.load(mappings.service, cooperation.value.serviceId)
    yield* ctx.judge(
      { _tag: "AssessEligibility", serviceId: service.value.id, personId: person.id },
      service.value,
      person
    )
  }
})

/**
 * Raise or lower a person's identity level: `{ person }` with the new level's fields. Raising
 * needs the person's consent; a person's service cannot change. When the person cooperates with
 * a service now, their eligibility for it is judged again on the new facts (age band, identity):
 * a change that makes them ineligible is refused (`CommandRefused`, the eligibility rules'
 * violations); end the cooperation first.
 * @since 0.2.0
 * @category operations
 */
export const changeIdentityLevel = Operation.write()({
  tag: "ChangeIdentityLevel",
  summary: "raise or lower a person's identity level",
  access: access("SSNNN", "write", "personal", "raise or lower a person's identity level"),
  input: ChangeIdentityInput,
  entity: "ChangeIdentityLevel",
  subject: Operation.existing(mappings.person, (i: typeof ChangeIdentityInput.Type) => i.person.id, servicesOfPerson),
  checks: [
    (_ctx, { person }, current) =>
      current.value.serviceId === person.serviceId
        ? Effect.void
        : invalid("ChangeIdentityLevel", "person.serviceId", "a person's service cannot change"),
    (_ctx, { person }, current) =>
      sameServices(current.value.sharedWith, person.sharedWith)
        ? Effect.void
        : invalid(
          "ChangeIdentityLevel",
          "person.sharedWith",
          "changes only through sharePerson, on the person's consent"
        )
  ],
  decide: Effect.fnUntraced(function*(ctx, { person }, current) {
    const service = yield* ctx.load(mappings.service, current.value.serviceId)
    // Eligibility is judged again on the changed facts for every service the person cooperates
    // with now: a change that makes them ineligible (an age band outside the target group) is
    // refused; ending the cooperation first is always allowed.
    yield* judgeActiveCooperations(ctx, person)
    const command: CommandTypes.ChangeIdentityLevel = {
      _tag: "ChangeIdentityLevel",
      personId: person.id,
      from: current.value._tag,
      to: person._tag,
      person
    }
    return {
      command,
      service: service.value,
      person: current.value,
      changes: [Operation.change(mappings.person, person, current.version)],
      result: person
    }
  })
})

const RecordNeedInput = Schema.Struct({
  personId: Ids.PersonId,
  need: Code,
  source: Schema.Literals(["person", "worker-assessment", "group-membership"])
})

/** The person with some fields replaced, at the same identity level. */
const withFields = (person: Person, fields: Partial<Pick<Person, "needs" | "sharedWith">>): Person => {
  const { _tag, ...rest } = person
  const all = { ...rest, ...fields } as never
  return _tag === "anonymous"
    ? new AnonymousPerson(all)
    : _tag === "pseudonymous"
    ? new PseudonymousPerson(all)
    : new IdentifiedPerson(all)
}
const withNeeds = (person: Person, needs: ReadonlyArray<string>): Person => withFields(person, { needs })
/**
 * The person with these services to share them with.
 * @since 0.2.0
 * @category internal
 */
export const withSharing = (person: Person, sharedWith: ReadonlyArray<Ids.ServiceId>): Person =>
  withFields(person, { sharedWith })

/**
 * Record a need of a person: `{ personId, need, source }`. Needs are recorded per person, never
 * inferred from a group (respect for uniqueness): `source: "group-membership"` is refused.
 * Recording a need the person already has changes nothing but is still audited.
 * @since 0.2.0
 * @category operations
 */
export const recordNeed = Operation.write()({
  tag: "RecordNeed",
  summary: "record a person's need",
  access: access("SSNNN", "write", "confidential", "record a person's need"),
  input: RecordNeedInput,
  entity: "RecordNeed",
  subject: Operation.existing(mappings.person, (i: typeof RecordNeedInput.Type) => i.personId, servicesOfPerson),
  decide: (ctx, request, current) =>
    Effect.map(ctx.load(mappings.service, current.value.serviceId), (service) => {
      const known = current.value.needs.includes(request.need)
      const updated = known ? current.value : withNeeds(current.value, [...current.value.needs, request.need])
      return {
        command: { _tag: "RecordNeed", personId: request.personId, need: request.need, source: request.source },
        service: service.value,
        person: current.value,
        changes: known ? [] : [Operation.change(mappings.person, updated, current.version)],
        subjects: known ? [{ kind: "person", id: current.value.id }] : [],
        result: updated
      }
    })
})

/**
 * Erase a person: their identity is gone everywhere (in every service's records), counts survive.
 * @since 0.2.0
 * @category operations
 */
export const erasePerson = Operation.write<string>()({
  tag: "ErasePerson",
  summary: "erase a person (counts survive)",
  access: access("NSONN", "write", "personal", "erase a person (counts survive)"),
  input: Ids.PersonId,
  entity: "PersonId",
  subject: Operation.existing(mappings.person, (id: Ids.PersonId) => id, servicesOfPerson),
  decide: Effect.fnUntraced(function*(ctx, id, person) {
    const service = yield* ctx.load(mappings.service, person.value.serviceId)
    // Crypto-shredding: destroy the person's data keys (every copy of their personal fields
    // becomes unreadable, their records are not rewritten) and give them a new random id, so
    // that no pseudonymous code computes to them again; the records keep their counts.
    const erased: Person = Erasure.erasePerson(person.value, { id: Ids.make(Ids.PersonId) })
    const keys = yield* ctx.dataKeysOf(id)
    return {
      command: { _tag: "ErasePerson", personId: id } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.person, erased, 0)],
      deletes: [{ kind: "person", id, expectedVersion: person.version }, ...keys],
      renamePeople: [{ from: id, to: erased.id }],
      result: erased
    }
  })
})

const ShareInput = Schema.Struct({ personId: Ids.PersonId, serviceId: Ids.ServiceId, consentId: Ids.ConsentId })

/**
 * Share a person with another service of the organisation: `{ personId, serviceId, consentId }`,
 * by a worker of the person's own service. The consent must be the person's, for `sharing`,
 * recorded in their own service, in force now, and name the service in `alsoForServices`;
 * otherwise `InvalidCommand` on `consentId` (an unknown consent looks the same). Sharing with a
 * service the person is shared with already changes nothing but is audited.
 * @since 0.2.0
 * @category operations
 */
export const sharePerson = Operation.write()({
  tag: "SharePerson",
  summary: "share a person with another service, on their consent",
  access: access("SSNNN", "write", "personal", "share a person with another service, on their consent"),
  input: ShareInput,
  entity: "SharePerson",
  subject: Operation.existing(mappings.person, (i: typeof ShareInput.Type) => i.personId, (p: Person) => [p.serviceId]),
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    const person = current.value
    if (request.serviceId === person.serviceId) {
      return yield* invalid("SharePerson", "serviceId", "the person's own service")
    }
    const consent = yield* Effect.option(ctx.load(mappings.consent, request.consentId))
    const covering = consent._tag === "Some" &&
      consent.value.value.personId === person.id &&
      consent.value.value.purpose === "sharing" &&
      consent.value.value.serviceId === person.serviceId &&
      (consent.value.value.alsoForServices ?? []).includes(request.serviceId) &&
      inForce(consent.value.value, ctx.now)
    if (!covering) {
      return yield* invalid(
        "SharePerson",
        "consentId",
        "the person's sharing consent, in force now, naming this service"
      )
    }
    const own = yield* ctx.load(mappings.service, person.serviceId)
    const target = yield* ctx.load(mappings.service, request.serviceId)
    if (target.value.organisationId !== own.value.organisationId) {
      return yield* invalid("SharePerson", "serviceId", "a service of the same organisation")
    }
    const known = person.sharedWith.includes(request.serviceId)
    const updated = known ? person : withSharing(person, [...person.sharedWith, request.serviceId])
    return {
      command: {
        _tag: "SharePerson",
        personId: person.id,
        serviceId: request.serviceId,
        consentId: request.consentId
      } as const,
      service: own.value,
      person,
      changes: known ? [] : [Operation.change(mappings.person, updated, current.version)],
      subjects: known ? [{ kind: "person", id: person.id }] : [],
      result: updated
    }
  })
})
