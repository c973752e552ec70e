/**
 * The `low-threshold-club` plugin: a low-threshold club for children and youth (Czech
 * "nízkoprahové zařízení pro děti a mládež", NZDM), from seeds/000.
 *
 * @since 0.1.0
 */
import { type AgeRange, definePlugin } from "@pomoc/core"
import { labels } from "./internal/labels.js"
import { derivations, goals, indicators } from "./outcomes.js"
import { reports } from "./reports.js"
import { defaultAgeRange, makeRules, principleIds, serviceType } from "./rules.js"
import { activityTopics, channels, firstContactChannels, interventions, locationKinds, needs } from "./taxonomies.js"

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
  readonly ageRange?: AgeRange
}

const targetGroupDescription = ({ min, max }: AgeRange) =>
  labels(
    `Children and young people aged ${min} to ${max} in difficult and everyday life situations`,
    `Děti a mládež ve věku ${min}–${max} let v obtížných i každodenních životních situacích`,
    `${min}–${max} metų vaikai ir jaunimas sunkiose ir kasdienėse gyvenimo situacijose`,
    `Деца и младежи на възраст от ${min} до ${max} години в трудни и ежедневни житейски ситуации`
  )

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
export const make = (options: Options = {}) => {
  const ageRange = options.ageRange ?? defaultAgeRange
  const rules = makeRules(ageRange)
  return definePlugin({
    id: serviceType,
    version: "0.1.0",
    requires: { core: "^0.1.0" },
    labels: {
      name: labels(
        "Low-threshold club for children and youth",
        "Nízkoprahový klub pro děti a mládež",
        "Žemo slenksčio vaikų ir jaunimo klubas",
        "Нископрагов клуб за деца и младежи"
      ),
      description: labels(
        "Accompanies and supports children and young people in difficult and everyday situations, to raise their chances of succeeding in life.",
        "Doprovází a podporuje děti a mládež při řešení obtížných i každodenních situací a zvyšuje tak jejich šance uspět v dalším životě.",
        "Lydi ir palaiko vaikus bei jaunimą sunkiose ir kasdienėse situacijose, kad padidėtų jų galimybės sėkmingai gyventi toliau.",
        "Придружава и подкрепя децата и младежите в трудни и ежедневни ситуации, за да увеличи шансовете им за успех в живота."
      )
    },
    taxonomies: { interventions, channels, firstContactChannels, locationKinds, needs, activityTopics },
    targetGroup: { description: targetGroupDescription(ageRange), ageRange, configurable: true },
    principles: principleIds,
    rules: [rules.ageOnRegistration, rules.noFinancialBarrier, rules.nicknameSuffices, rules.principlesDeclared],
    eligibility: [rules.targetAge],
    indicators,
    derivations,
    goals,
    reports,
    config: { minAge: ageRange.min, maxAge: ageRange.max }
  })
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
export const lowThresholdClub = make()

/**
 * The type of the low-threshold club plugin.
 *
 * @since 0.1.0
 * @category models
 */
export type LowThresholdClub = typeof lowThresholdClub

