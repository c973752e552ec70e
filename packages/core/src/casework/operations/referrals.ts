/**
 * Referrals, both sides: referring a person elsewhere, on their consent or under a legal duty;
 * the receiving service (when it is a service of this organisation) answering; the referring
 * service following the status and revoking.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import type * as CommandTypes from "../../Command.js"
import * as Ids from "../../model/Ids.js"
import { needsReason, Referral, ReferralStatus, status as referralStatus, transitions } from "../../model/Referral.js"
import type { CaseworkError } from "../Config.js"
import { InvalidCommand } from "../Errors.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid, requireLegalGround } from "./common.js"

/**
 * Refer a person to another service or organisation: on the person's consent (`consentId`,
 * judged by the confidentiality principle: the person's, for this recipient, in force now) or
 * under a legal duty (`legalDuty`: a known legal ground and the deciding worker, the actor when
 * absent; the audit entry keeps the ground). `toServiceId` names the receiving service when it is
 * a service of this organisation: that service then answers the referral. The referral's first
 * event is `requested`, by the actor.
 * @since 0.2.0
 * @category operations
 */
export const refer = Operation.write()({
  tag: "Refer",
  summary: "refer a person elsewhere",
  access: access("SSNNN", "write", "confidential", "refer a person elsewhere"),
  input: Referral,
  newId: true,
  attribution: [{ path: ["history", 0, "by"] }, { path: ["legalDuty", "decidedBy"] }],
  subject: Operation.newIn((r: Referral) => r.fromServiceId),
  checks: [
    (_ctx, referral) =>
      referral.history.length === 1
        ? Effect.void
        : invalid("Refer", "history", "a new referral has exactly its requested event"),
    (ctx, referral) => requireLegalGround(ctx, "Refer", "legalDuty.legalGround", referral.legalDuty?.legalGround),
    (ctx, referral) =>
      referral.toServiceId === undefined ? Effect.void : Effect.asVoid(ctx.load(mappings.service, referral.toServiceId))
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
      result: referral,
      ...(referral.legalDuty !== undefined ? { legalGround: referral.legalDuty.legalGround } : {})
    }
  })
})

const reason = Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)))

/** The checks and decision both sides share: a lifecycle step, with a reason where one is needed. */
const move = (tag: "UpdateReferral" | "AnswerReferral") => ({
  checks: (current: Referral, status: ReferralStatus, why: string | undefined): Effect.Effect<void, InvalidCommand> =>
    !transitions[referralStatus(current)].includes(status)
      ? invalid(tag, "status", "the referral cannot move to this status from its current one")
      : needsReason.has(status) && why === undefined
      ? invalid(tag, "reason", "a referral that is rejected or revoked needs a reason")
      : Effect.void,
  decide: Effect.fnUntraced(function*(
    ctx: Operation.Context,
    request: { readonly referralId: Ids.ReferralId; readonly status: ReferralStatus; readonly reason?: string },
    current: Operation.Loaded<Referral>,
    serviceId: string
  ): Effect.fn.Return<Operation.Decision<Referral>, CaseworkError> {
    const service = yield* ctx.load(mappings.service, serviceId)
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
    const command: CommandTypes.UpdateReferral | CommandTypes.AnswerReferral = {
      _tag: tag,
      referralId: updated.id,
      status: request.status,
      ...(request.reason !== undefined ? { reason: request.reason } : {})
    } as CommandTypes.UpdateReferral | CommandTypes.AnswerReferral
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

const UpdateReferralInput = Schema.Struct({ referralId: Ids.ReferralId, status: ReferralStatus, reason })
const updating = move("UpdateReferral")

/**
 * The referring service moves a referral on: `{ referralId, status, reason? }`; rejected and
 * revoked need a reason. A referral to a service of this organisation is answered by that
 * service (`answerReferral`): the referring service may only revoke it.
 * @since 0.2.0
 * @category operations
 */
export const updateReferral = Operation.write()({
  tag: "UpdateReferral",
  summary: "move a referral through its lifecycle",
  access: access("SSNNN", "write", "confidential", "move a referral through its lifecycle"),
  input: UpdateReferralInput,
  entity: "UpdateReferral",
  subject: Operation.existing(
    mappings.referral,
    (i: typeof UpdateReferralInput.Type) => i.referralId,
    (r) => [r.fromServiceId]
  ),
  checks: [
    (_ctx, request, current) =>
      current.value.toServiceId !== undefined && request.status !== "revoked"
        ? invalid(
          "UpdateReferral",
          "status",
          "the receiving service answers this referral; the referring service may revoke it"
        )
        : Effect.void,
    (_ctx, request, current) => updating.checks(current.value, request.status, request.reason)
  ],
  decide: (ctx, request, current) => updating.decide(ctx, request, current, current.value.fromServiceId)
})

const AnswerReferralInput = Schema.Struct({
  referralId: Ids.ReferralId,
  status: Schema.Literals(["accepted", "rejected", "done"]),
  reason
})
const answering = move("AnswerReferral")

/**
 * The receiving service answers a referral made to it: `{ referralId, status, reason? }` with
 * `accepted`, `rejected` (with a reason) or `done`. The referring service sees the status
 * (`getReferral`). A referral to another organisation is moved on by the referring service
 * (`updateReferral`).
 * @since 0.2.0
 * @category operations
 */
export const answerReferral = Operation.write()({
  tag: "AnswerReferral",
  summary: "answer a referral made to the service",
  access: access("SSNNN", "write", "confidential", "answer a referral made to the service (accept, reject, complete)"),
  input: AnswerReferralInput,
  entity: "AnswerReferral",
  subject: Operation.existing(
    mappings.referral,
    (i: typeof AnswerReferralInput.Type) => i.referralId,
    // Answered where it was sent; one to another organisation is the referring service's to move.
    (r) => [r.toServiceId ?? r.fromServiceId]
  ),
  checks: [
    (_ctx, _request, current) =>
      current.value.toServiceId === undefined
        ? Effect.fail(
          new InvalidCommand({
            operation: "AnswerReferral",
            field: "referralId",
            rule: "the referral is not to a service of this organisation (use updateReferral)"
          })
        )
        : Effect.void,
    (_ctx, request, current) => answering.checks(current.value, request.status, request.reason)
  ],
  decide: (ctx, request, current) => answering.decide(ctx, request, current, current.value.toServiceId!)
})

/**
 * Read a referral (a referral id): the referring service and the receiving one follow its
 * status and history.
 * @since 0.2.0
 * @category operations
 */
export const getReferral = Operation.read<string>()({
  tag: "ReadReferral",
  summary: "read a referral and its status",
  input: Ids.ReferralId,
  entity: "ReferralId",
  subject: Operation.existing(
    mappings.referral,
    (id: Ids.ReferralId) => id,
    (r) => [r.fromServiceId, ...(r.toServiceId !== undefined ? [r.toServiceId] : [])]
  ),
  answer: (_ctx, _id, referral) => Effect.succeed({ result: referral.value })
})
