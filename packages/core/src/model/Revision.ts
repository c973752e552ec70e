/**
 * The change history of a record: every correction leaves a revision, the record's earlier
 * state recoverable from it. A revision holds the changes as JSON patches (RFC 6902 style, as
 * immer produces them) from the record's stored form before the correction to its form after
 * it, and the patches that undo them. The patches may hold personal values (a contact's note),
 * so they are a personal field: encrypted at rest with the data key of the person the record is
 * about, and never in the audit log (whose entry names only the record and the revision).
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { Code, Timestamp } from "./Common.js"
import { PersonId, RevisionId, ServiceId, WorkerId } from "./Ids.js"
import { personal } from "./Personal.js"

/**
 * One change of a record's stored (encoded) form: a JSON patch operation.
 * @since 0.2.0
 * @category models
 */
export const Patch = Schema.Struct({
  op: Schema.Literals(["replace", "add", "remove"]),
  path: Schema.Array(Schema.Union([Schema.String, Schema.Number])),
  value: Schema.optionalKey(Schema.Unknown)
})
/**
 * @since 0.2.0
 * @category models
 */
export type Patch = typeof Patch.Type

/**
 * One correction of a record: which record, which version it replaced, when, by whom, through
 * which operation, and what changed.
 * @since 0.2.0
 * @category models
 */
export class Revision extends Schema.Class<Revision>("@pomoc/core/Revision")({
  id: RevisionId,
  /** The corrected record's kind. */
  kind: Code,
  /** The corrected record's id. */
  recordId: Schema.String,
  /** The corrected record's service (`undefined` for organisation-level records). */
  serviceId: Schema.optionalKey(ServiceId),
  /** The person the corrected record is about, whose data key encrypts the patches. */
  ownerId: Schema.optionalKey(PersonId),
  /** The version of the record this correction replaced (the new one is `version + 1`). */
  version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  at: Timestamp,
  by: WorkerId,
  /** The operation that corrected the record (e.g. `CorrectContact`). */
  operation: Schema.String,
  /** What changed (paths into the stored form). Personal: left out once the owner is erased. */
  patches: Schema.optionalKey(personal(Schema.Array(Patch))),
  /** The patches that undo the correction (the earlier state). Personal, like `patches`. */
  inverse: Schema.optionalKey(personal(Schema.Array(Patch)))
}) {}
