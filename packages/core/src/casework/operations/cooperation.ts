/**
 * Cooperation: eligibility, starting and ending it, and fees.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Result, Schema } from "effect"
import type * as CommandTypes from "../../Command.js"
import { decoder, type InvalidInput } from "../../Decode.js"
import { Cooperation } from "../../model/Cooperation.js"
import * as Ids from "../../model/Ids.js"
import type * as Verdict from "../../principles/Verdict.js"
import type { Eligibility } from "../Config.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"

const EligibilityInput = Schema.Struct({ serviceId: Ids.ServiceId, personId: Ids.PersonId })

/**
 * Decide whether a person is eligible for a service: `{ serviceId, personId }`. An answer, not a
 * write: nothing is stored or audited, and "not eligible" is a result with the reasons. Only for
 * people known to the asking service; eligibility rules never read protected attributes.
 * @since 0.2.0
 * @category operations
 */
export const assessEligibility = Operation.read()({
  tag: "AssessEligibility",
  summary: "assess a person's eligibility",
  access: access("SSNNN", "write", "personal", "assess a person's eligibility"),
  input: EligibilityInput,
  entity: "AssessEligibility",
  subject: Operation.newIn((i: typeof EligibilityInput.Type) => i.serviceId),
  answer: Effect.fnUntraced(function*(ctx, request, service) {
    const person = yield* ctx.personOfService("personId", request.personId, request.serviceId)
    const facts = yield* ctx.facts(service.value, person.value)
    const decision = ctx.config.engine.check({
      _tag: "AssessEligibility",
      serviceId: request.serviceId,
      personId: request.personId
    }, facts)
    const say = (x: Verdict.Said) => ({
      principle: x.principle,
      rule: x.rule,
      reason: x.reason,
      messageKey: x.messageKey
    })
    const result: Eligibility = {
      eligible: decision._tag === "Allowed",
      reasons: decision._tag === "Denied"
        ? decision.violations.map(say)
        : decision._tag === "Required"
        ? decision.requirements.map((r) =>
          say({ principle: r.principle, rule: r.rule, reason: r.requirement.detail, messageKey: r.messageKey })
        )
        : [],
      warnings: decision.warnings.map(say)
    }
    return { result }
  })
})

const StartExtra = Schema.Struct({ compelled: Schema.optionalKey(Schema.Boolean) })
const decodeCooperation = decoder(Cooperation)
const decodeExtra = decoder(StartExtra, "StartCooperation")

/**
 * The input of `startCooperation`: a cooperation, plus `compelled` (default false).
 * @since 0.2.0
 * @category models
 */
export interface StartCooperationInput {
  readonly cooperation: Cooperation
  readonly compelled: boolean
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Decodes a cooperation and its `compelled` flag from one input object.
 * @since 0.2.0
 * @category constructors
 */
export const decodeStartCooperation = (raw: unknown): Result.Result<StartCooperationInput, InvalidInput> => {
  const { compelled, ...rest } = isObject(raw) ? raw : { compelled: undefined }
  const extra = decodeExtra(
    isObject(raw) && Object.prototype.hasOwnProperty.call(raw, "compelled") ? { compelled } : {}
  )
  if (Result.isFailure(extra)) return Result.fail(extra.failure)
  const cooperation = decodeCooperation(isObject(raw) ? rest : raw)
  if (Result.isFailure(cooperation)) return Result.fail(cooperation.failure)
  return Result.succeed({ cooperation: cooperation.success, compelled: extra.success.compelled ?? false })
}

/**
 * Start a cooperation: a cooperation plus `compelled` (must stay false: nobody is recorded as
 * sent or forced). One active cooperation per person and service.
 * @since 0.2.0
 * @category operations
 */
export const startCooperation = Operation.write()({
  tag: "StartCooperation",
  summary: "start a person's cooperation",
  access: access("SSNNN", "write", "personal", "start a person's cooperation"),
  input: decodeStartCooperation,
  newId: true,
  subject: Operation.newIn((i: StartCooperationInput) => i.cooperation.serviceId),
  decide: Effect.fnUntraced(function*(ctx, { compelled, cooperation }, service) {
    const person = yield* ctx.personOfService("personId", cooperation.personId, cooperation.serviceId)
    const active = yield* ctx.loadAll(mappings.cooperation, {
      personId: cooperation.personId,
      serviceId: cooperation.serviceId
    })
    if (active.some((c) => c.value.endedAt === undefined)) {
      return yield* invalid("StartCooperation", "personId", "the person already cooperates with this service")
    }
    return {
      command: { _tag: "StartCooperation", cooperation, compelled } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.cooperation, cooperation, 0)],
      result: cooperation
    }
  })
})

