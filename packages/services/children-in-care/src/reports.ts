/**
 * The report definitions of work with children and young people in care, answering the three
 * Results-Based Accountability questions over the store's aggregate queries.
 *
 * @since 0.1.0
 */
import { labelsOf, Report } from "@pomoc/core"
import { indicators } from "./outcomes.js"
import { activityTopics, firstContactChannels, interventions, needs } from "./taxonomies.js"

const indicatorCodes = indicators.map((i) => i.code)

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
  labels: labelsOf(
    "Attendance of trainings and activities, for children and for care staff",
    "Účast na vzdělávání a aktivitách, pro děti a pro pracovníky zařízení",
    "Mokymų ir veiklų lankomumas: vaikams ir globos įstaigų darbuotojams",
    "Посещаемост на обученията и дейностите – за децата и за персонала на институциите"
  ),
  query: {
    kind: "activity",
    dimensions: [{ by: "topic", values: Object.keys(activityTopics) }, { by: "forExternalStaff", values: [false, true] }],
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
export const outcomesByIndicator = Report.define({
  id: "outcomes-by-indicator",
  question: "better-off",
  labels: labelsOf(
    "Children and young people by outcome indicator and value",
    "Děti a mladí lidé podle indikátoru výsledku a hodnoty",
    "Vaikai ir jaunuoliai pagal rezultato rodiklį ir reikšmę",
    "Деца и младежи по показател за резултат и стойност"
  ),
  query: { kind: "measurement", dimensions: [{ by: "indicator", values: indicatorCodes }, { by: "value" }], measure: "people" }
})

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
  Report.define({
    id: "contacts-by-intervention",
    question: "how-much",
    labels: labelsOf("Contacts by intervention", "Kontakty podle intervence", "Kontaktai pagal intervenciją", "Контакти по вид интервенция"),
    query: { kind: "contact", dimensions: [{ by: "tag", values: Object.keys(interventions) }], measure: { sum: "participants" } }
  }),
  trainingAttendance,
  Report.define({
    id: "people-by-age-band",
    question: "how-much",
    labels: labelsOf(
      "Children and young people by age band",
      "Děti a mladí lidé podle věkové skupiny",
      "Vaikai ir jaunuoliai pagal amžiaus grupę",
      "Деца и младежи по възрастова група"
    ),
    query: { kind: "person", dimensions: [{ by: "ageBand" }] }
  }),
  Report.define({
    id: "volunteers-and-interns",
    question: "how-much",
    labels: labelsOf(
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
    labels: labelsOf(
      "Volunteering sessions by month",
      "Dobrovolnické směny podle měsíců",
      "Savanorystės kartai pagal mėnesius",
      "Доброволчески смени по месеци"
    ),
    query: { kind: "volunteer-hours", dimensions: [{ by: "month" }] }
  }),
  Report.define({
    id: "people-by-need",
    question: "how-well",
    labels: labelsOf(
      "Children and young people by the needs their analysis found",
      "Děti a mladí lidé podle potřeb zjištěných analýzou",
      "Vaikai ir jaunuoliai pagal analize nustatytus poreikius",
      "Деца и младежи по потребностите, установени с анализа"
    ),
    query: { kind: "person", dimensions: [{ by: "tag", values: Object.keys(needs) }], measure: "people" }
  }),
  Report.define({
    id: "first-contacts-by-channel",
    question: "how-well",
    labels: labelsOf(
      "How children and young people first came",
      "Jak se děti a mladí lidé poprvé dostali ke službě",
      "Kaip vaikai ir jaunuoliai pirmą kartą atėjo",
      "Как децата и младежите са дошли за първи път"
    ),
    query: { kind: "contact", dimensions: [{ by: "firstContactChannel", values: Object.keys(firstContactChannels) }], measure: { sum: "participants" } }
  }),
  Report.define({
    id: "outcomes-assessed-with-person",
    question: "how-well",
    labels: labelsOf(
      "Outcome assessments made with the child or young person",
      "Hodnocení výsledků společně s dítětem nebo mladým člověkem",
      "Rezultatų vertinimai kartu su vaiku ar jaunuoliu",
      "Оценки на резултатите, направени заедно с детето или младежа"
    ),
    query: {
      kind: "measurement",
      dimensions: [{ by: "indicator", values: indicatorCodes }, { by: "personParticipated", values: [true, false] }],
      measure: "people"
    }
  }),
  outcomesByIndicator
] as const
