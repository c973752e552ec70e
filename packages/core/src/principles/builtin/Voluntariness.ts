/**
 * Voluntariness: nobody is forced to use a service; the person may end cooperation at any time
 * "bez udání důvodu" (without giving a reason) and may withdraw a consent at any time. Binds
 * every service.
 *
 * The strongest guarantee is not a rule but the engine's protected-command policy
 * ({@link voluntarinessProtectedCommands}): no rule of any plugin may deny, or require anything
 * of, ending cooperation or withdrawing consent; such a rule is refused at registration.
 *
 * @since 0.1.0
 */
import type { ProtectedCommand } from "../Engine.js"
import * as Principle from "../Principle.js"
import { coreRule, type Messages } from "./shared.js"

/**
 * The voluntariness principle.
 *
 * @since 0.1.0
 * @category models
 */
export const Voluntariness = Principle.make({
  id: "voluntariness",
  core: true,
  source:
    "seeds/000_ba94c08edc387484.txt, \"Dobrovolnost a nezávislost\"; seeds/002_425581a8f25132f0.txt, \"dobrovolnost\"",
  labels: {
    en: "Voluntariness",
    cs: "Dobrovolnost",
    lt: "Savanoriškumas",
    bg: "Доброволност",
    uk: "Добровільність"
  }
})

/**
 * The message keys of the voluntariness rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const voluntarinessMessages = {
  "principles.voluntariness.compelled": {
    en: "Nobody can be sent or forced to use a voluntary service: cooperation starts on the person's own decision.",
    cs:
      "Nikdo nemůže být nucen nedobrovolně využívat službu: spolupráce začíná na základě vlastního rozhodnutí člověka.",
    lt:
      "Niekas negali būti siunčiamas ar verčiamas naudotis savanoriška paslauga: bendradarbiavimas prasideda paties žmogaus sprendimu.",
    bg:
      "Никой не може да бъде изпратен или принуден да ползва доброволна услуга: сътрудничеството започва по собствено решение на човека.",
    uk:
      "Нікого не можна направити чи змусити користуватися добровільною послугою: співпраця починається з власного рішення людини."
  },
  "principles.voluntariness.leaveAnyTime": {
    en: "The person may end cooperation or withdraw a consent at any time, without giving a reason.",
    cs: "Člověk může spolupráci ukončit nebo odvolat souhlas kdykoliv a bez udání důvodu.",
    lt: "Žmogus gali bet kada nutraukti bendradarbiavimą arba atšaukti sutikimą, nenurodydamas priežasties.",
    bg:
      "Човекът може да прекрати сътрудничеството или да оттегли съгласието си по всяко време, без да посочва причина.",
    uk: "Людина може будь-коли припинити співпрацю або відкликати згоду, не пояснюючи причин."
  }
} as const satisfies Messages

/**
 * Starting a cooperation recorded as compelled (the person was sent or forced) is denied.
 *
 * @since 0.1.0
 * @category models
 */
export const nobodyCompelled = coreRule({
  id: "voluntariness/nobody-compelled",
  principle: Voluntariness,
  appliesTo: ["StartCooperation"],
  reads: [],
  verdicts: ["Deny"],
  description: "Nobody can be recorded as sent or forced to a voluntary service.",
  check: (command, _facts, v) =>
    command.compelled ? v.deny("cooperation cannot start compelled", "principles.voluntariness.compelled") : v.allow
})

/**
 * Ending cooperation and withdrawing a consent are always allowed. The rule declares no verdict
 * but `Allow`, so the engine throws if it ever returned another; it is there so that an
 * explanation shows which principle speaks for these commands.
 *
 * @since 0.1.0
 * @category models
 */
export const leaveAnyTime = coreRule({
  id: "voluntariness/leave-any-time",
  principle: Voluntariness,
  appliesTo: ["EndCooperation", "WithdrawConsent"],
  reads: [],
  verdicts: [],
  description: "Ending cooperation and withdrawing a consent are always allowed and never need a reason.",
  check: (_command, _facts, v) => v.allow
})

/**
 * The protected-command policy of voluntariness: no rule may deny or require anything of
 * ending cooperation or withdrawing a consent.
 *
 * @since 0.1.0
 * @category models
 */
export const voluntarinessProtectedCommands: ReadonlyArray<ProtectedCommand<"EndCooperation" | "WithdrawConsent">> = [
  { commandTag: "EndCooperation", forbid: ["Deny", "Require"], principle: Voluntariness.id },
  { commandTag: "WithdrawConsent", forbid: ["Deny", "Require"], principle: Voluntariness.id }
]

/**
 * The rules of the voluntariness principle.
 *
 * @since 0.1.0
 * @category models
 */
export const voluntarinessRules = [nobodyCompelled, leaveAnyTime] as const
