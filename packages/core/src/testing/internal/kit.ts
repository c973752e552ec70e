/**
 * The plugin test kit's own helpers: results, guarded and sampled checks, generated commands per
 * rule, deep freezing and stable printing.
 *
 * @internal
 */
import * as fc from "fast-check"
import type { Command, CommandTag } from "../../Command.js"
import { commandTags } from "../../Command.js"
import type { Facts } from "../../Facts.js"
import type { Plugin } from "../../plugins/Plugin.js"
import type { AnyCommand, Rule } from "../../principles/Rule.js"
import type { PluginCheckName, PluginCheckOptions, PluginCheckResult } from "../plugin.js"
import { arbPluginContact, arbPluginFacts } from "../pluginArbitraries.js"
import { arbCommandOf } from "../principles.js"

export const result = (check: PluginCheckName, plugin: Plugin, problems: ReadonlyArray<string>): PluginCheckResult => ({
  check,
  plugin: String(plugin.id),
  ok: problems.length === 0,
  problems
})

/** Runs a check; a plugin too broken to generate data for is a problem, not a thrown error. */
export const guard = (check: PluginCheckName, plugin: Plugin, body: () => PluginCheckResult): PluginCheckResult => {
  try {
    return body()
  } catch (error) {
    return result(check, plugin, [
      `the ${check} check could not run on this plugin (see the registration check first): ${describeError(error)}`
    ])
  }
}

export const parameters = (options: PluginCheckOptions) => ({
  numRuns: options.numRuns ?? 100,
  ...(options.seed === undefined ? {} : { seed: options.seed })
})

/** Runs a sampling property and collects distinct problems instead of stopping at the first. */
export const sample = <T>(arbitrary: fc.Arbitrary<T>, options: PluginCheckOptions, visit: (value: T) => void): void => {
  fc.assert(
    fc.property(arbitrary, (value) => {
      visit(value)
    }),
    parameters(options)
  )
}

export const rulesOf = (
  plugin: Plugin
): ReadonlyArray<Rule<Command, Facts>> =>
  // Rules over the plugin's own commands too (the engine calls each only for its tags).
  [...(plugin.rules ?? []), ...(plugin.eligibility ?? [])] as ReadonlyArray<Rule<Command, Facts>>

export const tagsOf = (rule: Rule<Command, Facts>): ReadonlyArray<string> =>
  rule.appliesTo === "*" ? commandTags.filter((tag) => !rule.except.includes(tag)) : rule.appliesTo

export const isCoreTag = (tag: string): tag is CommandTag => (commandTags as ReadonlyArray<string>).includes(tag)

export const commandsFor = (
  tags: ReadonlyArray<string>,
  plugin: Plugin,
  options: PluginCheckOptions
): fc.Arbitrary<AnyCommand> | undefined => {
  if (options.commands !== undefined) return options.commands(tags)
  const core = tags.filter(isCoreTag)
  if (core.length === 0) return undefined
  const arbitraries: Array<fc.Arbitrary<AnyCommand>> = core.map((tag) => arbCommandOf(tag))
  if (core.includes("RecordContact")) {
    arbitraries.push(arbPluginContact(plugin).map((contact) => ({ _tag: "RecordContact" as const, contact })))
  }
  return fc.oneof(...arbitraries)
}

export const isPlain = (value: unknown): value is object => {
  if (value === null || typeof value !== "object") return false
  const proto = Object.getPrototypeOf(value) as unknown
  return Array.isArray(value) || proto === Object.prototype || proto === null
}

/**
 * Freezes plain objects and arrays all the way down (class instances such as `DateTime` keep
 * their own caches writable).
 *
 * @since 0.1.0
 * @category combinators
 */
export const deepFreeze = <A>(value: A): A => {
  if (isPlain(value) && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

export const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    isPlain(v) && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v)

export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  const tag = (error as { readonly _tag?: unknown })._tag
  return `${typeof tag === "string" ? tag : error.name}: ${error.message}`
}

export const addOnce = (problems: Array<string>, problem: string) => {
  if (!problems.includes(problem) && problems.length < 20) problems.push(problem)
}

export const ruleSamples = (
  plugin: Plugin,
  options: PluginCheckOptions,
  visit: (rule: Rule<Command, Facts>, command: AnyCommand, facts: Facts) => void
): ReadonlyArray<string> => {
  const skipped: Array<string> = []
  const facts = arbPluginFacts(plugin, options.facts)
  for (const rule of rulesOf(plugin)) {
    const commands = commandsFor(tagsOf(rule), plugin, options)
    if (commands === undefined) {
      skipped.push(`rule "${rule.id}": no generator for its commands ${tagsOf(rule).join(", ")}; pass options.commands`)
      continue
    }
    sample(fc.tuple(commands, facts), options, ([command, generated]) => visit(rule, command, generated))
  }
  return skipped
}
