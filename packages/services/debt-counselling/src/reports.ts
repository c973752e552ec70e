/**
 * Debt counselling's report definitions, answering the three Results-Based Accountability
 * questions (how much did we do, how well did we do it, is anyone better off) over the store's
 * aggregate queries. The store computes them (SQL `GROUP BY`) for one service and period, and
 * suppresses small cells.
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
 * Debt counselling's reports.
 *
 * - how much: contacts per intervention, contacts and clients per month, first contacts per
 *   first-contact channel, clients per age band;
 * - how well: cooperations by how they ended (by the client, at any time, without a reason, or
 *   by the service), outcome assessments made with the client, contacts per channel;
 * - better off: clients per outcome indicator and value.
 *
 * @since 0.1.0
 * @category models
 */
export const reports = [
  {
    id: "contacts-by-intervention",
    question: "how-much",
    labels: labels("Contacts by intervention", "Kontakty podle intervence", "Kontaktai pagal intervenciją", "Контакти по вид интервенция"),
    query: { kind: "contact", groupBy: ["tag"], distinctPeople: true }
  },
  {
    id: "contacts-by-month",
    question: "how-much",
    labels: labels("Contacts and clients by month", "Kontakty a klienti podle měsíců", "Kontaktai ir klientai pagal mėnesius", "Контакти и клиенти по месеци"),
    query: { kind: "contact", groupBy: ["month"], sum: ["durationMinutes", "participants"], distinctPeople: true }
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
    id: "clients-by-age-band",
    question: "how-much",
    labels: labels("Clients by age band", "Klienti podle věkové skupiny", "Klientai pagal amžiaus grupę", "Клиенти по възрастова група"),
    query: { kind: "person", groupBy: ["ageBand"] }
  },
  {
    id: "cooperations-by-ending",
    question: "how-well",
    labels: labels(
      "Cooperations by whether and how they ended",
      "Spolupráce podle toho, zda a jak skončila",
      "Bendradarbiavimas pagal tai, ar ir kaip jis baigėsi",
      "Сътрудничества според това дали и как са приключили"
    ),
    query: { kind: "cooperation", groupBy: ["active", "endedBy"], distinctPeople: true }
  },
  {
    id: "contacts-by-channel",
    question: "how-well",
    labels: labels(
      "Contacts and their length by channel and mode",
      "Kontakty a jejich délka podle kanálu a formy",
      "Kontaktai ir jų trukmė pagal kanalą ir formą",
      "Контакти и тяхната продължителност по канал и форма"
    ),
    query: { kind: "contact", groupBy: ["channel", "mode"], sum: ["durationMinutes"] }
  },
  {
    id: "outcomes-assessed-with-client",
    question: "how-well",
    labels: labels(
      "Outcome assessments made with the client",
      "Hodnocení výsledků společně s klientem",
      "Rezultatų vertinimai kartu su klientu",
      "Оценки на резултатите, направени заедно с клиента"
    ),
    query: { kind: "measurement", groupBy: ["indicator", "personParticipated"], distinctPeople: true }
  },
  {
    id: "outcomes-by-indicator",
    question: "better-off",
    labels: labels(
      "Clients by outcome indicator and value",
      "Klienti podle indikátoru výsledku a hodnoty",
      "Klientai pagal rezultato rodiklį ir reikšmę",
      "Клиенти по показател за резултат и стойност"
    ),
    query: { kind: "measurement", groupBy: ["indicator", "value"], distinctPeople: true }
  }
] as const satisfies ReadonlyArray<ReportDefinition>
