/**
 * Outcome indicators of work with children and young people in care, the goals of the seed's
 * mission they measure, and the typed rules that derive some of them from a person's history.
 *
 * @since 0.1.0
 */
import { type Contact, Labels, type Plugin } from "@pomoc/core"
import { DateTime } from "effect"
import type { Intervention } from "./taxonomies.js"
import { needIndicators } from "./training.js"

/**
 * The outcome indicators of the seed's mission (without the need areas' indicators).
 *
 * @since 0.2.0
 * @category models
 */
export const outcomeIndicators = [
  {
    code: "needs-analysed",
    labels: Labels.of(
      "Needs analysed",
      "Potřeby zanalyzovány",
      "Poreikiai išanalizuoti",
      "Потребностите са анализирани"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "training-completed",
    labels: Labels.of(
      "Completed a training programme",
      "Dokončil(a) vzdělávací program",
      "Baigė mokymo programą",
      "Завършил(а) програма за обучение"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "career-guidance-received",
    labels: Labels.of(
      "Received career guidance or job-search support",
      "Získal(a) kariérové poradenství nebo podporu při hledání práce",
      "Gavo profesinį orientavimą ar pagalbą ieškant darbo",
      "Получил(а) кариерно ориентиране или помощ при търсене на работа"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "education-or-work",
    labels: Labels.of("Education or work", "Vzdělávání nebo práce", "Mokymasis ar darbas", "Образование или работа"),
    scale: { _tag: "Category", categories: ["not-engaged", "in-training", "in-education", "in-work"] }
  },
  {
    code: "living-conditions",
    labels: Labels.of(
      "Living conditions (1 = very poor, 5 = good)",
      "Životní podmínky (1 = velmi špatné, 5 = dobré)",
      "Gyvenimo sąlygos (1 – labai blogos, 5 – geros)",
      "Условия на живот (1 = много лоши, 5 = добри)"
    ),
    scale: { _tag: "Ladder", min: 1, max: 5 }
  },
  {
    code: "social-integration",
    labels: Labels.of(
      "Social integration (1 = isolated, 5 = well integrated)",
      "Sociální začlenění (1 = izolovaný/á, 5 = dobře začleněný/á)",
      "Socialinė integracija (1 – izoliuotas, 5 – gerai integruotas)",
      "Социална интеграция (1 = изолиран(а), 5 = добре интегриран(а))"
    ),
    scale: { _tag: "Ladder", min: 1, max: 5 }
  }
] as const

/**
 * The indicators: the outcomes above, then one per need area (`need-<area>`, the level of need a
 * structured needs assessment found: see `assessNeeds`).
 *
 * @since 0.1.0
 * @category models
 */
export const indicators: ReadonlyArray<(typeof outcomeIndicators)[number] | (typeof needIndicators)[number]> = [
  ...outcomeIndicators,
  ...needIndicators
]

/**
 * An indicator code.
 *
 * @since 0.1.0
 * @category models
 */
export type Indicator = (typeof indicators)[number]["code"]

/**
 * Labels of the categories of `education-or-work`.
 *
 * @since 0.1.0
 * @category models
 */
export const categoryLabels = {
  "education-or-work": {
    "not-engaged": Labels.of(
      "Neither in education nor in work",
      "Mimo vzdělávání i práci",
      "Nesimoko ir nedirba",
      "Нито учи, нито работи"
    ),
    "in-training": Labels.of(
      "In the organisation's training",
      "V programu organizace",
      "Dalyvauja organizacijos mokymuose",
      "В обучение на организацията"
    ),
    "in-education": Labels.of("In education", "Ve vzdělávání", "Mokosi", "Учи"),
    "in-work": Labels.of("In work", "V zaměstnání", "Dirba", "Работи")
  }
} as const satisfies Readonly<Record<string, Readonly<Record<string, Labels>>>>

/**
 * The goals of the seed's mission, each mapped to its indicators.
 *
 * @since 0.1.0
 * @category models
 */
export const goals = [
  {
    code: "needs-based-training",
    labels: Labels.of(
      "Individual and group training built on analyses of needs",
      "Individuální a skupinové vzdělávání postavené na analýze potřeb",
      "Individualūs ir grupiniai mokymai, grindžiami poreikių analize",
      "Индивидуални и групови програми за обучение, изградени върху анализ на потребностите"
    ),
    // The level of need in each area a structured needs assessment found, then the training.
    indicators: ["needs-analysed", ...needIndicators.map((i) => i.code), "training-completed"]
  },
  {
    code: "career-development",
    labels: Labels.of(
      "Career development: guidance and help in finding work",
      "Kariérní rozvoj: poradenství a pomoc při hledání práce",
      "Karjeros raida: orientavimas ir pagalba ieškant darbo",
      "Кариерно развитие: ориентиране и помощ при търсене на работа"
    ),
    indicators: ["career-guidance-received", "education-or-work"]
  },
  {
    code: "better-living-conditions",
    labels: Labels.of(
      "Better living conditions and social integration",
      "Lepší životní podmínky a sociální začlenění",
      "Geresnės gyvenimo sąlygos ir socialinė integracija",
      "По-добри условия на живот и социална интеграция"
    ),
    indicators: ["living-conditions", "social-integration"]
  }
] as const

/**
 * What a derivation sees of one person's history.
 *
 * @since 0.1.0
 * @category models
 */
export type History = Plugin.History

const upTo = (history: History): ReadonlyArray<Contact> =>
  history.contacts.filter((c) => DateTime.isLessThanOrEqualTo(c.at, history.asOf))

const withAny = (history: History, codes: ReadonlyArray<Intervention>): boolean =>
  upTo(history).some((c) => c.interventions.some((code) => (codes as ReadonlyArray<string>).includes(code)))

const needsAssessed = (history: History): boolean =>
  history.measurements.some((m) =>
    m.indicator.startsWith("need-") && m.derivedBy === undefined && DateTime.isLessThanOrEqualTo(m.at, history.asOf)
  )

const yes = { _tag: "YesNo", value: true } as const

/**
 * The typed rules that derive indicators from a person's contacts up to the derivation's
 * moment; each returns `undefined` when the history says nothing.
 *
 * - `needs-analysed`: yes once a contact included a needs analysis, or a structured needs
 *   assessment (`assessNeeds`) was recorded.
 * - `career-guidance-received`: yes once a contact included career guidance, job-search or
 *   career-change support.
 * - `education-or-work`: `in-training` once the person took part in individual or group
 *   training (entry into education or work is measured, not derived).
 *
 * @since 0.1.0
 * @category models
 */
export const derivations = [
  {
    id: "children-in-care/needs-analysed-from-contacts",
    indicator: "needs-analysed",
    description: "A needs analysis was done in a contact, or a structured needs assessment recorded.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) => withAny(history, ["needs-analysis"]) || needsAssessed(history) ? yes : undefined
  },
  {
    id: "children-in-care/career-guidance-from-contacts",
    indicator: "career-guidance-received",
    description: "Career guidance or job-search support was given in a contact.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (
      history: History
    ) => (withAny(history, ["career-guidance", "job-search-support", "career-change-support"]) ? yes : undefined)
  },
  {
    id: "children-in-care/in-training-from-contacts",
    indicator: "education-or-work",
    description: "The person takes part in the organisation's training.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) =>
      withAny(history, ["individual-training", "group-training"])
        ? ({ _tag: "Category", value: "in-training" } as const)
        : undefined
  }
] as const
