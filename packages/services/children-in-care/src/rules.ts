/**
 * The rules of work with children and young people in care. They tighten the core principles
 * the service is bound by and add one of its own, professionalism ("с ентусиазъм,
 * професионализъм и много доброта"). The registry applies them only to services of
 * the type `children-in-care`.
 *
 * @since 0.1.0
 */
import { AgeBand, type AgeRange, Labels, Plugin, Principle, Principles } from "@pomoc/core"

/**
 * The service type (and plugin id).
 *
 * @since 0.1.0
 * @category models
 */
export const serviceType = "children-in-care" as const

/**
 * The ages served when a service sets no age range of its own: 6 to 26, children and the
 * young people whose career the organisation supports after care.
 *
 * @since 0.1.0
 * @category models
 */
export const defaultAgeRange: AgeRange = Object.freeze({ min: 6, max: 26 })

/**
 * The type of {@link Professionalism}.
 *
 * @since 0.1.0
 * @category models
 */
export type ProfessionalismPrinciple = Principle.Principle<"professionalism">

/**
 * The principle of professionalism: projects are built on analyses of needs, and the staff of
 * care institutions are trained too.
 *
 * @since 0.1.0
 * @category models
 */
export const Professionalism: ProfessionalismPrinciple = Principle.make({
  id: "professionalism",
  source: "seeds/003_de86b062d031d105.txt, Мисия",
  labels: Labels.of("Professionalism", "Profesionalita", "Profesionalumas", "Професионализъм")
})

/**
 * The principles the service is bound by.
 *
 * @since 0.1.0
 * @category models
 */
export const principleIds = [
  "voluntariness",
  "equality",
  "respect-for-uniqueness",
  "confidentiality",
  "individual-approach",
  "empowerment",
  "free-of-charge",
  "professionalism"
] as const

/**
 * The message keys of the rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const messages = {
  "childrenInCare.targetAge.outside": Labels.of(
    "The age band is outside the ages the service works with: point to a suitable service.",
    "Věková skupina je mimo věk, se kterým služba pracuje: doporučte vhodnou službu.",
    "Amžiaus grupė nepatenka į paslaugos amžiaus ribas: nukreipkite į tinkamą paslaugą.",
    "Възрастовата група е извън възрастта, с която услугата работи: насочете към подходяща услуга."
  ),
  "childrenInCare.targetAge.partly": Labels.of(
    "The age band is partly outside the ages the service works with: check the age.",
    "Věková skupina je zčásti mimo věk, se kterým služba pracuje: ověřte věk.",
    "Amžiaus grupė iš dalies nepatenka į paslaugos amžiaus ribas: pasitikslinkite amžių.",
    "Възрастовата група е частично извън възрастта, с която услугата работи: уточнете възрастта."
  ),
  "childrenInCare.notInCare": Labels.of(
    "The service is for children and young people in institutional or foster care and care leavers.",
    "Služba je určena dětem a mladým lidem v ústavní či pěstounské péči a mladým lidem po jejím opuštění.",
    "Paslauga skirta institucinėje ar šeimos globoje esantiems bei globą palikusiems vaikams ir jaunuoliams.",
    "Услугата е за деца и младежи под институционална или приемна грижа и за напусналите грижа."
  ),
  "childrenInCare.needsAnalysisFirst": Labels.of(
    "Base the plan on a needs analysis: record the needs found first.",
    "Plán stavte na analýze potřeb: nejdřív zaznamenejte zjištěné potřeby.",
    "Planą grįskite poreikių analize: pirmiausia užrašykite nustatytus poreikius.",
    "Изградете плана върху анализ на потребностите: първо запишете установените потребности."
  ),
  "childrenInCare.staffTraining": Labels.of(
    "A training for the staff of care institutions is for external staff: mark it so and set its audience to staff.",
    "Vzdělávání pracovníků zařízení je určeno externím pracovníkům: označte ho tak a nastavte cílovou skupinu na pracovníky.",
    "Mokymai globos įstaigų darbuotojams skirti išorės darbuotojams: taip ir pažymėkite, o auditorija – darbuotojai.",
    "Обучението на персонала на институциите е за външен персонал: отбележете го така и посочете аудитория „персонал“."
  ),
  "childrenInCare.noFee": Labels.of(
    "The service is free of charge for children and young people.",
    "Služba je pro děti a mladé lidi bezplatná.",
    "Paslauga vaikams ir jaunuoliams nemokama.",
    "Услугата е безплатна за децата и младежите."
  )
} as const satisfies Readonly<Record<string, Labels>>

/**
 * A rule of the service, with its id as a literal type.
 *
 * @since 0.1.0
 * @category models
 */
