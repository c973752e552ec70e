/**
 * Branded identifiers. Every entity has its own id type, so a `PersonId` can never be passed
 * where a `ServiceId` is expected.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/

const IdString = Schema.String.check(
  Schema.isPattern(ID_PATTERN, {
    expected: "an id of 1-128 letters, digits, '_', '.', ':' or '-', starting with a letter or digit"
  })
)

/**
 * An organisation's id.
 * @since 0.1.0
 * @category models
 */
export const OrganisationId = IdString.pipe(Schema.brand("OrganisationId"))
/**
 * @since 0.1.0
 * @category models
 */
export type OrganisationId = typeof OrganisationId.Type
/**
 * A service's id.
 * @since 0.1.0
 * @category models
 */
export const ServiceId = IdString.pipe(Schema.brand("ServiceId"))
/**
 * @since 0.1.0
 * @category models
 */
export type ServiceId = typeof ServiceId.Type
/**
 * A location's id.
 * @since 0.1.0
 * @category models
 */
export const LocationId = IdString.pipe(Schema.brand("LocationId"))
/**
 * @since 0.1.0
 * @category models
 */
export type LocationId = typeof LocationId.Type
/**
 * A person's id (at any identity level).
 * @since 0.1.0
 * @category models
 */
export const PersonId = IdString.pipe(Schema.brand("PersonId"))
/**
 * @since 0.1.0
 * @category models
 */
export type PersonId = typeof PersonId.Type
/**
 * A worker's (staff member's or volunteer's user account) id.
 * @since 0.1.0
 * @category models
 */
export const WorkerId = IdString.pipe(Schema.brand("WorkerId"))
/**
 * @since 0.1.0
 * @category models
 */
export type WorkerId = typeof WorkerId.Type
/**
 * A contact's id.
 * @since 0.1.0
 * @category models
 */
export const ContactId = IdString.pipe(Schema.brand("ContactId"))
/**
 * @since 0.1.0
 * @category models
 */
export type ContactId = typeof ContactId.Type
/**
 * A cooperation's id.
 * @since 0.1.0
 * @category models
 */
export const CooperationId = IdString.pipe(Schema.brand("CooperationId"))
/**
 * @since 0.1.0
 * @category models
 */
export type CooperationId = typeof CooperationId.Type
/**
 * A consent's id.
 * @since 0.1.0
 * @category models
 */
export const ConsentId = IdString.pipe(Schema.brand("ConsentId"))
/**
 * @since 0.1.0
 * @category models
 */
export type ConsentId = typeof ConsentId.Type
/**
 * A disclosure's id.
 * @since 0.1.0
 * @category models
 */
export const DisclosureId = IdString.pipe(Schema.brand("DisclosureId"))
/**
 * @since 0.1.0
 * @category models
 */
export type DisclosureId = typeof DisclosureId.Type
/**
 * An individual plan's id.
 * @since 0.1.0
 * @category models
 */
export const PlanId = IdString.pipe(Schema.brand("PlanId"))
/**
 * @since 0.1.0
 * @category models
 */
export type PlanId = typeof PlanId.Type
/**
 * A plan goal's id.
 * @since 0.1.0
 * @category models
 */
export const GoalId = IdString.pipe(Schema.brand("GoalId"))
/**
 * @since 0.1.0
 * @category models
 */
export type GoalId = typeof GoalId.Type
/**
 * A plan step's id.
 * @since 0.1.0
 * @category models
 */
export const StepId = IdString.pipe(Schema.brand("StepId"))
/**
 * @since 0.1.0
 * @category models
 */
export type StepId = typeof StepId.Type
/**
 * An outcome measurement's id.
 * @since 0.1.0
 * @category models
 */
export const MeasurementId = IdString.pipe(Schema.brand("MeasurementId"))
/**
 * @since 0.1.0
 * @category models
 */
export type MeasurementId = typeof MeasurementId.Type
/**
 * A referral's id.
 * @since 0.1.0
 * @category models
 */
export const ReferralId = IdString.pipe(Schema.brand("ReferralId"))
/**
 * @since 0.1.0
 * @category models
 */
export type ReferralId = typeof ReferralId.Type
/**
 * An activity's id.
 * @since 0.1.0
 * @category models
 */
export const ActivityId = IdString.pipe(Schema.brand("ActivityId"))
/**
 * @since 0.1.0
 * @category models
 */
export type ActivityId = typeof ActivityId.Type
/**
 * A volunteer's id.
 * @since 0.1.0
 * @category models
 */
export const VolunteerId = IdString.pipe(Schema.brand("VolunteerId"))
/**
 * @since 0.1.0
 * @category models
 */
export type VolunteerId = typeof VolunteerId.Type
/**
 * A volunteer-hours entry's id.
 * @since 0.1.0
 * @category models
 */
export const VolunteerHoursId = IdString.pipe(Schema.brand("VolunteerHoursId"))
/**
 * @since 0.1.0
 * @category models
 */
export type VolunteerHoursId = typeof VolunteerHoursId.Type

/**
 * A revision's id (one correction of a record).
 * @since 0.2.0
 * @category models
 */
export const RevisionId = IdString.pipe(Schema.brand("RevisionId"))
/**
 * @since 0.2.0
 * @category models
 */
export type RevisionId = typeof RevisionId.Type

/**
 * A fresh random id (a UUID v4 from Web Crypto, available in browsers and Node 20+).
 *
 * @example
 * ```ts
 * import { Ids } from "@pomoc/core"
 * const id = Ids.make(Ids.PersonId)
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const make = <S extends { readonly Type: unknown }>(_schema: S): S["Type"] => {
  const id: unknown = globalThis.crypto.randomUUID()
  return id
}
/**
 * A programme's id (a project of the organisation; HSDS `program`).
 * @since 0.2.0
 * @category models
 */
export const ProgramId = IdString.pipe(Schema.brand("ProgramId"))
/**
 * @since 0.2.0
 * @category models
 */
export type ProgramId = typeof ProgramId.Type
/**
 * A funding's id (a source of money for a programme; HSDS `funding`).
 * @since 0.2.0
 * @category models
 */
export const FundingId = IdString.pipe(Schema.brand("FundingId"))
/**
 * @since 0.2.0
 * @category models
 */
export type FundingId = typeof FundingId.Type
