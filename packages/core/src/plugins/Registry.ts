/**
 * The plugin registry: checks a tuple of plugins once, at start-up, and merges them into what
 * the host uses: the taxonomies, one principles engine (core rules, then each plugin's rules in
 * dependency order), the indicators, goals, derivations and reports, and lookups by service
 * type.
 *
 * Registration refuses with one error, `PluginError`, whose reason says what to fix: a plugin that is not
 * shaped like one (`MalformedPlugin`, for plugins written in JavaScript), a core version
 * outside a plugin's `requires.core` (`PluginIncompatible`), an invalid version
 * (`InvalidVersion`), a missing dependency or one outside its range (`PluginDependencyMissing`,
 * `PluginDependencyMismatch`, `PluginDependencyCycle`), a plugin registered twice
 * (`DuplicatePlugin`), a label missing or blank in any of en, cs, lt, bg or a language the plugin
 * declares in `languages` (`MissingLabels`), an
 * id or code defined twice (`DuplicateCode`), a malformed code (`InvalidCode`), a reference to
 * an unknown indicator or principle (`UnknownReference`), and a rule the principles engine
 * refuses (`PluginRuleRefused`: denying `EndCooperation`, reading a protected attribute for
 * eligibility, removing a core rule, …).
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type * as Command from "../Command.js"
import * as Decode from "../Decode.js"
import type { Facts } from "../Facts.js"
import type { Labels, Language } from "../model/Common.js"
import { Contact } from "../model/Contact.js"
import { LocationKind } from "../model/Directory.js"
import type { OutcomeValue } from "../model/Outcome.js"
import { IndicatorScale } from "../model/Outcome.js"
import { coreLanguages } from "../model/Vocabulary.js"
import * as Builtin from "../principles/builtin/index.js"
import * as Engine from "../principles/Engine.js"
import type { Principle } from "../principles/Principle.js"
import * as RegistrationError from "../principles/RegistrationError.js"
import * as Rule from "../principles/Rule.js"
import * as RuleSet from "../principles/RuleSet.js"
import { version } from "../version.js"
import * as Errors from "./errors.js"
import { operationProblems, personalFacets } from "./internal/operations.js"
import type {
  ChannelOf,
  CodeOf,
  Derivation,
  FirstContactChannelOf,
  GoalDefinition,
  History,
  IndicatorDefinition,
  InterventionOf,
  Plugin,
  PluginById,
  PluginIdOf,
  PluginReport,
  Plugins,
  TaxonomyName
} from "./Plugin.js"
import { taxonomyNames } from "./Plugin.js"

/**
 * The version of `@pomoc/core` that plugins' `requires.core` ranges are checked against.
 *
 * @since 0.1.0
 * @category models
 */
export const coreVersion: string = version

/**
 * What the core brings to the registry: its principles and its engine configuration (built-in
 * rules, eligibility commands, protected commands).
 *
 * @since 0.1.0
 * @category models
 */
export interface CoreConfig {
  readonly principles: ReadonlyArray<Principle>
  readonly engine: Engine.Config<Command.Command, Facts>
}

/**
 * The core as it ships: the built-in principles and their rules, eligibility commands and
 * protected commands.
 *
 * @since 0.1.0
 * @category models
 */
export const builtinCore: CoreConfig = {
  principles: Builtin.corePrinciples,
  engine: Builtin.coreConfig()
}

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The core version to check `requires.core` against; defaults to {@link coreVersion}. */
  readonly coreVersion?: string
  /** The core's principles and engine configuration; defaults to {@link builtinCore}. */
  readonly core?: CoreConfig
}

/**
 * A taxonomy entry of the merged taxonomies: a code, its labels, and the plugin that defines
 * it. One code may appear once per plugin (two service types may both offer "counselling").
 *
 * @since 0.1.0
 * @category models
 */
export interface TaxonomyEntry {
  readonly plugin: string
  readonly code: string
  readonly labels: Labels
}

/**
 * Something a plugin contributed, tagged with the plugin's id.
 *
 * @since 0.1.0
 * @category models
 */
export type FromPlugin<A> = A & { readonly plugin: string }

/**
 * A contact as a host writes it, with codes checked at compile time against one service
 * type's plugin: the wire shape of `Contact` with typed intervention and channel codes.
 *
 * @since 0.1.0
 * @category models
 */
