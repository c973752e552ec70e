/**
 * Consent and disclosure. Consent is purpose-bound, has a grantee and a period, and can be
 * withdrawn at any time. Sharing anything about a person outside the service needs consent for
 * that purpose and recipient, or a legal duty to report, recorded with its legal ground.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import { Code, LongText, Party, Timestamp } from "./Common.js"
import { ConsentId, DisclosureId, PersonId, ServiceId, WorkerId } from "./Ids.js"
import { personal } from "./Personal.js"

/**
 * Consent given on a person's behalf, with who gave it: a parent or guardian (for a child), or
 * an institution (for a child in its care). The giver is a {@link Party} (its name is personal
 * data: it is encrypted at rest).
 * @since 0.2.0
 * @category models
 */
export const ConsentGivenOnBehalf = Schema.Struct({
  relation: Schema.Literals(["parent", "guardian", "institution", "other-representative"]),
  by: Party
})
/**
 * @since 0.2.0
 * @category models
 */
export type ConsentGivenOnBehalf = typeof ConsentGivenOnBehalf.Type

/**
 * A person's consent for one purpose and one grantee, valid for a period, possibly withdrawn.
 * @since 0.1.0
 * @category models
 */
export class Consent extends Schema.Class<Consent>("@pomoc/core/Consent")(
  Schema.Struct({
    id: ConsentId,
    personId: PersonId,
    serviceId: ServiceId,
    /** What the consent is for: `disclosure`, `referral`, `identification`, `sharing`, `photo`, … */
    purpose: Code,
    grantee: Party,
    validFrom: Timestamp,
    validUntil: Schema.optionalKey(Timestamp),
    givenAt: Timestamp,
    form: Schema.Literals(["verbal", "written", "electronic"]),
    recordedBy: WorkerId,
    withdrawnAt: Schema.optionalKey(Timestamp),
    /**
     * Who gave the consent, when not the person themself: a parent or guardian for a child, an
     * institution for a child in its care. Absent means the person gave it.
     */
    givenOnBehalf: Schema.optionalKey(ConsentGivenOnBehalf),
    /**
     * Other services (of the same organisation) whose disclosures and referrals this consent
     * also authorises. A consent recorded in one service authorises only that service unless it
     * names another here.
     */
    alsoForServices: Schema.optionalKey(Schema.Array(ServiceId))
  }).check(
    Schema.makeFilter((c) =>
      c.validUntil === undefined || DateTime.isLessThanOrEqualTo(c.validFrom, c.validUntil) ||
      { path: ["validUntil"], issue: "a consent cannot end before it starts" }
    )
  )
) {
  /**
   * Whether a consent covers a purpose and grantee at a given time (not withdrawn, within its period).
   * @since 0.2.0
   */
  static covers(
    consent: Consent,
    purpose: string,
    grantee: { readonly kind: string; readonly name: string },
    at: DateTime.Utc
  ): boolean {
    return covers(consent, purpose, grantee, at)
  }
  /**
   * Whether a consent authorises a service: it was recorded in that service, or names it in
   * `alsoForServices`.
   * @since 0.2.0
   */
  static authorisesService(consent: Consent, serviceId: string): boolean {
    return authorisesService(consent, serviceId)
  }
}

/**
 * Whether a consent authorises a service: it was recorded in that service, or names it in
 * `alsoForServices`.
 * @since 0.2.0
 * @category guards
 */
export const authorisesService = (consent: Consent, serviceId: string): boolean =>
  consent.serviceId === serviceId || (consent.alsoForServices ?? []).some((s) => s === serviceId)

/**
 * Whether a consent covers a purpose and grantee at a given time (not withdrawn, within its period).
 * @since 0.1.0
 * @category guards
 */
export const covers = (
  consent: Consent,
  purpose: string,
  grantee: { readonly kind: string; readonly name: string },
  at: DateTime.Utc
): boolean =>
  consent.purpose === purpose &&
  consent.grantee.kind === grantee.kind &&
  consent.grantee.name === grantee.name &&
  DateTime.isLessThanOrEqualTo(consent.validFrom, at) &&
  (consent.validUntil === undefined || DateTime.isLessThanOrEqualTo(at, consent.validUntil)) &&
  (consent.withdrawnAt === undefined || DateTime.isLessThan(at, consent.withdrawnAt))

/**
 * The ground on which something was disclosed: the person's consent, or a legal duty to report
 * (with the legal ground's code from the jurisdiction's list (`LegalGround`), the worker who
 * decided, and optionally a free-text explanation, which is personal: encrypted with the
 * disclosure, never copied to the audit log).
 * @since 0.1.0
 * @category models
 */
export const DisclosureBasis = Schema.Union([
  Schema.TaggedStruct("Consent", { consentId: ConsentId }),
  Schema.TaggedStruct("LegalDuty", {
    /** A legal ground's code (see `LegalGround`): the audit log keeps it. */
    legalGround: Code,
    decidedBy: WorkerId,
    /** Why the duty applies, in words: personal, encrypted at rest, never in the audit log. */
    explanation: Schema.optionalKey(personal(LongText))
  })
])
/**
 * @since 0.1.0
 * @category models
 */
export type DisclosureBasis = typeof DisclosureBasis.Type

/**
 * Sharing information about a person with someone outside the service.
 * @since 0.1.0
 * @category models
 */
export class Disclosure extends Schema.Class<Disclosure>("@pomoc/core/Disclosure")({
  id: DisclosureId,
  personId: PersonId,
  serviceId: ServiceId,
  recipient: Party,
  purpose: Code,
  at: Timestamp,
  basis: DisclosureBasis,
  disclosedBy: WorkerId,
  /** What was shared; sensitive, encrypted at rest. */
  summary: Schema.optionalKey(personal(LongText))
}) {}
