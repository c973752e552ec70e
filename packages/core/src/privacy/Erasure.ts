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
import { Volunteer } from "../model/Activity.js"
import { Disclosure } from "../model/Consent.js"
import { Contact } from "../model/Contact.js"
import type { PersonId } from "../model/Ids.js"
import { AnonymousPerson, type Person } from "../model/Person.js"
import { Goal, IndividualPlan, PlanReview, PlanStep } from "../model/Plan.js"
import { Referral } from "../model/Referral.js"
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
}

/**
 * The anonymous person left after erasure: id, service, services shared with, age band,
 * gender, needs (unless `keepNeeds: false`) and registration time; nothing else.
 * @since 0.1.0
 * @category combinators
 */
export const erasePerson = (person: Person, options: ErasePersonOptions = {}): AnonymousPerson =>
  new AnonymousPerson({
    id: person.id,
    serviceId: person.serviceId,
    sharedWith: person.sharedWith,
    ageBand: person.ageBand,
    gender: person.gender,
    needs: options.keepNeeds === false ? [] : person.needs,
    registeredAt: person.registeredAt
  })

/**
 * Drops the note of a contact whose only known participant is the person (the note is about
 * them). A contact with other known participants keeps its note: it is also about them, and
 * a worker should review it. Participants stay (the id now names an anonymous person).
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromContact = (contact: Contact, personId: PersonId): Contact => {
  if (contact.note === undefined || contact.participants.length !== 1 || contact.participants[0] !== personId) return contact
  const { note: _note, ...rest } = contact
  return new Contact(rest)
}

/**
 * Drops the summary of a disclosure about the person; who received what, when and on which
 * ground stays (accountability for a legal duty to report).
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromDisclosure = (disclosure: Disclosure, personId: PersonId): Disclosure => {
  if (disclosure.personId !== personId || disclosure.summary === undefined) return disclosure
  const { summary: _summary, ...rest } = disclosure
  return new Disclosure(rest)
}

/**
 * Removes every free text of the person's plan: goals in their words and step descriptions
 * become {@link ERASED}, review summaries are dropped. Statuses, indicators and dates stay.
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromPlan = (plan: IndividualPlan, personId: PersonId): IndividualPlan => {
  if (plan.personId !== personId) return plan
  return new IndividualPlan({
    ...plan,
    goals: plan.goals.map(
      (goal) =>
        new Goal({
          ...goal,
          inPersonsWords: ERASED,
          steps: goal.steps.map((step) => new PlanStep({ ...step, description: ERASED }))
        })
    ),
    reviews: plan.reviews.map((review) => {
      const { summary: _summary, ...rest } = review
      return new PlanReview(rest)
    })
  })
}

/**
 * Replaces the reasons in the history of a referral of the person by {@link ERASED} (a reason
 * is free text and may describe them); statuses and dates stay.
 * @since 0.1.0
 * @category combinators
 */
export const eraseFromReferral = (referral: Referral, personId: PersonId): Referral => {
  if (referral.personId !== personId || referral.history.every((e) => e.reason === undefined)) return referral
  return new Referral({
    ...referral,
    history: referral.history.map((event) => (event.reason === undefined ? event : { ...event, reason: ERASED }))
  })
}

/**
 * Erases a volunteer's display name (when a volunteer leaves and asks for erasure); their
 * hours stay, so volunteering totals still add up.
 * @since 0.1.0
 * @category combinators
 */
export const eraseVolunteer = (volunteer: Volunteer): Volunteer => new Volunteer({ ...volunteer, displayName: ERASED })

/**
 * Erases a person and the free texts about them in all their records (see the functions
 * above). Cooperations, consents, measurements and activities hold no free text about the
 * person and are returned unchanged; records about other people are returned unchanged.
 * @since 0.1.0
 * @category combinators
 */
export const eraseSubject = (records: SubjectRecords, options: ErasePersonOptions = {}): SubjectRecords<AnonymousPerson> => {
  const id = records.person.id
  return {
    ...records,
    person: erasePerson(records.person, options),
    ...(records.contacts && { contacts: records.contacts.map((c) => eraseFromContact(c, id)) }),
    ...(records.disclosures && { disclosures: records.disclosures.map((d) => eraseFromDisclosure(d, id)) }),
    ...(records.plans && { plans: records.plans.map((p) => eraseFromPlan(p, id)) }),
    ...(records.referrals && { referrals: records.referrals.map((r) => eraseFromReferral(r, id)) })
  }
}
