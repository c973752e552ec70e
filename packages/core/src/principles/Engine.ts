/**
 * The principles engine: registers rules once (refusing, with typed errors, rules that break
 * the registration-time guarantees), indexes them by command tag, and evaluates the applicable
 * rules of a command in one synchronous pass.
 *
 * - `check` returns the combined {@link Decision.Decision}; when every rule allows it returns
 *   the shared `Decision.allowed` and allocates nothing.
 * - `explain` also lists what each rule said.
 * - `checkEffect` is the same check as an Effect: it fails with the first
 *   {@link Verdict.PrincipleViolation} (in rule order) and succeeds with `Allowed` or
 *   `Required` (requirements and warnings), which the caller must handle. Use `check` or
 *   `explain` to see every violation.
 *
 * Registration-time guarantees:
 * - equality: a rule that applies to an eligibility command may not declare a read of a
 *   protected attribute (`ProtectedAttributeRead`);
 * - protected commands (e.g. ending cooperation): a rule that applies to one may not declare a
 *   verdict its policy forbids (`RuleWouldRestrictProtectedCommand`). Rules for `"*"` are
 *   checked too: such a rule must list the command in `except` or not declare the verdict. At
 *   run time a rule that returns a verdict it did not declare throws `RuleBrokeContract`, so a
 *   declaration cannot be used to slip past the check; for a protected command, a rule that
 *   throws or returns a forbidden or undeclared verdict becomes a warning instead, so a buggy
 *   plugin can never stop a person from ending cooperation or withdrawing consent;
 * - core principles: a rule set may not remove or override a core principle's rule
 *   (`CorePrincipleRemoved`).
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as Decision from "./Decision.js"
import type { PrincipleId } from "./Principle.js"
import * as ProtectedAttributes from "./ProtectedAttributes.js"
import * as RegistrationError from "./RegistrationError.js"
import * as Rule from "./Rule.js"
import * as RuleSet from "./RuleSet.js"
import * as Verdict from "./Verdict.js"
import type { NonAllowTag, PrincipleViolation, RuleId } from "./Verdict.js"

/**
 * A command that a principle protects from some verdicts, e.g.
 * `{ commandTag: "EndCooperation", forbid: ["Deny", "Require"], principle: "voluntariness" }`:
 * ending cooperation is always allowed and never needs a reason.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProtectedCommand<Tag extends string = string> {
  readonly commandTag: Tag
  readonly forbid: ReadonlyArray<NonAllowTag>
  readonly principle: PrincipleId
}

/**
 * What the engine is made of.
 *
 * - `rules` / `ruleSets`: the rules; `rules` is registered as a last rule set named `"rules"`.
 * - `eligibilityCommands`: the commands that decide eligibility (equality principle).
 * - `protectedCommands`: the verdicts that no rule may give some commands.
 * - `protectedAttributes`: the protected attribute names (default
 *   `ProtectedAttributes.defaults`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Config<Cmd extends Rule.AnyCommand, Facts> {
  readonly rules?: ReadonlyArray<Rule.Rule<Cmd, Facts>>
  readonly ruleSets?: ReadonlyArray<RuleSet.RuleSet<Cmd, Facts>>
  readonly eligibilityCommands?: ReadonlyArray<Cmd["_tag"]>
  readonly protectedCommands?: ReadonlyArray<ProtectedCommand<Cmd["_tag"]>>
  readonly protectedAttributes?: ReadonlyArray<string>
}

/**
 * A registered, indexed set of rules.
 *
 * @since 0.1.0
 * @category models
 */
export interface Engine<Cmd extends Rule.AnyCommand, Facts> {
  /** Every registered rule, in evaluation order. */
  readonly rules: ReadonlyArray<Rule.Rule<Cmd, Facts>>
  /** The rules evaluated for a command tag, in order. */
  readonly rulesFor: (tag: Cmd["_tag"]) => ReadonlyArray<Rule.Rule<Cmd, Facts>>
  /** The combined decision of the applicable rules. */
  readonly check: (command: Cmd, facts: Facts) => Decision.Decision
  /** The combined decision and what every applicable rule said. */
  readonly explain: (command: Cmd, facts: Facts) => Decision.Explanation
  /** `check` as an Effect that fails with the first violation. */
  readonly checkEffect: (
    command: Cmd,
    facts: Facts
  ) => Effect.Effect<Decision.Allowed | Decision.Required, PrincipleViolation>
}

const verdictBit: Readonly<Record<string, number>> = { Deny: 1, Require: 2, Warn: 4 }
const knownVerdicts: ReadonlyArray<string> = ["Deny", "Require", "Warn"]

