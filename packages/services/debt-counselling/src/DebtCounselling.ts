/**
 * The `debt-counselling` plugin: professional social counselling on debts (Czech "odborné
 * sociální poradenství", Act 108/2006 §37), from seeds/002.
 *
 * @since 0.1.0
 */
import { definePlugin, Labels, Plugin, type Principle, type Report } from "@pomoc/core"
import { derivations, type Goal, goals, type Indicator, indicators } from "./outcomes.js"
import { type ReportId, reports } from "./reports.js"
import { adultAge, eligibility, messages, principleIds, rules, serviceType } from "./rules.js"
import { type DebtTaxonomies, taxonomies } from "./taxonomies.js"
import { uk } from "./uk.js"

/**
 * The name and description of a service type, in English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginLabels {
  /** The name of the service type. */
  readonly name: Principle.Labels
  /** What the service type does. */
  readonly description: Principle.Labels
}

/**
 * The core versions a plugin works with.
 *
 * @since 0.1.0
 * @category models
 */
export interface CoreRange {
  /** A semver range of `@pomoc/core`, e.g. `^0.1.0`. */
  readonly core: string
}

/**
 * The type of the debt counselling plugin: the plugin contract with its id, codes, indicators,
 * goals and report ids as literal types, so that they flow to the host.
 *
 * @since 0.1.0
 * @category models
 */
export interface DebtCounsellingPlugin extends Plugin.Plugin {
  /** The service type, `debt-counselling`. */
  readonly id: typeof serviceType
  /** The plugin's version. */
  readonly version: string
  /** The range of `@pomoc/core` versions it works with. */
  readonly requires: CoreRange
  /** Other plugins it needs (none). */
  readonly dependencies?: NonNullable<Plugin.Plugin["dependencies"]>
  /** The name and description of the service type, in en, cs, lt and bg. */
  readonly labels: PluginLabels
  /** Adults (18+) in debt with another kind of social exclusion. */
  readonly targetGroup: Plugin.TargetGroup
  /** Principles of its own (none: the seven of the seed are core principles). */
  readonly extraPrinciples?: NonNullable<Plugin.Plugin["extraPrinciples"]>
  /** Rules of other plugins it takes away (none). */
  readonly removes?: NonNullable<Plugin.Plugin["removes"]>
  /** Its settings: the minimum age. */
  readonly config?: NonNullable<Plugin.Plugin["config"]>
  /** Interventions, channels, first-contact channels, location kinds and the kinds of social exclusion. */
  readonly taxonomies: DebtTaxonomies
  /** The seven principles of the seed. */
  readonly principles: typeof principleIds
  /** The plugin's own rules. */
  readonly rules: typeof rules
  /** The eligibility rules: adults only, and the debt situation. */
  readonly eligibility: typeof eligibility
  /** The five outcomes of the seed. */
  readonly indicators: ReadonlyArray<Plugin.IndicatorDefinition<Indicator>>
  /** Derivations of some outcomes from a client's history. */
  readonly derivations: ReadonlyArray<Plugin.Derivation<Indicator>>
  /** The five goals of the seed, each with its indicator. */
  readonly goals: ReadonlyArray<Plugin.GoalDefinition<Goal, Indicator>>
  /** The reports: how much, how well, better off. */
  readonly reports: ReadonlyArray<Report.ReportDefinition<ReportId>>
}

/**
 * The debt counselling plugin.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Registry } from "@pomoc/core"
 * import { debtCounselling } from "@pomoc/service-debt-counselling"
 *
 * const label = Registry.make([debtCounselling]).pipe(
 *   Effect.map((registry) => registry.label("interventions", "debt-analysis", "cs"))
 * ) // Effect.succeed("Zmapování dluhů")
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const debtCounselling: DebtCounsellingPlugin = Plugin.translate(
  definePlugin({
    id: serviceType,
    version: "0.1.0",
    requires: { core: "^0.1.0" },
    labels: {
      name: Labels.of(
        "Debt counselling",
        "Dluhové poradenství",
        "Skolų konsultavimas",
        "Консултиране при задлъжнялост"
      ),
      description: Labels.of(
        "Professional social counselling for people in an adverse social situation mainly because of debts, who lack the information, skills or means to help themselves.",
        "Odborné sociální poradenství pro osoby, které se dostaly do nepříznivé sociální situace především kvůli dluhům a nemají dostatek informací, dovedností nebo prostředků, aby si pomohly vlastními silami.",
        "Specializuotas socialinis konsultavimas žmonėms, atsidūrusiems sunkioje socialinėje padėtyje daugiausia dėl skolų, kuriems trūksta informacijos, įgūdžių ar priemonių padėti sau patiems.",
        "Специализирано социално консултиране за хора в неблагоприятна социална ситуация главно заради дългове, на които не достигат информация, умения или средства, за да си помогнат сами."
      )
    },
    taxonomies,
    targetGroup: {
      description: Labels.of(
        "Adults (18 and over) in an adverse social situation because of debts who also face another kind of social exclusion",
        "Jednotlivci starší 18 let v nepříznivé sociální situaci kvůli zadlužení, kteří se potýkají s některým z dalších typů sociálního vyloučení",
        "Suaugę asmenys (nuo 18 metų), atsidūrę sunkioje socialinėje padėtyje dėl įsiskolinimų ir susiduriantys su kita socialinės atskirties forma",
        "Пълнолетни лица (над 18 години) в неблагоприятна социална ситуация поради задлъжнялост, изправени и пред друга форма на социално изключване"
      ),
      ageRange: { min: adultAge, max: 150 },
      configurable: false
    },
    principles: principleIds,
    rules,
    eligibility,
    indicators,
    derivations,
    goals,
    reports,
    config: { minAge: adultAge },
    messages
  }),
  "uk",
  uk
)
