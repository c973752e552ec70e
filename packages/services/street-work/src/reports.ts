/**
 * The report definitions of street work, answering the three Results-Based Accountability
 * questions over the store's aggregate queries. The effect of each way of first contact is
 * read from two of them:
 *
 * - `first-contacts-by-channel`: how many people each first-contact channel reached (the sum
 *   of participants of first contacts; the row without a channel counts the other contacts);
 * - `new-to-service-by-channel`: per first-contact channel, the people who had not known the
 *   service before (the contact's count `newToService`), so its share of the channel's row in
 *   `first-contacts-by-channel` is the share of new people a channel reached (the seed: about
 *   75 % at LAN parties; `new-to-service-share-by-channel` gives the share itself).
 *
 * @since 0.1.0
 */
import { Labels, Report, StandardReports, Statutory } from "@pomoc/core"
import { indicators } from "./outcomes.js"
import { channels, firstContactChannels, interventions } from "./taxonomies.js"

const firstContactChannelValues = Object.keys(firstContactChannels)

/**
 * How many people each way of first contact reached (how much): the sum of participants of
 * first contacts per first-contact channel; the row `null` counts the other contacts.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactsByChannel = StandardReports.firstContactsByChannel({ firstContactChannels })

/**
 * How many people each way of first contact reached who had not known the service before (how
 * well): per first-contact channel, the sum of the first contacts' `newToService` counts; read it
 * against the channel's row of {@link firstContactsByChannel}. Before 0.2.0 it counted the
 * participants of contacts tagged `first-heard-of-service`, which made a group where only some
 * were new two contacts; the tag is no longer read.
 *
 * @since 0.1.0
 * @category models
 */
export const newToServiceByChannel = Report.define({
  id: "new-to-service-by-channel",
  question: "how-well",
  labels: Labels.of(
    "People who had not known the service before, by way of first contact",
    "Lidé, kteří o službě předtím nevěděli, podle způsobu prvokontaktu",
    "Žmonės, kurie anksčiau apie paslaugą nežinojo, pagal pirmojo kontakto būdą",
    "Хора, които преди не са знаели за услугата, по начин на първи контакт"
  ),
  query: {
    kind: "contact",
    dimensions: [{ by: "firstContactChannel", values: firstContactChannelValues }],
    where: [{ by: "firstContact", in: [true] }],
    measure: { sum: "field_newToService" }
  }
})

/**
 * How well: the share of the people whose contact with the workers went beyond the first
 * contact (a second visit), from the outcomes the rule `street-work/contact-from-contacts`
 * derives (`deriveOutcomes`): among the people with such a derived value in the period, those
 * whose contact is `repeated` or `ongoing`. Numerator and the rest are suppressed together.
 *
 * @since 0.2.0
 * @category models
 */
export const secondVisitRate = Report.define({
  id: "second-visit-rate",
  question: "how-well",
  labels: Labels.of(
    "Share of people who came back after their first contact",
    "Podíl lidí, kteří přišli znovu po prvním kontaktu",
    "Žmonių, sugrįžusių po pirmojo kontakto, dalis",
    "Дял на хората, които се върнаха след първия контакт"
  ),
  query: {
    kind: "measurement",
    dimensions: [{ by: "indicator", values: ["contact-established"] }],
    where: [
      { by: "indicator", in: ["contact-established"] },
      { by: "derivedBy", in: ["street-work/contact-from-contacts"] }
    ],
    measure: { rate: { of: "people", where: [{ by: "value", in: ["repeated", "ongoing"] }] } }
  }
})

/**
 * How well each way of first contact reaches people who did not know the service: per
 * first-contact channel, the people new to the service (`newToService`, counted on the contact)
 * out of the people its first contacts reached (the seed's ~75 % at LAN parties). The table has
 * the new people and the rest; `rates` holds the shares.
 *
 * @since 0.2.0
 * @category models
 */
