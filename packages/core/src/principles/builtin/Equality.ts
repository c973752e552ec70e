/**
 * Equality: services are provided "bez rozdílu pohlaví, rasy, barvy pleti, jazyka, víry a
 * náboženství, politického či jiného smýšlení, národního nebo sociálního původu, příslušnosti k
 * národnostní nebo etnické menšině, majetku, rodu nebo jiného postavení" (without distinction of
 * sex, race, colour, language, faith, political or other opinion, national or social origin,
 * minority, property, birth or other status). Binds every service.
 *
 * Eligibility never reads a protected attribute. The engine refuses, at registration, a rule for
 * an {@link eligibilityCommands eligibility command} that declares such a read; the metamorphic
 * property `checkEquality` in `@pomoc/core/testing` catches a rule that reads one without
 * declaring it.
 *
 * @since 0.1.0
 */
import type { CommandTag } from "../../Command.js"
import { AgeBand } from "../../model/Common.js"
import * as Principle from "../Principle.js"
import { coreRule, type Messages } from "./shared.js"

/**
 * The equality principle.
 *
 * @since 0.1.0
 * @category models
 */
export const Equality = Principle.make({
  id: "equality",
  core: true,
  source: "seeds/000_ba94c08edc387484.txt, \"Rovnost\"; seeds/002_425581a8f25132f0.txt, \"rovný přístup\"",
  labels: {
    en: "Equality",
    cs: "Rovnost",
    lt: "Lygybė",
    bg: "Равенство",
    uk: "Рівність"
  }
})

/**
 * The commands that decide whether a person may use a service: assessing eligibility,
 * registering a person and starting a cooperation. No rule that applies to one of them may read
 * a protected attribute.
 *
 * @since 0.1.0
 * @category models
 */
export const eligibilityCommands: ReadonlyArray<CommandTag> = [
  "AssessEligibility",
  "RegisterPerson",
  "StartCooperation"
]

/**
 * The message keys of the equality rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const equalityMessages = {
  "principles.equality.outsideTargetAge": {
    en: "The person's age band is outside the service's target age range.",
    cs: "Věková skupina člověka je mimo věkové rozmezí cílové skupiny služby.",
    lt: "Žmogaus amžiaus grupė nepatenka į paslaugos tikslinės grupės amžiaus ribas.",
    bg: "Възрастовата група на човека е извън възрастовия диапазон на целевата група на услугата.",
    uk: "Вікова група людини поза віковими межами цільової групи послуги."
  },
  "principles.equality.straddlesTargetAge": {
    en: "The person's age band is only partly inside the service's target age range: check the age with the person.",
    cs: "Věková skupina člověka spadá do věkového rozmezí služby jen zčásti: ověřte věk s člověkem.",
    lt: "Žmogaus amžiaus grupė tik iš dalies patenka į paslaugos amžiaus ribas: pasitikslinkite amžių su žmogumi.",
    bg: "Възрастовата група на човека е само частично в диапазона на услугата: уточнете възрастта с човека.",
    uk: "Вікова група людини лише частково в межах цільової групи послуги: уточніть вік із людиною."
  }
} as const satisfies Messages

/**
 * Eligibility by the service's target age: it reads only the service's age range and the
 * person's age band (age defines a target group; it is not a protected attribute). A band wholly
 * outside the range is denied, a band partly inside gets a warning; an unstated band, an
 * unknown person or a service without an age range is allowed.
 *
 * @since 0.1.0
 * @category models
 */
export const eligibilityByTargetAge = coreRule({
  id: "equality/eligibility-by-target-age",
  principle: Equality,
  appliesTo: ["AssessEligibility"],
  reads: ["service.ageRange", "person.ageBand"],
  verdicts: ["Deny", "Warn"],
  description: "Eligibility reads only the target age range and the person's age band.",
  check: (_command, facts, v) => {
    const range = facts.service.ageRange
    const band = facts.person?.ageBand
    if (range === undefined || band === undefined) return v.allow
    switch (AgeBand.fit(band, range)) {
      case "outside":
        return v.deny("the age band is outside the target age range", "principles.equality.outsideTargetAge")
      case "partly":
        return v.warn("the age band is partly outside the target age range", "principles.equality.straddlesTargetAge")
      default:
        return v.allow
    }
  }
})

/**
 * The rules of the equality principle.
 *
 * @since 0.1.0
 * @category models
 */
export const equalityRules = [eligibilityByTargetAge] as const