const ruleSetsOf = <Cmd extends Rule.AnyCommand, Facts>(config: Config<Cmd, Facts>) => [
  ...(config.ruleSets ?? []),
  ...(config.rules === undefined ? [] : [RuleSet.make({ id: "rules", rules: config.rules })])
]

/**
 * The malformed parts of a rule's definition (checked at registration; rules written in
 * TypeScript with `defineRule` rarely have any).
 *
 * @since 0.1.0
 * @category combinators
 */
export const invalidParts = (rule: Rule.Rule<Rule.AnyCommand, never>): ReadonlyArray<RegistrationError.InvalidRule> => {
  const problems: Array<RegistrationError.InvalidRule> = []
  const problem = (field: string, reason: string) =>
    problems.push(new RegistrationError.InvalidRule({ rule: rule.id, field, reason }))
  if (rule.id.length === 0) problem("id", "a rule needs a non-empty id")
  if (rule.appliesTo !== "*" && rule.appliesTo.length === 0) {
    problem("appliesTo", "list at least one command tag, or \"*\" for every command")
  }
  if (rule.appliesTo !== "*" && rule.except.length > 0) {
    problem("except", "except is only meaningful with appliesTo \"*\"")
  }
  for (const verdict of rule.verdicts) {
    if (!knownVerdicts.includes(verdict)) problem("verdicts", `"${verdict}" is not one of Deny, Require, Warn`)
  }
  for (const path of rule.reads) {
    if (path.length === 0 || path.split(".").some((segment) => segment.length === 0)) {
      problem("reads", `"${path}" is not a dot-separated fact path`)
    }
  }
  return problems
}

/**
 * The protected attributes that rules applying to eligibility commands declare they read.
 * One error per rule and path (naming the first eligibility command the rule applies to).
 *
 * @since 0.1.0
 * @category combinators
 */
export const protectedAttributeReads = (
  rules: ReadonlyArray<Rule.Rule<Rule.AnyCommand, never>>,
  eligibilityCommands: ReadonlyArray<string>,
  protectedAttributes: ProtectedAttributes.ProtectedAttributes = ProtectedAttributes.standard
): ReadonlyArray<RegistrationError.ProtectedAttributeRead> => {
  const problems: Array<RegistrationError.ProtectedAttributeRead> = []
  for (const rule of rules) {
    const command = eligibilityCommands.find((tag) => Rule.appliesTo(rule, tag))
    if (command === undefined) continue
    for (const path of rule.reads) {
      const attribute = ProtectedAttributes.defaultContainers.includes(path)
        ? path
        : protectedAttributes.protectedSegment(path)
      if (attribute !== undefined) {
        problems.push(
          new RegistrationError.ProtectedAttributeRead({
            rule: rule.id,
            principle: rule.principle.id,
            command,
            path,
            attribute
          })
        )
      }
    }
  }
  return problems
}

/**
 * The rules that could give a protected command a verdict its policy forbids. One error per
 * rule and policy (naming the first forbidden verdict the rule declares).
 *
 * @since 0.1.0
 * @category combinators
 */
export const protectedCommandRestrictions = (
  rules: ReadonlyArray<Rule.Rule<Rule.AnyCommand, never>>,
  protectedCommands: ReadonlyArray<ProtectedCommand>
): ReadonlyArray<RegistrationError.RuleWouldRestrictProtectedCommand> => {
  const problems: Array<RegistrationError.RuleWouldRestrictProtectedCommand> = []
  for (const policy of protectedCommands) {
    for (const rule of rules) {
      if (!Rule.appliesTo(rule, policy.commandTag)) continue
      const verdict = rule.verdicts.find((v) => policy.forbid.includes(v))
      if (verdict === undefined) continue
      problems.push(
        new RegistrationError.RuleWouldRestrictProtectedCommand({
          rule: rule.id,
          principle: rule.principle.id,
          command: policy.commandTag,
          verdict,
          protectedBy: policy.principle,
          wildcard: rule.appliesTo === "*"
        })
      )
    }
  }
  return problems
}

/**
 * Every reason to refuse a configuration, in a fixed order: malformed rules, rule-set layering
 * (duplicates, core principles), protected attributes, protected commands. Empty when the
 * configuration is sound.
 *
 * @since 0.1.0
 * @category combinators
 */
export const validate = <Cmd extends Rule.AnyCommand, Facts>(
  config: Config<Cmd, Facts>
): ReadonlyArray<RegistrationError.RegistrationError> => {
  const sets = ruleSetsOf(config)
  const invalid = sets.flatMap((set) =>
    set.rules.flatMap((rule) => invalidParts(rule as Rule.Rule<Rule.AnyCommand, never>))
  )
  const layered = RuleSet.layer(sets)
  const rules = layered.rules as unknown as ReadonlyArray<Rule.Rule<Rule.AnyCommand, never>>
  return [
    ...invalid,
    ...layered.problems,
    ...protectedAttributeReads(
      rules,
      config.eligibilityCommands ?? [],
      config.protectedAttributes === undefined
        ? ProtectedAttributes.standard
        : ProtectedAttributes.make(config.protectedAttributes)
    ),
    ...protectedCommandRestrictions(rules, config.protectedCommands ?? [])
  ]
}

