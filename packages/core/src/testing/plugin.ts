/**
 * The plugin test kit: checks that every plugin's tests call, whatever test runner they use.
 * Each check is a plain function that returns a {@link PluginCheckResult} (the caller asserts
 * `problems` is empty); {@link testPlugin} runs them all.
 *
 * - `registration`: the registry accepts the plugin (with its dependencies).
 * - `labels`: every label is complete in en, cs, lt and bg.
 * - `purity`: every rule, run twice on generated commands and deep-frozen facts, returns the
 *   same verdict and never throws or writes to the facts.
 * - `declaredReads`: every rule reads only the facts it declares (`traceReads`).
 * - `eligibilityReads`: rules that decide eligibility neither declare nor read a protected
 *   attribute.
 * - `equality`: the metamorphic property: swapping protected attributes never changes an
 *   eligibility verdict of the registry's engine (core rules plus the plugin's).
 * - `derivations`: every derivation is deterministic and returns a value on its indicator's
 *   scale (or nothing) for generated histories.
 * - `reports`: every report definition is computable on generated records.
 * - `scope`: the plugin's rules, as registered, allow every command for another service type's
 *   service (the registry scopes them; a rule need not check `service.type` itself).
 * - `messages`: every message key the plugin's rules give on generated commands has a label in
 *   every language the plugin writes (its `messages` or core's).
 *
 * @example
 * ```ts
 * import { describe, expect, it } from "vitest"
 * import { pluginChecks } from "@pomoc/core/testing"
 * import { nightShelter } from "../src/index.js"
 *
 * describe("night-shelter conforms", () => {
 *   for (const check of pluginChecks) {
 *     it(check.name, () => expect(check.run(nightShelter).problems).toEqual([]))
 *   }
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Command, CommandTag } from "../Command.js"
import type { Facts } from "../Facts.js"
import type { Labels } from "../model/Common.js"
import { IndicatorScale, type OutcomeValue } from "../model/Outcome.js"
import { languagesOf } from "../plugins/internal/checks.js"
import type { Plugin, PluginReport } from "../plugins/Plugin.js"
import * as Registry from "../plugins/Registry.js"
import { coreMessages } from "../principles/builtin/index.js"
import * as Engine from "../principles/Engine.js"
import * as ProtectedAttributes from "../principles/ProtectedAttributes.js"
import { type AnyCommand, appliesTo, type Rule, traceReads } from "../principles/Rule.js"
import type { Verdict } from "../principles/Verdict.js"
import { checkEquality } from "./equality.js"
import { checkReports } from "./pluginReports.js"

export { checkReports } from "./pluginReports.js"

export {
  aggregateRecords,
  arbFieldValues,
  arbHistory,
  arbPluginContact,
  arbPluginFacts,
  arbPluginMeasurement,
  arbRecords,
  type FieldValues,
  type GeneratedRecords,
  storeOfIndexed
} from "./pluginArbitraries.js"
import { arbHistory, arbPluginFacts, type GeneratedRecords } from "./pluginArbitraries.js"

export {
  /**
   * Freezes a value and everything it holds (plain objects and arrays), so that a rule that
   * writes to its facts throws.
   * @since 0.1.0
   * @category combinators
   */
  deepFreeze
} from "./internal/kit.js"
import {
  addOnce,
  commandsFor,
  deepFreeze,
  describeError,
  guard,
  parameters,
  result,
  ruleSamples,
  rulesOf,
  sample,
  stable,
  tagsOf
} from "./internal/kit.js"

/**
 * The name of a check of the kit.
 *
 * @since 0.1.0
 * @category models
 */
export type PluginCheckName =
  | "registration"
  | "labels"
  | "purity"
  | "declaredReads"
  | "eligibilityReads"
  | "equality"
  | "derivations"
  | "reports"
  | "scope"
  | "messages"

