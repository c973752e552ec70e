/**
 * Debt counselling's own rules. They tighten the seven principles of the seed (equal access,
 * individual approach, active cooperation, empowerment, free of charge); they never loosen one.
 * The registry applies them only to services of the type `debt-counselling`.
 *
 * @since 0.1.0
 */
import { type AgeBand, type Labels, Plugin, Principles } from "@pomoc/core"
import { exclusionOf } from "./situation.js"
import { individualInterventions } from "./taxonomies.js"

/**
 * The service type (and plugin id) of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export const serviceType = "debt-counselling" as const

/**
 * The age from which the service is provided ("jednotlivcům starším 18 let").
 *
 * @since 0.1.0
 * @category models
 */
export const adultAge = 18

/**
 * The seven principles of the seed: confidentiality, voluntariness, individual approach, equal
 * access (the core's equality), empowerment, active cooperation, free of charge.
 *
 * @since 0.1.0
 * @category models
 */
export const principleIds = [
  "confidentiality",
  "voluntariness",
  "individual-approach",
  "equality",
  "empowerment",
  "active-cooperation",
  "free-of-charge"
] as const satisfies ReadonlyArray<Principles.CorePrincipleId>

/**
 * The indicators that say how competent and oriented the client is: they can only be assessed
 * together with the client.
 *
 * @since 0.1.0
 * @category models
 */
export const selfAssessedIndicators: ReadonlyArray<string> = ["competent-and-active", "oriented-for-future"]

const minorBands: ReadonlySet<AgeBand> = new Set(["0-5", "6-10", "11-14", "15-17"])

/**
 * Whether an age band lies wholly under 18.
 *
 * @since 0.1.0
 * @category guards
 */
export const isMinorBand = (band: AgeBand): boolean => minorBands.has(band)

/**
 * A message key of debt counselling's rules.
 *
 * @since 0.1.0
 * @category models
 */
export type MessageKey =
  | "debtCounselling.adultsOnly"
  | "debtCounselling.ageNotStated"
  | "debtCounselling.noDebts"
  | "debtCounselling.noExclusionRecorded"
  | "debtCounselling.clientTakesSteps"
  | "debtCounselling.freeOfCharge"
  | "debtCounselling.principlesDeclared"
  | "debtCounselling.assessedWithClient"
  | "debtCounselling.individualRecipient"

