/**
 * Commands: the intents that change what a service knows. Every write in Pomoc is one of these,
 * and every command passes the principles before anything is stored. Plugins add their own
 * commands by widening the union with `{ _tag: "…" }` types of their own.
 *
 * Commands carry decoded model values; the case-work API builds them from unknown input.
 *
 * @since 0.1.0
 */
import { operations as table } from "./casework/operations/index.js"
import type * as Plans from "./commands/plans.js"
import type { Activity, Volunteer, VolunteerHours } from "./model/Activity.js"
import type { StaffMember } from "./model/Actor.js"
import type { Code, Party } from "./model/Common.js"
import type { Consent, Disclosure } from "./model/Consent.js"
import type { Contact } from "./model/Contact.js"
import type { Cooperation } from "./model/Cooperation.js"
import type { Location, Organisation, Service } from "./model/Directory.js"
import type { ActivityId, ConsentId, CooperationId, PersonId, ReferralId, ServiceId } from "./model/Ids.js"
import type { OutcomeMeasurement } from "./model/Outcome.js"
import type { IdentityLevel, Person } from "./model/Person.js"
import type { Funding, Program } from "./model/Program.js"
import type { Referral, ReferralStatus } from "./model/Referral.js"
import type { VoidableKind, VoidReason } from "./model/Voided.js"

export type * from "./commands/plans.js"

/**
 * Register an organisation.
 * @since 0.1.0
 * @category models
 */
export interface RegisterOrganisation {
  readonly _tag: "RegisterOrganisation"
  readonly organisation: Organisation
}
/**
 * Register a service (its type, target group, principles, channels).
 * @since 0.1.0
 * @category models
 */
export interface RegisterService {
  readonly _tag: "RegisterService"
  readonly service: Service
}
/**
 * Register a location where a service works.
 * @since 0.1.0
 * @category models
 */
export interface RegisterLocation {
  readonly _tag: "RegisterLocation"
  readonly location: Location
}
/**
 * Register a programme (project) of the organisation.
 * @since 0.2.0
 * @category models
 */
export interface RegisterProgram {
  readonly _tag: "RegisterProgram"
  readonly program: Program
}
/**
 * Register a funding source of a programme.
 * @since 0.2.0
 * @category models
 */
export interface RegisterFunding {
  readonly _tag: "RegisterFunding"
  readonly funding: Funding
}
/**
 * Register a person at any identity level.
 * @since 0.1.0
 * @category models
 */
export interface RegisterPerson {
  readonly _tag: "RegisterPerson"
  readonly person: Person
}
/**
 * Raise or lower a person's identity level (raising needs the person's consent).
 * @since 0.1.0
 * @category models
 */
export interface ChangeIdentityLevel {
  readonly _tag: "ChangeIdentityLevel"
  readonly personId: PersonId
  readonly from: IdentityLevel
  readonly to: IdentityLevel
  readonly person: Person
}
/**
 * Record a contact (known participants and/or an anonymous count).
 * @since 0.1.0
 * @category models
 */
export interface RecordContact {
  readonly _tag: "RecordContact"
  readonly contact: Contact
}
/**
 * Decide whether a person is eligible for a service. Eligibility never reads a protected attribute.
 * @since 0.1.0
 * @category models
 */
export interface AssessEligibility {
  readonly _tag: "AssessEligibility"
  readonly serviceId: ServiceId
  readonly personId?: PersonId
}
/**
 * Start a person's cooperation with a service. `referredBy` records who pointed the person here;
 * nobody can be recorded as sent or forced (`compelled` must stay false).
 * @since 0.1.0
 * @category models
 */
export interface StartCooperation {
  readonly _tag: "StartCooperation"
  readonly cooperation: Cooperation
  readonly compelled: boolean
}
/**
 * End a cooperation; always allowed, never needs a reason.
 * @since 0.1.0
 * @category models
 */
