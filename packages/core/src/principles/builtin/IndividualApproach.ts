/**
 * Individual approach: "příjemcem služby je jednotlivec, nikoliv skupina (rodina či tzv.
 * komunita)" (the recipient of the service is an individual, not a group, a family or a
 * so-called community). A plan and an outcome measurement belong to exactly the one person the
 * command concerns. Binds every service.
 *
 * @since 0.1.0
 */
import * as Principle from "../Principle.js"
import { coreRule, type Messages } from "./shared.js"

/**
 * The individual-approach principle.
 *
 * @since 0.1.0
 * @category models
 */
export const IndividualApproach = Principle.make({
  id: "individual-approach",
  core: true,
  source: "seeds/002_425581a8f25132f0.txt, \"individuální přístup\"",
  labels: {
    en: "Individual approach",
    cs: "Individuální přístup",
    lt: "Individualus požiūris",
    bg: "Индивидуален подход",
    uk: "Індивідуальний підхід"
  }
})

/**
 * The message keys of the individual-approach rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const individualApproachMessages = {
  "principles.individualApproach.planForOnePerson": {
    en: "An individual plan belongs to one known person, never to a group or a family.",
    cs: "Individuální plán patří jednomu konkrétnímu člověku, nikdy skupině ani rodině.",
    lt: "Individualus planas priklauso vienam konkrečiam žmogui, niekada grupei ar šeimai.",
    bg: "Индивидуалният план принадлежи на един конкретен човек, никога на група или семейство.",
    uk: "Індивідуальний план належить одній відомій людині, ніколи групі чи родині."
  },
  "principles.individualApproach.outcomeForOnePerson": {
    en: "An outcome is measured for one known person, never for a group or a family.",
    cs: "Výsledek se měří u jednoho konkrétního člověka, nikdy u skupiny ani rodiny.",
    lt: "Rezultatas matuojamas vienam konkrečiam žmogui, niekada grupei ar šeimai.",
    bg: "Резултатът се измерва за един конкретен човек, никога за група или семейство.",
    uk: "Результат вимірюється для однієї відомої людини, ніколи для групи чи родини."
  }
} as const satisfies Messages

/**
 * A plan is created for exactly the person the command concerns: a plan without a known
 * person in the facts, or for a different person than the facts describe, is denied.
 *
 * @since 0.1.0
 * @category models
 */
export const planForOnePerson = coreRule({
  id: "individual-approach/plan-for-one-person",
  principle: IndividualApproach,
  appliesTo: ["CreatePlan"],
  reads: ["person.id"],
  verdicts: ["Deny"],
  description: "An individual plan belongs to one known person.",
  check: (command, facts, v) =>
    facts.person !== undefined && facts.person.id === command.plan.personId
      ? v.allow
      : v.deny(
        "the plan does not belong to the one person the command concerns",
        "principles.individualApproach.planForOnePerson"
      )
})

/**
 * An outcome measurement is recorded for exactly the person the command concerns: without a
 * known person in the facts, or for a different person, it is denied.
 *
 * @since 0.1.0
 * @category models
 */
export const outcomeForOnePerson = coreRule({
  id: "individual-approach/outcome-for-one-person",
  principle: IndividualApproach,
  appliesTo: ["RecordOutcome"],
  reads: ["person.id"],
  verdicts: ["Deny"],
  description: "An outcome is measured for one known person.",
  check: (command, facts, v) =>
    facts.person !== undefined && facts.person.id === command.measurement.personId
      ? v.allow
      : v.deny(
        "the measurement does not belong to the one person the command concerns",
        "principles.individualApproach.outcomeForOnePerson"
      )
})

/**
 * The rules of the individual-approach principle.
 *
 * @since 0.1.0
 * @category models
 */
export const individualApproachRules = [planForOnePerson, outcomeForOnePerson] as const