export type ContactInput<Ps extends Plugins> =
  & Omit<typeof Contact.Encoded, "interventions" | "channel" | "firstContactChannel" | "locationKind">
  & {
    /** Core's place types and those the plugins define. */
    readonly locationKind: LocationKind | CodeOf<Ps, "locationKinds">
    readonly interventions: ReadonlyArray<InterventionOf<Ps>>
    readonly channel: ChannelOf<Ps>
    readonly firstContactChannel?: FirstContactChannelOf<Ps>
  }

/**
 * A derived outcome value: which derivation produced it for which indicator.
 *
 * @since 0.1.0
 * @category models
 */
export interface DerivedOutcome {
  readonly plugin: string
  readonly derivation: string
  readonly indicator: string
  readonly value: OutcomeValue
}

/**
 * The plugin a `serviceType` lookup returns: the plugin with that id, or, in a registry whose
 * ids are not literal types, any plugin or `undefined`.
 *
 * @since 0.1.0
 * @category models
 */
export type ServiceTypeOf<P, Id extends string> = P extends { readonly id: infer I extends string }
  ? string extends I ? P | undefined : I extends Id ? P : never
  : never

/**
 * A registry of checked plugins.
 *
 * @since 0.1.0
 * @category models
 */
export interface Registry<Ps extends Plugins = Plugins> {
  readonly coreVersion: string
  /** The plugins as registered. */
  readonly plugins: Ps
  /** The plugins in dependency order (a plugin after the plugins it depends on). */
  readonly order: ReadonlyArray<Ps[number]>
  /** Core principles and every plugin's extra principles. */
  readonly principles: ReadonlyArray<Principle>
  /** The principles engine: core rules, then each plugin's rules and eligibility rules. */
  readonly engine: Engine.Engine<Command.Command, Facts>
  /** Every taxonomy merged over the plugins, in plugin order. */
  readonly taxonomies: { readonly [N in TaxonomyName]: ReadonlyArray<TaxonomyEntry> }
  readonly indicators: ReadonlyArray<FromPlugin<IndicatorDefinition>>
  readonly goals: ReadonlyArray<FromPlugin<GoalDefinition>>
  readonly derivations: ReadonlyArray<FromPlugin<Derivation>>
  readonly reports: ReadonlyArray<FromPlugin<PluginReport>>
  // Methods (not function-valued properties) on purpose: their parameters are compared
  // bivariantly, so a `Registry<[A, B]>` is usable where a `Registry` of any plugins is expected.
  /**
   * The plugin of a service type: typed exactly for a registered id of a typed registry,
   * `undefined` for an unknown one.
   */
  serviceType<Id extends string>(type: Id & PluginIdOf<Ps>): ServiceTypeOf<Ps[number], Id>
  /** The plugin of a service type, or `undefined` when no registered plugin has that id. */
  serviceType(type: string): Ps[number] | undefined
  /** Whether a code belongs to a taxonomy of any registered plugin (or of `serviceType`'s). */
  isCode<N extends TaxonomyName>(taxonomy: N, code: string, serviceType?: string): code is CodeOf<Ps, N>
  /**
   * The languages every label of the host is written in: core's (en, cs, lt, bg, uk) that every
   * plugin writes too (the four, and those a plugin declares in `languages`).
   */
  readonly languages: ReadonlyArray<string>
  /**
   * The label of a code in a language (one of the four, or another the plugin writes), from the
   * first plugin (or `serviceType`'s) that defines it; `undefined` when none has it.
   */
  label<N extends TaxonomyName>(
    taxonomy: N,
    code: CodeOf<Ps, N>,
    language: Language | (string & {}),
    serviceType?: PluginIdOf<Ps>
  ): string | undefined
  /**
   * The text of a rule's message key in a language: core's built-in rules' (in en, cs, lt, bg
   * and uk) or a plugin's `messages`; `undefined` for an unknown key or a language it lacks.
   */
  message(key: string, language: Language | (string & {})): string | undefined
  /**
   * Builds a `RecordContact` command for a service of the given type: the codes are checked at
   * compile time against that type's plugin, and again at run time (for untyped callers).
   */
  recordContact<Id extends string>(
    serviceType: Id & PluginIdOf<Ps>,
    contact: ContactInput<[PluginById<Ps, Id>]>
  ): Effect.Effect<Command.RecordContact, Decode.InvalidInput | Errors.PluginError>
  /**
   * Runs the derivations of a service type over a person's history. Values that do not fit the
   * indicator's scale are dropped (the test kit reports them).
   */
  derive(serviceType: PluginIdOf<Ps>, history: History): ReadonlyArray<DerivedOutcome>
}

