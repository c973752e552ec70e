/**
 * The built-in principles of Pomoc, from the seeds' mission statements, as rules on the
 * principles engine, and the engine configuration every service gets: the core rule set, the
 * protected commands of voluntariness and the eligibility commands of equality.
 *
 * Some principles bind every service (voluntariness, confidentiality, equality, individual
 * approach, respect for uniqueness); the others bind a service that lists them in
 * `service.principles` (low threshold, independence, empowerment, active cooperation; free of
 * charge also binds a service marked `freeOfCharge`). Plugins add rule sets after the core's;
 * they may add rules, never remove or override a core rule.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Principles, Principle, RuleSet, defineRule, type Command, type Facts } from "@pomoc/core"
 *
 * const HouseRules = Principle.make({ id: "house-rules", labels: { en: "House rules", cs: "Domácí řád", lt: "Vidaus taisyklės", bg: "Вътрешен ред" } })
 * const noNightContacts = defineRule<Command.Command, Facts.Facts>()({
 *   id: "house-rules/no-night-contacts",
 *   principle: HouseRules,
 *   appliesTo: ["RecordContact"],
 *   reads: [],
 *   verdicts: ["Warn"],
 *   check: (command, _facts, v) => v.allow
 * })
 * const engine = Effect.runSync(Principles.makeCoreEngine([RuleSet.make({ id: "my-plugin", rules: [noNightContacts] })]))
 * ```
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import type { Command, CommandTag } from "../../Command.js"
import type { Facts } from "../../Facts.js"
import * as Engine from "../Engine.js"
import type { Labels, Principle } from "../Principle.js"
import type { RegistrationError } from "../RegistrationError.js"
import type { AnyCommand, Rule } from "../Rule.js"
import * as RuleSet from "../RuleSet.js"
import { ActiveCooperation, activeCooperationMessages, activeCooperationRules } from "./ActiveCooperation.js"
import { Confidentiality, confidentialityMessages, confidentialityRules } from "./Confidentiality.js"
import { Empowerment, empowermentMessages, empowermentRules } from "./Empowerment.js"
import { eligibilityCommands, Equality, equalityMessages, equalityRules } from "./Equality.js"
import { FreeOfCharge, freeOfChargeMessages, freeOfChargeRules } from "./FreeOfCharge.js"
import { Independence, independenceMessages, independenceRules } from "./Independence.js"
import { IndividualApproach, individualApproachMessages, individualApproachRules } from "./IndividualApproach.js"
import { LowThreshold, lowThresholdMessages, lowThresholdRules } from "./LowThreshold.js"
import {
  RespectForUniqueness,
  respectForUniquenessMessages,
  respectForUniquenessRules
} from "./RespectForUniqueness.js"
import {
  Voluntariness,
  voluntarinessMessages,
  voluntarinessProtectedCommands,
  voluntarinessRules
} from "./Voluntariness.js"

export * from "./ActiveCooperation.js"
export * from "./Confidentiality.js"
export * from "./Empowerment.js"
export * from "./Equality.js"
export * from "./FreeOfCharge.js"
export * from "./Independence.js"
export * from "./IndividualApproach.js"
export * from "./LowThreshold.js"
export * from "./RespectForUniqueness.js"
export * from "./Voluntariness.js"
export { binds, coreRule, inForce, type Messages } from "./shared.js"

/**
 * Every built-in principle, in the order of the seeds.
 *
 * @since 0.1.0
 * @category models
 */
export const corePrinciples: ReadonlyArray<Principle> = Object.freeze([
  LowThreshold,
  Voluntariness,
  Independence,
  Equality,
  RespectForUniqueness,
  Confidentiality,
  IndividualApproach,
  Empowerment,
  ActiveCooperation,
  FreeOfCharge
])

/**
 * The ids of the built-in principles.
 *
 * @since 0.1.0
 * @category models
 */