export type ChildrenInCareRule<Id extends string> = Plugin.PluginRule<Id>

/**
 * The rules, by name.
 *
 * @since 0.1.0
 * @category models
 */
export interface ChildrenInCareRules {
  readonly targetAge: ChildrenInCareRule<"children-in-care/target-age">
  readonly inCare: ChildrenInCareRule<"children-in-care/in-care">
  readonly needsAnalysisFirst: ChildrenInCareRule<"children-in-care/needs-analysis-first">
  readonly staffTraining: ChildrenInCareRule<"children-in-care/staff-training">
  readonly noFee: ChildrenInCareRule<"children-in-care/no-fee">
}

/**
 * The rules of a service whose services without an age range of their own serve `ageRange`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRules = (ageRange: AgeRange = defaultAgeRange): ChildrenInCareRules => {
  /** Eligibility by the default target age (reads only the age band). */
  const targetAge = Plugin.rule({
    id: "children-in-care/target-age",
    principle: Principles.Equality,
    appliesTo: ["AssessEligibility"],
    reads: ["service.ageRange", "person.ageBand"],
    verdicts: ["Deny", "Warn"],
    description: "The service works with children and young people of its target age.",
    check: (_command, facts, v) => {
      if (facts.service.ageRange !== undefined || facts.person === undefined) return v.allow
      switch (AgeBand.fit(facts.person.ageBand, ageRange)) {
        case "outside":
          return v.deny("the age band is outside the target age", "childrenInCare.targetAge.outside")
        case "partly":
          return v.warn("the age band is partly outside the target age", "childrenInCare.targetAge.partly")
        default:
          return v.allow
      }
    }
  })

  /**
   * Eligibility by the care situation: a person whose situation says they are not in care
   * (`inCare: false`) and have not left care is denied; an unknown situation is allowed. Reads
   * the situation facts the worker recorded, never a protected attribute.
   */
  const inCare = Plugin.rule({
    id: "children-in-care/in-care",
    principle: Principles.Equality,
    appliesTo: ["AssessEligibility"],
    reads: ["person.situation"],
    verdicts: ["Deny"],
    description: "The service is for children and young people in institutional or foster care and care leavers.",
    check: (_command, facts, v) =>
      facts.person !== undefined && facts.person.situation["inCare"] === false &&
        facts.person.situation["careSetting"] !== "care-leaver"
        ? v.deny("the person is not in care", "childrenInCare.notInCare")
        : v.allow
  })

  /** "Нашите проекти се градят върху анализи": a plan without any recorded need gets a warning. */
  const needsAnalysisFirst = Plugin.rule({
    id: "children-in-care/needs-analysis-first",
    principle: Principles.IndividualApproach,
    appliesTo: ["CreatePlan"],
    reads: ["person.needs"],
    verdicts: ["Warn"],
    description: "An individual plan rests on a needs analysis.",
    check: (_command, facts, v) =>
      facts.person !== undefined && facts.person.needs.length === 0
        ? v.warn("a plan without a needs analysis", "childrenInCare.needsAnalysisFirst")
        : v.allow
  })

  /** A training for care staff is recorded as one for external staff, with the audience staff. */
  const staffTraining = Plugin.rule({
    id: "children-in-care/staff-training",
    principle: Professionalism,
    appliesTo: ["RecordActivity"],
    reads: [],
    verdicts: ["Warn"],
    description: "A training for the staff of care institutions is marked as one for external staff.",
    check: (command, _facts, v) =>
      command.activity.topic === "care-staff-training" &&
        (!command.activity.forExternalStaff || command.activity.audience !== "staff")
        ? v.warn("a care-staff training not marked for external staff", "childrenInCare.staffTraining")
        : v.allow
  })

  /** No fees for the children and young people, whatever a service's configuration says. */
  const noFee = Plugin.rule({
    id: "children-in-care/no-fee",
    principle: Principles.FreeOfCharge,
    appliesTo: ["ChargeFee"],
    reads: [],
    verdicts: ["Deny"],
    description: "The service charges no fee.",
    check: (command, _facts, v) =>
      command.amountMinor > 0 ? v.deny("the service charges no fee", "childrenInCare.noFee") : v.allow
  })

  return { targetAge, inCare, needsAnalysisFirst, staffTraining, noFee } as const
}

/**
 * The rules with the default target age (6–26).
 *
 * @since 0.1.0
 * @category models
 */
export const rules: ChildrenInCareRules = makeRules()