export {
  /**
   * The required fields a plugin lacks, or has with the wrong type (labels excepted: those are
   * `missingLabels`), found by decoding the plugin with a Schema, every error collected. Only
   * plugins without such problems are checked further.
   * @since 0.1.0
   * @category combinators
   */
  malformedParts
} from "./internal/shape.js"
export {
  /**
   * The labels a plugin lacks or leaves blank, in any of en, cs, lt, bg and the languages it declares.
   * @since 0.1.0
   * @category combinators
   */
  missingLabels
} from "./internal/checks.js"
import {
  crossPluginDuplicates,
  dependencyOrder,
  duplicates,
  eligibilityMisplaced,
  invalidCodes,
  languagesOf,
  missingLabels,
  unknownReferences,
  versionProblems
} from "./internal/checks.js"
import { malformedParts } from "./internal/shape.js"

/**
 * A plugin rule as the registry runs it: scoped to one service type (it allows every command for
 * any other type's service) and reading `service.type`. A plugin's rules speak for its own
 * service type only; the registry scopes them once, so that no plugin rule can judge another
 * type's service and no rule needs to check `service.type` itself. Plugin tests use it to run a
 * rule exactly as registered.
 *
 * @since 0.2.0
 * @category combinators
 */
export const scopedRule = <Id extends string>(
  serviceType: string,
  rule: Rule.Rule<Command.Command, Facts, Id>
): Rule.Rule<Command.Command, Facts, Id> =>
  Object.freeze({
    ...rule,
    reads: rule.reads.includes("service.type") ? rule.reads : Object.freeze([...rule.reads, "service.type"]),
    check: (command: Command.Command, facts: Facts, verdict: Rule.VerdictBuilder) =>
      facts.service.type === serviceType ? rule.check(command, facts, verdict) : verdict.allow
  })

const ruleSetOf = (plugin: Plugin): RuleSet.RuleSet<Command.Command, Facts> =>
  RuleSet.make({
    id: plugin.id,
    rules: [...(plugin.rules ?? []), ...(plugin.eligibility ?? [])].map((rule) =>
      // A rule over the plugin's own commands too: the engine calls it only for its tags.
      scopedRule(plugin.id, rule as Rule.Rule<Command.Command, Facts>)
    ),
    removes: plugin.removes ?? []
  })

const engineConfig = (plugins: Plugins, core: CoreConfig): Engine.Config<Command.Command, Facts> => {
  const coreSets = [
    ...(core.engine.ruleSets ?? []),
    ...(core.engine.rules === undefined ? [] : [RuleSet.make({ id: "core", rules: core.engine.rules })])
  ]
  const eligibilityCommands = [...new Set([...(core.engine.eligibilityCommands ?? []), "AssessEligibility" as const])]
  const { rules: _rules, ruleSets: _ruleSets, ...rest } = core.engine
  return { ...rest, ruleSets: [...coreSets, ...plugins.map(ruleSetOf)], eligibilityCommands }
}

const ownerOf = (plugins: Plugins, error: RegistrationError.RegistrationError): string => {
  if ("ruleSet" in error) return error.ruleSet
  return plugins.find((p) => [...(p.rules ?? []), ...(p.eligibility ?? [])].some((r) => r.id === error.rule))?.id ??
    "core"
}

/**
 * Every reason to refuse a tuple of plugins, in a fixed order: malformed plugins (alone: nothing
 * else is checked until they are fixed), duplicate plugins, versions and dependencies, then per
 * plugin codes, labels and references, then rules. Empty when the plugins can be registered.
 *
 * @since 0.1.0
 * @category combinators
 */
export const validate = (plugins: Plugins, options: Options = {}): ReadonlyArray<Errors.PluginError> =>
  reasons(plugins, options).map(Errors.fail)