interface Compiled<Cmd extends Rule.AnyCommand, Facts> {
  readonly rules: ReadonlyArray<Rule.Rule<Cmd, Facts>>
  readonly checks: ReadonlyArray<Rule.Rule<Cmd, Facts>["check"]>
  readonly builders: ReadonlyArray<Rule.VerdictBuilder>
  readonly masks: Uint8Array
  readonly ids: ReadonlyArray<RuleId>
  readonly principles: ReadonlyArray<PrincipleId>
  /** Each rule's step when it allows: shared, so `explain` allocates only for other verdicts. */
  readonly allowSteps: ReadonlyArray<Decision.Step>
}

const compile = <Cmd extends Rule.AnyCommand, Facts>(
  rules: ReadonlyArray<Rule.Rule<Cmd, Facts>>
): Compiled<Cmd, Facts> => ({
  rules: Object.freeze([...rules]),
  checks: rules.map((rule) => rule.check),
  builders: rules.map((rule) => rule.verdict),
  masks: Uint8Array.from(rules.map((rule) => rule.verdicts.reduce((mask, v) => mask | (verdictBit[v] ?? 0), 0))),
  ids: rules.map((rule) => rule.id),
  principles: rules.map((rule) => rule.principle.id),
  allowSteps: rules.map((rule) =>
    Object.freeze({ rule: rule.id, principle: rule.principle.id, verdict: Verdict.allow })
  )
})

const enforceDeclared = <Cmd extends Rule.AnyCommand, Facts>(
  compiled: Compiled<Cmd, Facts>,
  index: number,
  verdict: Verdict.Verdict,
  command: Cmd
): void => {
  if (((verdictBit[verdict._tag] ?? 0) & compiled.masks[index]!) === 0) {
    throw new RegistrationError.RuleBrokeContract({
      rule: compiled.ids[index]!,
      command: command._tag,
      verdict: String((verdict as { readonly _tag?: unknown } | undefined)?._tag)
    })
  }
}

const succeedAllowed = Effect.succeed(Decision.allowed)

/**
 * A protected command must succeed whatever a plugin's rule does: a rule that throws, or returns
 * a verdict its policy forbids (or one it did not declare), is turned into a warning that names
 * the rule, so the person can still end cooperation or withdraw consent. Registration already
 * refuses rules that declare a forbidden verdict; this covers rules that lie about it or crash.
 */
const guardProtected = <Cmd extends Rule.AnyCommand, Facts>(
  compiled: Compiled<Cmd, Facts>,
  policy: ProtectedCommand
): Compiled<Cmd, Facts> => {
  const misbehaved = (index: number, what: string): Verdict.Warn =>
    Verdict.warn({
      principle: policy.principle,
      rule: compiled.ids[index]!,
      reason:
        `the rule ${what}; ${policy.commandTag} is protected, so this is recorded as a warning and the command proceeds`,
      messageKey: "engine.protected-command.rule-misbehaved"
    })
  const checks = compiled.checks.map((check, index): Rule.Rule<Cmd, Facts>["check"] => (command, facts, builder) => {
    let verdict: Verdict.Verdict
    try {
      verdict = check(command, facts, builder)
    } catch {
      return misbehaved(index, "failed while judging the command")
    }
    const tag = (verdict as { readonly _tag?: unknown } | undefined)?._tag
    if (tag === "Allow") return verdict
    if (tag === "Warn" && (compiled.masks[index]! & verdictBit["Warn"]!) !== 0) return verdict
    return misbehaved(index, `gave a verdict it may not give this command (${String(tag)})`)
  })
  return {
    ...compiled,
    checks,
    // Every rule of a protected command may now answer with a warning.
    masks: Uint8Array.from(compiled.masks, (mask) => mask | verdictBit["Warn"]!)
  }
}