/**
 * What one check found. `problems` is empty when the plugin passes; each problem names the
 * rule, derivation, report or label and says what went wrong.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginCheckResult {
  readonly check: PluginCheckName
  readonly plugin: string
  readonly ok: boolean
  readonly problems: ReadonlyArray<string>
}

/**
 * Options of the checks.
 *
 * - `numRuns`, `seed`: passed to fast-check (default 100 runs).
 * - `dependencies`: the plugins this plugin depends on, registered before it.
 * - `core`: the core to register against (default: the built-in principles).
 * - `facts`, `commands`: generators for plugins that widen the facts or the commands.
 * - `computeReport`: computes a report over generated records; it should throw (or return a
 *   failed value the caller's code recognises) when the report cannot be computed. Without it,
 *   a report is computed by its own `compute(records)` function when it has one, and otherwise
 *   only its definition is checked.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginCheckOptions {
  readonly numRuns?: number
  readonly seed?: number
  readonly dependencies?: ReadonlyArray<Plugin>
  readonly core?: Registry.CoreConfig
  readonly facts?: fc.Arbitrary<Facts>
  /** Generates the commands rules are run on (default: core's command generators). */
  readonly commands?: (tags: ReadonlyArray<string>) => fc.Arbitrary<AnyCommand>
  /** Computes a report on generated records (default: `Report.run` over an in-memory aggregate). */
  readonly computeReport?: (report: PluginReport, records: GeneratedRecords) => unknown
}

