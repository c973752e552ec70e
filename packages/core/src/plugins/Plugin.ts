/**
 * The plugin contract. A service type (a low-threshold club, debt counselling, a night shelter)
 * is a plugin: a plain, frozen object with a literal `id` that contributes taxonomies, its
 * target group and eligibility rules, the principles its services are bound by and its own
 * rules, outcome indicators (and pure rules that derive them from a person's history), service
 * goals, report definitions and labels in English, Czech, Lithuanian and Bulgarian.
 *
 * Codes stay literal types: a host that registers `[lowThresholdClub, debtCounselling]` gets
 * `InterventionOf<[typeof lowThresholdClub, typeof debtCounselling]>` as the union of their
 * intervention codes, so a misspelt code is a compile error.
 *
 * @since 0.1.0
 */
import type { DateTime } from "effect"
import type { Command } from "../Command.js"
import type { Facts } from "../Facts.js"
import type { AgeRange, Labels } from "../model/Common.js"
import type { Contact } from "../model/Contact.js"
import type { LegalGroundDefinition } from "../model/LegalGround.js"
import type { IndicatorScale, OutcomeMeasurement, OutcomeValue } from "../model/Outcome.js"
import type { IndividualPlan } from "../model/Plan.js"
import type { Principle } from "../principles/Principle.js"
import { defineRule, type Rule } from "../principles/Rule.js"
import type { RuleId } from "../principles/Verdict.js"
import type { ReportQuery } from "../reports/Report.js"
import type { AggregateQuery } from "../Store.js"
import type { FieldDefinitions } from "./PluginField.js"
import type { PluginCommand, PluginOperation } from "./PluginOperation.js"

/**
 * A taxonomy: each code (lower-case letters, digits and `-`) with its labels.
 *
 * @since 0.1.0
 * @category models
 */
export type Taxonomy<Code extends string = string> = { readonly [K in Code]: Labels }

/**
 * The taxonomies a plugin defines. The first three are required (a service type without
 * interventions or channels has nothing to record); the others are optional.
 *
 * - `interventions`: what workers do in a contact (counselling, crisis intervention, …).
 * - `channels`: how a contact happens (in person, phone, social network, …).
 * - `firstContactChannels`: how people first hear of the service (school visit, LAN party, …).
 * - `locationKinds`, `needs`, `activityTopics`: places, the needs a worker may record, the
 *   topics of group activities.
 *
 * @since 0.1.0
 * @category models
 */
export interface Taxonomies {
  readonly interventions: Taxonomy
  readonly channels: Taxonomy
  readonly firstContactChannels: Taxonomy
  readonly locationKinds?: Taxonomy
  readonly needs?: Taxonomy
  readonly activityTopics?: Taxonomy
}

/**
 * The name of a taxonomy.
 *
 * @since 0.1.0
 * @category models
 */
export type TaxonomyName = keyof Taxonomies

/**
 * Every taxonomy name, in a fixed order.
 *
 * @since 0.1.0
 * @category models
 */
export const taxonomyNames: ReadonlyArray<TaxonomyName> = [
  "interventions",
  "channels",
  "firstContactChannels",
  "locationKinds",
  "needs",
  "activityTopics"
]

/**
 * Who a service type is for. `configurable`: whether a service may set its own age range (a
 * club for 6–15 instead of 6–26).
 *
 * @since 0.1.0
 * @category models
 */
export interface TargetGroup {
  readonly description: Labels
  readonly ageRange?: AgeRange
  readonly configurable: boolean
}

/**
 * An outcome indicator a plugin defines, with the scale it is measured on.
 *
 * @since 0.1.0
 * @category models
 */
export interface IndicatorDefinition<Code extends string = string> {
  readonly code: Code
  readonly labels: Labels
  readonly scale: IndicatorScale
}

/**
 * A service goal and the indicators that show whether it is reached.
 *
 * @since 0.1.0
 * @category models
 */
export interface GoalDefinition<Code extends string = string, Indicator extends string = string> {
  readonly code: Code
  readonly labels: Labels
  readonly indicators: ReadonlyArray<Indicator>
}

/**
 * What a derivation sees of one person: decoded contacts, plans and earlier measurements, and
 * the moment of the derivation. Never names or contact details.
 *
 * @since 0.1.0
 * @category models
 */
export interface History {
  readonly asOf: DateTime.Utc
  readonly contacts: ReadonlyArray<Contact>
  readonly plans: ReadonlyArray<IndividualPlan>
  readonly measurements: ReadonlyArray<OutcomeMeasurement>
}