const build = <Cmd extends Rule.AnyCommand, Facts>(config: Config<Cmd, Facts>): Engine<Cmd, Facts> => {
  const rules = RuleSet.layer(ruleSetsOf(config)).rules
  const tags = new Set<string>()
  for (const rule of rules) {
    if (rule.appliesTo !== "*") rule.appliesTo.forEach((tag) => tags.add(tag))
    rule.except.forEach((tag) => tags.add(tag))
  }
  const policies = new Map<string, ProtectedCommand>((config.protectedCommands ?? []).map((p) => [p.commandTag, p]))
  for (const tag of policies.keys()) tags.add(tag)
  const compileFor = (tag: string, selected: ReadonlyArray<Rule.Rule<Cmd, Facts>>): Compiled<Cmd, Facts> => {
    const compiled = compile(selected)
    const policy = policies.get(tag)
    return policy === undefined ? compiled : guardProtected(compiled, policy)
  }
  const index = new Map<string, Compiled<Cmd, Facts>>()
  for (const tag of tags) {
    index.set(
      tag,
      compileFor(tag, rules.filter((rule) => Rule.appliesTo(rule as Rule.Rule<Rule.AnyCommand, never>, tag)))
    )
  }
  // Tags no rule names get the "*" rules.
  const fallback = compile(rules.filter((rule) => rule.appliesTo === "*"))
  // A one-entry cache in front of the index: writes usually come in runs of one command type,
  // and comparing two interned strings is cheaper than hashing into the map.
  let cachedTag: string | undefined
  let cached: Compiled<Cmd, Facts> = fallback
  const lookup = (tag: string): Compiled<Cmd, Facts> => {
    if (tag === cachedTag) return cached
    cached = index.get(tag) ?? fallback
    cachedTag = tag
    return cached
  }

  const combineFrom = (
    compiled: Compiled<Cmd, Facts>,
    start: number,
    first: Verdict.Verdict,
    command: Cmd,
    facts: Facts
  ): Decision.Decision => {
    enforceDeclared(compiled, start, first, command)
    const accumulator = new Decision.Accumulator()
    accumulator.add(first)
    const { builders, checks } = compiled
    for (let i = start + 1, n = checks.length; i < n; i++) {
      const verdict = checks[i]!(command, facts, builders[i]!)
      if (verdict._tag !== "Allow") {
        enforceDeclared(compiled, i, verdict, command)
        accumulator.add(verdict)
      }
    }
    return accumulator.decision()
  }

  const check = (command: Cmd, facts: Facts): Decision.Decision => {
    const compiled = lookup(command._tag)
    const { builders, checks } = compiled
    for (let i = 0, n = checks.length; i < n; i++) {
      const verdict = checks[i]!(command, facts, builders[i]!)
      if (verdict._tag !== "Allow") return combineFrom(compiled, i, verdict, command, facts)
    }
    return Decision.allowed
  }

  const explain = (command: Cmd, facts: Facts): Decision.Explanation => {
    const compiled = lookup(command._tag)
    const { allowSteps, builders, checks, ids, principles } = compiled
    const n = checks.length
    const steps = new Array<Decision.Step>(n)
    let accumulator: Decision.Accumulator | undefined
    for (let i = 0; i < n; i++) {
      const verdict = checks[i]!(command, facts, builders[i]!)
      if (verdict._tag === "Allow") {
        steps[i] = allowSteps[i]!
      } else {
        enforceDeclared(compiled, i, verdict, command)
        steps[i] = { rule: ids[i]!, principle: principles[i]!, verdict }
        ;(accumulator ??= new Decision.Accumulator()).add(verdict)
      }
    }
    return { decision: accumulator === undefined ? Decision.allowed : accumulator.decision(), steps }
  }

  const checkEffect = (
    command: Cmd,
    facts: Facts
  ): Effect.Effect<Decision.Allowed | Decision.Required, PrincipleViolation> =>
    Effect.suspend(() => {
      const decision = check(command, facts)
      if (decision === Decision.allowed) return succeedAllowed
      return decision._tag === "Denied" ? Effect.fail(decision.violations[0]) : Effect.succeed(decision)
    })

  return {
    rules,
    rulesFor: (tag) => lookup(tag).rules,
    check,
    explain,
    checkEffect
  }
}

/**
 * Registers and indexes rules, failing with the first {@link RegistrationError.RegistrationError}
 * (use {@link validate} to list them all).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <Cmd extends Rule.AnyCommand, Facts>(
  config: Config<Cmd, Facts>
): Effect.Effect<Engine<Cmd, Facts>, RegistrationError.RegistrationError> =>
  Effect.suspend(() => {
    const problems = validate(config)
    return problems.length > 0 ? Effect.fail(problems[0]!) : Effect.succeed(build(config))
  })

/**
 * Like {@link make}, but throws the first registration error. For module-level constants in
 * tests and benchmarks.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeUnsafe = <Cmd extends Rule.AnyCommand, Facts>(config: Config<Cmd, Facts>): Engine<Cmd, Facts> => {
  const problems = validate(config)
  if (problems.length > 0) throw problems[0]!
  return build(config)
}