/**
 * The registry accepts the plugin, registered after its `dependencies`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkRegistration = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("registration", plugin, () =>
    result(
      "registration",
      plugin,
      Registry.validate(
        [...(options.dependencies ?? []), plugin],
        options.core === undefined ? {} : { core: options.core }
      )
        .map((problem) => `${problem.reason._tag}: ${problem.message}`)
    ))

/**
 * Every label of the plugin is non-blank in en, cs, lt and bg.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkLabels = (plugin: Plugin): PluginCheckResult =>
  guard(
    "labels",
    plugin,
    () => result("labels", plugin, Registry.missingLabels(plugin).map((problem) => problem.message))
  )

/**
 * Every rule is pure and deterministic: run twice on the same generated command and deep-frozen
 * facts it returns the same verdict, and it neither throws nor writes to the facts.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkRulesPure = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("purity", plugin, () => {
    const problems: Array<string> = []
    const skipped = ruleSamples(plugin, options, (rule, command, facts) => {
      const frozen = deepFreeze(facts)
      try {
        const first = stable(rule.check(command as Command, frozen, rule.verdict))
        const second = stable(rule.check(command as Command, frozen, rule.verdict))
        if (first !== second) {
          addOnce(problems, `rule "${rule.id}" is not deterministic on ${command._tag}: ${first} then ${second}`)
        }
      } catch (error) {
        addOnce(
          problems,
          `rule "${rule.id}" threw on ${command._tag} (rules must return a verdict, never throw or change the facts): ${
            describeError(error)
          }`
        )
      }
    })
    return result("purity", plugin, [...problems, ...skipped])
  })

/**
 * Every rule reads only the fact paths it declares in `reads` (traced on generated facts).
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkDeclaredReads = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("declaredReads", plugin, () => {
    const problems: Array<string> = []
    const skipped = ruleSamples(plugin, options, (rule, command, facts) => {
      try {
        const trace = traceReads(rule, command as Command, facts)
        if (trace.undeclared.length > 0) {
          addOnce(
            problems,
            `rule "${rule.id}" reads ${trace.undeclared.map((p) => `"${p}"`).join(", ")} without declaring it in reads`
          )
        }
      } catch (error) {
        addOnce(problems, `rule "${rule.id}" threw on ${command._tag}: ${describeError(error)}`)
      }
    })
    return result("declaredReads", plugin, [...problems, ...skipped])
  })

/**
 * Rules that decide eligibility (the plugin's `eligibility` rules and any rule applying to an
 * eligibility command) neither declare nor actually read a protected attribute.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkEligibilityReads = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("eligibilityReads", plugin, () => {
    const core = options.core ?? Registry.builtinCore
    const eligibilityCommands = [...new Set([...(core.engine.eligibilityCommands ?? []), "AssessEligibility"])]
    const deciding = rulesOf(plugin).filter((rule) => eligibilityCommands.some((tag) => appliesTo(rule, tag)))
    const problems: Array<string> = Engine.protectedAttributeReads(
      deciding as ReadonlyArray<Rule<AnyCommand, never>>,
      eligibilityCommands
    )
      .map((problem) => problem.message)
    const facts = arbPluginFacts(plugin, options.facts)
    for (const rule of deciding) {
      const commands = commandsFor(tagsOf(rule).filter((tag) => eligibilityCommands.includes(tag)), plugin, options)
      if (commands === undefined) continue
      sample(fc.tuple(commands, facts), options, ([command, generated]) => {
        try {
          const trace = traceReads(rule, command as Command, generated, {
            protectedAttributes: ProtectedAttributes.standard
          })
          if (trace.protectedReads.length > 0) {
            addOnce(
              problems,
              `eligibility rule "${rule.id}" reads the protected ${
                trace.protectedReads.map((p) => `"${p}"`).join(", ")
              } on ${command._tag}`
            )
          }
        } catch (error) {
          addOnce(problems, `rule "${rule.id}" threw on ${command._tag}: ${describeError(error)}`)
        }
      })
    }
    return result("eligibilityReads", plugin, problems)
  })

/**
 * The metamorphic equality property on the registry's engine (core rules and the plugin's):
 * swapping protected attributes never changes a verdict on an eligibility command.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkPluginEquality = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("equality", plugin, () => {
    const registered = Registry.makeResult(
      [...(options.dependencies ?? []), plugin],
      options.core === undefined ? {} : { core: options.core }
    )
    if (registered._tag === "Failure") {
      return result("equality", plugin, [`cannot register the plugin: ${registered.failure.message}`])
    }
    const core = options.core ?? Registry.builtinCore
    try {
      checkEquality(
        registered.success.engine,
        {
          facts: arbPluginFacts(plugin, options.facts),
          eligibilityCommands: [
            ...new Set([...(core.engine.eligibilityCommands ?? []), "AssessEligibility"])
          ] as ReadonlyArray<CommandTag>
        },
        parameters(options)
      )
      return result("equality", plugin, [])
    } catch (error) {
      return result("equality", plugin, [describeError(error)])
    }
  })

/**
 * Every derivation is deterministic on generated histories and returns either nothing or a
 * value on its indicator's scale, without throwing.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkDerivations = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("derivations", plugin, () => {
    const problems: Array<string> = []
    const derivations = plugin.derivations ?? []
    if (derivations.length > 0) {
      sample(arbHistory(plugin), options, (history) => {
        const frozen = deepFreeze(history)
        for (const derivation of derivations) {
          const indicator = plugin.indicators.find((i) => i.code === derivation.indicator)
          if (indicator === undefined) {
            addOnce(problems, `derivation "${derivation.id}" derives the unknown indicator "${derivation.indicator}"`)
            continue
          }
          let first: OutcomeValue | undefined
          try {
            first = derivation.derive(frozen)
            const second = derivation.derive(frozen)
            if (stable(first) !== stable(second)) {
              addOnce(
                problems,
                `derivation "${derivation.id}" is not deterministic: ${stable(first)} then ${stable(second)}`
              )
            }
          } catch (error) {
            addOnce(
              problems,
              `derivation "${derivation.id}" threw (derivations must be pure and total): ${describeError(error)}`
            )
            continue
          }
          if (first !== undefined && !IndicatorScale.fits(indicator.scale, first)) {
            addOnce(
              problems,
              `derivation "${derivation.id}" returned ${stable(first)}, which is not on the scale ${
                stable(indicator.scale)
              } of "${indicator.code}"`
            )
          }
        }
      })
    }
    return result("derivations", plugin, problems)
  })

const otherServiceTypes = [
  "street-work",
  "community-centre",
  "children-in-care",
  "debt-counselling",
  "night-shelter",
  "some-other-type"
]

/**
 * The plugin's rules speak for its own service type only: run through the registry's engine
 * (registered after the plugin's `dependencies`) on facts of a service of another type, every
 * rule of the plugin allows every generated command.
 *
 * @since 0.2.0
 * @category combinators
 */