export interface EndCooperation {
  readonly _tag: "EndCooperation"
  readonly cooperationId: CooperationId
  readonly endedBy: "person" | "service"
  readonly reason?: Code
}
/**
 * Record a consent the person gave.
 * @since 0.1.0
 * @category models
 */
export interface GiveConsent {
  readonly _tag: "GiveConsent"
  readonly consent: Consent
}
/**
 * Withdraw a consent; always allowed.
 * @since 0.1.0
 * @category models
 */
export interface WithdrawConsent {
  readonly _tag: "WithdrawConsent"
  readonly consentId: ConsentId
}
/**
 * Share something about a person outside the service.
 * @since 0.1.0
 * @category models
 */
export interface Disclose {
  readonly _tag: "Disclose"
  readonly disclosure: Disclosure
}
/**
 * Refer a person to another service or organisation.
 * @since 0.1.0
 * @category models
 */
export interface Refer {
  readonly _tag: "Refer"
  readonly referral: Referral
}
/**
 * Move a referral through its lifecycle.
 * @since 0.1.0
 * @category models
 */
export interface UpdateReferral {
  readonly _tag: "UpdateReferral"
  readonly referralId: ReferralId
  readonly status: ReferralStatus
  readonly reason?: string
}
/**
 * Record an outcome measurement for one person.
 * @since 0.1.0
 * @category models
 */
export interface RecordOutcome {
  readonly _tag: "RecordOutcome"
  readonly measurement: OutcomeMeasurement
}
/**
 * Derive a person's outcomes from their history by the service type's rules (`derivedBy`).
 * @since 0.2.0
 * @category models
 */
export interface DeriveOutcomes {
  readonly _tag: "DeriveOutcomes"
  readonly serviceId: ServiceId
  /** One person, or (absent) every person of the service. */
  readonly personId?: PersonId
  readonly measurements: ReadonlyArray<OutcomeMeasurement>
}
/**
 * Record a group activity and its attendance.
 * @since 0.1.0
 * @category models
 */
export interface RecordActivity {
  readonly _tag: "RecordActivity"
  readonly activity: Activity
}
/**
 * Record attendance at an activity.
 * @since 0.1.0
 * @category models
 */
export interface RecordAttendance {
  readonly _tag: "RecordAttendance"
  readonly activityId: ActivityId
  readonly attendees: ReadonlyArray<PersonId>
  readonly anonymousAttendance: number
}
/**
 * Register a volunteer or intern.
 * @since 0.1.0
 * @category models
 */
export interface RegisterVolunteer {
  readonly _tag: "RegisterVolunteer"
  readonly volunteer: Volunteer
}
/**
 * Record a volunteer's hours.
 * @since 0.1.0
 * @category models
 */
export interface RecordVolunteerHours {
  readonly _tag: "RecordVolunteerHours"
  readonly hours: VolunteerHours
}
/**
 * Charge a fee for a service.
 * @since 0.1.0
 * @category models
 */
export interface ChargeFee {
  readonly _tag: "ChargeFee"
  readonly serviceId: ServiceId
  readonly personId?: PersonId
  readonly amountMinor: number
  readonly currency: string
}
/**
 * Record a need for a person (respect for uniqueness: per person, never inferred from a group).
 * @since 0.1.0
 * @category models
 */
export interface RecordNeed {
  readonly _tag: "RecordNeed"
  readonly personId: PersonId
  readonly need: Code
  /** Where the need came from: the person said so, or it was inferred from a group they belong to. */
  readonly source: "person" | "worker-assessment" | "group-membership"
}
/**
 * Publish a report outside the service (funder, state, public).
 * @since 0.1.0
 * @category models
 */
export interface PublishReport {
  readonly _tag: "PublishReport"
  readonly serviceId: ServiceId
  readonly report: Code
  readonly recipient: Party
  readonly smallestCell: number
}
/**
 * Erase a person: identity gone, counts survive.
 * @since 0.1.0
 * @category models
 */
