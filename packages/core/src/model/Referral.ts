/**
 * Referrals to another service or organisation, with consent, through a lifecycle:
 * requested → accepted | rejected (with a reason) → done; revoked (with a reason) at any open stage.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Code, Party, ShortText, Timestamp } from "./Common.js"
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
 * A referral of a person to another service or organisation.
 * @since 0.1.0
 * @category models
 */
export class Referral extends Schema.Class<Referral>("@pomoc/core/Referral")(
  Schema.Struct({
    id: ReferralId,
    personId: PersonId,
    fromServiceId: ServiceId,
    to: Party,
    purpose: Code,
    consentId: ConsentId,
    history: Schema.Array(ReferralEvent).check(Schema.isMinLength(1))
  }).check(
    Schema.makeFilter((r) => r.history[0]?.status === "requested" || { path: ["history", 0, "status"], issue: "a referral starts as requested" }),
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
) {}

/**
 * A referral's current status.
 * @since 0.1.0
 * @category combinators
 */
export const status = (referral: Referral): ReferralStatus => referral.history[referral.history.length - 1]!.status
