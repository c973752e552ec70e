/**
 * Erasure (GDPR Art. 17): a person becomes an anonymous statistic. Their id, service, age band,
 * gender, needs and registration time stay, so contacts, activities and outcome counts still
 * add up; their nickname, names, contact details and notes go, and so do the free texts about
 * them in related records. All functions are pure, over decoded model values; the caller
 * writes the results (and deletes what it chooses to delete) in one unit of work.
 *
 * Needs are kept by default: they are codes from a taxonomy, and reports count them. A service
 * whose need codes are special-category data (Art. 9, e.g. health) that it does not want in its
 * statistics passes `{ keepNeeds: false }`.
 *
 * Free texts that the model requires (a goal in the person's words, a step's description, a
 * referral's reason) are replaced by {@link ERASED}; optional ones are removed.
 *
 * @example
 * ```ts
 * import { Erasure } from "@pomoc/core"
 *
 * declare const records: Erasure.SubjectRecords
 * const erased = Erasure.eraseSubject(records)
 * // erased.person is an AnonymousPerson with the same id; erased.plans hold no free text
 * ```
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Volunteer } from "../model/Activity.js"
import type { Consent, Disclosure } from "../model/Consent.js"
import type { Contact } from "../model/Contact.js"
import { type Catalogue, catalogue, type Entity, type TypeOf } from "../model/Entity.js"
import type { PersonId } from "../model/Ids.js"
import { AnonymousPerson, type Person } from "../model/Person.js"
import { IndividualPlan } from "../model/Plan.js"
import type { Referral } from "../model/Referral.js"
import { locate } from "./internal/paths.js"
import type { SubjectRecords as Records } from "./SubjectAccess.js"

/**
 * The decoded records about one person (the same shape as `SubjectAccess.SubjectRecords`).
 * @since 0.1.0
 * @category models
 */
export type SubjectRecords<P extends Person = Person> = Records<P>

/**
 * What replaces a required free text on erasure.
 * @since 0.1.0
 * @category models
 */
export const ERASED = "[erased]"

/**
 * Options of {@link erasePerson}.
 * @since 0.1.0
 * @category models
 */
export interface ErasePersonOptions {
  /** Keep the person's need codes (default `true`). */
  readonly keepNeeds?: boolean
  /**
   * The anonymous person's id (default: the same id). The case-work API gives an erased person
   * a new random id, so that no pseudonymous code computes to them again.
   */
  readonly id?: PersonId
}

/**
 * The anonymous person left after erasure: id, service, services shared with, age band,
 * gender, needs (unless `keepNeeds: false`) and registration time; nothing else.
 * @since 0.1.0
 * @category combinators
 */
export const erasePerson = (person: Person, options: ErasePersonOptions = {}): AnonymousPerson =>
  new AnonymousPerson({
    id: options.id ?? person.id,
    serviceId: person.serviceId,
    sharedWith: person.sharedWith,
    ageBand: person.ageBand,
    gender: person.gender,
    needs: options.keepNeeds === false ? [] : person.needs,
    registeredAt: person.registeredAt
  })

/**
 * The personal fields of an entity of a catalogued kind, erased: an optional field is removed, a
 * required one becomes {@link ERASED}. This is also how a field reads once the data key that
 * encrypted it is destroyed (see `Vault`).
 * @since 0.2.0
 * @category combinators
 */
export const eraseFields = <K extends keyof Catalogue>(kind: K, entity: TypeOf<Catalogue[K]>): TypeOf<Catalogue[K]> => {
  const e = catalogue[kind] as unknown as Entity<string, TypeOf<Catalogue[K]>>
  const encoded = Schema.encodeSync(e.schema)(entity)
  for (const { path, optional } of e.personal) {
    for (const target of locate(encoded, path)) {
      if (optional) target.remove()
      else target.set(ERASED)
    }
  }
  return Schema.decodeUnknownSync(e.schema)(encoded)
}

/**
 * Drops the note of a contact whose only known participant is the person (the note is about
 * them). A contact with other known participants keeps its note: it is also about them, and
 * a worker should review it. Participants stay (the id now names an anonymous person).
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromContact = (contact: Contact, personId: PersonId): Contact =>
  contact.participants.length === 1 && contact.participants[0] === personId ? eraseFields("contact", contact) : contact

/**
 * Erases the personal fields of a disclosure about the person: the summary, the recipient's name
 * and id and the explanation of a legal duty. The recipient's kind, the purpose, the legal
 * ground's code, who decided and when stay (accountability for a legal duty to report).
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromDisclosure = (disclosure: Disclosure, personId: PersonId): Disclosure =>
  disclosure.personId === personId ? eraseFields("disclosure", disclosure) : disclosure

/**
 * Erases the personal fields of a consent of the person: the grantee's name (for `family`, a
 * relative's) and id. Purpose, period and grantee kind stay.
 * @since 0.2.0
 * @category combinators
 */
export const eraseFromConsent = (consent: Consent, personId: PersonId): Consent =>
  consent.personId === personId ? eraseFields("consent", consent) : consent

/**
 * Removes every free text of the person's plan: goals in their words and step descriptions
 * become {@link ERASED}, review summaries are dropped. Statuses, indicators and dates stay.
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromPlan = (plan: IndividualPlan, personId: PersonId): IndividualPlan =>
  plan.personId === personId ? new IndividualPlan(eraseFields("plan", plan)) : plan

/**
 * Erases the personal fields of a referral of the person: the name and id of whom they were
 * referred to, and the reasons in its history; statuses and dates stay.
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromReferral = (referral: Referral, personId: PersonId): Referral =>
  referral.personId === personId ? eraseFields("referral", referral) : referral

/**
 * Erases a volunteer's display name (when a volunteer leaves and asks for erasure); their
 * hours stay, so volunteering totals still add up.
 * @since 0.1.0
 * @category combinators
 */
export const eraseVolunteer = (volunteer: Volunteer): Volunteer => new Volunteer({ ...volunteer, displayName: ERASED })

/**
 * Erases a person and the personal fields about them in all their records (see the functions
 * above). Cooperations, measurements and activities hold nothing personal about the person and
 * are returned unchanged; records about other people are returned unchanged.
 * @since 0.1.0
 * @category combinators
 */
export const eraseSubject = (
  records: SubjectRecords,
  options: ErasePersonOptions = {}
): SubjectRecords<AnonymousPerson> => {
  const id = records.person.id
  return {
    ...records,
    person: erasePerson(records.person, options),
    ...(records.contacts && { contacts: records.contacts.map((c) => eraseFromContact(c, id)) }),
    ...(records.consents && { consents: records.consents.map((c) => eraseFromConsent(c, id)) }),
    ...(records.disclosures && { disclosures: records.disclosures.map((d) => eraseFromDisclosure(d, id)) }),
    ...(records.plans && { plans: records.plans.map((p) => eraseFromPlan(p, id)) }),
    ...(records.referrals && { referrals: records.referrals.map((r) => eraseFromReferral(r, id)) })
  }
}