export const corePrincipleIds = [
  "low-threshold",
  "voluntariness",
  "independence",
  "equality",
  "respect-for-uniqueness",
  "confidentiality",
  "individual-approach",
  "empowerment",
  "active-cooperation",
  "free-of-charge"
] as const

/**
 * The id of a built-in principle.
 *
 * @since 0.1.0
 * @category models
 */
export type CorePrincipleId = (typeof corePrincipleIds)[number]

/**
 * The principles that bind every service, whatever it declares.
 *
 * @since 0.1.0
 * @category models
 */
export const universalPrincipleIds: ReadonlyArray<CorePrincipleId> = [
  "voluntariness",
  "equality",
  "respect-for-uniqueness",
  "confidentiality",
  "individual-approach"
]

/**
 * Every built-in rule, in evaluation order.
 *
 * @since 0.1.0
 * @category models
 */
export const coreRules: ReadonlyArray<Rule<Command, Facts>> = Object.freeze([
  ...voluntarinessRules,
  ...lowThresholdRules,
  ...equalityRules,
  ...confidentialityRules,
  ...individualApproachRules,
  ...respectForUniquenessRules,
  ...activeCooperationRules,
  ...empowermentRules,
  ...freeOfChargeRules,
  ...independenceRules
])

/**
 * The labels of every message key the built-in rules use.
 *
 * @since 0.1.0
 * @category models
 */
export const coreMessages: Readonly<Record<string, Labels>> = Object.freeze({
  ...lowThresholdMessages,
  ...voluntarinessMessages,
  ...independenceMessages,
  ...equalityMessages,
  ...respectForUniquenessMessages,
  ...confidentialityMessages,
  ...individualApproachMessages,
  ...empowermentMessages,
  ...activeCooperationMessages,
  ...freeOfChargeMessages
})

/**
 * The commands no rule may deny or require anything of.
 *
 * @since 0.1.0
 * @category models
 */
export const coreProtectedCommands: ReadonlyArray<Engine.ProtectedCommand<CommandTag>> = voluntarinessProtectedCommands

/**
 * The commands that decide eligibility, for which no rule may read a protected attribute.
 *
 * @since 0.1.0
 * @category models
 */
export const coreEligibilityCommands: ReadonlyArray<CommandTag> = eligibilityCommands

/**
 * The built-in rules as the first rule set, `"core"`.
 *
 * @since 0.1.0
 * @category models
 */
export const coreRuleSet: RuleSet.RuleSet<Command, Facts> = RuleSet.make({ id: "core", rules: coreRules })

/**
 * The engine configuration of core followed by the given rule sets (a plugin's, an
 * application's). A plugin may widen the command union and the facts: core's rules only ever
 * receive the core commands they name, and read only core facts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const coreConfig = <Cmd extends AnyCommand = Command, F extends Facts = Facts>(
  ruleSets: ReadonlyArray<RuleSet.RuleSet<Cmd, F>> = []
): Engine.Config<Cmd, F> => ({
  // Sound by dispatch: the engine hands a core rule only commands with the tags it lists.
  ruleSets: [coreRuleSet as unknown as RuleSet.RuleSet<Cmd, F>, ...ruleSets],
  eligibilityCommands: coreEligibilityCommands,
  protectedCommands: coreProtectedCommands
})

/**
 * Registers core's rules followed by the given rule sets, failing with the first registration
 * error (a rule that would deny ending cooperation, an eligibility rule that reads a protected
 * attribute, a rule set that removes or overrides a core rule, …).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeCoreEngine = <Cmd extends AnyCommand = Command, F extends Facts = Facts>(
  ruleSets: ReadonlyArray<RuleSet.RuleSet<Cmd, F>> = []
): Effect.Effect<Engine.Engine<Cmd, F>, RegistrationError> => Engine.make(coreConfig(ruleSets))

/**
 * The engine of core's rules alone.
 *
 * @since 0.1.0
 * @category constructors
 */
export const coreEngine: Engine.Engine<Command, Facts> = Engine.makeUnsafe(coreConfig())