const reasons = (plugins: Plugins, options: Options): ReadonlyArray<Errors.RegistrationReason> => {
  const core = options.core ?? builtinCore
  const malformed = plugins.flatMap(malformedParts)
  if (malformed.length > 0) return malformed
  const problems: Array<Errors.RegistrationReason> = []
  const ids = new Set<string>()
  for (const plugin of plugins) {
    if (ids.has(plugin.id)) problems.push(new Errors.DuplicatePlugin({ plugin: plugin.id }))
    ids.add(plugin.id)
  }
  problems.push(...versionProblems(plugins, options.coreVersion ?? coreVersion))
  const ordered = dependencyOrder(plugins)
  if (Result.isFailure(ordered)) problems.push(ordered.failure)
  const principleIds = new Set(
    [...core.principles, ...plugins.flatMap((p) => p.extraPrinciples ?? [])].map((p) => p.id)
  )
  for (const plugin of plugins) {
    problems.push(
      ...invalidCodes(plugin),
      ...missingLabels(plugin),
      ...duplicates(plugin.id, "indicators", plugin.indicators, (i) => i.code),
      ...duplicates(plugin.id, "goals", plugin.goals, (g) => g.code),
      ...duplicates(plugin.id, "reports", plugin.reports, (r) => r.id),
      ...duplicates(plugin.id, "derivations", plugin.derivations, (d) => d.id),
      ...duplicates(plugin.id, "extraPrinciples", plugin.extraPrinciples, (p) => p.id),
      ...unknownReferences(plugin, principleIds),
      ...eligibilityMisplaced(plugin)
    )
  }
  problems.push(...crossPluginDuplicates(plugins, core), ...operationProblems(plugins), ...personalFacets(plugins))
  if (problems.some((p) => p._tag === "DuplicatePlugin" || p._tag === "PluginDependencyCycle")) return problems
  const inOrder = Result.isSuccess(ordered) ? ordered.success : plugins
  for (const error of Engine.validate(engineConfig(inOrder, core))) {
    problems.push(new Errors.PluginRuleRefused({ plugin: ownerOf(inOrder, error), reason: error }))
  }
  return problems
}

