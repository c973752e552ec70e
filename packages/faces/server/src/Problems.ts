/**
 * The errors of the HTTP API as RFC 9457 problem details (`application/problem+json`). Every
 * case-work error becomes one problem class with a fixed status and a `type` URN, carrying the
 * error's typed reasons (the field and rule, the principle and rule, the record kind) and never a
 * value of the request: no names, no ids of people, nothing personal.
 *
 * | status | problem | when |
 * | --- | --- | --- |
 * | 400 | `BadRequestProblem` (effect's, `about:blank`) | the body is not JSON |
 * | 401 | `Unauthenticated` | the app's authentication gave no actor |
 * | 403 | `Forbidden` | the actor's roles do not allow the operation |
 * | 404 | `NotFound` | no such record, or one the actor may not see (the same answer) |
 * | 409 | `Conflict` | the data changed meanwhile, or a uniqueness rule: retry or re-read |
 * | 413 | `TooLarge` | the body is over the server's limit |
 * | 422 | `InvalidInput`, `CommandRefused`, `InvalidCommand`, `InvalidReport` | the request was understood and refused |
 * | 429 | `RateLimited` | too many requests from one client |
 * | 503 | `Unavailable` | the store is busy or unreachable: retry later |
 * | 500 | `ServerError` | anything else (corrupt data, a key missing) |
 *
 * @since 0.2.0
 */
import type { Casework } from "@pomoc/core"
import { Schema } from "effect"
import { HttpApiError } from "effect/http-api"

const urn = <const C extends string>(code: C): `urn:pomoc:problem:${C}` => `urn:pomoc:problem:${code}`

/**
 * The command of a batch a problem came from (absent outside `batch`).
 * @since 0.2.0
 * @category schemas
 */
export const BatchPlace = Schema.Struct({ index: Schema.Number, operation: Schema.String })

const batch = { batch: Schema.optionalKey(BatchPlace) }

const Reason = Schema.Struct({
  principle: Schema.String,
  rule: Schema.String,
  reason: Schema.String,
  messageKey: Schema.String
})

/**
 * The input did not decode: each problem names a field (its path) and the rule it broke, never
 * the value.
 * @since 0.2.0
 * @category problems
 */
export class InvalidInput extends HttpApiError.Problem<InvalidInput>()("InvalidInput", {
  type: urn("invalid-input"),
  status: 422,
  title: "The input is not valid"
}, {
  entity: Schema.String,
  problems: Schema.Array(Schema.Struct({ path: Schema.String, rule: Schema.String })),
  ...batch
}) {}

/**
 * A principle refused the command; nothing was stored. Each violation names the principle, the
 * rule and the reason in plain words; each requirement says what is needed first.
 * @since 0.2.0
 * @category problems
 */
export class CommandRefused extends HttpApiError.Problem<CommandRefused>()("CommandRefused", {
  type: urn("command-refused"),
  status: 422,
  title: "A principle refused the command"
}, {
  operation: Schema.String,
  violations: Schema.Array(Reason),
  requirements: Schema.Array(Schema.Struct({
    principle: Schema.String,
    rule: Schema.String,
    kind: Schema.String,
    purpose: Schema.optionalKey(Schema.String),
    detail: Schema.String,
    messageKey: Schema.String
  })),
  ...batch
}) {}

/**
 * The command is well formed but contradicts what is stored: `field` and `rule` say how.
 * @since 0.2.0
 * @category problems
 */
export class InvalidCommand extends HttpApiError.Problem<InvalidCommand>()("InvalidCommand", {
  type: urn("invalid-command"),
  status: 422,
  title: "The command contradicts what is stored"
}, {
  operation: Schema.String,
  field: Schema.String,
  rule: Schema.String,
  ...batch
}) {}

/**
 * A report cannot be run as asked: `field` and `rule` say why.
 * @since 0.2.0
 * @category problems
 */
export class InvalidReport extends HttpApiError.Problem<InvalidReport>()("InvalidReport", {
  type: urn("invalid-report"),
  status: 422,
  title: "The report cannot be run as asked"
}, {
  reportId: Schema.String,
  field: Schema.String,
  rule: Schema.String,
  ...batch
}) {}

/**
 * No record of the kind with the given id, or one the actor may not see: both get this answer,
 * so an actor outside a record's services learns nothing about it. The id is not repeated.
 * @since 0.2.0
 * @category problems
 */
export class NotFound extends HttpApiError.Problem<NotFound>()("NotFound", {
  type: urn("not-found"),
  status: 404,
  title: "No such record"
}, {
  kind: Schema.String,
  ...batch
}) {}

/**
 * The actor's roles do not allow the operation (`reason` is the access rule's reason code).
 * @since 0.2.0
 * @category problems
 */
