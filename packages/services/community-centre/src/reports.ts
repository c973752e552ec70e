/**
 * The report definitions of a community centre, answering the three Results-Based
 * Accountability questions over the store's aggregate queries: activities and their attendance
 * by topic and audience, volunteers by age group and their hours, people by age band (all ages)
 * and need, contacts, and outcomes; and per project (a programme of the organisation, which
 * contacts, activities and volunteer hours link to with `programId`; its funding sources are
 * `funding` records, their kinds `Taxonomies.fundingSources`).
 *
 * @since 0.1.0
 */
import { Labels, Report, StandardReports } from "@pomoc/core"
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
  labels: Labels.of(
    "Attendance of activities by topic and audience",
    "Účast na aktivitách podle tématu a cílové skupiny",
    "Veiklų lankomumas pagal temą ir auditoriją",
    "Посещаемост на дейностите по тема и аудитория"
  ),
  query: {
    kind: "activity",
    dimensions: [{ by: "topic", values: topics }, {
      by: "audience",
      values: ["children", "youth", "adults", "seniors", "families", "all"]
    }],
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
  labels: Labels.of(
    "Volunteers by age group",
    "Dobrovolníci podle věkové skupiny",
    "Savanoriai pagal amžiaus grupę",
    "Доброволци по възрастова група"
  ),
  query: {
    kind: "volunteer",
    dimensions: [{ by: "ageGroup", values: ["youth", "adult", "senior", "not-stated"] }, {
      by: "kind",
      values: ["volunteer", "intern"]
    }]
  }
})

/**
 * The reports of a community centre.
 *
 * - how much: activities by topic and kind, attendance by topic and audience, attendance by
 *   month, volunteers by age group, volunteering sessions by month, people by age band, contacts by
 *   intervention; attendance, contacts and volunteers' minutes by project;
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
    labels: Labels.of(
      "Activities by topic and kind",
      "Aktivity podle tématu a druhu",
      "Veiklos pagal temą ir rūšį",
      "Дейности по тема и вид"
    ),
    query: { kind: "activity", dimensions: [{ by: "topic", values: topics }, { by: "kind" }] }
  }),
  attendanceByTopic,
  Report.define({
    id: "attendance-by-month",
    question: "how-much",
    labels: Labels.of(
      "Attendance by month",
      "Účast podle měsíců",
      "Lankomumas pagal mėnesius",
      "Посещаемост по месеци"
    ),
    query: { kind: "activity", dimensions: [{ by: "month" }], measure: { sum: "attendance" } }
  }),
  volunteersByAgeGroup,
  // Counts the records of volunteer hours (sessions of volunteering), not the hours: hours
  // may be fractional (1.5), and a report's cells must be whole counts.
  Report.define({
    id: "volunteering-sessions-by-month",
    question: "how-much",
    labels: Labels.of(
      "Volunteering sessions by month",
      "Dobrovolnické směny podle měsíců",
      "Savanorystės kartai pagal mėnesius",
      "Доброволчески смени по месеци"
    ),
    query: { kind: "volunteer-hours", dimensions: [{ by: "month" }] }
  }),
  StandardReports.peopleByAgeBand(),
  StandardReports.contactsByIntervention({ interventions }),
  StandardReports.peopleByNeed({ needs }),
  StandardReports.firstContactsByChannel({ firstContactChannels }),
  StandardReports.outcomesAssessedWithPerson(indicators),
  StandardReports.outcomesByIndicator(indicators),
  StandardReports.volunteerMinutesByMonth(),
  ...StandardReports.workByProgram()
] as const
