/**
 * The club's own rules. They tighten the core principles the seed names (low threshold,
 * equality); they never loosen one. The registry applies them only to services of the type
 * `low-threshold-club`.
 *
 * @since 0.1.0
 */
import { AgeBand, type AgeRange, type Labels, Plugin, Principles } from "@pomoc/core"

/**
 * The service type (and plugin id) of a low-threshold club.
 *
 * @since 0.1.0
 * @category models
 */
export const serviceType = "low-threshold-club" as const

/**
 * The ages a club serves when its service sets no age range of its own: 6 to 26, as Czech
 * clubs do in practice.
 *
 * @since 0.1.0
 * @category models
 */
export const defaultAgeRange: AgeRange = Object.freeze({ min: 6, max: 26 })

/**
 * The principles a club's services are bound by, from the seed: low threshold, voluntariness
 * and independence, equality, respect for uniqueness.
 *
 * @since 0.1.0
 * @category models
 */
export const principleIds = [
  "low-threshold",
  "voluntariness",
  "independence",
  "equality",
  "respect-for-uniqueness"
] as const satisfies ReadonlyArray<Principles.CorePrincipleId>

/**
 * A message key of the club's rules.
 *
 * @since 0.1.0
 * @category models
 */
export type MessageKey =
  | "lowThresholdClub.targetAge.outside"
  | "lowThresholdClub.targetAge.partly"
  | "lowThresholdClub.noFinancialBarrier"
  | "lowThresholdClub.nicknameSuffices"
  | "lowThresholdClub.principlesDeclared"

/**
 * The message keys of the club's rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const messages: Readonly<Record<MessageKey, Labels>> = {
  "lowThresholdClub.targetAge.outside": {
    en: "The age band is outside the club's target age: offer what the club can and point to a suitable service.",
    cs: "Věková skupina je mimo cílovou věkovou skupinu klubu: nabídněte, co klub může, a doporučte vhodnou službu.",
    lt:
      "Amžiaus grupė nepatenka į klubo tikslinį amžių: pasiūlykite, ką klubas gali, ir nukreipkite į tinkamą paslaugą.",
    bg:
      "Възрастовата група е извън целевата възраст на клуба: предложете каквото клубът може и насочете към подходяща услуга."
  },
  "lowThresholdClub.targetAge.partly": {
    en: "The age band is partly outside the club's target age: check the age with the young person.",
    cs: "Věková skupina je zčásti mimo cílovou věkovou skupinu klubu: ověřte věk s mladým člověkem.",
    lt: "Amžiaus grupė iš dalies nepatenka į klubo tikslinį amžių: pasitikslinkite amžių su jaunu žmogumi.",
    bg: "Възрастовата група е частично извън целевата възраст на клуба: уточнете възрастта с младия човек."
  },
  "lowThresholdClub.noFinancialBarrier": {
    en: "A low-threshold club removes financial barriers: it charges no fees.",
    cs: "Nízkoprahový klub odstraňuje finanční bariéry: nevybírá žádné poplatky.",
    lt: "Žemo slenksčio klubas šalina finansines kliūtis: jis neima jokių mokesčių.",
    bg: "Нископраговият клуб премахва финансовите бариери: не събира такси."
  },
  "lowThresholdClub.nicknameSuffices": {
    en: "A club can work with a nickname: record a name only where the young person needs it and agreed.",
    cs: "Klub může pracovat s přezdívkou: jméno zaznamenejte jen tam, kde to mladý člověk potřebuje a souhlasil s tím.",
    lt: "Klubas gali dirbti su slapyvardžiu: vardą užrašykite tik tada, kai to reikia jaunam žmogui ir jis sutiko.",
    bg: "Клубът може да работи с псевдоним: записвайте име само когато младият човек има нужда от това и е съгласен."
  },
  "lowThresholdClub.principlesDeclared": {
    en:
      "A low-threshold club is bound by low threshold, voluntariness, independence, equality and respect for uniqueness: declare them all.",
    cs:
      "Nízkoprahový klub se řídí zásadami nízkoprahovosti, dobrovolnosti, nezávislosti, rovnosti a respektování jedinečnosti: uveďte všechny.",
    lt:
      "Žemo slenksčio klubas vadovaujasi žemo slenksčio, savanoriškumo, nepriklausomumo, lygybės ir unikalumo gerbimo principais: nurodykite juos visus.",
    bg:
      "Нископраговият клуб спазва принципите на нисък праг, доброволност, независимост, равенство и зачитане на уникалността: посочете ги всички."
  }
}

/**
 * A rule of the club, with its id as a literal type.
 *
 * @since 0.1.0
 * @category models
 */
export type ClubRule<Id extends string> = Plugin.PluginRule<Id>

