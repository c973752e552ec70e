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
    bg: "Овластяване"
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
    bg: "Този резултат е оценен без участието на човека: където е възможно, оценявайте напредъка заедно с него."
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
 * The rules of the empowerment principle.
 *
 * @since 0.1.0
 * @category models
 */
export const empowermentRules = [outcomeWithPerson] as const
