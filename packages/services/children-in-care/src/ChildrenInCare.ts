/**
 * The `children-in-care` plugin: support for children and young people in institutional or
 * foster care, from seeds/003 (a Bulgarian NGO).
 *
 * @since 0.1.0
 */
import { type AgeRange, definePlugin, Labels, Plugin } from "@pomoc/core"
import { derivations, goals, indicators } from "./outcomes.js"
import { reports } from "./reports.js"
import { defaultAgeRange, makeRules, messages, principleIds, Professionalism, serviceType } from "./rules.js"
import { activityTopics, channels, firstContactChannels, interventions, locationKinds, needs } from "./taxonomies.js"
import { fields, operations } from "./training.js"
import { uk } from "./uk.js"

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The ages served when a service sets no age range of its own; defaults to 6–26. */
  readonly ageRange?: AgeRange
}

const targetGroupDescription = ({ max, min }: AgeRange) => ({
  ...Labels.of(
    `Children and young people aged ${min} to ${max} in institutional or foster care, and young people who have left care`,
    `Děti a mladí lidé ve věku ${min}–${max} let v ústavní nebo pěstounské péči a mladí lidé po jejím opuštění`,
    `${min}–${max} metų vaikai ir jaunuoliai, esantys institucinėje ar šeimos globoje, ir globą palikę jaunuoliai`,
    `Деца и младежи на възраст от ${min} до ${max} години под институционална или приемна грижа и младежи, напуснали грижа`
  ),
  uk:
    `Діти та молодь віком від ${min} до ${max} років в інституційному чи прийомному догляді, а також молодь, яка залишила догляд`
})

/**
 * Builds the plugin with another default target age.
 *
 * @example
 * ```ts
 * import { Registry } from "@pomoc/core"
 * import { ChildrenInCare } from "@pomoc/service-children-in-care"
 *
 * const registry = Registry.makeUnsafe([ChildrenInCare.make({ ageRange: { min: 15, max: 26 } })])
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
        name: Labels.of(
          "Support for children and young people in care",
          "Podpora dětí a mladých lidí v náhradní péči",
          "Pagalba globojamiems vaikams ir jaunuoliams",
          "Подкрепа за деца и младежи в грижа"
        ),
        description: Labels.of(
          "Needs analyses, individual and group training (also for care staff), career guidance and job-search support for children and young people in institutional or foster care, with volunteers and interns.",
          "Analýzy potřeb, individuální a skupinové vzdělávání (i pro pracovníky zařízení), kariérové poradenství a pomoc při hledání práce pro děti a mladé lidi v ústavní nebo pěstounské péči, s dobrovolníky a stážisty.",
          "Poreikių analizė, individualūs ir grupiniai mokymai (taip pat globos įstaigų darbuotojams), profesinis orientavimas ir pagalba ieškant darbo institucinėje ar šeimos globoje esantiems vaikams ir jaunuoliams, padedant savanoriams ir praktikantams.",
          "Анализи на потребностите, индивидуални и групови обучения (и за персонала на институциите), кариерно ориентиране и помощ при търсене на работа за деца и младежи под институционална или приемна грижа, с участието на доброволци и стажанти."
        )
      },
      taxonomies: { interventions, channels, firstContactChannels, locationKinds, needs, activityTopics },
      targetGroup: { description: targetGroupDescription(ageRange), ageRange, configurable: true },
      principles: principleIds,
      extraPrinciples: [Professionalism],
      rules: [rules.needsAnalysisFirst, rules.staffTraining, rules.noFee],
      eligibility: [rules.targetAge, rules.inCare],
      indicators,
      derivations,
      goals,
      reports,
      config: { minAge: ageRange.min, maxAge: ageRange.max },
      messages,
      // Needs assessments and training completions, run by core's pipeline with their access rows.
      operations,
      // The trainee's institution (personal) and whether a trainee is care staff (a facet).
      fields
    }),
    "uk",
    uk
  )
}

/**
 * The plugin with the default target age, 6–26.
 *
 * @example
 * ```ts
 * import { Registry } from "@pomoc/core"
 * import { childrenInCare } from "@pomoc/service-children-in-care"
 *
 * const registry = Registry.makeUnsafe([childrenInCare])
 * registry.label("interventions", "career-guidance", "bg") // "Кариерно ориентиране"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const childrenInCare = make()

/**
 * The type of the plugin.
 *
 * @since 0.1.0
 * @category models
 */
export type ChildrenInCare = typeof childrenInCare
