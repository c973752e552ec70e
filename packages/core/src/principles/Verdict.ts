/**
 * What one rule says about one command: allow it, deny it with a {@link PrincipleViolation},
 * require something first (e.g. consent for a purpose), or warn (advisory only).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { match } from "ts-pattern"
import type { PrincipleId } from "./Principle.js"

/**
 * The identifier of a rule, e.g. `"voluntariness/end-without-reason"`.
 *
 * @since 0.1.0
 * @category models
 */
export type RuleId = string

/**
 * What a principle said about a command, in the one shape every refusal, warning and
 * eligibility reason uses: the principle, the rule, a reason for developers and a message key
 * for people. Never personal data.
 * @since 0.2.0
 * @category models
 */
export const Said = Schema.Struct({
  principle: Schema.String,
  rule: Schema.String,
  reason: Schema.String,
  messageKey: Schema.String
})
/**
 * @since 0.2.0
 * @category models
 */
export type Said = typeof Said.Type

/**
 * A write was refused because it would break a principle. It names the principle, the rule, a
 * reason for developers and a message key for people; it never carries personal data (no
 * names, no free text from the record), so it is safe to log and audit.
 *
 * @since 0.1.0
 * @category errors
 */
export class PrincipleViolation extends Schema.TaggedError<PrincipleViolation>("@pomoc/core/PrincipleViolation")(
  "PrincipleViolation",
  Said.fields
) {
  override get message(): string {
    return `Principle "${this.principle}" (rule "${this.rule}"): ${this.reason}`
  }
}

/**
 * Something that must exist before the command may proceed, e.g.
 * `{ kind: "consent", purpose: "referral", detail: "consent of the person for the recipient" }`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Requirement {
  readonly kind: string
  readonly purpose?: string
  readonly detail: string
}

/**
 * The rule has no objection.
 *
 * @since 0.1.0
 * @category models
 */
export interface Allow {
  readonly _tag: "Allow"
}

/**
 * The rule refuses the command.
 *
 * @since 0.1.0
 * @category models
 */
export interface Deny {
  readonly _tag: "Deny"
  readonly violation: PrincipleViolation
}

/**
 * The rule requires something first.
 *
 * @since 0.1.0
 * @category models
 */
export interface Require {
  readonly _tag: "Require"
  readonly principle: PrincipleId
  readonly rule: RuleId
  readonly requirement: Requirement
  readonly messageKey: string
}

/**
 * The rule allows the command but gives advice (e.g. long use of a service without progress).
 *
 * @since 0.1.0
 * @category models
 */
export interface Warn {
  readonly _tag: "Warn"
  readonly principle: PrincipleId
  readonly rule: RuleId
  readonly reason: string
  readonly messageKey: string
}

/**
 * What one rule says about one command.
 *
 * @since 0.1.0
 * @category models
 */
export type Verdict = Allow | Deny | Require | Warn

/**
 * The tag of a verdict.
 *
 * @since 0.1.0
 * @category models
 */
export type VerdictTag = Verdict["_tag"]

/**
 * The tags of the verdicts a rule may return besides `Allow` (declared by each rule).
 *
 * @since 0.1.0
 * @category models
 */
export type NonAllowTag = Exclude<VerdictTag, "Allow">

/**
 * The one `Allow` value. Rules return this very object, so the engine's all-allow path
 * allocates nothing.
 *
 * @since 0.1.0
 * @category constructors
 */
export const allow: Allow = Object.freeze({ _tag: "Allow" as const })

/**
 * Builds a `Deny` verdict. Its violation carries no stack trace (see the note in the source).
 *
 * @since 0.1.0
 * @category constructors
 */
export const deny = (fields: {
  readonly principle: PrincipleId
  readonly rule: RuleId
  readonly reason: string
  readonly messageKey: string
}): Deny => ({ _tag: "Deny", violation: makeViolation(fields) })

// A violation is an outcome, not a bug: its stack trace says nothing useful and capturing one
// costs several microseconds, most of a denial's cost. Effect's Schema does the same.
const errorConstructor = Error as { stackTraceLimit?: number }
const makeViolation = (fields: ConstructorParameters<typeof PrincipleViolation>[0]): PrincipleViolation => {
  const limit = errorConstructor.stackTraceLimit
  if (typeof limit !== "number") return new PrincipleViolation(fields)
  errorConstructor.stackTraceLimit = 0
  try {
    return new PrincipleViolation(fields)
  } finally {
    errorConstructor.stackTraceLimit = limit
  }
}

/**
 * Builds a `Require` verdict.
 *
 * @since 0.1.0
 * @category constructors
 */
export const require = (fields: {
  readonly principle: PrincipleId
  readonly rule: RuleId
  readonly requirement: Requirement
  readonly messageKey: string
}): Require => ({
  _tag: "Require",
  principle: fields.principle,
  rule: fields.rule,
  requirement: fields.requirement,
  messageKey: fields.messageKey
})

/**
 * Builds a `Warn` verdict.
 *
 * @since 0.1.0
 * @category constructors
 */
export const warn = (fields: {
  readonly principle: PrincipleId
  readonly rule: RuleId
  readonly reason: string
  readonly messageKey: string
}): Warn => ({
  _tag: "Warn",
  principle: fields.principle,
  rule: fields.rule,
  reason: fields.reason,
  messageKey: fields.messageKey
})

/**
 * Whether a verdict is `Allow`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isAllow = (verdict: Verdict): verdict is Allow => verdict._tag === "Allow"

/**
 * Whether a verdict is `Deny`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isDeny = (verdict: Verdict): verdict is Deny => verdict._tag === "Deny"

/**
 * The principle a verdict speaks for, or `undefined` for `Allow`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const principleOf = (verdict: Verdict): PrincipleId | undefined =>
  match(verdict)
    .with({ _tag: "Allow" }, () => undefined)
    .with({ _tag: "Deny" }, (v) => v.violation.principle)
    .with({ _tag: "Require" }, (v) => v.principle)
    .with({ _tag: "Warn" }, (v) => v.principle)
    .exhaustive()
