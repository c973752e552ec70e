/**
 * Outcomes: measurements of a person's outcome indicators.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { fitsScale, OutcomeMeasurement } from "../../model/Outcome.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"

/**
 * Record an outcome measurement: the indicator must be the service type's and the value must fit
 * its scale. `recordedBy` is the actor.
 * @since 0.2.0
 * @category operations
 */
export const recordOutcome = Operation.write()({
  tag: "RecordOutcome",
  summary: "record an outcome measurement",
  access: access("SSNNN", "write", "confidential", "record an outcome measurement"),
  input: OutcomeMeasurement,
  newId: true,
  attribution: [{ path: ["recordedBy"] }],
  subject: Operation.newIn((m: OutcomeMeasurement) => m.serviceId),
  decide: Effect.fnUntraced(function*(ctx, measurement, service) {
    const person = yield* ctx.personOfService("personId", measurement.personId, measurement.serviceId)
    const indicator = ctx.serviceInfo(service.value)?.indicators.get(measurement.indicator)
    if (indicator === undefined) {
      return yield* invalid("RecordOutcome", "indicator", "not an outcome indicator of this service type")
    }
    if (!fitsScale(indicator.scale, measurement.value)) {
      return yield* invalid("RecordOutcome", "value", "the value does not fit the indicator's scale")
    }
    return {
      command: { _tag: "RecordOutcome", measurement } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.measurement, measurement, 0)],
      result: measurement
    }
  })
})
