/**
 * Empowerment: the person is supported "aby byly posilovány jeho schopnosti a dovednosti"
 * (so that their abilities and skills are strengthened) and can solve a similar situation on
 * their own in future. Binds a service that declares it.
 *
 * @since 0.1.0
 */
import * as Principle from "../Principle.js"
import { binds, coreRule, type Messages } from "./shared.js"

/**
 * The empowerment principle.
 *
 * @since 0.1.0
 * @category models
 */
export const Empowerment = Principle.make({
  id: "empowerment",
  core: true,
  source: "seeds/002_425581a8f25132f0.txt, \"zplnomocňování\"",
  labels: {
    en: "Empowerment",
    cs: "Zplnomocňování",
    lt: "Įgalinimas",
    bg: "Овластяване",
    uk: "Посилення спроможності"
  }
})

/**
 * The message keys of the empowerment rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const empowermentMessages = {
  "principles.empowerment.outcomeWithoutPerson": {
    en: "This outcome was assessed without the person: assess progress together with them where you can.",
    cs: "Tento výsledek byl hodnocen bez účasti člověka: kde je to možné, hodnoťte pokrok společně s ním.",
    lt: "Šis rezultatas įvertintas be žmogaus dalyvavimo: kur įmanoma, pažangą vertinkite kartu su juo.",
    bg: "Този резултат е оценен без участието на човека: където е възможно, оценявайте напредъка заедно с него.",
    uk: "Цей результат оцінено без участі людини: оцінюйте поступ разом із нею, де це можливо."
  },
  "principles.empowerment.stepDoneForPerson": {
    en: "The worker did a step the person was to take: leave the person's steps to them where you can.",
    cs: "Pracovník udělal krok, který měl udělat člověk: kde je to možné, nechte jeho kroky na něm.",
    lt: "Darbuotojas atliko žingsnį, kurį turėjo atlikti žmogus: kur įmanoma, palikite žmogaus žingsnius jam.",
    bg:
      "Служителят е направил стъпка, която трябваше да направи човекът: където е възможно, оставете стъпките му на него.",
    uk: "Працівник зробив крок, який мала зробити людина: залишайте людині її кроки, де це можливо."
  }
} as const satisfies Messages

/**
 * An outcome measured without the person taking part gets a warning.
 *
 * @since 0.1.0
 * @category models
 */
export const outcomeWithPerson = coreRule({
  id: "empowerment/outcome-with-person",
  principle: Empowerment,
  appliesTo: ["RecordOutcome"],
  reads: ["service.principles"],
  verdicts: ["Warn"],
  description: "Outcomes are assessed together with the person.",
  check: (command, facts, v) =>
    binds(facts.service.principles, Empowerment.id) && !command.measurement.personParticipated
      ? v.warn("the outcome was assessed without the person", "principles.empowerment.outcomeWithoutPerson")
      : v.allow
})

/**
 * A step the person was to take, marked done by the worker alone, gets a warning.
 *
 * @since 0.2.0
 * @category models
 */
export const stepsLeftToPerson = coreRule({
  id: "empowerment/steps-left-to-person",
  principle: Empowerment,
  appliesTo: ["CompleteStep"],
  reads: ["service.principles"],
  verdicts: ["Warn"],
  description: "The person's own steps are done by the person.",
  check: (command, facts, v) =>
    binds(facts.service.principles, Empowerment.id) && command.takenBy === "person" && command.doneBy === "worker"
      ? v.warn("the worker did a step the person was to take", "principles.empowerment.stepDoneForPerson")
      : v.allow
})

/**
 * The rules of the empowerment principle.
 *
 * @since 0.1.0
 * @category models
 */
export const empowermentRules = [outcomeWithPerson, stepsLeftToPerson] as const
