/**
 * Voided records. A record entered by mistake (a contact in the wrong service, a duplicate, an
 * activity that never happened) is not deleted: it is voided with a reason code. A voided record
 * is kept, whole and still encrypted, as a record of kind `voided` under its own id: reports and
 * lists, which read records by kind, leave it out; the audit log keeps its history; the person's
 * own subject-access export still holds it, marked as voided.
 *
 * Which kinds may be voided is {@link voidable}: records of events (contacts, activities,
 * outcome measurements, volunteer hours). People are erased, consents withdrawn, referrals
 * revoked and cooperations ended instead; each of those has its own operation and principles.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { Activity, VolunteerHours } from "./Activity.js"
import { Timestamp } from "./Common.js"
import { Contact } from "./Contact.js"
import { WorkerId } from "./Ids.js"
import { OutcomeMeasurement } from "./Outcome.js"

/**
 * Why a record is voided:
 * - `entered-in-error`: it never happened as recorded;
 * - `duplicate`: the same event is recorded twice;
 * - `wrong-person`: it is about someone else (record it again for them);
 * - `wrong-service`: it belongs to another service (record it again there);
 * - `test-record`: made while learning or testing the software.
 * @since 0.2.0
 * @category models
 */
export const VoidReason = Schema.Literals([
  "entered-in-error",
  "duplicate",
  "wrong-person",
  "wrong-service",
  "test-record"
])
/**
 * @since 0.2.0
 * @category models
 */
export type VoidReason = typeof VoidReason.Type

const voidedOf = <const K extends string, S extends Schema.Top>(kind: K, record: S) =>
  Schema.Struct({
    kind: Schema.Literal(kind),
    reason: VoidReason,
    voidedBy: WorkerId,
    voidedAt: Timestamp,
    /** The version of the record when it was voided. */
    version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
    /** The record as it was (its personal fields stay personal: encrypted at rest). */
    record: record
  })

/**
 * A voided record: its kind, the reason, who voided it and when, and the record itself.
 * @since 0.2.0
 * @category models
 */
export const Voided = Schema.Union([
  voidedOf("contact", Contact),
  voidedOf("activity", Activity),
  voidedOf("measurement", OutcomeMeasurement),
  voidedOf("volunteer-hours", VolunteerHours)
])
/**
 * @since 0.2.0
 * @category models
 */
export type Voided = typeof Voided.Type

/**
 * The kinds of record that may be voided.
 * @since 0.2.0
 * @category models
 */
export type VoidableKind = Voided["kind"]

/**
 * The kinds of record that may be voided, as a list.
 * @since 0.2.0
 * @category models
 */
export const voidable: ReadonlyArray<VoidableKind> = ["contact", "activity", "measurement", "volunteer-hours"]
