/**
 * The `low-threshold-club` plugin: a low-threshold club for children and youth (Czech
 * "nízkoprahové zařízení pro děti a mládež", NZDM), from seeds/000.
 *
 * @since 0.1.0
 */
import { type AgeRange, definePlugin, Labels, Plugin, type Principle, type Report } from "@pomoc/core"
import { type ClubFields, fields } from "./fields.js"
import { derivations, type Goal, goals, type Indicator, indicators } from "./outcomes.js"
import { type ReportId, reports } from "./reports.js"
import { type ClubRule, defaultAgeRange, makeRules, messages, principleIds, serviceType } from "./rules.js"
import { type ClubTaxonomies, taxonomies } from "./taxonomies.js"
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
 * The type of the low-threshold club plugin: the plugin contract with its id, codes,
 * indicators, goals and report ids as literal types, so that they flow to the host.
 *
 * @since 0.1.0
 * @category models
 */
export interface LowThresholdClubPlugin extends Plugin.Plugin {
  /** The service type, `low-threshold-club`. */
  readonly id: typeof serviceType
  /** The plugin's version. */
  readonly version: string
  /** The range of `@pomoc/core` versions it works with. */
  readonly requires: CoreRange
  /** Other plugins it needs (none). */
  readonly dependencies?: NonNullable<Plugin.Plugin["dependencies"]>
  /** The name and description of the service type, in en, cs, lt and bg. */
  readonly labels: PluginLabels
  /** Interventions, channels, first-contact channels, location kinds, needs and activity topics. */
  readonly taxonomies: ClubTaxonomies
  /** Children and young people of the club's target age (6–26 by default), configurable. */
  readonly targetGroup: Plugin.TargetGroup
  /** Low threshold, voluntariness, independence, equality, respect for uniqueness. */
  readonly principles: typeof principleIds
  /** Principles of its own (none: those of the seed are core principles). */
  readonly extraPrinciples?: NonNullable<Plugin.Plugin["extraPrinciples"]>
  /** The plugin's own rules. */
  readonly rules: readonly [
    ClubRule<"low-threshold-club/age-on-registration">,
    ClubRule<"low-threshold-club/no-financial-barrier">,
    ClubRule<"low-threshold-club/nickname-suffices">,
    ClubRule<"low-threshold-club/principles-declared">
  ]
  /** Rules of other plugins it takes away (none). */
  readonly removes?: NonNullable<Plugin.Plugin["removes"]>
  /** The eligibility rule: the club's target age. */
  readonly eligibility: readonly [ClubRule<"low-threshold-club/target-age">]
  /** The eight goals of the seed as indicators. */
  readonly indicators: ReadonlyArray<Plugin.IndicatorDefinition<Indicator>>
  /** Derivations of some indicators from a young person's contacts. */
  readonly derivations: ReadonlyArray<Plugin.Derivation<Indicator>>
  /** The eight goals of the seed, each with its indicator. */
  readonly goals: ReadonlyArray<Plugin.GoalDefinition<Goal, Indicator>>
  /** The reports: how much, how well, better off. */
  readonly reports: ReadonlyArray<Report.ReportDefinition<ReportId>>
  /** Its settings: the default age range. */
  readonly config?: NonNullable<Plugin.Plugin["config"]>
  /** Its custom fields: a self-organised activity. */
  readonly fields: ClubFields
}

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * The ages the club serves when a service sets no age range of its own; defaults to 6–26.
   * A service may still set its own (`targetGroup.ageRange`), e.g. a club for 6–15.
   */
  readonly ageRange?: AgeLimits
}

/**
 * An inclusive age range in whole years.
 *
 * @since 0.1.0
 * @category models
 */
export interface AgeLimits {
  /** The youngest age served. */
  readonly min: number
  /** The oldest age served. */
  readonly max: number
}

const targetGroupDescription = ({ min, max }: AgeRange) => ({
  ...Labels.of(
    `Children and young people aged ${min} to ${max} in difficult and everyday life situations`,
    `Děti a mládež ve věku ${min}–${max} let v obtížných i každodenních životních situacích`,
    `${min}–${max} metų vaikai ir jaunimas sunkiose ir kasdienėse gyvenimo situacijose`,
    `Деца и младежи на възраст от ${min} до ${max} години в трудни и ежедневни житейски ситуации`
  ),
  uk: `Діти та молодь віком від ${min} до ${max} років у складних і повсякденних життєвих ситуаціях`
})

/**
 * Builds the plugin for clubs whose default target age differs from 6–26 (a region where clubs
 * serve 6–15, say). Everything else is as in {@link lowThresholdClub}.
 *
 * @example
 * ```ts
 * import { Registry } from "@pomoc/core"
 * import { LowThresholdClub } from "@pomoc/service-low-threshold-club"
 *
 * const registry = Registry.makeUnsafe([LowThresholdClub.make({ ageRange: { min: 6, max: 15 } })])
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): LowThresholdClubPlugin => {
  const ageRange = options.ageRange ?? defaultAgeRange
  const rules = makeRules(ageRange)
  return Plugin.translate(
    definePlugin({
      id: serviceType,
      version: "0.1.0",
      requires: { core: "^0.1.0" },
      labels: {
        name: Labels.of(
          "Low-threshold club for children and youth",
          "Nízkoprahový klub pro děti a mládež",
          "Žemo slenksčio vaikų ir jaunimo klubas",
          "Нископрагов клуб за деца и младежи"
        ),
        description: Labels.of(
          "Accompanies and supports children and young people in difficult and everyday situations, to raise their chances of succeeding in life.",
          "Doprovází a podporuje děti a mládež při řešení obtížných i každodenních situací a zvyšuje tak jejich šance uspět v dalším životě.",
          "Lydi ir palaiko vaikus bei jaunimą sunkiose ir kasdienėse situacijose, kad padidėtų jų galimybės sėkmingai gyventi toliau.",
          "Придружава и подкрепя децата и младежите в трудни и ежедневни ситуации, за да увеличи шансовете им за успех в живота."
        )
      },
      taxonomies,
      targetGroup: { description: targetGroupDescription(ageRange), ageRange, configurable: true },
      principles: principleIds,
      rules: [rules.ageOnRegistration, rules.noFinancialBarrier, rules.nicknameSuffices, rules.principlesDeclared],
      eligibility: [rules.targetAge],
      indicators,
      derivations,
      goals,
      reports,
      config: { minAge: ageRange.min, maxAge: ageRange.max },
      messages,
      fields
    }),
    "uk",
    uk
  )
}

/**
 * The low-threshold club plugin with the default target age, 6–26.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Registry } from "@pomoc/core"
 * import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
 *
 * const label = Registry.make([lowThresholdClub]).pipe(
 *   Effect.map((registry) => registry.label("interventions", "crisis-intervention", "cs"))
 * ) // Effect.succeed("Krizová intervence")
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const lowThresholdClub: LowThresholdClubPlugin = make()
