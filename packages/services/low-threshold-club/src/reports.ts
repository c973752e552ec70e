/**
 * The club's report definitions, answering the three Results-Based Accountability questions
 * (how much did we do, how well did we do it, is anyone better off) over the store's aggregate
 * queries: contacts grouped by their facets and interventions (tags), activities by topic,
 * people by identity level and age band, outcome measurements by indicator and value. The
 * store computes them (SQL `GROUP BY`), for one service and period, and suppresses small cells.
 *
 * @since 0.1.0
 */
import type { Plugin, Store } from "@pomoc/core"
import { labels } from "./internal/labels.js"

/**
 * The aggregate query of a report; the service and the period are given when it is run.
 *
 * @since 0.1.0
 * @category models
 */
export type ReportQuery = Omit<Store.AggregateQuery, "serviceId" | "from" | "to">

/**
 * A report definition: what the plugin contract needs (id, labels, question) and the aggregate
 * query that computes it.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportDefinition extends Plugin.PluginReport {
  readonly query: ReportQuery
}

/**
 * The club's reports.
 *
 * - how much: contacts per intervention, contacts and people per month (known and anonymous),
 *   first contacts per first-contact channel, group activities and attendance per topic, people
 *   per identity level and age band;
 * - how well: contacts per channel and place with the share of anonymous participants (the low
 *   threshold at work), outcome assessments made with the young person;
 * - better off: young people per indicator and value.
 *
 * @since 0.1.0
 * @category models
 */
export const reports = [
  {
    id: "contacts-by-intervention",
    question: "how-much",
    labels: labels("Contacts by intervention", "Kontakty podle intervence", "Kontaktai pagal intervenciją", "Контакти по вид интервенция"),
    query: { kind: "contact", groupBy: ["tag"], sum: ["participants"] }
  },
  {
    id: "contacts-by-month",
    question: "how-much",
    labels: labels("Contacts and participants by month", "Kontakty a účastníci podle měsíců", "Kontaktai ir dalyviai pagal mėnesius", "Контакти и участници по месеци"),
    query: { kind: "contact", groupBy: ["month"], sum: ["knownCount", "anonymousCount", "participants", "durationMinutes"], distinctPeople: true }
  },
  {
    id: "first-contacts-by-channel",
    question: "how-much",
    labels: labels(
      "First contacts by first-contact channel",
      "První kontakty podle cesty k prvnímu kontaktu",
      "Pirmieji kontaktai pagal pirmojo kontakto kanalą",
      "Първи контакти по канал за първи контакт"
    ),
    query: { kind: "contact", groupBy: ["firstContact", "firstContactChannel"], sum: ["participants"] }
  },
  {
    id: "activities-by-topic",
    question: "how-much",
    labels: labels("Group activities by topic", "Skupinové aktivity podle tématu", "Grupinės veiklos pagal temą", "Групови дейности по тема"),
    query: { kind: "activity", groupBy: ["kind", "topic"], sum: ["attendance", "anonymousAttendance"] }
  },
  {
    id: "people-by-age-band",
    question: "how-much",
    labels: labels(
      "Young people by identity level and age band",
      "Mladí lidé podle úrovně identifikace a věkové skupiny",
      "Jaunuoliai pagal tapatybės lygį ir amžiaus grupę",
      "Младежи по ниво на идентификация и възрастова група"
    ),
    query: { kind: "person", groupBy: ["identityLevel", "ageBand"] }
  },
  {
    id: "anonymous-access",
    question: "how-well",
    labels: labels(
      "Anonymous and known participants by channel and place",
      "Anonymní a známí účastníci podle kanálu a místa",
      "Anoniminiai ir žinomi dalyviai pagal kanalą ir vietą",
      "Анонимни и известни участници по канал и място"
    ),
    query: { kind: "contact", groupBy: ["channel", "locationKind"], sum: ["anonymousCount", "knownCount"] }
  },
  {
    id: "outcomes-assessed-with-person",
    question: "how-well",
    labels: labels(
      "Outcome assessments made with the young person",
      "Hodnocení výsledků společně s mladým člověkem",
      "Rezultatų vertinimai kartu su jaunuoliu",
      "Оценки на резултатите, направени заедно с младия човек"
    ),
    query: { kind: "measurement", groupBy: ["indicator", "personParticipated"], distinctPeople: true }
  },
  {
    id: "outcomes-by-indicator",
    question: "better-off",
    labels: labels(
      "Young people by outcome indicator and value",
      "Mladí lidé podle indikátoru výsledku a hodnoty",
      "Jaunuoliai pagal rezultato rodiklį ir reikšmę",
      "Младежи по показател за резултат и стойност"
    ),
    query: { kind: "measurement", groupBy: ["indicator", "value"], distinctPeople: true }
  }
] as const satisfies ReadonlyArray<ReportDefinition>
