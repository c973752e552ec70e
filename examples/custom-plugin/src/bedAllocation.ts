/**
 * The shelter's own operation: a bed allocation, declared in the same form as core's operations
 * and run by the same pipeline (decoding, access row, checks, principles, one audit entry). It
 * records the night as a contact of the guest at the shelter's dormitory (a place type of this
 * plugin), with the bed as a reportable custom field, so core's reports count bed nights.
 */
import { Contact, InvalidCommand, Operation, PluginOperation, Records } from "@pomoc/core"
import { DateTime, Effect, Schema } from "effect"

/** The command the principles judge: which bed. */
export interface AllocateBed {
  readonly _tag: "AllocateBed"
  readonly bed: number
}

/** What a worker gives: the service, the guest, the night (a day) and the bed. */
export const BedAllocation = Schema.Struct({
  serviceId: Schema.String,
  personId: Schema.String,
  night: Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/, { expected: "a day (YYYY-MM-DD)" })),
  bed: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
})

const eveningOf = (night: string) => DateTime.makeUnsafe(`${night}T20:00:00.000Z`)

/** Give a guest a bed for the night: refused when the bed is taken that night. */
export const allocateBed = PluginOperation.write({
  tag: "AllocateBed",
  summary: "give a guest a bed for the night",
  access: PluginOperation.access("SSNNN", "write", "confidential", "give a guest a bed for the night"),
  input: BedAllocation,
  entity: "BedAllocation",
  subject: Operation.newIn((i: typeof BedAllocation.Type) => i.serviceId as never),
  checks: [
    (ctx, input) =>
      Effect.flatMap(
        ctx.loadAll(Records.mappings.contact, { serviceId: input.serviceId }),
        (nights) =>
          nights.some((c) =>
              c.value.fields?.["bed"] === input.bed &&
              DateTime.toEpochMillis(c.value.at) === DateTime.toEpochMillis(eveningOf(input.night))
            )
            ? Effect.fail(
              new InvalidCommand({
                operation: "AllocateBed",
                field: "bed",
                rule: "the bed is taken that night"
              })
            )
            : Effect.void
      )
  ],
  decide: (ctx, input, service) =>
    Effect.gen(function*() {
      const guest = yield* ctx.personOfService("personId", input.personId, input.serviceId)
      const night = new Contact({
        id: globalThis.crypto.randomUUID() as never,
        serviceId: service.value.id,
        at: eveningOf(input.night),
        durationMinutes: 600,
        locationKind: "dormitory",
        channel: "in-person",
        workers: [ctx.actor.id],
        participants: [guest.value.id],
        anonymousCount: 0,
        interventions: ["bed-night"],
        firstContact: false,
        mode: "individual",
        fields: { bed: input.bed }
      })
      const command: AllocateBed = { _tag: "AllocateBed", bed: input.bed }
      return {
        command,
        service: service.value,
        person: guest.value,
        changes: [Operation.change(Records.mappings.contact, night, 0)],
        result: { contactId: night.id, bed: input.bed }
      }
    })
})