export interface ErasePerson {
  readonly _tag: "ErasePerson"
  readonly personId: PersonId
}
/**
 * Share a person with another service of the organisation, on their sharing consent.
 * @since 0.2.0
 * @category models
 */
export interface SharePerson {
  readonly _tag: "SharePerson"
  readonly personId: PersonId
  readonly serviceId: ServiceId
  readonly consentId: ConsentId
}
/**
 * Make the first administrator of an empty staff directory (the organisation's setup).
 * @since 0.2.0
 * @category models
 */
export interface SetupAdministrator {
  readonly _tag: "SetupAdministrator"
  readonly member: StaffMember
}
/**
 * Set a staff member's grants and volunteer link (an administrator's decision).
 * @since 0.2.0
 * @category models
 */
export interface SetStaff {
  readonly _tag: "SetStaff"
  readonly member: StaffMember
  readonly before: StaffMember | undefined
}

/**
 * The receiving service answers a referral made to it: accepted, rejected (with a reason) or done.
 * @since 0.2.0
 * @category models
 */
export interface AnswerReferral {
  readonly _tag: "AnswerReferral"
  readonly referralId: ReferralId
  readonly status: "accepted" | "rejected" | "done"
  /** Why (a rejected referral needs one). */
  readonly reason?: string
}
/**
 * Correct a record. The principles judge the corrected record as the command that records such a
 * record (a corrected contact as `RecordContact`), so a correction that would break a principle
 * is refused.
 * @since 0.2.0
 * @category models
 */
export interface CorrectRecord {
  readonly _tag:
    | "CorrectContact"
    | "CorrectPerson"
    | "CorrectActivity"
    | "CorrectLocation"
    | "CorrectService"
    | "CorrectOrganisation"
  /** The corrected record's kind. */
  readonly kind: string
  /** The corrected record's id. */
  readonly id: string
}
/**
 * Void a record entered by mistake, with a reason code (kept for the audit and the person's
 * export; left out of reports and lists).
 * @since 0.2.0
 * @category models
 */
export interface VoidRecord {
  readonly _tag: "VoidRecord"
  readonly kind: VoidableKind
  readonly id: string
  readonly reason: VoidReason
}

/**
 * Every core command.
 * @since 0.1.0
 * @category models
 */
export type Command =
  | RegisterOrganisation
  | RegisterService
  | RegisterLocation
  | RegisterProgram
  | RegisterFunding
  | RegisterPerson
  | ChangeIdentityLevel
  | RecordContact
  | AssessEligibility
  | StartCooperation
  | EndCooperation
  | GiveConsent
  | WithdrawConsent
  | Disclose
  | Refer
  | UpdateReferral
  | Plans.CreatePlan
  | Plans.AddGoal
  | Plans.AddPlanStep
  | Plans.SetGoalStatus
  | Plans.ReviewPlan
  | Plans.CompleteStep
  | Plans.EditStep
  | Plans.AbandonStep
  | Plans.EditGoal
  | Plans.ClosePlan
  | RecordOutcome
  | DeriveOutcomes
  | RecordActivity
  | RecordAttendance
  | RegisterVolunteer
  | RecordVolunteerHours
  | ChargeFee
  | RecordNeed
  | PublishReport
  | ErasePerson
  | AnswerReferral
  | SetupAdministrator
  | SetStaff
  | SharePerson
  | CorrectRecord
  | VoidRecord

/**
 * The tag of every core command.
 * @since 0.1.0
 * @category models
 */
export type CommandTag = Command["_tag"]

/**
 * All core command tags, for rules that apply to many commands: the tags of the operations that
 * put a command to the principles, in the order of the operations table.
 * @since 0.1.0
 * @category models
 */
export const commandTags: ReadonlyArray<CommandTag> = Object.values(table).flatMap((op) =>
  op.access !== undefined ? [op.tag] : []
)
