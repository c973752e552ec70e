/**
 * The errors of HSDS import and export. Every problem names where it is in the HSDS document (a
 * path such as `$.services[0].schedules[1].opens_at`, or a CSV file, row and column) and the rule
 * it breaks, never the value found there.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"

/**
 * One problem: where in the document, and which rule.
 * @since 0.2.0
 * @category models
 */
export const Problem = Schema.Struct({
  path: Schema.String,
  rule: Schema.String
})
/**
 * @since 0.2.0
 * @category models
 */
export type Problem = typeof Problem.Type

/**
 * An HSDS document (or a directory to export as one) that breaks the HSDS 3.0 schemas or what
 * Pomoc needs. Nothing was stored.
 * @since 0.2.0
 * @category errors
 */
export class InvalidHsds extends Schema.TaggedError<InvalidHsds>("@pomoc/hsds/InvalidHsds")("InvalidHsds", {
  problems: Schema.Array(Problem)
}) {
  /** A one-line summary: the number of problems and the first few paths. */
  override get message(): string {
    const shown = this.problems.slice(0, 5).map((p) => `${p.path}: ${p.rule}`).join("; ")
    return `${this.problems.length} problem(s) in the HSDS document: ${shown}${this.problems.length > 5 ? "; …" : ""}`
  }
}

/**
 * The case-work API refused a part of an import. `path` names the HSDS object that was refused;
 * `stored` lists the HSDS paths that had already been stored before the refusal (empty when
 * the import ran as one batch).
 * @since 0.2.0
 * @category errors
 */
export class ImportRefused extends Schema.TaggedError<ImportRefused>("@pomoc/hsds/ImportRefused")("ImportRefused", {
  path: Schema.String,
  /** The case-work error's tag, e.g. `CommandRefused`, `InvalidCommand`, `AccessDenied`. */
  reason: Schema.String,
  /** The field and rule the case-work API named, when it named one. */
  rule: Schema.String,
  stored: Schema.Array(Schema.String),
  /** The other parts the case-work API refused, in order (with the API's batch, which tries every part). */
  others: Schema.optionalKey(
    Schema.Array(Schema.Struct({ path: Schema.String, reason: Schema.String, rule: Schema.String }))
  )
}) {}
