/**
 * Cooperation: the span during which a person works with a service. It starts and ends; the
 * person may end it at any time without giving a reason.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import { Code, Timestamp } from "./Common.js"
import { CooperationId, PersonId, ServiceId } from "./Ids.js"

/**
 * A person's cooperation with a service. `endReason` is optional on purpose: nobody has to
 * explain why they leave a voluntary service.
 * @since 0.1.0
 * @category models
 */
export class Cooperation extends Schema.Class<Cooperation>("@pomoc/core/Cooperation")(
  Schema.Struct({
    id: CooperationId,
    serviceId: ServiceId,
    personId: PersonId,
    startedAt: Timestamp,
    endedAt: Schema.optionalKey(Timestamp),
    /** Who ended it: the person (at any time, no reason needed) or the service. */
    endedBy: Schema.optionalKey(Schema.Literals(["person", "service"])),
    endReason: Schema.optionalKey(Code)
  }).check(
    Schema.makeFilter((c) =>
      c.endedAt === undefined || DateTime.isLessThanOrEqualTo(c.startedAt, c.endedAt) ||
      { path: ["endedAt"], issue: "cooperation cannot end before it started" }
    ),
    Schema.makeFilter((c) =>
      c.endedAt !== undefined || (c.endedBy === undefined && c.endReason === undefined) ||
      { path: ["endedAt"], issue: "an end reason or party needs an end time" }
    )
  )
) {
  /**
   * Whether a cooperation is still going on (not ended).
   * @since 0.2.0
   */
  static isActive(c: Cooperation): boolean {
    return isActive(c)
  }
}

/**
 * Whether the cooperation is ongoing.
 * @since 0.1.0
 * @category guards
 */
export const isActive = (c: Cooperation): boolean => c.endedAt === undefined
