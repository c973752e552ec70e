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
import * as Erasure from "../../privacy/Erasure.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid, requireCode } from "./common.js"

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
    (ctx, person, service) =>
      Effect.forEach(person.needs, (need, i) => requireCode("RegisterPerson", `needs[${i}]`, need, ctx.serviceInfo(service.value)?.needs, "need"), { discard: true })
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

/**
 * Raise or lower a person's identity level: `{ person }` with the new level's fields. Raising
 * needs the person's consent; a person's service cannot change.
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
      current.value.serviceId === person.serviceId ? Effect.void : invalid("ChangeIdentityLevel", "person.serviceId", "a person's service cannot change")
  ],
  decide: (ctx, { person }, current) =>
    Effect.map(ctx.load(mappings.service, current.value.serviceId), (service) => {
      const command: CommandTypes.ChangeIdentityLevel = { _tag: "ChangeIdentityLevel", personId: person.id, from: current.value._tag, to: person._tag, person }
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

const withNeeds = (person: Person, needs: ReadonlyArray<string>): Person => {
  const { _tag, ...rest } = person
  const fields = { ...rest, needs } as never
  return _tag === "anonymous" ? new AnonymousPerson(fields) : _tag === "pseudonymous" ? new PseudonymousPerson(fields) : new IdentifiedPerson(fields)
}

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
