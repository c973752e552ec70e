/**
 * Subject access and data portability (GDPR Art. 15 and 20): everything a service holds about
 * one person, as one machine-readable JSON document with a published schema.
 *
 * Records about other people are left out, and other people inside shared records are
 * withheld (Art. 15(4)): in a group contact or an activity the other known participants become
 * part of the anonymous count (capped at the model's maximum count), and the note of a contact with other known participants is not
 * exported.
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { SubjectAccess } from "@pomoc/core"
 *
 * declare const records: SubjectAccess.SubjectRecords // read from the store and decrypted
 * const document = SubjectAccess.exportPerson(records, { generatedAt: DateTime.nowUnsafe() })
 * const json = JSON.stringify(SubjectAccess.encode(document), null, 2)
 * ```
 *
 * @since 0.1.0
 */
import { JsonSchema, Schema } from "effect"
import type { DateTime } from "effect"
import * as Decode from "../Decode.js"
import { Activity } from "../model/Activity.js"
import { Timestamp } from "../model/Common.js"
import { Consent, Disclosure } from "../model/Consent.js"
import { Contact } from "../model/Contact.js"
import { Cooperation } from "../model/Cooperation.js"
import type { History } from "../model/Entity.js"
import type { PersonId } from "../model/Ids.js"
import { OutcomeMeasurement } from "../model/Outcome.js"
import { Person } from "../model/Person.js"
import { IndividualPlan } from "../model/Plan.js"
import { Referral } from "../model/Referral.js"

/**
 * The decoded (and decrypted) records about one person, as read from a store: the person and
 * every record that names them, by history section of the entity catalogue (`Entity.History`).
 * Omitted lists count as empty.
 * @since 0.1.0
 * @category models
 */
export type SubjectRecords<P extends Person = Person> = History<P>

/**
 * The document's format identifier and version.
 * @since 0.1.0
 * @category models
 */
export const FORMAT = "pomoc-subject-access/v1"

/**
 * The subject-access document. Encoded, it is plain JSON (timestamps as ISO 8601 strings,
 * entities as in the model's wire form), so any tool can validate it against this schema.
 * @since 0.1.0
 * @category models
 */
export const SubjectAccessDocument = Schema.Struct({
  format: Schema.Literal(FORMAT),
  generatedAt: Timestamp,
  person: Person,
  cooperations: Schema.Array(Cooperation),
  contacts: Schema.Array(Contact),
  consents: Schema.Array(Consent),
  disclosures: Schema.Array(Disclosure),
  plans: Schema.Array(IndividualPlan),
  measurements: Schema.Array(OutcomeMeasurement),
  referrals: Schema.Array(Referral),
  activities: Schema.Array(Activity)
})
/**
 * @since 0.1.0
 * @category models
 */
export type SubjectAccessDocument = typeof SubjectAccessDocument.Type

// The model's upper bounds of anonymous counts; a withheld count is capped there.
const MAX_ANONYMOUS_IN_CONTACT = 100_000
const MAX_ANONYMOUS_ATTENDANCE = 1_000_000

const withheldFromContact = (contact: Contact, personId: PersonId): Contact => {
  const others = contact.participants.filter((p) => p !== personId).length
  if (others === 0) return contact
  const { note: _note, ...rest } = contact
  return new Contact({
    ...rest,
    participants: [personId],
    anonymousCount: Math.min(MAX_ANONYMOUS_IN_CONTACT, contact.anonymousCount + others)
  })
}

const withheldFromActivity = (activity: Activity, personId: PersonId): Activity => {
  const others = activity.attendees.filter((p) => p !== personId).length
  if (others === 0) return activity
  return new Activity({
    ...activity,
    attendees: [personId],
    anonymousAttendance: Math.min(MAX_ANONYMOUS_ATTENDANCE, activity.anonymousAttendance + others)
  })
}

/**
 * Builds the subject-access document of `records.person`. Pure: the time of generation is an
 * argument. Records that do not name the person are left out; other people in shared records
 * are withheld (see the module description).
 * @since 0.1.0
 * @category constructors
 */
export const exportPerson = (
  records: SubjectRecords,
  options: { readonly generatedAt: DateTime.Utc }
): SubjectAccessDocument => {
  const id = records.person.id
  const about = <A extends { readonly personId: PersonId }>(list: ReadonlyArray<A> | undefined): Array<A> =>
    (list ?? []).filter((r) => r.personId === id)
  return {
    format: FORMAT,
    generatedAt: options.generatedAt,
    person: records.person,
    cooperations: about(records.cooperations),
    contacts: (records.contacts ?? []).filter((c) => c.participants.includes(id)).map((c) =>
      withheldFromContact(c, id)
    ),
    consents: about(records.consents),
    disclosures: about(records.disclosures),
    plans: about(records.plans),
    measurements: about(records.measurements),
    referrals: about(records.referrals),
    activities: (records.activities ?? []).filter((a) => a.attendees.includes(id)).map((a) =>
      withheldFromActivity(a, id)
    )
  }
}

/**
 * Encodes a document to its JSON form (ready for `JSON.stringify`).
 * @since 0.1.0
 * @category combinators
 */
export const encode: (document: SubjectAccessDocument) => typeof SubjectAccessDocument.Encoded = Schema.encodeSync(
  SubjectAccessDocument
)

/**
 * Validates and decodes a document (e.g. one imported from another system): the document or an
 * {@link Decode.InvalidInput} naming every offending path.
 * @since 0.1.0
 * @category combinators
 */
export const decode = Decode.decoder(SubjectAccessDocument, "SubjectAccessDocument")

/**
 * The document's JSON Schema (draft 2020-12), for tools outside TypeScript. Generated from
 * {@link SubjectAccessDocument}; it checks the structure, while {@link decode} remains the final
 * authority on every rule (id patterns, time order, referral transitions).
 * @since 0.1.0
 * @category constructors
 */
export const jsonSchema = (): JsonSchema.JsonSchema => {
  const document = Schema.toJsonSchemaDocument(SubjectAccessDocument)
  return {
    $schema: JsonSchema.META_SCHEMA_URI_DRAFT_2020_12,
    $id: "https://pomoc.invalid/schemas/pomoc-subject-access/v1.json",
    title: FORMAT,
    ...document.schema,
    $defs: document.definitions
  }
}
