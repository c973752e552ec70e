/**
 * Low threshold: a low-threshold service removes the barriers of time, space, psychology and
 * money, and lets people use it anonymously, "bez uvedení jména a jiných osobních údajů"
 * (without giving a name or other personal data). Binds a service that declares it.
 *
 * @since 0.1.0
 */
import type { PersonId } from "../../model/Ids.js"
import * as Principle from "../Principle.js"
import { binds, coreRule, inForce, type Messages } from "./shared.js"

/**
 * The low-threshold principle.
 *
 * @since 0.1.0
 * @category models
 */
export const LowThreshold = Principle.make({
  id: "low-threshold",
  core: true,
  source: "seeds/000_ba94c08edc387484.txt, \"Nízkoprahovost\"",
  labels: {
    en: "Low threshold",
    cs: "Nízkoprahovost",
    lt: "Žemas slenkstis",
    bg: "Нисък праг на достъп",
    uk: "Низький поріг"
  }
})

/**
 * The message keys of the low-threshold rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const lowThresholdMessages = {
  "principles.lowThreshold.identityMandatory": {
    en:
      "A low-threshold service must accept anonymous and pseudonymous people: its configuration cannot make identity mandatory.",
    cs:
      "Nízkoprahová služba musí přijímat anonymní i pseudonymní uživatele: její nastavení nemůže vyžadovat totožnost.",
    lt:
      "Žemo slenksčio paslauga turi priimti anonimiškus ir slapyvardžiu prisistatančius žmones: jos nustatymai negali reikalauti tapatybės.",
    bg:
      "Нископраговата услуга трябва да приема анонимни и псевдонимни потребители: настройките ѝ не могат да изискват самоличност.",
    uk:
      "Низькопорогова послуга має приймати анонімних людей і людей під псевдонімом: її налаштування не можуть вимагати встановлення особи."
  },
  "principles.lowThreshold.identificationConsent": {
    en: "Identifying a person in a low-threshold service needs the person's consent to identification.",
    cs: "Identifikace uživatele nízkoprahové služby vyžaduje jeho souhlas s identifikací.",
    lt: "Norint nustatyti žmogaus tapatybę žemo slenksčio paslaugoje, reikia jo sutikimo.",
    bg: "Установяването на самоличността на човек в нископрагова услуга изисква неговото съгласие.",
    uk: "Щоб встановити особу людини в низькопороговій послузі, потрібна її згода на ідентифікацію."
  }
} as const satisfies Messages

/**
 * A service that binds low threshold cannot be registered with a configuration that makes
 * identity mandatory (`requiresIdentity`, or not `acceptsAnonymous`). `facts.service` describes
 * the service being registered, with its configuration.
 *
 * @since 0.1.0
 * @category models
 */
export const identityNeverMandatory = coreRule({
  id: "low-threshold/identity-never-mandatory",
  principle: LowThreshold,
  appliesTo: ["RegisterService"],
  reads: ["service.principles", "service.requiresIdentity", "service.acceptsAnonymous"],
  verdicts: ["Deny"],
  description: "A low-threshold service accepts anonymous and pseudonymous people; identity is never mandatory.",
  check: (command, facts, v) =>
    (binds(command.service.principles, LowThreshold.id) || binds(facts.service.principles, LowThreshold.id)) &&
      (facts.service.requiresIdentity || !facts.service.acceptsAnonymous)
      ? v.deny(
        "the configuration makes identity mandatory for a low-threshold service",
        "principles.lowThreshold.identityMandatory"
      )
      : v.allow
})

/**
 * In a low-threshold service, identifying a person (registering them identified, or raising
 * their identity level to identified) requires their consent for the purpose `identification`,
 * given to this service and in force now. Anonymous and pseudonymous registration needs nothing.
 *
 * @since 0.1.0
 * @category models
 */
export const identificationNeedsConsent = coreRule({
  id: "low-threshold/identification-needs-consent",
  principle: LowThreshold,
  appliesTo: ["RegisterPerson", "ChangeIdentityLevel"],
  reads: ["service.id", "service.principles", "consents", "now"],
  verdicts: ["Require"],
  description: "Identifying a person in a low-threshold service needs their consent to identification.",
  check: (command, facts, v) => {
    if (!binds(facts.service.principles, LowThreshold.id)) return v.allow
    let personId: PersonId
    if (command._tag === "RegisterPerson") {
      if (command.person._tag !== "identified") return v.allow
      personId = command.person.id
    } else {
      if (command.to !== "identified" || command.from === "identified") return v.allow
      personId = command.personId
    }
    const serviceId = facts.service.id
    const now = facts.now
    return facts.consents.some((c) =>
        c.purpose === "identification" && c.personId === personId && c.serviceId === serviceId && inForce(c, now)
      )
      ? v.allow
      : v.require(
        { kind: "consent", purpose: "identification", detail: "the person's consent to be identified by this service" },
        "principles.lowThreshold.identificationConsent"
      )
  }
})

/**
 * The rules of the low-threshold principle.
 *
 * @since 0.1.0
 * @category models
 */
export const lowThresholdRules = [identityNeverMandatory, identificationNeedsConsent] as const
