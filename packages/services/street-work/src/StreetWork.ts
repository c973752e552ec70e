/**
 * The `street-work` plugin: outreach programmes (Czech "terénní programy", Act 108/2006 §69),
 * from seeds/004 ("Terénní práce jinak").
 *
 * @since 0.1.0
 */
import { type AgeRange, definePlugin, Labels, Plugin } from "@pomoc/core"
import { fields } from "./fields.js"
import { derivations, goals, indicators } from "./outcomes.js"
import { reports } from "./reports.js"
import { defaultAgeRange, makeRules, messages, Outreach, principleIds, serviceType } from "./rules.js"
import { activityTopics, channels, firstContactChannels, interventions, locationKinds, needs } from "./taxonomies.js"
import { uk } from "./uk.js"

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * The ages the programme serves when a service sets no age range of its own; defaults to
   * 11–26. A service may still set its own (`targetGroup.ageRange`).
   */
  readonly ageRange?: AgeRange
}

const targetGroupDescription = ({ max, min }: AgeRange) => ({
  ...Labels.of(
    `Young people aged ${min} to ${max} in difficult life situations or at risk, reached where they are`,
    `Mladí lidé ve věku ${min}–${max} let v obtížných životních situacích nebo ohrožení rizikovým chováním, oslovovaní tam, kde se vyskytují`,
    `${min}–${max} metų jaunuoliai, patiriantys sunkumų ar rizikos, pasiekiami ten, kur jie yra`,
    `Млади хора на възраст от ${min} до ${max} години в трудни житейски ситуации или в риск, достигани там, където са`
  ),
  uk:
    `Молодь віком від ${min} до ${max} років у складних життєвих ситуаціях або в ризику, до якої приходять туди, де вона є`
})

/**
 * Builds the plugin with another default target age (a programme for 15–26, say).
 *
 * @example
 * ```ts
 * import { Registry } from "@pomoc/core"
 * import { StreetWork } from "@pomoc/service-street-work"
 *
 * const registry = Registry.makeUnsafe([StreetWork.make({ ageRange: { min: 15, max: 26 } })])
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}) => {
  const ageRange = options.ageRange ?? defaultAgeRange
  const rules = makeRules(ageRange)
  return Plugin.translate(
    definePlugin({
      id: serviceType,
      version: "0.1.0",
      requires: { core: "^0.1.0" },
      labels: {
        name: Labels.of("Street work and outreach", "Terénní programy", "Darbas su jaunimu gatvėje", "Теренна работа"),
        description: Labels.of(
          "Goes where young people are (schools, shopping centres, LAN parties, social platforms, the street) and offers them support in difficult life situations.",
          "Jde tam, kde jsou mladí lidé (školy, obchodní centra, LAN party, sociální sítě, ulice), a nabízí jim podporu v řešení obtížných životních situací.",
          "Eina ten, kur yra jaunimas (mokyklos, prekybos centrai, LAN vakarėliai, socialinės platformos, gatvė), ir siūlo paramą sunkiose gyvenimo situacijose.",
          "Отива там, където са младите хора (училища, търговски центрове, LAN партита, социални платформи, улицата), и им предлага подкрепа в трудни житейски ситуации."
        )
      },
      taxonomies: { interventions, channels, firstContactChannels, locationKinds, needs, activityTopics },
      targetGroup: { description: targetGroupDescription(ageRange), ageRange, configurable: true },
      principles: principleIds,
      extraPrinciples: [Outreach],
      rules: [
        rules.lanPartyAge,
        rules.firstHeardOnFirstContact,
        rules.firstContactChannel,
        rules.firstContactPlace,
        rules.noFee,
        rules.chosenFirstContactChannels,
        rules.newToService
      ],
      eligibility: [rules.targetAge],
      indicators,
      derivations,
      goals,
      reports,
      config: { minAge: ageRange.min, maxAge: ageRange.max, acceptsAnonymous: true },
      messages,
      fields
    }),
    "uk",
    uk
  )
}

/**
 * The street-work plugin with the default target age, 11–26.
 *
 * @example
 * ```ts
 * import { Registry } from "@pomoc/core"
 * import { streetWork } from "@pomoc/service-street-work"
 *
 * const registry = Registry.makeUnsafe([streetWork])
 * registry.label("firstContactChannels", "lan-party", "cs") // "LAN party pro hráče a hráčky online her ve věku 11–16 let"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const streetWork = make()

/**
 * The type of the street-work plugin.
 *
 * @since 0.1.0
 * @category models
 */
export type StreetWork = typeof streetWork
