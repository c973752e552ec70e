/**
 * The report definitions of work with children and young people in care, answering the three
 * Results-Based Accountability questions over the store's aggregate queries.
 *
 * @since 0.1.0
 */
import { Labels, Report, StandardReports } from "@pomoc/core"
import { indicators } from "./outcomes.js"
import { activityTopics, firstContactChannels, interventions, needs } from "./taxonomies.js"

/**
 * Attendance of training and other activities by topic, for the children and young people
 * and for the staff of care institutions (`forExternalStaff`) (how much).
 *
 * @since 0.1.0
 * @category models
 */
export const trainingAttendance = Report.define({
  id: "training-attendance",
  question: "how-much",
  labels: Labels.of(
    "Attendance of trainings and activities, for children and for care staff",
    "Účast na vzdělávání a aktivitách, pro děti a pro pracovníky zařízení",
    "Mokymų ir veiklų lankomumas: vaikams ir globos įstaigų darbuotojams",
    "Посещаемост на обученията и дейностите – за децата и за персонала на институциите"
  ),
  query: {
    kind: "activity",
    dimensions: [{ by: "topic", values: Object.keys(activityTopics) }, {
      by: "forExternalStaff",
      values: [false, true]
    }],
    measure: { sum: "attendance" }
  }
})

/**
 * People by outcome indicator and value (better off): completed training, entry into
 * education or work, living conditions, social integration.
 *
 * @since 0.1.0
 * @category models
 */
export const outcomesByIndicator = StandardReports.outcomesByIndicator(indicators)

/**
 * The reports.
 *
 * - how much: contacts by intervention, training attendance for children and for care staff,
 *   children and young people by age band, volunteers and interns, volunteering sessions by
 *   month;
 * - how well: children and young people by the needs their analysis found, how they first came,
 *   outcome assessments made with the person;
 * - better off: people by indicator and value.
 *
 * @since 0.1.0
 * @category models
 */
export const reports = [
  StandardReports.contactsByIntervention({ interventions }),
  trainingAttendance,
  StandardReports.peopleByAgeBand(),
  Report.define({
    id: "volunteers-and-interns",
    question: "how-much",
    labels: Labels.of(
      "Volunteers and interns by age group",
      "Dobrovolníci a stážisté podle věkové skupiny",
      "Savanoriai ir praktikantai pagal amžiaus grupę",
      "Доброволци и стажанти по възрастова група"
    ),
    query: { kind: "volunteer", dimensions: [{ by: "kind", values: ["volunteer", "intern"] }, { by: "ageGroup" }] }
  }),
  // Counts records of volunteer hours, not hours: hours may be fractional and cells are whole counts.
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
  StandardReports.peopleByNeed({ needs }),
  StandardReports.firstContactsByChannel({ firstContactChannels }),
  StandardReports.outcomesAssessedWithPerson(indicators),
  outcomesByIndicator,
  StandardReports.volunteerMinutesByMonth()
] as const