export class Forbidden extends HttpApiError.Problem<Forbidden>()("Forbidden", {
  type: urn("forbidden"),
  status: 403,
  title: "The actor may not do this"
}, {
  operation: Schema.String,
  reason: Schema.String,
  ...batch
}) {}

/**
 * The data changed since it was read, or a uniqueness rule held: re-read and retry.
 * @since 0.2.0
 * @category problems
 */
export class Conflict extends HttpApiError.Problem<Conflict>()("Conflict", {
  type: urn("conflict"),
  status: 409,
  title: "The data changed meanwhile"
}, {
  reason: Schema.String,
  ...batch
}) {}

/**
 * The store is busy or unreachable, or needs its migrations: retry later.
 * @since 0.2.0
 * @category problems
 */
export class Unavailable extends HttpApiError.Problem<Unavailable>()("Unavailable", {
  type: urn("unavailable"),
  status: 503,
  title: "The store is busy or unavailable"
}, {
  reason: Schema.String,
  ...batch
}) {}

/**
 * Anything else: corrupt data, a missing key. `reason` names the error class, nothing more.
 * @since 0.2.0
 * @category problems
 */
export class ServerError extends HttpApiError.Problem<ServerError>()("ServerError", {
  type: urn("server-error"),
  status: 500,
  title: "The server failed"
}, {
  reason: Schema.String,
  ...batch
}) {}

/**
 * The app's authentication found no actor for the request.
 * @since 0.2.0
 * @category problems
 */
export class Unauthenticated extends HttpApiError.Problem<Unauthenticated>()("Unauthenticated", {
  type: urn("unauthenticated"),
  status: 401,
  title: "Authentication required"
}) {}

/**
 * The request body is over the server's limit (`limit` in bytes).
 * @since 0.2.0
 * @category problems
 */
export class TooLarge extends HttpApiError.Problem<TooLarge>()("TooLarge", {
  type: urn("too-large"),
  status: 413,
  title: "The request body is too large"
}, {
  limit: Schema.Number
}) {}

/**
 * Too many requests from one client in the window; `retryAfter` is in seconds.
 * @since 0.2.0
 * @category problems
 */
export class RateLimited extends HttpApiError.Problem<RateLimited>()("RateLimited", {
  type: urn("rate-limited"),
  status: 429,
  title: "Too many requests"
}, {
  retryAfter: Schema.Number
}) {}

/**
 * The problems an operation's endpoint may answer with.
 * @since 0.2.0
 * @category problems
 */
export const operationProblems = [
  InvalidInput,
  CommandRefused,
  InvalidCommand,
  InvalidReport,
  NotFound,
  Forbidden,
  Conflict,
  Unavailable,
  ServerError
] as const

/**
 * Any problem an operation's endpoint may answer with.
 * @since 0.2.0
 * @category problems
 */
export type OperationProblem =
  | InvalidInput
  | CommandRefused
  | InvalidCommand
  | InvalidReport
  | NotFound
  | Forbidden
  | Conflict
  | Unavailable
  | ServerError

const conflicts = new Set(["Conflict", "ConstraintViolation"])
const unavailable = new Set(["Busy", "ConnectionLost", "MigrationNeeded", "IndexRebuildNeeded"])

/**
 * The problem of a case-work error. A batch's refusal is its failing command's problem, with
 * `batch` naming the command's place and operation.
 * @since 0.2.0
 * @category constructors
 */
export const fromCaseworkError = (error: Casework.CaseworkError, place?: typeof BatchPlace.Type): OperationProblem => {
  const at = place === undefined ? {} : { batch: place }
  switch (error._tag) {
    case "InvalidInput":
      return new InvalidInput({
        entity: error.entity,
        problems: error.problems.map((p) => ({ path: p.path, rule: p.rule })),
        ...at
      })
    case "CommandRefused":
      return new CommandRefused({
        detail: "Nothing was stored.",
        operation: error.operation,
        violations: error.violations,
        requirements: error.requirements,
        ...at
      })
    case "InvalidCommand":
      return new InvalidCommand({ operation: error.operation, field: error.field, rule: error.rule, ...at })
    case "InvalidReport":
      return new InvalidReport({ reportId: error.reportId, field: error.field, rule: error.rule, ...at })
    case "NotFound":
      return new NotFound({ kind: error.kind, ...at })
    case "AccessDenied":
      return new Forbidden({ operation: error.operation, reason: error.reason, ...at })
    case "StoreError": {
      const reason = error.reason._tag
      if (conflicts.has(reason)) return new Conflict({ reason, ...at })
      if (unavailable.has(reason)) return new Unavailable({ reason, ...at })
      return new ServerError({ reason, ...at })
    }
    case "BatchRefused": {
      const inner = error.error as Casework.CaseworkError
      return fromCaseworkError(inner, { index: error.index, operation: error.operation })
    }
    default:
      return new ServerError({ reason: error._tag, ...at })
  }
}
