/**
 * The club's report definitions, answering the three Results-Based Accountability questions
 * (how much did we do, how well did we do it, is anyone better off). Each is a core
 * `ReportDefinition`: the store computes it (SQL `GROUP BY` over the records' facets and tags)
 * for one service and period, and `Report.run` suppresses small cells and their complements.
 *
 * @since 0.1.0
 */
import { labelsOf, Report } from "@pomoc/core"
import { indicators } from "./outcomes.js"
import { activityTopics, firstContactChannels, interventions } from "./taxonomies.js"

const codes = (taxonomy: object): ReadonlyArray<string> => Object.keys(taxonomy)

/**
 * How much: contacts per intervention (one contact counts once under each of its interventions).
 *
 * @since 0.1.0
 * @category models
 */
export const contactsByIntervention = Report.define({
  id: "contacts-by-intervention",
  question: "how-much",
  labels: labelsOf("Contacts by intervention", "Kontakty podle intervence", "Kontaktai pagal intervenciją", "Контакти по вид интервенция"),
  query: { kind: "contact", dimensions: [{ by: "tag", values: codes(interventions) }] }
})

/**
 * How much: participants (known and anonymous) per month.
 *
 * @since 0.1.0
 * @category models
 */
export const participantsByMonth = Report.define({
  id: "participants-by-month",
  question: "how-much",
  labels: labelsOf(
    "Participants in contacts by month (known and anonymous)",
    "Účastníci kontaktů podle měsíců (známí i anonymní)",
    "Kontaktų dalyviai pagal mėnesius (žinomi ir anoniminiai)",
    "Участници в контактите по месеци (известни и анонимни)"
  ),
  query: { kind: "contact", dimensions: [{ by: "month" }], measure: { sum: "participants" } }
})

/**
 * How much: young people first reached, per first-contact channel (`null`: not a first contact).
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactsByChannel = Report.define({
  id: "first-contacts-by-channel",
  question: "how-much",
  labels: labelsOf(
    "Young people first reached, by first-contact channel",
    "Poprvé oslovení mladí lidé podle cesty k prvnímu kontaktu",
    "Pirmą kartą pasiekti jaunuoliai pagal pirmojo kontakto kanalą",
    "Младежи, достигнати за първи път, по канал за първи контакт"
  ),
  query: { kind: "contact", dimensions: [{ by: "firstContactChannel", values: codes(firstContactChannels) }], measure: { sum: "participants" } }
})

/**
 * How much: attendance of group activities per topic.
 *
 * @since 0.1.0
 * @category models
 */
export const attendanceByTopic = Report.define({
  id: "attendance-by-topic",
  question: "how-much",
  labels: labelsOf(
    "Attendance of group activities by topic",
    "Účast na skupinových aktivitách podle tématu",
    "Dalyvavimas grupinėse veiklose pagal temą",
    "Участие в групови дейности по тема"
  ),
  query: { kind: "activity", dimensions: [{ by: "topic", values: codes(activityTopics) }], measure: { sum: "attendance" } }
})

/**
 * How much: young people on record per identity level and age band.
 *
 * @since 0.1.0
 * @category models
 */
export const peopleByAgeBand = Report.define({
  id: "people-by-age-band",
  question: "how-much",
  labels: labelsOf(
    "Young people by identity level and age band",
    "Mladí lidé podle úrovně identifikace a věkové skupiny",
    "Jaunuoliai pagal tapatybės lygį ir amžiaus grupę",
    "Младежи по ниво на идентификация и възрастова група"
  ),
  query: {
    kind: "person",
    dimensions: [{ by: "identityLevel", values: ["anonymous", "pseudonymous", "identified"] }, { by: "ageBand" }]
  }
})

/**
 * How well: anonymous participants per kind of place (the low threshold at work: young people
 * use the club without giving a name).
 *
 * @since 0.1.0
 * @category models
 */
export const anonymousByPlace = Report.define({
  id: "anonymous-participants-by-place",
  question: "how-well",
  labels: labelsOf(
    "Anonymous participants by place",
    "Anonymní účastníci podle místa",
    "Anoniminiai dalyviai pagal vietą",
    "Анонимни участници по място"
  ),
  query: { kind: "contact", dimensions: [{ by: "locationKind" }], measure: { sum: "anonymousCount" } }
})

/**
 * How well: outcome assessments per indicator, made with the young person or without.
 *
 * @since 0.1.0
 * @category models
 */
export const assessedWithPerson = Report.define({
  id: "outcomes-assessed-with-person",
  question: "how-well",
  labels: labelsOf(
    "Outcome assessments made with the young person",
    "Hodnocení výsledků společně s mladým člověkem",
    "Rezultatų vertinimai kartu su jaunuoliu",
    "Оценки на резултатите, направени заедно с младия човек"
  ),
  query: {
    kind: "measurement",
    dimensions: [{ by: "indicator", values: indicators.map((i) => i.code) }, { by: "personParticipated", values: [true, false] }]
  }
})

/**
 * Is anyone better off: young people per indicator and measured value.
 *
 * @since 0.1.0
 * @category models
 */
export const outcomesByIndicator = Report.define({
  id: "outcomes-by-indicator",
  question: "better-off",
  labels: labelsOf(
    "Young people by outcome indicator and value",
    "Mladí lidé podle indikátoru výsledku a hodnoty",
    "Jaunuoliai pagal rezultato rodiklį ir reikšmę",
    "Младежи по показател за резултат и стойност"
  ),
  query: { kind: "measurement", dimensions: [{ by: "indicator", values: indicators.map((i) => i.code) }, { by: "value" }], measure: "people" }
})

/**
 * Every report of the club.
 *
 * @since 0.1.0
 * @category models
 */
export const reports = [
  contactsByIntervention,
  participantsByMonth,
  firstContactsByChannel,
  attendanceByTopic,
  peopleByAgeBand,
  anonymousByPlace,
  assessedWithPerson,
  outcomesByIndicator
] as const

/**
 * The id of a report of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type ReportId = (typeof reports)[number]["id"]
