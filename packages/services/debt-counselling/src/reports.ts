/**
 * Debt counselling's report definitions, answering the three Results-Based Accountability
 * questions (how much did we do, how well did we do it, is anyone better off). Each is a core
 * `ReportDefinition`: the store computes it (SQL `GROUP BY`) for one service and period, and
 * `Report.run` suppresses small cells and their complements.
 *
 * @since 0.1.0
 */
import { Labels, Report, StandardReports, Statutory } from "@pomoc/core"
import { indicators } from "./outcomes.js"
import { channels, firstContactChannels, interventions } from "./taxonomies.js"

const codes = (taxonomy: object): ReadonlyArray<string> => Object.keys(taxonomy)

/**
 * How much: clients reached per intervention.
 *
 * @since 0.1.0
 * @category models
 */
export const clientsByIntervention = Report.define({
  id: "clients-by-intervention",
  question: "how-much",
  labels: Labels.of(
    "Clients by intervention",
    "Klienti podle intervence",
    "Klientai pagal intervenciją",
    "Клиенти по вид интервенция"
  ),
  query: { kind: "contact", dimensions: [{ by: "tag", values: codes(interventions) }], measure: "people" }
})

/**
 * How much: contacts per month.
 *
 * @since 0.1.0
 * @category models
 */
export const contactsByMonth = Report.define({
  id: "contacts-by-month",
  question: "how-much",
  labels: Labels.of("Contacts by month", "Kontakty podle měsíců", "Kontaktai pagal mėnesius", "Контакти по месеци"),
  query: { kind: "contact", dimensions: [{ by: "month" }] }
})

/**
 * How much: people first reached, per first-contact channel (`null`: not a first contact).
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactsByChannel = StandardReports.firstContactsByChannel({ firstContactChannels })

/**
 * How much: clients on record per age band.
 *
 * @since 0.1.0
 * @category models
 */
export const clientsByAgeBand = Report.define({
  id: "clients-by-age-band",
  question: "how-much",
  labels: Labels.of(
    "Clients by age band",
    "Klienti podle věkové skupiny",
    "Klientai pagal amžiaus grupę",
    "Клиенти по възрастова група"
  ),
  query: { kind: "person", dimensions: [{ by: "ageBand", values: ["18-20", "21-26", "27-64", "65+", "not-stated"] }] }
})

/**
 * How well: cooperations still running or ended, and by whom (a client may end at any time,
 * without a reason).
 *
 * @since 0.1.0
 * @category models
 */
export const cooperationsByEnding = Report.define({
  id: "cooperations-by-ending",
  question: "how-well",
  labels: Labels.of(
    "Cooperations by whether and how they ended",
    "Spolupráce podle toho, zda a jak skončila",
    "Bendradarbiavimas pagal tai, ar ir kaip jis baigėsi",
    "Сътрудничества според това дали и как са приключили"
  ),
  query: {
    kind: "cooperation",
    dimensions: [{ by: "active", values: [true, false] }, { by: "endedBy" }],
    measure: "people"
  }
})

/**
 * How well: minutes of counselling per channel.
 *
 * @since 0.1.0
 * @category models
 */
export const minutesByChannel = Report.define({
  id: "minutes-by-channel",
  question: "how-well",
  labels: Labels.of(
    "Minutes of counselling by channel",
    "Minuty poradenství podle kanálu",
    "Konsultavimo minutės pagal kanalą",
    "Минути консултиране по канал"
  ),
  query: {
    kind: "contact",
    dimensions: [{ by: "channel", values: codes(channels) }],
    measure: { sum: "durationMinutes" }
  }
})

/**
 * How well: outcome assessments per indicator, made with the client or without.
 *
 * @since 0.1.0
 * @category models
 */
export const assessedWithClient = StandardReports.outcomesAssessedWithPerson(indicators)

/**
 * Is anyone better off: clients per outcome indicator and measured value.
 *
 * @since 0.1.0
 * @category models
 */
export const outcomesByIndicator = StandardReports.outcomesByIndicator(indicators)

/**
 * Is anyone better off: the share of clients whose situation improved, among the clients with a
 * `situation-improved` value in the period (assessed with them, or derived from an achieved goal
 * of their plan by `debt-counselling/improved-from-plan`). Numerator and the rest are suppressed
 * together.
 *
 * @since 0.2.0
 * @category models
 */
export const improvedRate = Report.define({
  id: "improved-rate",
  question: "better-off",
  labels: Labels.of(
    "Share of clients whose situation improved",
    "Podíl klientů, jejichž situace se zlepšila",
    "Klientų, kurių padėtis pagerėjo, dalis",
    "Дял на клиентите, чиято ситуация се е подобрила"
  ),
  query: {
    kind: "measurement",
    dimensions: [{ by: "indicator", values: ["situation-improved"] }],
    where: [{ by: "indicator", in: ["situation-improved"] }],
    measure: { rate: { of: "people", where: [{ by: "value", in: [true] }] } }
  }
})

/**
 * Is anyone better off: change per client on the competence ladder (`competent-and-active`, 1
 * to 5), from their first to their last value in the period: improved, same or worse.
 *
 * @since 0.2.0
 * @category models
 */
export const competenceChange = Report.define({
  id: "competence-change",
  question: "better-off",
  labels: Labels.of(
    "Change in clients' competence to solve their situation",
    "Změna kompetence klientů řešit svou situaci",
    "Klientų gebėjimo spręsti savo padėtį pokytis",
    "Промяна в способността на клиентите да решават ситуацията си"
  ),
  query: {
    kind: "measurement",
    dimensions: [{ by: "indicator", values: ["competent-and-active"] }],
    where: [{ by: "indicator", in: ["competent-and-active"] }],
    measure: { change: "value" }
  }
})

/**
 * Every report of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export const reports = [
  clientsByIntervention,
  contactsByMonth,
  firstContactsByChannel,
  clientsByAgeBand,
  cooperationsByEnding,
  minutesByChannel,
  assessedWithClient,
  outcomesByIndicator,
  improvedRate,
  competenceChange
] as const

/**
 * The id of a report of debt counselling.
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