export const checkScope = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("scope", plugin, () => {
    const registry = Registry.makeUnsafe(
      [...(options.dependencies ?? []), plugin],
      options.core === undefined ? {} : { core: options.core }
    )
    const own = new Set(rulesOf(plugin).map((rule) => rule.id))
    const others = fc.constantFrom(...otherServiceTypes.filter((type) => type !== plugin.id))
    const problems: Array<string> = []
    const facts = arbPluginFacts(plugin, options.facts)
    for (const rule of rulesOf(plugin)) {
      const commands = commandsFor(tagsOf(rule), plugin, options)
      if (commands === undefined) continue
      sample(fc.tuple(commands, facts, others), options, ([command, generated, type]) => {
        const other = { ...generated, service: { ...generated.service, type } }
        for (const step of registry.engine.explain(command as Command, other).steps) {
          if (own.has(step.rule) && step.verdict._tag !== "Allow") {
            addOnce(
              problems,
              `rule "${step.rule}" judged a ${command._tag} for a service of type "${type}" (${step.verdict._tag})`
            )
          }
        }
      })
    }
    return result("scope", plugin, problems)
  })

/**
 * Every message key the plugin's rules give (`v.deny(reason, messageKey)`, `v.warn`,
 * `v.require`) on generated commands and facts has a label, in every language the plugin
 * writes, among the plugin's `messages` or core's: an app shows the worker that text.
 *
 * @since 0.2.0
 * @category combinators
 */
export const checkMessages = (plugin: Plugin, options: PluginCheckOptions = {}): PluginCheckResult =>
  guard("messages", plugin, () => {
    const problems: Array<string> = []
    const messages = new Map<string, Labels>([
      ...Object.entries(coreMessages),
      ...[...(options.dependencies ?? []), plugin].flatMap((p) => Object.entries(p.messages ?? {}))
    ])
    const labelled = (key: string, language: string) => {
      const labels = messages.get(key)
      const text = labels !== undefined && Object.hasOwn(labels, language) ? labels[language] : undefined
      return typeof text === "string" && text.trim().length > 0
    }
    const languages = languagesOf(plugin)
    const skipped = ruleSamples(plugin, options, (rule, command, facts) => {
      let verdict: Verdict
      try {
        verdict = rule.check(command as Command, facts, rule.verdict)
      } catch {
        return // the purity check reports a rule that throws
      }
      if (verdict._tag === "Allow") return
      const key = verdict._tag === "Deny" ? verdict.violation.messageKey : verdict.messageKey
      const missing = languages.filter((language) => !labelled(key, language))
      if (missing.length > 0) {
        addOnce(
          problems,
          `rule "${rule.id}" gives the message key "${key}", which has no label in ${
            missing.join(", ")
          }: add it to the plugin's messages`
        )
      }
    })
    return result("messages", plugin, [...problems, ...skipped])
  })

/**
 * Every check of the kit, by name, for table-driven tests (one test per check).
 *
 * @since 0.1.0
 * @category models
 */
export const pluginChecks: ReadonlyArray<{
  readonly name: PluginCheckName
  /** Runs the check on a plugin. */
  readonly run: (plugin: Plugin, options?: PluginCheckOptions) => PluginCheckResult
}> = [
  { name: "registration", run: checkRegistration },
  { name: "labels", run: (plugin) => checkLabels(plugin) },
  { name: "purity", run: checkRulesPure },
  { name: "declaredReads", run: checkDeclaredReads },
  { name: "eligibilityReads", run: checkEligibilityReads },
  { name: "equality", run: checkPluginEquality },
  { name: "derivations", run: checkDerivations },
  { name: "reports", run: checkReports },
  { name: "scope", run: checkScope },
  { name: "messages", run: checkMessages }
]

/**
 * Runs every check of the kit on a plugin. `ok` when every check found nothing.
 *
 * @example
 * ```ts
 * import { testPlugin } from "@pomoc/core/testing"
 * const report = testPlugin(nightShelter, { numRuns: 200 })
 * if (!report.ok) throw new Error(report.results.flatMap((r) => r.problems).join("\n"))
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const testPlugin = (
  plugin: Plugin,
  options: PluginCheckOptions = {}
): { readonly plugin: string; readonly ok: boolean; readonly results: ReadonlyArray<PluginCheckResult> } => {
  const results = pluginChecks.map((check) => check.run(plugin, options))
  return { plugin: String(plugin.id), ok: results.every((r) => r.ok), results }
}
