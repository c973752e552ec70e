/**
 * The errors of the case-work API. Each names what was wrong; none carries personal data.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Said } from "../principles/Verdict.js"

/**
 * A principle refused the command (or needs something first). Nothing was stored. The
 * `explanation` lists what every rule that ran said.
 * @since 0.1.0
 * @category errors
 */
export class CommandRefused extends Schema.TaggedError<CommandRefused>("@pomoc/core/CommandRefused")("CommandRefused", {
  operation: Schema.String,
  violations: Schema.Array(Said),
  requirements: Schema.Array(
    Schema.Struct({
      principle: Schema.String,
      rule: Schema.String,
      kind: Schema.String,
      purpose: Schema.optionalKey(Schema.String),
      detail: Schema.String,
      messageKey: Schema.String
    })
  ),
  explanation: Schema.Array(Schema.Struct({ rule: Schema.String, principle: Schema.String, verdict: Schema.String }))
}) {
  override get message(): string {
    const parts = [
      ...this.violations.map((v) => `${v.principle}/${v.rule}: ${v.reason}`),
      ...this.requirements.map((r) =>
        `${r.principle}/${r.rule} requires ${r.kind}${r.purpose ? ` (${r.purpose})` : ""}: ${r.detail}`
      )
    ]
    return `${this.operation} refused: ${parts.join("; ")}`
  }
}

/**
 * A record the command refers to does not exist, or the actor may not see it: both get the same
 * answer, so an actor outside a record's services learns nothing about it. The message never
 * repeats the id (it is input); `kind` and `id` are fields for the caller.
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>("@pomoc/core/NotFound")("NotFound", {
  kind: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `No ${this.kind} with the given id`
  }
}

/**
 * The command is well-formed but contradicts what is stored (e.g. ending a cooperation that
 * already ended, a participant from another service, a code no registered plugin defines).
 * @since 0.1.0
 * @category errors
 */
export class InvalidCommand extends Schema.TaggedError<InvalidCommand>("@pomoc/core/InvalidCommand")("InvalidCommand", {
  operation: Schema.String,
  field: Schema.String,
  rule: Schema.String
}) {
  override get message(): string {
    return `${this.operation}: ${this.field}: ${this.rule}`
  }
}

const tagOf = (error: unknown) =>
  typeof error === "object" && error !== null && "_tag" in error ? String(error._tag) : "an error"

/**
 * One command of a batch failed, so nothing of the batch was stored. `index` is the command's
 * place in the batch, `operation` its method, and `error` what it failed with. When the batch
 * was asked for all refusals, `later` lists the other commands that failed, in order.
 * @since 0.2.0
 * @category errors
 */
export class BatchRefused extends Schema.TaggedError<BatchRefused>("@pomoc/core/BatchRefused")("BatchRefused", {
  index: Schema.Number,
  operation: Schema.String,
  error: Schema.Any,
  later: Schema.optionalKey(
    Schema.Array(Schema.Struct({ index: Schema.Number, operation: Schema.String, error: Schema.Any }))
  )
}) {
  override get message(): string {
    const more = this.later !== undefined && this.later.length > 0 ? ` (and ${this.later.length} later commands)` : ""
    return `Batch command ${this.index} (${this.operation}) failed with ${tagOf(this.error)}${more}; nothing was stored`
  }
}