/**
 * A typed rule that derives an outcome value from a person's history: a pure function that
 * returns a value on the indicator's scale, or `undefined` when the history says nothing yet.
 *
 * @since 0.1.0
 * @category models
 */
export interface Derivation<Indicator extends string = string> {
  readonly id: string
  readonly indicator: Indicator
  readonly description?: string
  /** Derives the indicator's value from a person's history, or `undefined` when it cannot tell. */
  readonly derive: (history: History) => OutcomeValue | undefined
}

/**
 * The Results-Based Accountability question a report answers.
 *
 * @since 0.1.0
 * @category models
 */
export type ReportQuestion = "how-much" | "how-well" | "better-off"

/**
 * A report a plugin defines: an id, labels, the question it answers and how it is computed.
 * `Report.define(...)` definitions (a `ReportQuery` of dimensions and a measure, run by
 * `Report.run` with small-cell suppression) are the usual kind; a raw store `AggregateQuery`
 * (without service and period, which are given when it runs) is accepted too.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginReport {
  readonly id: string
  readonly labels: Labels
  readonly question: ReportQuestion
  readonly query?: ReportQuery | Omit<AggregateQuery, "serviceId" | "from" | "to">
  readonly suppression?: { readonly threshold?: number; readonly suppressZeros?: boolean }
}

/**
 * A rule of a plugin over core's commands and facts, with its id as a literal type.
 *
 * @since 0.2.0
 * @category models
 */
export type PluginRule<Id extends string = string> = Rule<Command, Facts, Id>

/**
 * Defines a plugin rule: `defineRule` bound to core's commands and facts. The command passed to
 * `check` is narrowed to `appliesTo`, the facts to `reads`.
 *
 * A plugin's rules speak for its own service type only: the registry scopes every rule in
 * `rules` and `eligibility` to `facts.service.type === plugin.id` (and adds `service.type` to
 * its reads), so a rule never checks the service's type itself.
 *
 * @example
 * ```ts
 * import { Plugin, Principles } from "@pomoc/core"
 *
 * const noFee = Plugin.rule({
 *   id: "night-shelter/no-fee",
 *   principle: Principles.FreeOfCharge,
 *   appliesTo: ["ChargeFee"],
 *   reads: [],
 *   verdicts: ["Deny"],
 *   check: (command, _facts, v) => command.amountMinor > 0 ? v.deny("a bed is free", "nightShelter.noFee") : v.allow
 * })
 * ```
 *
 * @since 0.2.0
 * @category constructors
 */
export const rule = defineRule<Command, Facts>()

/**
 * Defines a rule of a plugin over core's commands and the plugin's own operations' commands
 * (`Cmd`): `appliesTo` may name the plugin's command tags, and `check` gets the command narrowed
 * to them. Scoped to the plugin's service type like every plugin rule.
 *
 * @example
 * ```ts
 * import { Plugin, Principles } from "@pomoc/core"
 *
 * type AllocateBed = { readonly _tag: "AllocateBed"; readonly bed: number }
 * const realBed = Plugin.ruleFor<AllocateBed>()({
 *   id: "night-shelter/real-bed",
 *   principle: Principles.IndividualApproach,
 *   appliesTo: ["AllocateBed"],
 *   reads: ["service.config"],
 *   verdicts: ["Deny"],
 *   check: (command, facts, v) =>
 *     command.bed > Number(facts.service.config["beds"]) ? v.deny("no such bed", "nightShelter.noSuchBed") : v.allow
 * })
 * ```
 *
 * @since 0.2.0
 * @category constructors
 */
export const ruleFor = <Cmd extends PluginCommand>() => defineRule<Command | Cmd, Facts>()

/**
 * A configuration value a plugin offers (never personal data).
 *
 * @since 0.1.0
 * @category models
 */
export type ConfigValue = string | number | boolean

