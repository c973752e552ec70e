/**
 * The club's report definitions, answering the three Results-Based Accountability questions
 * (how much did we do, how well did we do it, is anyone better off). Each is a core
 * `ReportDefinition`: the store computes it (SQL `GROUP BY` over the records' facets and tags)
 * for one service and period, and `Report.run` suppresses small cells and their complements.
 *
 * @since 0.1.0
 */
import { Labels, Report, StandardReports, Statutory } from "@pomoc/core"
import { indicators } from "./outcomes.js"
import { activityTopics, firstContactChannels, interventions } from "./taxonomies.js"

const codes = (taxonomy: object): ReadonlyArray<string> => Object.keys(taxonomy)

/**
 * How much: contacts per intervention (one contact counts once under each of its interventions).
 *
 * @since 0.1.0
 * @category models
 */
export const contactsByIntervention = StandardReports.contactsByIntervention({ interventions })

/**
 * How much: participants (known and anonymous) per month.
 *
 * @since 0.1.0
 * @category models
 */
export const participantsByMonth = Report.define({
  id: "participants-by-month",
  question: "how-much",
  labels: Labels.of(
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
export const firstContactsByChannel = StandardReports.firstContactsByChannel({ firstContactChannels })

/**
 * How much: attendance of group activities per topic.
 *
 * @since 0.1.0
 * @category models
 */
export const attendanceByTopic = Report.define({
  id: "attendance-by-topic",
  question: "how-much",
  labels: Labels.of(
    "Attendance of group activities by topic",
    "Účast na skupinových aktivitách podle tématu",
    "Dalyvavimas grupinėse veiklose pagal temą",
    "Участие в групови дейности по тема"
  ),
  query: {
    kind: "activity",
    dimensions: [{ by: "topic", values: codes(activityTopics) }],
    measure: { sum: "attendance" }
  }
})

/**
 * How much: young people on record per identity level and age band.
 *
 * @since 0.1.0
 * @category models
 */
export const peopleByAgeBand = StandardReports.peopleByAgeBand()

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
  labels: Labels.of(
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
export const assessedWithPerson = StandardReports.outcomesAssessedWithPerson(indicators)

/**
 * Is anyone better off: young people per indicator and measured value.
 *
 * @since 0.1.0
 * @category models
 */
export const outcomesByIndicator = StandardReports.outcomesByIndicator(indicators)

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

/**
 * The yearly statistics for the Czech Ministry of Labour and Social Affairs (MPSV), per service:
 * known and anonymous users, contacts, contacts per intervention type, people by age band and
 * gender; a named CSV file (`ministryStatistics.build(store, { serviceId, year })`).
 *
 * @since 0.2.0
 * @category models
 */
export const ministryStatistics = Statutory.czechYearlyStatistics({ interventions: codes(interventions) })

/**
 * The statutory and funder exports of this service type.
 *
 * @since 0.2.0
 * @category models
 */
export const statutoryExports = [ministryStatistics] as const
