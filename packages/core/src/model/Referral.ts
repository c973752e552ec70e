/**
 * Referrals to another service or organisation, with consent, through a lifecycle:
 * requested → accepted | rejected (with a reason) → done; revoked (with a reason) at any open stage.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Code, LongText, Party, ShortText, Timestamp } from "./Common.js"
import { ConsentId, PersonId, ReferralId, ServiceId, WorkerId } from "./Ids.js"
import { personal } from "./Personal.js"

/**
 * The states of a referral.
 * @since 0.1.0
 * @category models
 */
export const ReferralStatus = Schema.Literals(["requested", "accepted", "rejected", "done", "revoked"])
/**
 * @since 0.1.0
 * @category models
 */
export type ReferralStatus = typeof ReferralStatus.Type

/**
 * Which status may follow which.
 * @since 0.1.0
 * @category models
 */
export const transitions: Readonly<Record<ReferralStatus, ReadonlyArray<ReferralStatus>>> = {
  requested: ["accepted", "rejected", "revoked"],
  accepted: ["done", "revoked"],
  rejected: [],
  done: [],
  revoked: []
}

/**
 * Statuses that need a reason when entered.
 * @since 0.1.0
 * @category models
 */
export const needsReason: ReadonlySet<ReferralStatus> = new Set(["rejected", "revoked"])

/**
 * One entry in a referral's history.
 * @since 0.1.0
 * @category models
 */
export const ReferralEvent = Schema.Struct({
  status: ReferralStatus,
  at: Timestamp,
  by: Schema.optionalKey(WorkerId),
  reason: Schema.optionalKey(personal(ShortText, { whenErased: "placeholder" }))
}).check(
  Schema.makeFilter((e) =>
    !needsReason.has(e.status) || e.reason !== undefined ||
    { path: ["reason"], issue: `a referral that is ${e.status} needs a reason` }
  )
)
/**
 * @since 0.1.0
 * @category models
 */
export type ReferralEvent = typeof ReferralEvent.Type

/**
 * The legal duty a referral is made under when it is not made on the person's consent (e.g. a
 * duty to refer a child at risk to the child-protection authority): the legal ground's code (see
 * `LegalGround`; the audit log keeps it), the worker who decided, and optionally why, in words
 * (personal: encrypted at rest, never in the audit log).
 * @since 0.2.0
 * @category models
 */
export const ReferralDuty = Schema.Struct({
  legalGround: Code,
  decidedBy: WorkerId,
  explanation: Schema.optionalKey(personal(LongText))
})
/**
 * @since 0.2.0
 * @category models
 */
export type ReferralDuty = typeof ReferralDuty.Type

/**
 * A referral of a person to another service or organisation, on the person's consent
 * (`consentId`) or under a legal duty (`legalDuty`), exactly one. `toServiceId` names the
 * receiving service when it is a service of this organisation using Pomoc: then that service
 * answers the referral (accepts, rejects with a reason, completes) and the referring service
 * sees its status.
 * @since 0.1.0
 * @category models
 */
export class Referral extends Schema.Class<Referral>("@pomoc/core/Referral")(
  Schema.Struct({
    id: ReferralId,
    personId: PersonId,
    fromServiceId: ServiceId,
    to: Party,
    /** The receiving service, when it is a service of this organisation (it answers the referral). */
    toServiceId: Schema.optionalKey(ServiceId),
    purpose: Code,
    consentId: Schema.optionalKey(ConsentId),
    legalDuty: Schema.optionalKey(ReferralDuty),
    history: Schema.Array(ReferralEvent).check(Schema.isMinLength(1))
  }).check(
    Schema.makeFilter((r) =>
      (r.consentId === undefined) !== (r.legalDuty === undefined) ||
      {
        path: ["consentId"],
        issue: "a referral rests on the person's consent or on a legal duty: exactly one of consentId and legalDuty"
      }
    ),
    Schema.makeFilter((r) =>
      r.toServiceId === undefined || r.toServiceId !== r.fromServiceId ||
      { path: ["toServiceId"], issue: "a service does not refer to itself" }
    ),
    Schema.makeFilter((r) =>
      r.history[0]?.status === "requested" ||
      { path: ["history", 0, "status"], issue: "a referral starts as requested" }
    ),
    Schema.makeFilter((r) => {
      for (let i = 1; i < r.history.length; i++) {
        const prev = r.history[i - 1]!.status
        const next = r.history[i]!.status
        if (!transitions[prev].includes(next)) {
          return { path: ["history", i, "status"], issue: `a referral cannot go from ${prev} to ${next}` }
        }
      }
      return true
    })
  )
) {
  /**
   * Which status may follow which.
   * @since 0.2.0
   */
  static readonly transitions: Readonly<Record<ReferralStatus, ReadonlyArray<ReferralStatus>>> = transitions
  /**
   * Statuses that need a reason when entered.
   * @since 0.2.0
   */
  static readonly needsReason: ReadonlySet<ReferralStatus> = needsReason
  /**
   * A referral's current status.
   * @since 0.2.0
   */
  static status(referral: Referral): ReferralStatus {
    return status(referral)
  }
}

/**
 * A referral's current status.
 * @since 0.1.0
 * @category combinators
 */
export const status = (referral: Referral): ReferralStatus => referral.history[referral.history.length - 1]!.status