/**
 * A plugin: everything a service type contributes.
 *
 * - `requires.core`: the range of `@pomoc/core` versions the plugin works with (`"^0.1.0"`).
 * - `dependencies`: other plugins (by id) and the version ranges it needs of them.
 * - `principles`: the ids of the principles (core or `extraPrinciples`) its services are bound by.
 * - `rules`: its own rules; they may tighten a core principle but never remove one.
 * - `removes`: ids of earlier non-core rules it takes away (core rules cannot be removed).
 * - `eligibility`: rules for `AssessEligibility`; they may never read a protected attribute.
 * - `languages`: languages (BCP 47 tags, such as `uk`) beyond en, cs, lt and bg that every label
 *   of the plugin is written in too; the registry refuses a label that lacks one.
 * - `messages`: the labels of the message keys its rules give (`v.deny(reason, messageKey)`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Plugin {
  readonly id: string
  readonly version: string
  readonly requires: { readonly core: string }
  readonly dependencies?: Readonly<Record<string, string>>
  readonly labels: { readonly name: Labels; readonly description: Labels }
  readonly taxonomies: Taxonomies
  readonly targetGroup: TargetGroup
  readonly principles: ReadonlyArray<string>
  readonly extraPrinciples?: ReadonlyArray<Principle>
  readonly rules?: ReadonlyArray<Rule<Command, Facts> | Rule<Command | PluginCommand, Facts>>
  readonly removes?: ReadonlyArray<RuleId>
  readonly eligibility?: ReadonlyArray<Rule<Command, Facts>>
  readonly indicators: ReadonlyArray<IndicatorDefinition>
  readonly derivations?: ReadonlyArray<Derivation>
  readonly goals: ReadonlyArray<GoalDefinition>
  readonly reports: ReadonlyArray<PluginReport>
  readonly config?: Readonly<Record<string, ConfigValue>>
  /** Legal grounds for a disclosure under a legal duty that the plugin's services may name. */
  readonly legalGrounds?: ReadonlyArray<LegalGroundDefinition>
  /**
   * Operations the plugin adds to the case-work API, by method name (see `PluginOperation`):
   * each with its access row, run by the same pipeline as core's.
   */
  readonly operations?: Readonly<Record<string, PluginOperation>>
  /**
   * Custom fields the plugin adds to core records of its services (`contact`, `person`,
   * `activity`), each reportable (a facet) or personal (encrypted): see `PluginField`.
   */
  readonly fields?: FieldDefinitions
  /** Languages (BCP 47 tags) beyond en, cs, lt and bg that every label of the plugin carries. */
  readonly languages?: ReadonlyArray<string>
  /** The labels of the message keys the plugin's rules give, by key. */
  readonly messages?: Readonly<Record<string, Labels>>
}

/**
 * The indicator codes of one plugin.
 *
 * @since 0.1.0
 * @category models
 */
export type IndicatorCodes<P> = P extends
  { readonly indicators: ReadonlyArray<{ readonly code: infer C extends string }> } ? C
  : never

/**
 * The checks `definePlugin` adds on top of {@link Plugin}: goals and derivations may only name
 * the plugin's own indicators.
 *
 * @since 0.1.0
 * @category models
 */
export interface OwnIndicators<P> {
  readonly goals: ReadonlyArray<GoalDefinition<string, IndicatorCodes<P>>>
  readonly derivations?: ReadonlyArray<Derivation<IndicatorCodes<P>>>
}

/**
 * Defines a plugin, keeping its id, its codes and its indicator codes as literal types, and
 * freezing it. Goals and derivations that name an indicator the plugin does not define are a
 * compile error. The registry checks the rest (labels, versions, rules) at registration.
 *
 * @example
 * ```ts
 * import { definePlugin } from "@pomoc/core"
 *
 * const labels = (en: string, cs: string, lt: string, bg: string) => ({ en, cs, lt, bg })
 *
 * export const nightShelter = definePlugin({
 *   id: "night-shelter",
 *   version: "1.0.0",
 *   requires: { core: "^0.1.0" },
 *   labels: {
 *     name: labels("Night shelter", "Noclehárna", "Nakvynės namai", "Нощен приют"),
 *     description: labels("A bed for the night", "Lůžko na noc", "Lova nakvynei", "Легло за нощта")
 *   },
 *   taxonomies: {
 *     interventions: { "bed-night": labels("Bed night", "Přenocování", "Nakvynė", "Нощувка") },
 *     channels: { "in-person": labels("In person", "Osobně", "Asmeniškai", "Лично") },
 *     firstContactChannels: { "street-work": labels("Street work", "Terénní práce", "Gatvės darbas", "Улична работа") }
 *   },
 *   targetGroup: { description: labels("Adults without shelter", "Dospělí bez přístřeší", "Benamiai suaugusieji", "Бездомни възрастни"), ageRange: { min: 18, max: 150 }, configurable: false },
 *   principles: ["voluntariness", "confidentiality"],
 *   indicators: [{ code: "housed", labels: labels("Housed", "Bydlí", "Apgyvendintas", "Настанен"), scale: { _tag: "YesNo" } }],
 *   goals: [{ code: "housing", labels: labels("Housing", "Bydlení", "Būstas", "Жилище"), indicators: ["housed"] }],
 *   reports: []
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const definePlugin = <const P extends Plugin>(plugin: P & OwnIndicators<P>): P => Object.freeze(plugin)

export {
  /**
   * Writes a plugin in one more language: every label whose path (as the registry names it in
   * `MissingLabels`: `taxonomies.needs.housing`, `indicators[0].labels`, `messages.<key>`) is in
   * `texts` gets that text in `language`, and `language` joins the plugin's `languages`, so the
   * registry refuses the plugin while a label still lacks it. A list item may also be named by
   * its code or id instead of its place (`indicators.came-back.labels`,
   * `reports.contacts-by-month.labels`), which keeps a table right when the list's order
   * changes. The plugin's types are kept; only the plain objects on the way to a label are
   * copied.
   *
   * @example
   * ```ts
   * import { Plugin } from "@pomoc/core"
   *
   * export const nightShelterUk = Plugin.translate(nightShelter, "uk", {
   *   "labels.name": "Нічний притулок",
   *   "taxonomies.interventions.bed-night": "Ночівля",
   *   "indicators.housing-status.labels": "Житло"
   * })
   * ```
   *
   * @since 0.2.0
   * @category constructors
   */
  translate
} from "./internal/translate.js"

