/**
 * The `debt-counselling` plugin: professional social counselling on debts (Czech "odborné
 * sociální poradenství", Act 108/2006 §37), from seeds/002.
 *
 * @since 0.1.0
 */
import { definePlugin } from "@pomoc/core"
import { labels } from "./internal/labels.js"
import { derivations, goals, indicators } from "./outcomes.js"
import { reports } from "./reports.js"
import { adultAge, eligibility, principleIds, rules, serviceType } from "./rules.js"
import { channels, firstContactChannels, interventions, locationKinds, needs } from "./taxonomies.js"

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
export const debtCounselling = definePlugin({
  id: serviceType,
  version: "0.1.0",
  requires: { core: "^0.1.0" },
  labels: {
    name: labels("Debt counselling", "Dluhové poradenství", "Skolų konsultavimas", "Консултиране при задлъжнялост"),
    description: labels(
      "Professional social counselling for people in an adverse social situation mainly because of debts, who lack the information, skills or means to help themselves.",
      "Odborné sociální poradenství pro osoby, které se dostaly do nepříznivé sociální situace především kvůli dluhům a nemají dostatek informací, dovedností nebo prostředků, aby si pomohly vlastními silami.",
      "Specializuotas socialinis konsultavimas žmonėms, atsidūrusiems sunkioje socialinėje padėtyje daugiausia dėl skolų, kuriems trūksta informacijos, įgūdžių ar priemonių padėti sau patiems.",
      "Специализирано социално консултиране за хора в неблагоприятна социална ситуация главно заради дългове, на които не достигат информация, умения или средства, за да си помогнат сами."
    )
  },
  taxonomies: { interventions, channels, firstContactChannels, locationKinds, needs },
  targetGroup: {
    description: labels(
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
  config: { minAge: adultAge }
})

/**
 * The type of the debt counselling plugin.
 *
 * @since 0.1.0
 * @category models
 */
export type DebtCounselling = typeof debtCounselling