/**
 * The club's rules, by name.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClubRules {
  /** Eligibility by the club's default target age (deny outside, warn partly outside). */
  readonly targetAge: ClubRule<"low-threshold-club/target-age">
  /** A person registered or starting cooperation outside the target age gets a warning. */
  readonly ageOnRegistration: ClubRule<"low-threshold-club/age-on-registration">
  /** No fee in a club. */
  readonly noFinancialBarrier: ClubRule<"low-threshold-club/no-financial-barrier">
  /** Registering a young person identified gets a warning that a nickname would do. */
  readonly nicknameSuffices: ClubRule<"low-threshold-club/nickname-suffices">
  /** A club is registered declaring all the principles of its seed. */
  readonly principlesDeclared: ClubRule<"low-threshold-club/principles-declared">
}

/**
 * The rules of a club whose services without an age range of their own serve `ageRange`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRules = (ageRange: AgeRange = defaultAgeRange): ClubRules => {
  const rangeOf = (service: { readonly ageRange?: AgeRange | undefined }): AgeRange => service.ageRange ?? ageRange

  /**
   * Eligibility by the club's target age when the service sets none (the core rule
   * `equality/eligibility-by-target-age` decides when it does): a band wholly outside is denied,
   * a band partly outside gets a warning. Reads only the age band, never a protected attribute.
   */
  const targetAge = Plugin.rule({
    id: "low-threshold-club/target-age",
    principle: Principles.Equality,
    appliesTo: ["AssessEligibility"],
    reads: ["service.ageRange", "person.ageBand"],
    verdicts: ["Deny", "Warn"],
    description: "A club serves children and young people of its target age (6–26 unless the service says otherwise).",
    check: (_command, facts, v) => {
      if (facts.service.ageRange !== undefined || facts.person === undefined) return v.allow
      switch (AgeBand.fit(facts.person.ageBand, ageRange)) {
        case "outside":
          return v.deny("the age band is outside the club's target age", "lowThresholdClub.targetAge.outside")
        case "partly":
          return v.warn("the age band is partly outside the club's target age", "lowThresholdClub.targetAge.partly")
        default:
          return v.allow
      }
    }
  })

  /**
   * Registering a person or starting a cooperation with an age band wholly outside the target
   * age gets a warning, not a refusal: a low-threshold club does not turn anyone away at the
   * door, but it points them to a service meant for them.
   */
  const ageOnRegistration = Plugin.rule({
    id: "low-threshold-club/age-on-registration",
    principle: Principles.Equality,
    appliesTo: ["RegisterPerson", "StartCooperation"],
    reads: ["service.ageRange", "person.ageBand"],
    verdicts: ["Warn"],
    description: "A person outside the target age is flagged, never turned away.",
    check: (command, facts, v) => {
      const band = command._tag === "RegisterPerson" ? command.person.ageBand : facts.person?.ageBand
      if (band === undefined) return v.allow
      return AgeBand.fit(band, rangeOf(facts.service)) === "outside"
        ? v.warn("the age band is outside the club's target age", "lowThresholdClub.targetAge.outside")
        : v.allow
    }
  })

  /** "Odstraňují … finanční bariéry": a club charges no fee, whatever its configuration says. */
  const noFinancialBarrier = Plugin.rule({
    id: "low-threshold-club/no-financial-barrier",
    principle: Principles.LowThreshold,
    appliesTo: ["ChargeFee"],
    reads: [],
    verdicts: ["Deny"],
    description: "A low-threshold club removes financial barriers: no fees.",
    check: (command, _facts, v) =>
      command.amountMinor > 0
        ? v.deny("a low-threshold club charges no fee", "lowThresholdClub.noFinancialBarrier")
        : v.allow
  })

  /**
   * "Bez uvedení jména a jiných osobních údajů": registering a young person as identified gets
   * a warning that a nickname would do (the core rule still requires consent to identification).
   */
  const nicknameSuffices = Plugin.rule({
    id: "low-threshold-club/nickname-suffices",
    principle: Principles.LowThreshold,
    appliesTo: ["RegisterPerson"],
    reads: [],
    verdicts: ["Warn"],
    description: "Young people are known by a nickname unless they need and agree to more.",
    check: (command, _facts, v) =>
      command.person._tag === "identified"
        ? v.warn("a club can work with a nickname", "lowThresholdClub.nicknameSuffices")
        : v.allow
  })

  /** A service of this type declares every principle of the seed, so the core rules bind it. */
  const principlesDeclared = Plugin.rule({
    id: "low-threshold-club/principles-declared",
    principle: Principles.LowThreshold,
    appliesTo: ["RegisterService"],
    reads: [],
    verdicts: ["Deny"],
    description: "A club is registered bound by all the principles of its seed.",
    check: (command, _facts, v) =>
      !principleIds.every((id) => command.service.principles.includes(id))
        ? v.deny("a low-threshold club must declare all of its principles", "lowThresholdClub.principlesDeclared")
        : v.allow
  })

  return { targetAge, ageOnRegistration, noFinancialBarrier, nicknameSuffices, principlesDeclared } as const
}

/**
 * The club's rules with the default target age (6–26).
 *
 * @since 0.1.0
 * @category models
 */
export const rules: ClubRules = makeRules()