/**
 * The message keys of debt counselling's rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const messages: Readonly<Record<MessageKey, Labels>> = {
  "debtCounselling.adultsOnly": {
    en:
      "Debt counselling is provided to adults (18 and over): point a younger person to a service for children and youth.",
    cs:
      "Dluhové poradenství se poskytuje dospělým (od 18 let): mladšího člověka nasměrujte na službu pro děti a mládež.",
    lt:
      "Skolų konsultavimas teikiamas suaugusiesiems (nuo 18 metų): jaunesnį asmenį nukreipkite į paslaugą vaikams ir jaunimui.",
    bg:
      "Консултирането при задлъжнялост се предоставя на пълнолетни (от 18 години): насочете по-млад човек към услуга за деца и младежи."
  },
  "debtCounselling.ageNotStated": {
    en: "The age is not stated: confirm with the person that they are 18 or over.",
    cs: "Věk není uveden: ověřte s člověkem, že je mu alespoň 18 let.",
    lt: "Amžius nenurodytas: pasitikslinkite su asmeniu, ar jam yra bent 18 metų.",
    bg: "Възрастта не е посочена: уточнете с човека дали е навършил 18 години."
  },
  "debtCounselling.noDebts": {
    en:
      "The service is for people in an adverse social situation because of debts; the assessment says there are none: point the person to suitable help.",
    cs:
      "Služba je určena lidem v nepříznivé sociální situaci kvůli dluhům; podle posouzení dluhy nemá: nasměrujte člověka na vhodnou pomoc.",
    lt:
      "Paslauga skirta žmonėms, atsidūrusiems sunkioje socialinėje padėtyje dėl skolų; įvertinimas rodo, kad skolų nėra: nukreipkite asmenį į tinkamą pagalbą.",
    bg:
      "Услугата е за хора в неблагоприятна социална ситуация поради дългове; според оценката такива няма: насочете човека към подходяща помощ."
  },
  "debtCounselling.noExclusionRecorded": {
    en: "No other kind of social exclusion is recorded: check the situation with the person.",
    cs: "Není zaznamenán žádný další typ sociálního vyloučení: ověřte situaci s člověkem.",
    lt: "Neužfiksuota jokia kita socialinės atskirties forma: pasitikslinkite padėtį su asmeniu.",
    bg: "Не е отбелязана друга форма на социално изключване: уточнете ситуацията с човека."
  },
  "debtCounselling.clientTakesSteps": {
    en:
      "The counsellor does not act without the client: plan a step the client takes (alone or together) before steps the counsellor or others take.",
    cs:
      "Poradce nejedná bez klienta: naplánujte nejdříve krok, který klient udělá (sám nebo společně), a teprve pak kroky poradce či jiných.",
    lt:
      "Konsultantas neveikia be kliento: pirmiau suplanuokite žingsnį, kurį klientas atliks (pats ar kartu), o tik tada konsultanto ar kitų žingsnius.",
    bg:
      "Консултантът не действа без клиента: първо планирайте стъпка, която клиентът прави (сам или заедно), и едва след това стъпки на консултанта или други."
  },
  "debtCounselling.freeOfCharge": {
    en: "Professional social counselling is provided free of charge.",
    cs: "Odborné sociální poradenství se poskytuje bezplatně.",
    lt: "Specializuotas socialinis konsultavimas teikiamas nemokamai.",
    bg: "Специализираното социално консултиране се предоставя безплатно."
  },
  "debtCounselling.principlesDeclared": {
    en:
      "Debt counselling is free of charge and bound by confidentiality, voluntariness, individual approach, equal access, empowerment, active cooperation and free of charge: declare them all.",
    cs:
      "Dluhové poradenství je bezplatné a řídí se zásadami mlčenlivosti, dobrovolnosti, individuálního přístupu, rovného přístupu, zplnomocňování, aktivní spolupráce a bezplatnosti: uveďte všechny.",
    lt:
      "Skolų konsultavimas yra nemokamas ir vadovaujasi konfidencialumo, savanoriškumo, individualaus požiūrio, lygių galimybių, įgalinimo, aktyvaus bendradarbiavimo ir nemokamumo principais: nurodykite juos visus.",
    bg:
      "Консултирането при задлъжнялост е безплатно и спазва принципите на поверителност, доброволност, индивидуален подход, равен достъп, овластяване, активно сътрудничество и безплатност: посочете ги всички."
  },
  "debtCounselling.assessedWithClient": {
    en: "Whether the client is competent and can orient in future is assessed together with the client.",
    cs: "To, zda je klient kompetentní a zda se zorientuje i v budoucnu, se hodnotí společně s klientem.",
    lt: "Ar klientas kompetentingas ir ar ateityje susiorientuos, vertinama kartu su klientu.",
    bg: "Дали клиентът е компетентен и ще може да се ориентира в бъдеще, се оценява заедно с клиента."
  },
  "debtCounselling.individualRecipient": {
    en: "The recipient of counselling is an individual, not a group or a family: record individual work per client.",
    cs:
      "Příjemcem poradenství je jednotlivec, nikoliv skupina či rodina: individuální práci zaznamenávejte u každého klienta zvlášť.",
    lt:
      "Konsultavimo gavėjas yra asmuo, o ne grupė ar šeima: individualų darbą fiksuokite kiekvienam klientui atskirai.",
    bg:
      "Получателят на консултирането е отделният човек, не група или семейство: записвайте индивидуалната работа за всеки клиент поотделно."
  }
}

/**
 * A rule of debt counselling, with its id as a literal type.
 *
 * @since 0.1.0
 * @category models
 */
