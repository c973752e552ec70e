/**
 * The metamorphic test of the equality principle: changing only a person's protected
 * attributes (gender and everything under `person.protected`) never changes any verdict of any
 * rule for an eligibility command. The engine already refuses, at registration, an eligibility
 * rule that declares a protected read; this property also catches a rule that reads one without
 * declaring it (e.g. by reading `facts.person` as a whole).
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Command } from "../Command.js"
import type { Facts, ProtectedFacts } from "../Facts.js"
import type { Gender } from "../model/Common.js"
import { coreEligibilityCommands } from "../principles/builtin/index.js"
import type { Explanation } from "../principles/Decision.js"
import type { Engine } from "../principles/Engine.js"
import type { AnyCommand } from "../principles/Rule.js"
import type { Verdict } from "../principles/Verdict.js"
import { arbGender } from "./arbitraries.js"
import { arbCoreFacts, arbProtectedFacts } from "./facts.js"
import { arbCoreCommand } from "./principles.js"

/**
 * The generators of {@link checkEquality}: the commands to try (only eligibility commands are
 * kept), the facts, and the protected attributes to swap in. Every one has a default for core.
 *
 * @since 0.1.0
 * @category models
 */
export interface EqualityArbitraries<Cmd extends AnyCommand, F extends Facts> {
  readonly commands?: fc.Arbitrary<Cmd>
  readonly facts?: fc.Arbitrary<F>
  readonly gender?: fc.Arbitrary<Gender>
  readonly protectedFacts?: fc.Arbitrary<ProtectedFacts>
  /** The eligibility commands (default: core's); other generated commands are skipped. */
  readonly eligibilityCommands?: ReadonlyArray<Cmd["_tag"]>
}

/**
 * A rule's verdict on an eligibility command changed when only protected attributes changed.
 * The message names the rule, the command and the two verdicts, never the facts.
 *
 * @since 0.1.0
 * @category errors
 */
export class EqualityBroken extends Error {
  override readonly name = "EqualityBroken"
  constructor(
    readonly rule: string,
    readonly command: string,
    readonly before: string,
    readonly after: string,
    /** fast-check's report (seed, counterexample), when thrown by {@link checkEquality}. */
    readonly report?: string
  ) {
    super(
      `Rule "${rule}" said ${before} on ${command}, and ${after} once only protected attributes changed: ` +
        "eligibility must not depend on a protected attribute" + (report === undefined ? "" : `\n${report}`)
    )
  }
}

/**
 * The facts with the person's protected attributes replaced (unchanged when there is no person).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withProtectedAttributes = <F extends Facts>(facts: F, gender: Gender, protectedFacts: ProtectedFacts): F =>
  facts.person === undefined ? facts : { ...facts, person: { ...facts.person, gender, protected: protectedFacts } }

const describeVerdict = (verdict: Verdict): string => {
  switch (verdict._tag) {
    case "Allow":
      return "Allow"
    case "Deny":
      return `Deny(${verdict.violation.messageKey}: ${verdict.violation.reason})`
    case "Require":
      return `Require(${verdict.messageKey}: ${verdict.requirement.kind}/${verdict.requirement.purpose ?? ""})`
    case "Warn":
      return `Warn(${verdict.messageKey}: ${verdict.reason})`
  }
}

const compare = (command: string, before: Explanation, after: Explanation): void => {
  const n = Math.max(before.steps.length, after.steps.length)
  for (let i = 0; i < n; i++) {
    const a = before.steps[i]
    const b = after.steps[i]
    const left = a === undefined ? "nothing" : describeVerdict(a.verdict)
    const right = b === undefined ? "nothing" : describeVerdict(b.verdict)
    if (a?.rule !== b?.rule || left !== right) throw new EqualityBroken(a?.rule ?? b?.rule ?? "?", command, left, right)
  }
  if (before.decision._tag !== after.decision._tag) {
    throw new EqualityBroken("(combined decision)", command, before.decision._tag, after.decision._tag)
  }
}

/**
 * The metamorphic property: for generated eligibility commands and facts, the engine's
 * explanation (every rule's verdict, and the combined decision) is the same before and after
 * swapping in other protected attributes. Fails with {@link EqualityBroken}.
 *
 * @since 0.1.0
 * @category combinators
 */
export const equalityProperty = <Cmd extends AnyCommand = Command, F extends Facts = Facts>(
  engine: Engine<Cmd, F>,
  arbitraries: EqualityArbitraries<Cmd, F> = {}
): fc.IPropertyWithHooks<[Cmd, F, Gender, ProtectedFacts]> => {
  const eligibility: ReadonlyArray<string> = arbitraries.eligibilityCommands ?? coreEligibilityCommands
  const commands = (arbitraries.commands ?? (arbCoreCommand(coreEligibilityCommands) as unknown as fc.Arbitrary<Cmd>))
    .filter((command) => eligibility.includes(command._tag))
  const facts = arbitraries.facts ?? (arbCoreFacts as fc.Arbitrary<F>)
  return fc.property(
    commands,
    facts,
    arbitraries.gender ?? arbGender,
    arbitraries.protectedFacts ?? arbProtectedFacts,
    (command, original, gender, protectedFacts) => {
      const before = engine.explain(command, original)
      const after = engine.explain(command, withProtectedAttributes(original, gender, protectedFacts))
      compare(command._tag, before, after)
    }
  )
}

/**
 * Asserts the metamorphic equality property for an engine (core's, or core's with a plugin's
 * rules): throws an {@link EqualityBroken} that names the rule, the command and both verdicts,
 * followed by fast-check's report (seed and shrunk counterexample), when a verdict on an
 * eligibility command depends on a protected attribute.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Principles } from "@pomoc/core"
 * import { checkEquality } from "@pomoc/core/testing"
 *
 * const engine = Effect.runSync(Principles.makeCoreEngine([myPluginRules]))
 * checkEquality(engine)                   // core's generators
 * checkEquality(engine, { facts: myFacts }, { numRuns: 500 })
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const checkEquality = <Cmd extends AnyCommand = Command, F extends Facts = Facts>(
  engine: Engine<Cmd, F>,
  arbitraries: EqualityArbitraries<Cmd, F> = {},
  parameters: fc.Parameters<[Cmd, F, Gender, ProtectedFacts]> = {}
): void => {
  const details = fc.check(equalityProperty(engine, arbitraries), parameters)
  if (!details.failed) return
  const report = fc.defaultReportMessage(details) ?? "the equality property failed"
  const cause = details.errorInstance
  if (cause instanceof EqualityBroken) {
    throw new EqualityBroken(cause.rule, cause.command, cause.before, cause.after, report)
  }
  throw new Error(report, { cause })
}