export const newToServiceShareByChannel = Report.define({
  id: "new-to-service-share-by-channel",
  question: "how-well",
  labels: Labels.of(
    "Share of people new to the service among those first reached, by way of first contact",
    "Podíl lidí nových pro službu mezi oslovenými při prvokontaktu, podle způsobu prvokontaktu",
    "Naujų paslaugai žmonių dalis tarp pirmą kartą pasiektų, pagal pirmojo kontakto būdą",
    "Дял на новите за услугата хора сред достигнатите за първи път, по начин на първи контакт"
  ),
  query: {
    kind: "contact",
    dimensions: [{ by: "firstContactChannel", values: firstContactChannelValues }],
    where: [{ by: "firstContact", in: [true] }],
    measure: { rate: { sum: { part: "field_newToService", whole: "participants" } } }
  }
})

/**
 * The reports of street work.
 *
 * - how much: people first reached per first-contact channel, contacts per channel and place
 *   (the follow-up channels), contacts per intervention, group activities per topic (LAN
 *   parties, school sessions), people per identity level and age band;
 * - how well: people who had not known the service per first-contact channel, first contacts
 *   per channel and place, the share of people who came back after their first contact
 *   ({@link secondVisitRate}), outcome assessments made with the person;
 * - better off: people per indicator and value.
 *
 * @since 0.1.0
 * @category models
 */
export const reports = [
  firstContactsByChannel,
  newToServiceByChannel,
  Report.define({
    id: "first-contacts-by-place",
    question: "how-well",
    labels: Labels.of(
      "People first reached, by way of first contact and place",
      "Lidé oslovení při prvokontaktu podle způsobu prvokontaktu a místa",
      "Pirmą kartą pasiekti žmonės pagal pirmojo kontakto būdą ir vietą",
      "Достигнати за първи път хора по начин на първи контакт и място"
    ),
    query: {
      kind: "contact",
      dimensions: [{ by: "firstContactChannel", values: firstContactChannelValues }, { by: "locationKind" }],
      measure: { sum: "participants" }
    }
  }),
  Report.define({
    id: "contacts-by-channel",
    question: "how-much",
    labels: Labels.of(
      "Contacts by channel and place",
      "Kontakty podle kanálu a místa",
      "Kontaktai pagal kanalą ir vietą",
      "Контакти по канал и място"
    ),
    query: { kind: "contact", dimensions: [{ by: "channel", values: Object.keys(channels) }, { by: "locationKind" }] }
  }),
  StandardReports.contactsByIntervention({ interventions }),
  Report.define({
    id: "contacts-by-month",
    question: "how-much",
    labels: Labels.of(
      "Participants by month",
      "Účastníci podle měsíců",
      "Dalyviai pagal mėnesius",
      "Участници по месеци"
    ),
    query: { kind: "contact", dimensions: [{ by: "month" }], measure: { sum: "participants" } }
  }),
  Report.define({
    id: "activities-by-topic",
    question: "how-much",
    labels: Labels.of(
      "Attendance of group activities by topic",
      "Účast na skupinových aktivitách podle tématu",
      "Grupinių veiklų lankomumas pagal temą",
      "Посещаемост на груповите дейности по тема"
    ),
    query: { kind: "activity", dimensions: [{ by: "topic" }], measure: { sum: "attendance" } }
  }),
  StandardReports.peopleByAgeBand(),
  secondVisitRate,
  StandardReports.outcomesAssessedWithPerson(indicators),
  StandardReports.outcomesByIndicator(indicators),
  newToServiceShareByChannel
] as const

/**
 * The yearly statistics for the Czech Ministry of Labour and Social Affairs (MPSV), per service:
 * known and anonymous users, contacts, contacts per intervention type, people by age band and
 * gender; a named CSV file (`ministryStatistics.build(store, { serviceId, year })`).
 *
 * @since 0.2.0
 * @category models
 */
export const ministryStatistics = Statutory.czechYearlyStatistics({ interventions: Object.keys(interventions) })

/**
 * The statutory and funder exports of this service type.
 *
 * @since 0.2.0
 * @category models
 */
export const statutoryExports = [ministryStatistics] as const
