/**
 * Contacts: every meeting, call or message with one or more people (known or anonymous).
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { Contact } from "../../model/Contact.js"
import { LocationKind, type Service } from "../../model/Directory.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid, requireCode, requireFields, requireProgram } from "./common.js"

// Without a place-type taxonomy of its plugin, a service's contacts take core's place types.
const corePlaces: ReadonlySet<string> = new Set(LocationKind.literals)

// A first contact at a locality with channels of its own comes through one of them.
const requireLocalityChannel = (contact: Contact, service: Service) => {
  if (!contact.firstContact || contact.firstContactChannel === undefined || contact.locationId === undefined) {
    return Effect.void
  }
  const entry = service.localityChannels?.find((e) => e.locality === contact.locationId)
  return entry === undefined || entry.firstContactChannels.includes(contact.firstContactChannel)
    ? Effect.void
    : invalid("RecordContact", "firstContactChannel", "not a first-contact channel the service chose for this locality")
}

/**
 * Record a contact and its interventions. Channel, interventions and first-contact channel must
 * be codes of the service type; known participants must be people of the service; the actor is
 * among the contact's `workers` (set to the actor when absent).
 * @since 0.2.0
 * @category operations
 */
export const recordContact = Operation.write()({
  tag: "RecordContact",
  summary: "record a contact and its interventions",
  access: access("SSNNN", "write", "confidential", "record a contact and its interventions"),
  input: Contact,
  newId: true,
  attribution: [{ path: ["workers"], many: true }],
  subject: Operation.newIn((c: Contact) => c.serviceId),
  checks: [
    (ctx, contact, service) => {
      const info = ctx.serviceInfo(service.value)
      return Effect.all([
        requireCode("RecordContact", "channel", contact.channel, info?.channels, "contact channel"),
        requireCode(
          "RecordContact",
          "locationKind",
          contact.locationKind,
          info?.locationKinds ?? corePlaces,
          "place type"
        ),
        ...contact.interventions.map((code, i) =>
          requireCode("RecordContact", `interventions[${i}]`, code, info?.interventions, "intervention")
        ),
        ...(contact.firstContactChannel !== undefined
          ? [
            requireCode(
              "RecordContact",
              "firstContactChannel",
              contact.firstContactChannel,
              info?.firstContactChannels,
              "first-contact channel"
            )
          ]
          : []),
        requireFields("RecordContact", "", info?.fields, "contact", contact),
        requireLocalityChannel(contact, service.value),
        requireProgram(ctx, "RecordContact", contact.programId, service.value.organisationId)
      ], { discard: true })
    }
  ],
  decide: Effect.fnUntraced(function*(ctx, contact, service) {
    const participants = yield* Effect.forEach(
      contact.participants,
      (id, i) => ctx.personOfService(`participants[${i}]`, id, contact.serviceId)
    )
    return {
      command: { _tag: "RecordContact", contact } as const,
      service: service.value,
      person: participants.length === 1 ? participants[0]!.value : undefined,
      changes: [Operation.change(mappings.contact, contact, 0)],
      result: contact
    }
  })
})