export type DebtRule<Id extends string> = Plugin.PluginRule<Id>

/**
 * Eligibility for adults only: an age band wholly under 18 is denied, an unstated band gets a
 * warning. Reads only the age band (age defines the target group; it is not a protected
 * attribute).
 *
 * @since 0.1.0
 * @category models
 */
export const adultsOnly: DebtRule<"debt-counselling/adults-only"> = Plugin.rule({
  id: "debt-counselling/adults-only",
  principle: Principles.Equality,
  appliesTo: ["AssessEligibility"],
  reads: ["person.ageBand"],
  verdicts: ["Deny", "Warn"],
  description: "Debt counselling is for adults (18 and over).",
  check: (_command, facts, v) => {
    if (facts.person === undefined) return v.allow
    const band = facts.person.ageBand
    if (isMinorBand(band)) return v.deny("the service is for adults only", "debtCounselling.adultsOnly")
    return band === "not-stated" ? v.warn("the age is not stated", "debtCounselling.ageNotStated") : v.allow
  }
})

/**
 * Registering a person or starting a cooperation with an age band wholly under 18 is denied; an
 * unstated band gets a warning.
 *
 * @since 0.1.0
 * @category models
 */
export const adultsOnlyOnRegistration: DebtRule<"debt-counselling/adults-only-on-registration"> = Plugin.rule({
  id: "debt-counselling/adults-only-on-registration",
  principle: Principles.Equality,
  appliesTo: ["RegisterPerson", "StartCooperation"],
  reads: ["person.ageBand"],
  verdicts: ["Deny", "Warn"],
  description: "Only adults are registered and start cooperation.",
  check: (command, facts, v) => {
    const band = command._tag === "RegisterPerson" ? command.person.ageBand : facts.person?.ageBand
    if (band === undefined) return v.allow
    if (isMinorBand(band)) return v.deny("the service is for adults only", "debtCounselling.adultsOnly")
    return band === "not-stated" ? v.warn("the age is not stated", "debtCounselling.ageNotStated") : v.allow
  }
})

/**
 * Eligibility by the debt situation, read from the situation facts: a person assessed as not
 * in debt (`debts: false`) is denied; a person in debt without any other kind of social
 * exclusion recorded gets a warning; a situation not yet assessed is allowed. Need, not group
 * membership, decides (individual approach).
 *
 * @since 0.1.0
 * @category models
 */
export const debtSituation: DebtRule<"debt-counselling/debt-situation"> = Plugin.rule({
  id: "debt-counselling/debt-situation",
  principle: Principles.IndividualApproach,
  appliesTo: ["AssessEligibility"],
  reads: ["person.situation"],
  verdicts: ["Deny", "Warn"],
  description:
    "The service is for people in an adverse situation because of debts with another kind of social exclusion.",
  check: (_command, facts, v) => {
    if (facts.person === undefined) return v.allow
    const situation = facts.person.situation
    const debts = situation["debts"]
    if (debts === false) return v.deny("the person is not in debt", "debtCounselling.noDebts")
    return debts === true && exclusionOf(situation).length === 0
      ? v.warn("no other kind of social exclusion is recorded", "debtCounselling.noExclusionRecorded")
      : v.allow
  }
})

/**
 * "Odborní poradci neřeší nepříznivou životní situaci klienta služby bez jeho aktivní účasti":
 * a step the counsellor or someone else takes is denied while the client's plan has no step the
 * client takes (the core rule only warns).
 *
 * @since 0.1.0
 * @category models
 */
