/**
 * Referrals: referring a person elsewhere and moving the referral through its lifecycle.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import type * as CommandTypes from "../../Command.js"
import * as Ids from "../../model/Ids.js"
import { Referral, ReferralStatus, needsReason, status as referralStatus, transitions } from "../../model/Referral.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"

/**
 * Refer a person to another service or organisation, on the person's consent (judged by the
 * confidentiality principle: the person's, for this recipient, in force now). The referral's
 * first event is `requested`, by the actor.
 * @since 0.2.0
 * @category operations
 */
export const refer = Operation.write()({
  tag: "Refer",
  summary: "refer a person elsewhere",
  access: access("SSNNN", "write", "confidential", "refer a person elsewhere"),
  input: Referral,
  newId: true,
  attribution: [{ path: ["history", 0, "by"] }],
  subject: Operation.newIn((r: Referral) => r.fromServiceId),
  checks: [
    (_ctx, referral) =>
      referral.history.length === 1 ? Effect.void : invalid("Refer", "history", "a new referral has exactly its requested event")
  ],
  decide: Effect.fnUntraced(function*(ctx, referral, service) {
    const person = yield* ctx.personOfService("personId", referral.personId, referral.fromServiceId)
    // Whether the consent is the person's, for this recipient and in force, is the principles'
    // decision (confidentiality/referral-consent), over the person's consents in the facts.
    return {
      command: { _tag: "Refer", referral } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.referral, referral, 0)],
      result: referral
    }
  })
})

const UpdateReferralInput = Schema.Struct({
  referralId: Ids.ReferralId,
  status: ReferralStatus,
  reason: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)))
})

/**
 * Move a referral on: `{ referralId, status, reason? }`; rejected and revoked need a reason.
 * @since 0.2.0
 * @category operations
 */
export const updateReferral = Operation.write()({
  tag: "UpdateReferral",
  summary: "move a referral through its lifecycle",
  access: access("SSNNN", "write", "confidential", "move a referral through its lifecycle"),
  input: UpdateReferralInput,
  entity: "UpdateReferral",
  subject: Operation.existing(mappings.referral, (i: typeof UpdateReferralInput.Type) => i.referralId, (r) => [r.fromServiceId]),
  checks: [
    (_ctx, request, current) =>
      transitions[referralStatus(current.value)].includes(request.status)
        ? Effect.void
        : invalid("UpdateReferral", "status", "the referral cannot move to this status from its current one"),
    (_ctx, request) =>
      needsReason.has(request.status) && request.reason === undefined
        ? invalid("UpdateReferral", "reason", "a referral that is rejected or revoked needs a reason")
        : Effect.void
  ],
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    const service = yield* ctx.load(mappings.service, current.value.fromServiceId)
    const person = yield* ctx.load(mappings.person, current.value.personId)
    const updated = new Referral({
      ...current.value,
      history: [...current.value.history, {
        status: request.status,
        at: DateTime.max(ctx.now, current.value.history[current.value.history.length - 1]!.at),
        by: ctx.actor.id,
        ...(request.reason !== undefined ? { reason: request.reason } : {})
      }]
    })
    const command: CommandTypes.UpdateReferral = {
      _tag: "UpdateReferral",
      referralId: updated.id,
      status: request.status,
      ...(request.reason !== undefined ? { reason: request.reason } : {})
    }
    return {
      command,
      service: service.value,
      person: person.value,
      extraFacts: { referralStatus: referralStatus(current.value) },
      changes: [Operation.change(mappings.referral, updated, current.version)],
      result: updated
    }
  })
})