/**
 * Any tuple (or array) of plugins, as a host registers them.
 *
 * @since 0.1.0
 * @category models
 */
export type Plugins = ReadonlyArray<Plugin>

/**
 * The codes of one taxonomy.
 *
 * @since 0.1.0
 * @category models
 */
export type CodesOf<T> = T extends Taxonomy ? keyof T & string : never

/**
 * The codes of one taxonomy of one plugin.
 *
 * @since 0.1.0
 * @category models
 */
export type TaxonomyCodes<P, Name extends TaxonomyName> = P extends { readonly taxonomies: infer T extends Taxonomies }
  ? CodesOf<NonNullable<T[Name]>>
  : never

/**
 * The ids of the plugins in a tuple.
 *
 * @since 0.1.0
 * @category models
 */
export type PluginIdOf<Ps extends Plugins> = Ps[number]["id"]

/**
 * The plugin with a given id in a tuple of plugins (any of them when the ids are not literal
 * types, as in a `Registry` of unknown plugins).
 *
 * @since 0.1.0
 * @category models
 */
export type PluginById<Ps extends Plugins, Id extends string> = WithId<Ps[number], Id>

/**
 * `P` if its id is `Id` (or not a literal), else `never`: picks one plugin out of a union.
 * @since 0.1.0
 * @category models
 */
export type WithId<P, Id extends string> = P extends { readonly id: infer I extends string } ?
  string extends I ? P : I extends Id ? P : never
  : never

/**
 * The codes of one taxonomy over a tuple of plugins.
 *
 * @since 0.1.0
 * @category models
 */
export type CodeOf<Ps extends Plugins, Name extends TaxonomyName> = TaxonomyCodes<Ps[number], Name>

/**
 * The intervention codes of a tuple of plugins.
 *
 * @since 0.1.0
 * @category models
 */
export type InterventionOf<Ps extends Plugins> = CodeOf<Ps, "interventions">

/**
 * The contact channel codes of a tuple of plugins.
 *
 * @since 0.1.0
 * @category models
 */
export type ChannelOf<Ps extends Plugins> = CodeOf<Ps, "channels">

/**
 * The first-contact channel codes of a tuple of plugins.
 *
 * @since 0.1.0
 * @category models
 */
export type FirstContactChannelOf<Ps extends Plugins> = CodeOf<Ps, "firstContactChannels">

/**
 * The outcome indicator codes of a tuple of plugins.
 *
 * @since 0.1.0
 * @category models
 */
export type IndicatorOf<Ps extends Plugins> = IndicatorCodes<Ps[number]>

/**
 * The goal codes of a tuple of plugins.
 *
 * @since 0.1.0
 * @category models
 */
export type GoalOf<Ps extends Plugins> = Ps[number]["goals"][number]["code"]

/**
 * The report ids of a tuple of plugins.
 *
 * @since 0.1.0
 * @category models
 */
export type ReportIdOf<Ps extends Plugins> = Ps[number]["reports"][number]["id"]