export const clientTakesSteps: DebtRule<"debt-counselling/client-takes-steps"> = Plugin.rule({
  id: "debt-counselling/client-takes-steps",
  principle: Principles.ActiveCooperation,
  appliesTo: ["AddPlanStep"],
  reads: ["plan.stepsByPerson"],
  verdicts: ["Deny"],
  description: "The counsellor does not act without the client's active participation.",
  check: (command, facts, v) => {
    const byClient = command.step.takenBy === "person" || command.step.takenBy === "together"
    return !byClient && (facts.plan?.stepsByPerson ?? 0) === 0
      ? v.deny("the plan has no step the client takes", "debtCounselling.clientTakesSteps")
      : v.allow
  }
})

/**
 * "Služba je poskytována bezplatně": no fee, whatever the service's configuration says.
 *
 * @since 0.1.0
 * @category models
 */
export const noFee: DebtRule<"debt-counselling/no-fee"> = Plugin.rule({
  id: "debt-counselling/no-fee",
  principle: Principles.FreeOfCharge,
  appliesTo: ["ChargeFee"],
  reads: [],
  verdicts: ["Deny"],
  description: "Debt counselling is free of charge.",
  check: (command, _facts, v) =>
    command.amountMinor > 0
      ? v.deny("debt counselling is free of charge", "debtCounselling.freeOfCharge")
      : v.allow
})

/**
 * A service of this type is registered free of charge and declaring all seven principles, so
 * that the core rules bind it.
 *
 * @since 0.1.0
 * @category models
 */
export const principlesDeclared: DebtRule<"debt-counselling/principles-declared"> = Plugin.rule({
  id: "debt-counselling/principles-declared",
  principle: Principles.FreeOfCharge,
  appliesTo: ["RegisterService"],
  reads: [],
  verdicts: ["Deny"],
  description: "Debt counselling is registered free of charge and bound by its seven principles.",
  check: (command, _facts, v) =>
    (!command.service.freeOfCharge || !principleIds.every((id) => command.service.principles.includes(id)))
      ? v.deny(
        "debt counselling must be free of charge and declare its principles",
        "debtCounselling.principlesDeclared"
      )
      : v.allow
})

/**
 * Whether the client is competent and can orient in future (empowerment) is assessed with the
 * client: such a measurement without the client's participation is denied (the core rule only
 * warns).
 *
 * @since 0.1.0
 * @category models
 */
export const assessedWithClient: DebtRule<"debt-counselling/assessed-with-client"> = Plugin.rule({
  id: "debt-counselling/assessed-with-client",
  principle: Principles.Empowerment,
  appliesTo: ["RecordOutcome"],
  reads: [],
  verdicts: ["Deny"],
  description: "Competence and orientation are assessed together with the client.",
  check: (command, _facts, v) =>
    selfAssessedIndicators.includes(command.measurement.indicator) &&
      !command.measurement.personParticipated
      ? v.deny("the measurement needs the client's participation", "debtCounselling.assessedWithClient")
      : v.allow
})

/**
 * "Příjemcem služby je jednotlivec, nikoliv skupina": a group contact that records individual
 * counselling work (debt mapping, budget, documents, …) gets a warning.
 *
 * @since 0.1.0
 * @category models
 */
export const individualRecipient: DebtRule<"debt-counselling/individual-recipient"> = Plugin.rule({
  id: "debt-counselling/individual-recipient",
  principle: Principles.IndividualApproach,
  appliesTo: ["RecordContact"],
  reads: [],
  verdicts: ["Warn"],
  description: "Individual counselling is given to one client, not a group or a family.",
  check: (command, _facts, v) =>
    command.contact.mode === "group" &&
      command.contact.interventions.some((code) => (individualInterventions as ReadonlyArray<string>).includes(code))
      ? v.warn("individual counselling recorded as a group contact", "debtCounselling.individualRecipient")
      : v.allow
})

/**
 * The rules of debt counselling that are not eligibility rules.
 *
 * @since 0.1.0
 * @category models
 */
export const rules = [
  adultsOnlyOnRegistration,
  clientTakesSteps,
  noFee,
  principlesDeclared,
  assessedWithClient,
  individualRecipient
] as const

/**
 * The eligibility rules of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export const eligibility = [adultsOnly, debtSituation] as const
