/**
 * The standard Results-Based Accountability reports every service type can offer, built from a
 * plugin's own taxonomies and indicators: people first reached per way of first contact,
 * contacts per intervention, people per identity level and age band, people per need, outcome
 * assessments made with the person, and people per outcome indicator and value. A plugin lists
 * the ones it wants next to its own, domain-specific reports:
 *
 * ```ts
 * reports: [...StandardReports.all({ taxonomies, indicators }), myOwnReport]
 * ```
 *
 * @since 0.2.0
 */
import { Labels } from "../model/Common.js"
import * as Report from "../reports/Report.js"
import type { IndicatorDefinition, Taxonomies, Taxonomy } from "./Plugin.js"

// Core's own labels: the four every plugin writes, and Ukrainian (see `Vocabulary`).
const labelsIn5 = (en: string, cs: string, lt: string, bg: string, uk: string) => ({ ...Labels.of(en, cs, lt, bg), uk })

const codes = (taxonomy: Taxonomy | undefined): ReadonlyArray<string> => Object.keys(taxonomy ?? {})
const indicatorCodes = (indicators: ReadonlyArray<IndicatorDefinition>) => indicators.map((i) => i.code)

/**
 * How much: the people each way of first contact reached (the sum of participants of first
 * contacts, per first-contact channel; the row `null` counts the other contacts).
 *
 * @since 0.2.0
 * @category constructors
 */
export const firstContactsByChannel = (taxonomies: Pick<Taxonomies, "firstContactChannels">) =>
  Report.define({
    id: "first-contacts-by-channel",
    question: "how-much",
    labels: labelsIn5(
      "People first reached, by way of first contact",
      "Lidé oslovení při prvokontaktu podle způsobu prvokontaktu",
      "Pirmą kartą pasiekti žmonės pagal pirmojo kontakto būdą",
      "Достигнати за първи път хора по начин на първи контакт",
      "Люди, охоплені вперше, за способом першого контакту"
    ),
    query: {
      kind: "contact",
      dimensions: [{ by: "firstContactChannel", values: codes(taxonomies.firstContactChannels) }],
      measure: { sum: "participants" }
    }
  })

/**
 * How much: contacts per intervention code (a contact with two interventions counts in both).
 *
 * @since 0.2.0
 * @category constructors
 */
export const contactsByIntervention = (taxonomies: Pick<Taxonomies, "interventions">) =>
  Report.define({
    id: "contacts-by-intervention",
    question: "how-much",
    labels: labelsIn5(
      "Contacts by intervention",
      "Kontakty podle intervence",
      "Kontaktai pagal intervenciją",
      "Контакти по вид интервенция",
      "Контакти за втручанням"
    ),
    query: { kind: "contact", dimensions: [{ by: "tag", values: codes(taxonomies.interventions) }] }
  })

/**
 * How much: the people on record per identity level and age band.
 *
 * @since 0.2.0
 * @category constructors
 */
export const peopleByAgeBand = () =>
  Report.define({
    id: "people-by-age-band",
    question: "how-much",
    labels: labelsIn5(
      "People by identity level and age band",
      "Lidé podle úrovně identifikace a věkové skupiny",
      "Žmonės pagal tapatybės lygį ir amžiaus grupę",
      "Хора по ниво на идентификация и възрастова група",
      "Люди за рівнем ідентифікації та віковою групою"
    ),
    query: { kind: "person", dimensions: [{ by: "identityLevel" }, { by: "ageBand" }] }
  })

/**
 * How well: the people per need recorded for them (the plugin's `needs` taxonomy).
 *
 * @since 0.2.0
 * @category constructors
 */
export const peopleByNeed = (taxonomies: Pick<Taxonomies, "needs">) =>
  Report.define({
    id: "people-by-need",
    question: "how-well",
    labels: labelsIn5(
      "People by need",
      "Lidé podle potřeby",
      "Žmonės pagal poreikį",
      "Хора по потребност",
      "Люди за потребою"
    ),
    query: { kind: "person", dimensions: [{ by: "tag", values: codes(taxonomies.needs) }], measure: "people" }
  })

/**
 * How well: the people whose outcomes were assessed, per indicator, with them taking part in the
 * assessment or not.
 *
 * @since 0.2.0
 * @category constructors
 */
export const outcomesAssessedWithPerson = (indicators: ReadonlyArray<IndicatorDefinition>) =>
  Report.define({
    id: "outcomes-assessed-with-person",
    question: "how-well",
    labels: labelsIn5(
      "Outcome assessments made with the person",
      "Hodnocení výsledků společně s člověkem",
      "Rezultatų vertinimai kartu su žmogumi",
      "Оценки на резултатите, направени заедно с човека",
      "Оцінки результатів, зроблені разом із людиною"
    ),
    query: {
      kind: "measurement",
      dimensions: [{ by: "indicator", values: indicatorCodes(indicators) }, {
        by: "personParticipated",
        values: [true, false]
      }],
      measure: "people"
    }
  })