const EndCooperationInput = Schema.Struct({
  cooperationId: Ids.CooperationId,
  endedBy: Schema.optionalKey(Schema.Literals(["person", "service"])),
  reason: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/)))
})

/**
 * End a cooperation: `{ cooperationId, endedBy?, reason? }`. Always allowed, never needs a reason;
 * only once.
 * @since 0.2.0
 * @category operations
 */
export const endCooperation = Operation.write()({
  tag: "EndCooperation",
  summary: "end a person's cooperation",
  access: access("SSNNN", "write", "personal", "end a person's cooperation"),
  input: EndCooperationInput,
  entity: "EndCooperation",
  subject: Operation.existing(
    mappings.cooperation,
    (i: typeof EndCooperationInput.Type) => i.cooperationId,
    (c) => [c.serviceId]
  ),
  checks: [
    (_ctx, _request, current) =>
      current.value.endedAt === undefined
        ? Effect.void
        : invalid("EndCooperation", "cooperationId", "the cooperation has already ended")
  ],
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    const service = yield* ctx.load(mappings.service, current.value.serviceId)
    const person = yield* ctx.load(mappings.person, current.value.personId)
    const ended = new Cooperation({
      ...current.value,
      endedAt: DateTime.max(ctx.now, current.value.startedAt),
      endedBy: request.endedBy ?? "person",
      ...(request.reason !== undefined ? { endReason: request.reason } : {})
    })
    const command: CommandTypes.EndCooperation = {
      _tag: "EndCooperation",
      cooperationId: ended.id,
      endedBy: ended.endedBy ?? "person",
      ...(request.reason !== undefined ? { reason: request.reason } : {})
    }
    return {
      command,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.cooperation, ended, current.version)],
      result: ended
    }
  })
})

const ChargeFeeInput = Schema.Struct({
  serviceId: Ids.ServiceId,
  personId: Schema.optionalKey(Ids.PersonId),
  amountMinor: Schema.Int.check(Schema.isGreaterThan(0)),
  currency: Schema.String.check(Schema.isPattern(/^[A-Z]{3}$/))
})

/**
 * Charge a fee: `{ serviceId, personId?, amountMinor, currency }`; refused for a free service.
 * Fees are not a stored entity in core: a service that may charge records them in its own books;
 * core refuses a fee for a free service and audits the decision.
 * @since 0.2.0
 * @category operations
 */
export const chargeFee = Operation.write()({
  tag: "ChargeFee",
  summary: "charge a fee",
  access: access("SSNNN", "write", "personal", "charge a fee"),
  input: ChargeFeeInput,
  entity: "ChargeFee",
  subject: Operation.newIn((i: typeof ChargeFeeInput.Type) => i.serviceId),
  decide: Effect.fnUntraced(function*(ctx, request, service) {
    const person = request.personId === undefined
      ? undefined
      : yield* ctx.personOfService("personId", request.personId, request.serviceId)
    const command: CommandTypes.ChargeFee = {
      _tag: "ChargeFee",
      serviceId: request.serviceId,
      amountMinor: request.amountMinor,
      currency: request.currency,
      ...(request.personId !== undefined ? { personId: request.personId } : {})
    }
    return {
      command,
      service: service.value,
      person: person?.value,
      changes: [],
      result: { serviceId: request.serviceId, amountMinor: request.amountMinor }
    }
  })
})
