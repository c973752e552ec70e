/**
 * `@pomoc/core`: the social-service domain model, principles as executable rules, access,
 * audit, privacy and reports.
 *
 * @packageDocumentation
 */

/** @since 0.1.0 */
export * as Ids from "./model/Ids.js"
export {
  ActivityId,
  ConsentId,
  ContactId,
  CooperationId,
  DisclosureId,
  FundingId,
  GoalId,
  LocationId,
  MeasurementId,
  OrganisationId,
  PersonId,
  PlanId,
  ProgramId,
  ReferralId,
  ServiceId,
  StepId,
  VolunteerHoursId,
  VolunteerId,
  WorkerId
} from "./model/Ids.js"
export * from "./model/Common.js"
export * from "./model/Directory.js"
/** @since 0.2.0 */
export * as Schedule from "./model/Schedule.js"
export * from "./model/Person.js"
export { Contact } from "./model/Contact.js"
export { Cooperation } from "./model/Cooperation.js"
export { Consent, ConsentGivenOnBehalf, Disclosure, DisclosureBasis } from "./model/Consent.js"
export * from "./model/Plan.js"
export * from "./model/Outcome.js"
export { Referral, ReferralEvent, ReferralStatus } from "./model/Referral.js"
export * from "./model/Revision.js"
export * from "./model/Voided.js"
export * from "./model/Activity.js"
export { Funding, Program } from "./model/Program.js"
export * from "./model/Actor.js"
export { personal } from "./model/Personal.js"
/** @since 0.2.0 */
export * as Personal from "./model/Personal.js"
/** @since 0.2.0 */
export * as Entity from "./model/Entity.js"
/** @since 0.2.0 */
export * as CustomFields from "./model/CustomFields.js"
/** @since 0.2.0 */
export * as Vocabulary from "./model/Vocabulary.js"
/** @since 0.2.0 */
export * as LegalGround from "./model/LegalGround.js"
export { DataKey } from "./model/DataKey.js"
/** @since 0.1.0 */
export * as Facts from "./Facts.js"
/** @since 0.1.0 */
export * as Decode from "./Decode.js"
export { InvalidInput } from "./Decode.js"
/** @since 0.1.0 */
export * as Command from "./Command.js"
/** @since 0.1.0 */
export * as Audit from "./Audit.js"
/** @since 0.1.0 */
export * as Store from "./Store.js"
export * from "./principles/index.js"
/** @since 0.1.0 */
export * as Principles from "./principles/builtin/index.js"
/** @since 0.1.0 */
export * as Access from "./access/index.js"
export { AccessDenied } from "./access/index.js"
export * from "./privacy/index.js"
export * from "./reports/index.js"
export * from "./plugins/index.js"
/** @since 0.1.0 */
export * as Records from "./casework/Records.js"
/** @since 0.2.0 */
export * as Casework from "./casework/Casework.js"
/** @since 0.2.0 */
export * as IndexTokens from "./casework/IndexTokens.js"
/** @since 0.2.0 */
export * as Reindex from "./casework/Reindex.js"
/** @since 0.2.0 */
export * as StaffDirectory from "./casework/StaffDirectory.js"
export type { Register } from "./casework/Casework.js"
/** @since 0.2.0 */
export * as Operation from "./casework/Operation.js"
/**
 * @since 0.1.0
 * @deprecated Use `Casework`.
 */
export * as Pomoc from "./casework/Pomoc.js"
export * from "./casework/Errors.js"
/** @since 0.1.0 */
export * as Client from "./casework/Client.js"
export { type CaseworkClient, createClient, type PomocClient } from "./casework/Client.js"