const build = <const Ps extends Plugins>(plugins: Ps, options: Options): Registry<Ps> => {
  const core = options.core ?? builtinCore
  const order = Result.getOrThrow(dependencyOrder(plugins)) as ReadonlyArray<Ps[number]>
  const engine = Engine.makeUnsafe(engineConfig(order, core))
  const byId = new Map<string, Ps[number]>(order.map((p) => [p.id, p]))
  const tagged = <A>(pick: (p: Plugin) => ReadonlyArray<A> | undefined): ReadonlyArray<FromPlugin<A>> =>
    Object.freeze(order.flatMap((p) => (pick(p) ?? []).map((a) => Object.freeze({ ...a, plugin: p.id }))))
  const taxonomies = Object.fromEntries(
    taxonomyNames.map((name) => [
      name,
      Object.freeze(
        order.flatMap((p) =>
          Object.entries(p.taxonomies[name] ?? {}).map(([code, labels]): TaxonomyEntry =>
            Object.freeze({ plugin: p.id, code, labels })
          )
        )
      )
    ])
  ) as { readonly [N in TaxonomyName]: ReadonlyArray<TaxonomyEntry> }
  const entryOf = (taxonomy: TaxonomyName, code: string, serviceType?: string): TaxonomyEntry | undefined =>
    taxonomies[taxonomy].find((e) => e.code === code && (serviceType === undefined || e.plugin === serviceType))
  const indicators = tagged((p) => p.indicators)
  const derivations = tagged((p) => p.derivations)
  const messages = new Map<string, Labels>([
    ...Object.entries(Builtin.coreMessages),
    ...order.flatMap((p) => Object.entries(p.messages ?? {}))
  ])
  const textIn = (labels: Labels | undefined, language: string) =>
    labels !== undefined && Object.hasOwn(labels, language) ? labels[language] : undefined
  const decodeContact = Decode.decodeEffect(Contact)

  const isCode = <N extends TaxonomyName>(taxonomy: N, code: string, serviceType?: string): code is CodeOf<Ps, N> =>
    entryOf(taxonomy, code, serviceType) !== undefined

  const unknownCodesOf = (serviceType: string, contact: typeof Contact.Type): ReadonlyArray<Errors.UnknownCode> => {
    const problems: Array<Errors.UnknownCode> = []
    const check = (taxonomy: TaxonomyName, code: string | undefined) => {
      if (code !== undefined && !isCode(taxonomy, code, serviceType)) {
        problems.push(new Errors.UnknownCode({ serviceType, taxonomy, code }))
      }
    }
    contact.interventions.forEach((code) => check("interventions", code))
    check("channels", contact.channel)
    check("firstContactChannels", contact.firstContactChannel)
    if (byId.get(serviceType)?.taxonomies.locationKinds !== undefined) check("locationKinds", contact.locationKind)
    else if (!(LocationKind.literals as ReadonlyArray<string>).includes(contact.locationKind)) {
      problems.push(new Errors.UnknownCode({ serviceType, taxonomy: "locationKinds", code: contact.locationKind }))
    }
    return problems
  }

  return Object.freeze(
    {
      coreVersion: options.coreVersion ?? coreVersion,
      plugins,
      order,
      principles: Object.freeze([...core.principles, ...order.flatMap((p) => p.extraPrinciples ?? [])]),
      engine,
      taxonomies: Object.freeze(taxonomies),
      indicators,
      goals: tagged((p) => p.goals),
      derivations,
      reports: tagged((p) => p.reports),
      serviceType: ((type: string) => byId.get(type)) as Registry<Ps>["serviceType"],
      isCode,
      languages: Object.freeze(coreLanguages.filter((l) => order.every((p) => languagesOf(p).includes(l)))),
      label: (taxonomy, code, language, serviceType) => textIn(entryOf(taxonomy, code, serviceType)?.labels, language),
      message: (key, language) => textIn(messages.get(key), language),
      recordContact: (serviceType, input) =>
        Effect.gen(function*() {
          if (!byId.has(serviceType)) {
            return yield* Effect.fail(Errors.fail(new Errors.UnknownServiceType({ serviceType })))
          }
          const contact = yield* decodeContact(input)
          const unknown = unknownCodesOf(serviceType, contact)
          if (unknown.length > 0) return yield* Effect.fail(Errors.fail(unknown[0]!))
          return { _tag: "RecordContact" as const, contact }
        }),
      derive: (serviceType, history) => {
        const results: Array<DerivedOutcome> = []
        for (const derivation of derivations) {
          if (derivation.plugin !== serviceType) continue
          const value = derivation.derive(history)
          const indicator = indicators.find((i) => i.plugin === serviceType && i.code === derivation.indicator)
          if (value !== undefined && indicator !== undefined && IndicatorScale.fits(indicator.scale, value)) {
            results.push({ plugin: serviceType, derivation: derivation.id, indicator: derivation.indicator, value })
          }
        }
        return results
      }
    } satisfies Registry<Ps>
  )
}

/**
 * Checks plugins and builds the registry, or a {@link Errors.PluginError} for the first problem (use
 * {@link validate} to list them all). The sync variant of {@link make}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeResult = <const Ps extends Plugins>(
  plugins: Ps,
  options: Options = {}
): Result.Result<Registry<Ps>, Errors.PluginError> => {
  const problems = validate(plugins, options)
  return problems.length > 0 ? Result.fail(problems[0]!) : Result.succeed(build(plugins, options))
}

/**
 * Checks plugins and builds the registry, failing with a {@link Errors.PluginError} for the first problem.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Registry } from "@pomoc/core"
 *
 * const program = Registry.make([lowThresholdClub, debtCounselling]).pipe(
 *   Effect.map((registry) => registry.label("interventions", "crisis-intervention", "cs")),
 *   Effect.catchTag("PluginError", (e) => e.reason._tag === "PluginIncompatible" ? Effect.die(e.message) : Effect.fail(e))
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const Ps extends Plugins>(
  plugins: Ps,
  options: Options = {}
): Effect.Effect<Registry<Ps>, Errors.PluginError> =>
  Effect.suspend(() => Effect.fromResult(makeResult(plugins, options)))

/**
 * Like {@link make}, but throws the first error. For module-level constants in tests and
 * examples.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeUnsafe = <const Ps extends Plugins>(plugins: Ps, options: Options = {}): Registry<Ps> =>
  Result.getOrThrow(makeResult(plugins, options))