/**
 * Is anyone better off: the people per outcome indicator and measured value.
 *
 * @since 0.2.0
 * @category constructors
 */
export const outcomesByIndicator = (indicators: ReadonlyArray<IndicatorDefinition>) =>
  Report.define({
    id: "outcomes-by-indicator",
    question: "better-off",
    labels: labelsIn5(
      "People by outcome indicator and value",
      "Lidé podle indikátoru výsledku a hodnoty",
      "Žmonės pagal rezultato rodiklį ir reikšmę",
      "Хора по показател за резултат и стойност",
      "Люди за показником результату та значенням"
    ),
    query: {
      kind: "measurement",
      dimensions: [{ by: "indicator", values: indicatorCodes(indicators) }, { by: "value" }],
      measure: "people"
    }
  })

/**
 * How much: the time volunteers gave per month, summed in whole minutes (core stores each entry's
 * hours and its minutes; hours may be fractional, a report's cells are whole counts). For the
 * service types that work with volunteers; not among {@link all}.
 *
 * @since 0.2.0
 * @category constructors
 */
export const volunteerMinutesByMonth = () =>
  Report.define({
    id: "volunteer-minutes-by-month",
    question: "how-much",
    labels: labelsIn5(
      "Minutes given by volunteers, by month",
      "Minuty odpracované dobrovolníky podle měsíců",
      "Savanorių skirtos minutės pagal mėnesius",
      "Минути, дадени от доброволци, по месеци",
      "Хвилини, які віддали волонтери, за місяцями"
    ),
    query: { kind: "volunteer-hours", dimensions: [{ by: "month" }], measure: { sum: "minutes" } }
  })

/**
 * How much, per programme (project; `programId` of the records, `null` for work outside any):
 * group activities' attendance, contacts, and the minutes volunteers gave. For the service types
 * whose organisations run projects (`registerProgram`); not among {@link all}.
 *
 * @since 0.2.0
 * @category constructors
 */
export const workByProgram = () =>
  [
    Report.define({
      id: "attendance-by-program",
      question: "how-much",
      labels: labelsIn5(
        "Attendance of activities by project",
        "Účast na aktivitách podle projektu",
        "Veiklų lankomumas pagal projektą",
        "Посещаемост на дейностите по проект",
        "Відвідування заходів за проєктом"
      ),
      query: { kind: "activity", dimensions: [{ by: "programId" }], measure: { sum: "attendance" } }
    }),
    Report.define({
      id: "contacts-by-program",
      question: "how-much",
      labels: labelsIn5(
        "Contacts by project",
        "Kontakty podle projektu",
        "Kontaktai pagal projektą",
        "Контакти по проект",
        "Контакти за проєктом"
      ),
      query: { kind: "contact", dimensions: [{ by: "programId" }] }
    }),
    Report.define({
      id: "volunteer-minutes-by-program",
      question: "how-much",
      labels: labelsIn5(
        "Minutes given by volunteers, by project",
        "Minuty odpracované dobrovolníky podle projektu",
        "Savanorių skirtos minutės pagal projektą",
        "Минути, дадени от доброволци, по проект",
        "Хвилини, які віддали волонтери, за проєктом"
      ),
      query: { kind: "volunteer-hours", dimensions: [{ by: "programId" }], measure: { sum: "minutes" } }
    })
  ] as const

/**
 * What the standard reports are built from: a plugin's taxonomies and indicators.
 *
 * @since 0.2.0
 * @category models
 */
export interface Parts {
  readonly taxonomies: Taxonomies
  readonly indicators: ReadonlyArray<IndicatorDefinition>
}

/**
 * Every standard report for a plugin's parts (`people-by-need` only when it has needs), in a
 * fixed order: first contacts by channel, contacts by intervention, people by age band, people
 * by need, outcomes assessed with the person, outcomes by indicator.
 *
 * @since 0.2.0
 * @category constructors
 */
export const all = ({ indicators, taxonomies }: Parts) =>
  [
    firstContactsByChannel(taxonomies),
    contactsByIntervention(taxonomies),
    peopleByAgeBand(),
    ...(taxonomies.needs === undefined ? [] : [peopleByNeed(taxonomies)]),
    outcomesAssessedWithPerson(indicators),
    outcomesByIndicator(indicators)
  ] as const

/**
 * The id of a standard report.
 *
 * @since 0.2.0
 * @category models
 */
export type StandardReportId =
  | "first-contacts-by-channel"
  | "contacts-by-intervention"
  | "people-by-age-band"
  | "people-by-need"
  | "outcomes-assessed-with-person"
  | "outcomes-by-indicator"
  | "volunteer-minutes-by-month"
