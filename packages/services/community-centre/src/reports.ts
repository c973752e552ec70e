/**
 * The report definitions of a community centre, answering the three Results-Based
 * Accountability questions over the store's aggregate queries: activities and their attendance
 * by topic and audience, volunteers by age group and their hours, people by age band (all ages)
 * and need, contacts, and outcomes. Projects are services of the centre (see
 * `Taxonomies.fundingSources`), so every report can be run per project with `serviceId`.
 *
 * @since 0.1.0
 */
import { labelsOf, Report } from "@pomoc/core"
import { indicators } from "./outcomes.js"
import { activityTopics, firstContactChannels, interventions, needs } from "./taxonomies.js"

const topics = Object.keys(activityTopics)

/**
 * Attendance of the centre's activities by topic and audience (how much).
 *
 * @since 0.1.0
 * @category models
 */
export const attendanceByTopic = Report.define({
  id: "attendance-by-topic",
  question: "how-much",
  labels: labelsOf(
    "Attendance of activities by topic and audience",
    "Účast na aktivitách podle tématu a cílové skupiny",
    "Veiklų lankomumas pagal temą ir auditoriją",
    "Посещаемост на дейностите по тема и аудитория"
  ),
  query: {
    kind: "activity",
    dimensions: [{ by: "topic", values: topics }, { by: "audience", values: ["children", "youth", "adults", "seniors", "families", "all"] }],
    measure: { sum: "attendance" }
  }
})

/**
 * Volunteers by age group and kind (how much): the centre organises volunteering of young
 * people, adults and seniors.
 *
 * @since 0.1.0
 * @category models
 */
export const volunteersByAgeGroup = Report.define({
  id: "volunteers-by-age-group",
  question: "how-much",
  labels: labelsOf(
    "Volunteers by age group",
    "Dobrovolníci podle věkové skupiny",
    "Savanoriai pagal amžiaus grupę",
    "Доброволци по възрастова група"
  ),
  query: {
    kind: "volunteer",
    dimensions: [{ by: "ageGroup", values: ["youth", "adult", "senior", "not-stated"] }, { by: "kind", values: ["volunteer", "intern"] }]
  }
})

/**
 * The reports of a community centre.
 *
 * - how much: activities by topic and kind, attendance by topic and audience, attendance by
 *   month, volunteers by age group, volunteering sessions by month, people by age band, contacts by
 *   intervention;
 * - how well: people by need and age band (are those the mission names reached, e.g. young
 *   people not in education or work), how people first came, outcome assessments made with
 *   the person;
 * - better off: people by indicator and value.
 *
 * @since 0.1.0
 * @category models
 */
export const reports = [
  Report.define({
    id: "activities-by-topic",
    question: "how-much",
    labels: labelsOf("Activities by topic and kind", "Aktivity podle tématu a druhu", "Veiklos pagal temą ir rūšį", "Дейности по тема и вид"),
    query: { kind: "activity", dimensions: [{ by: "topic", values: topics }, { by: "kind" }] }
  }),
  attendanceByTopic,
  Report.define({
    id: "attendance-by-month",
    question: "how-much",
    labels: labelsOf("Attendance by month", "Účast podle měsíců", "Lankomumas pagal mėnesius", "Посещаемост по месеци"),
    query: { kind: "activity", dimensions: [{ by: "month" }], measure: { sum: "attendance" } }
  }),
  volunteersByAgeGroup,
  // Counts the records of volunteer hours (sessions of volunteering), not the hours: hours
  // may be fractional (1.5), and a report's cells must be whole counts.
  Report.define({
    id: "volunteering-sessions-by-month",
    question: "how-much",
    labels: labelsOf(
      "Volunteering sessions by month",
      "Dobrovolnické směny podle měsíců",
      "Savanorystės kartai pagal mėnesius",
      "Доброволчески смени по месеци"
    ),
    query: { kind: "volunteer-hours", dimensions: [{ by: "month" }] }
  }),
  Report.define({
    id: "people-by-age-band",
    question: "how-much",
    labels: labelsOf(
      "People by age band and identity level",
      "Lidé podle věkové skupiny a úrovně identifikace",
      "Žmonės pagal amžiaus grupę ir tapatybės lygį",
      "Хора по възрастова група и ниво на идентификация"
    ),
    query: { kind: "person", dimensions: [{ by: "ageBand" }, { by: "identityLevel" }] }
  }),
  Report.define({
    id: "contacts-by-intervention",
    question: "how-much",
    labels: labelsOf("Contacts by intervention", "Kontakty podle intervence", "Kontaktai pagal intervenciją", "Контакти по вид интервенция"),
    query: { kind: "contact", dimensions: [{ by: "tag", values: Object.keys(interventions) }], measure: { sum: "participants" } }
  }),
  Report.define({
    id: "people-by-need",
    question: "how-well",
    labels: labelsOf(
      "People by need and age band",
      "Lidé podle potřeby a věkové skupiny",
      "Žmonės pagal poreikį ir amžiaus grupę",
      "Хора по потребност и възрастова група"
    ),
    query: { kind: "person", dimensions: [{ by: "tag", values: Object.keys(needs) }, { by: "ageBand" }] }
  }),
  Report.define({
    id: "first-contacts-by-channel",
    question: "how-well",
    labels: labelsOf(
      "How people first came to the centre",
      "Jak se lidé poprvé dostali do centra",
      "Kaip žmonės pirmą kartą atėjo į centrą",
      "Как хората са дошли за първи път в центъра"
    ),
    query: {
      kind: "contact",
      dimensions: [{ by: "firstContactChannel", values: Object.keys(firstContactChannels) }],
      measure: { sum: "participants" }
    }
  }),
  Report.define({
    id: "outcomes-assessed-with-person",
    question: "how-well",
    labels: labelsOf(
      "Outcome assessments made with the person",
      "Hodnocení výsledků společně s člověkem",
      "Rezultatų vertinimai kartu su žmogumi",
      "Оценки на резултатите, направени заедно с човека"
    ),
    query: {
      kind: "measurement",
      dimensions: [{ by: "indicator", values: indicators.map((i) => i.code) }, { by: "personParticipated", values: [true, false] }],
      measure: "people"
    }
  }),
  Report.define({
    id: "outcomes-by-indicator",
    question: "better-off",
    labels: labelsOf(
      "People by outcome indicator and value",
      "Lidé podle indikátoru výsledku a hodnoty",
      "Žmonės pagal rezultato rodiklį ir reikšmę",
      "Хора по показател за резултат и стойност"
    ),
    query: { kind: "measurement", dimensions: [{ by: "indicator", values: indicators.map((i) => i.code) }, { by: "value" }], measure: "people" }
  })
] as const
