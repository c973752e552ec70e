/**
 * Contacts: every encounter between a service and the people it serves.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Code, LongText, Timestamp } from "./Common.js"
import { customFields } from "./CustomFields.js"
import { ContactId, LocationId, PersonId, ProgramId, ServiceId, WorkerId } from "./Ids.js"
import { personal } from "./Personal.js"

/**
 * One encounter: when, where, through which channel, who took part (known people and a count of
 * anonymous ones), which workers, and which interventions. First contacts are marked so the
 * effect of each first-contact channel can be measured.
 * @since 0.1.0
 * @category models
 */
export class Contact extends Schema.Class<Contact>("@pomoc/core/Contact")(
  Schema.Struct({
    id: ContactId,
    serviceId: ServiceId,
    at: Timestamp,
    durationMinutes: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 24 * 60 })),
    locationId: Schema.optionalKey(LocationId),
    /**
     * The type of place: one of core's `LocationKind`s, or a place type the service type's plugin
     * defines (`taxonomies.locationKinds`), checked by the case-work API.
     */
    locationKind: Code,
    /** How the contact happened: in person, phone, e-mail, social network, message box, online game, … */
    channel: Code,
    workers: Schema.Array(WorkerId).check(Schema.isMinLength(1)),
    participants: Schema.Array(PersonId),
    anonymousCount: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 })),
    interventions: Schema.Array(Code),
    firstContact: Schema.Boolean,
    /** For a first contact: the first-contact channel that reached the person(s). */
    firstContactChannel: Schema.optionalKey(Code),
    mode: Schema.Literals(["individual", "group"]),
    /** Free-text note; sensitive, encrypted at rest. */
    note: Schema.optionalKey(personal(LongText)),
    /**
     * The programme (project) of the organisation the contact belongs to.
     * @since 0.2.0
     */
    programId: Schema.optionalKey(ProgramId),
    /** Custom fields the service type's plugin declares: reportable (`fields`) and personal (encrypted). */
    ...customFields
  }).check(
    Schema.makeFilter((c) =>
      c.participants.length + c.anonymousCount >= 1 ||
      { path: ["anonymousCount"], issue: "a contact needs at least one participant, known or anonymous" }
    ),
    Schema.makeFilter((c) =>
      c.mode !== "individual" || c.participants.length + c.anonymousCount === 1 ||
      { path: ["mode"], issue: "an individual contact has exactly one participant" }
    ),
    Schema.makeFilter((c) =>
      new Set(c.participants).size === c.participants.length ||
      { path: ["participants"], issue: "a participant is listed twice" }
    ),
    Schema.makeFilter((c) =>
      c.firstContactChannel === undefined || c.firstContact ||
      { path: ["firstContactChannel"], issue: "only a first contact has a first-contact channel" }
    )
  )
) {
  /**
   * How many people took part: the known participants and the anonymous ones.
   * @since 0.2.0
   */
  static participantCount(contact: Contact): number {
    return participantCount(contact)
  }
}

/**
 * The total number of people who took part in a contact.
 * @since 0.1.0
 * @category combinators
 */
export const participantCount = (contact: Contact): number => contact.participants.length + contact.anonymousCount
