/**
 * Free of charge: "služba je poskytována bezplatně" (the service is provided free of charge).
 * Binds a service marked `freeOfCharge` or declaring the principle.
 *
 * @since 0.1.0
 */
import * as Principle from "../Principle.js"
import { binds, coreRule, type Messages } from "./shared.js"

/**
 * The free-of-charge principle.
 *
 * @since 0.1.0
 * @category models
 */
export const FreeOfCharge = Principle.make({
  id: "free-of-charge",
  core: true,
  source: "seeds/002_425581a8f25132f0.txt, \"bezplatnost\"",
  labels: {
    en: "Free of charge",
    cs: "Bezplatnost",
    lt: "Nemokamumas",
    bg: "Безплатност",
    uk: "Безоплатність"
  }
})

/**
 * The message keys of the free-of-charge rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const freeOfChargeMessages = {
  "principles.freeOfCharge.fee": {
    en: "This service is free of charge: no fee can be charged.",
    cs: "Tato služba je poskytována bezplatně: nelze účtovat žádný poplatek.",
    lt: "Ši paslauga teikiama nemokamai: jokio mokesčio imti negalima.",
    bg: "Тази услуга е безплатна: не може да се начислява такса.",
    uk: "Ця послуга безоплатна: жодної плати стягувати не можна."
  },
  "principles.freeOfCharge.declaredButCharged": {
    en: "A service that declares the free-of-charge principle must be registered as free of charge.",
    cs: "Služba, která se hlásí k zásadě bezplatnosti, musí být registrována jako bezplatná.",
    lt: "Paslauga, besivadovaujanti nemokamumo principu, turi būti registruojama kaip nemokama.",
    bg: "Услуга, която е обявила принципа на безплатност, трябва да бъде регистрирана като безплатна.",
    uk: "Послуга, яка дотримується принципу безоплатності, має бути зареєстрована як безоплатна."
  }
} as const satisfies Messages

/**
 * Charging a fee (any positive amount) for a free service is denied.
 *
 * @since 0.1.0
 * @category models
 */
export const noFee = coreRule({
  id: "free-of-charge/no-fee",
  principle: FreeOfCharge,
  appliesTo: ["ChargeFee"],
  reads: ["service.freeOfCharge", "service.principles"],
  verdicts: ["Deny"],
  description: "No fee is charged for a free service.",
  check: (command, facts, v) =>
    command.amountMinor > 0 && (facts.service.freeOfCharge || binds(facts.service.principles, FreeOfCharge.id))
      ? v.deny("the service is free of charge", "principles.freeOfCharge.fee")
      : v.allow
})

/**
 * Registering a service that declares the principle but is not marked free of charge is denied.
 *
 * @since 0.1.0
 * @category models
 */
export const declaredMeansFree = coreRule({
  id: "free-of-charge/declared-means-free",
  principle: FreeOfCharge,
  appliesTo: ["RegisterService"],
  reads: [],
  verdicts: ["Deny"],
  description: "A service that declares free of charge is free of charge.",
  check: (command, _facts, v) =>
    binds(command.service.principles, FreeOfCharge.id) && !command.service.freeOfCharge
      ? v.deny(
        "the service declares free of charge but is not marked free",
        "principles.freeOfCharge.declaredButCharged"
      )
      : v.allow
})

/**
 * The rules of the free-of-charge principle.
 *
 * @since 0.1.0
 * @category models
 */
export const freeOfChargeRules = [noFee, declaredMeansFree] as const
