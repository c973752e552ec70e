/**
 * The typed errors with which the engine refuses a set of rules at registration. Each names the
 * rule and says what to change. None carries personal data: rules are code, not records.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A rule that applies to an eligibility command declares that it reads a protected attribute
 * (equality principle: eligibility never depends on sex, race, faith, origin, …).
 *
 * @since 0.1.0
 * @category errors
 */
export class ProtectedAttributeRead extends Schema.TaggedError<ProtectedAttributeRead>(
  "@pomoc/core/ProtectedAttributeRead"
)("ProtectedAttributeRead", {
  rule: Schema.String,
  principle: Schema.String,
  command: Schema.String,
  path: Schema.String,
  attribute: Schema.String
}) {
  override get message(): string {
    return `Rule "${this.rule}" applies to the eligibility command "${this.command}" and declares that it reads "${this.path}", ` +
      `a protected attribute ("${this.attribute}"): eligibility must never depend on it. ` +
      `Remove "${this.path}" from the rule's reads, or stop applying the rule to "${this.command}".`
  }
}

/**
 * A rule could return a verdict that a protected command's policy forbids, e.g. a rule that
 * could deny ending cooperation, or demand a reason for it (voluntariness).
 *
 * @since 0.1.0
 * @category errors
 */
export class RuleWouldRestrictProtectedCommand extends Schema.TaggedError<RuleWouldRestrictProtectedCommand>(
  "@pomoc/core/RuleWouldRestrictProtectedCommand"
)("RuleWouldRestrictProtectedCommand", {
  rule: Schema.String,
  principle: Schema.String,
  command: Schema.String,
  verdict: Schema.Literals(["Deny", "Require", "Warn"]),
  protectedBy: Schema.String,
  wildcard: Schema.Boolean
}) {
  override get message(): string {
    const fix = this.wildcard
      ? `add "${this.command}" to the rule's except list, or remove "${this.verdict}" from its verdicts`
      : `stop applying the rule to "${this.command}", or remove "${this.verdict}" from its verdicts`
    return `Rule "${this.rule}" may return ${this.verdict} for "${this.command}", which principle "${this.protectedBy}" ` +
      `protects from ${this.verdict}: ${fix}.`
  }
}

/**
 * A rule set removes or overrides a rule of a core principle. A plugin may add rules to a core
 * principle (tighten it) but never take its rules away.
 *
 * @since 0.1.0
 * @category errors
 */
export class CorePrincipleRemoved extends Schema.TaggedError<CorePrincipleRemoved>("@pomoc/core/CorePrincipleRemoved")(
  "CorePrincipleRemoved",
  {
    rule: Schema.String,
    principle: Schema.String,
    ruleSet: Schema.String,
    action: Schema.Literals(["removed", "overridden"])
  }
) {
  override get message(): string {
    return `Rule set "${this.ruleSet}" ${this.action} rule "${this.rule}" of the core principle "${this.principle}": ` +
      `core principles cannot be switched off. Keep the rule and add your own rule with a new id to tighten it.`
  }
}

/**
 * Two rules of one rule set share an id, or a rule set removes a rule that is not registered.
 *
 * @since 0.1.0
 * @category errors
 */
export class RuleIdConflict extends Schema.TaggedError<RuleIdConflict>("@pomoc/core/RuleIdConflict")("RuleIdConflict", {
  rule: Schema.String,
  ruleSet: Schema.String,
  reason: Schema.Literals(["duplicate", "removedButNotRegistered"])
}) {
  override get message(): string {
    return this.reason === "duplicate"
      ? `Rule set "${this.ruleSet}" defines rule "${this.rule}" twice: give each rule a unique id.`
      : `Rule set "${this.ruleSet}" removes rule "${this.rule}", which no earlier rule set registered: check the id.`
  }
}

/**
 * A rule's definition is malformed (e.g. it applies to no command, or lists `except` without
 * applying to `"*"`).
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidRule extends Schema.TaggedError<InvalidRule>("@pomoc/core/InvalidRule")("InvalidRule", {
  rule: Schema.String,
  field: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `Rule "${this.rule}", field "${this.field}": ${this.reason}`
  }
}

/**
 * A rule returned a verdict it did not declare in `verdicts`. This is a bug in the rule, so it
 * is thrown (a defect), never returned: the engine's registration-time guarantees rest on
 * declarations.
 *
 * @since 0.1.0
 * @category errors
 */
export class RuleBrokeContract extends Schema.TaggedError<RuleBrokeContract>("@pomoc/core/RuleBrokeContract")(
  "RuleBrokeContract",
  {
    rule: Schema.String,
    command: Schema.String,
    verdict: Schema.String
  }
) {
  override get message(): string {
    return `Rule "${this.rule}" returned ${this.verdict} for "${this.command}" but does not declare "${this.verdict}" in its verdicts: ` +
      `declare it (and pass registration again) or fix the rule.`
  }
}

/**
 * Every way in which registration can refuse rules.
 *
 * @since 0.1.0
 * @category errors
 */
export type RegistrationError =
  | ProtectedAttributeRead
  | RuleWouldRestrictProtectedCommand
  | CorePrincipleRemoved
  | RuleIdConflict
  | InvalidRule
