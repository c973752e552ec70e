/**
 * The rules of a community centre. They tighten the core principles the centre is bound by and
 * add one principle of its own, community orientation (statute 13.1: the premises and
 * activities serve the community's sociocultural needs, by the members' age, interests, needs
 * and wishes). The registry applies them only to services of the type `community-centre`.
 *
 * @since 0.1.0
 */
import { AgeBand, type AgeRange, Labels, Plugin, Principle, Principles } from "@pomoc/core"
import { activityTopics, fundingSources, type Programme, programmes } from "./taxonomies.js"

/**
 * The service type (and plugin id) of a community centre.
 *
 * @since 0.1.0
 * @category models
 */
export const serviceType = "community-centre" as const

/**
 * The ages of the children's day centre ("Vaikų dienos centras") when its service sets no age
 * range of its own.
 *
 * @since 0.1.0
 * @category models
 */
export const dayCentreAgeRange: AgeRange = Object.freeze({ min: 6, max: 17 })

/**
 * The type of {@link CommunityOrientation}.
 *
 * @since 0.1.0
 * @category models
 */
export type CommunityOrientationPrinciple = Principle.Principle<"community-orientation">

/**
 * The principle of community orientation: the centre's premises and activities serve the
 * sociocultural needs of the community, of every age, by its members' interests and wishes.
 *
 * @since 0.1.0
 * @category models
 */
export const CommunityOrientation: CommunityOrientationPrinciple = Principle.make({
  id: "community-orientation",
  source: "seeds/001_bb4e47ebadef707f.txt, 13.1",
  labels: Labels.of(
    "Community orientation",
    "Orientace na komunitu",
    "Bendruomeniškumas",
    "Насоченост към общността"
  )
})

/**
 * The principles a community centre is bound by: voluntariness (young people take part by
 * their own decision), equality, respect for uniqueness, confidentiality, individual approach,
 * empowerment (strengthening people's abilities to solve their social problems themselves),
 * low threshold (open youth work and events need no name) and {@link CommunityOrientation}.
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
  "low-threshold",
  "community-orientation"
] as const

/**
 * The message keys of the rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const messages = {
  "communityCentre.dayCentreAge": Labels.of(
    "The children's day centre is for children: point an adult to the centre's other activities.",
    "Denní centrum je určeno dětem: dospělému nabídněte jiné aktivity centra.",
    "Vaikų dienos centras skirtas vaikams: suaugusiajam pasiūlykite kitas centro veiklas.",
    "Дневният център е за деца: предложете на възрастния други дейности на центъра."
  ),
  "communityCentre.dayCentreFree": Labels.of(
    "The children's day centre charges no fee.",
    "Denní centrum pro děti nevybírá poplatky.",
    "Vaikų dienos centre mokestis neimamas.",
    "Дневният център за деца не събира такси."
  ),
  "communityCentre.noNameNeeded": Labels.of(
    "Open and street youth work need no name: record one only where the young person needs it and agreed.",
    "Otevřená práce s mládeží a práce na ulici nevyžadují jméno: zaznamenejte ho jen tam, kde to mladý člověk potřebuje a souhlasil.",
    "Atvirajam ir gatvės darbui su jaunimu vardo nereikia: užrašykite jį tik tada, kai to reikia jaunuoliui ir jis sutiko.",
    "Отворената и уличната работа с младежи не изискват име: записвайте го само ако младият човек има нужда и е съгласен."
  ),
  "communityCentre.unknownTopic": Labels.of(
    "The activity's topic is not one of the centre's topics: choose one of them so that reports count it.",
    "Téma aktivity není mezi tématy centra: vyberte jedno z nich, aby je výkazy započítaly.",
    "Veiklos tema nėra tarp centro temų: pasirinkite vieną iš jų, kad ataskaitos ją įskaičiuotų.",
    "Темата на дейността не е сред темите на центъра: изберете една от тях, за да бъде отчетена."
  ),
  "communityCentre.unknownSetting": Labels.of(
    "The service's programme or funding source is not one the plugin knows.",
    "Program nebo zdroj financování služby plugin nezná.",
    "Paslaugos programa ar finansavimo šaltinis įskiepiui nežinomi.",
    "Програмата или източникът на финансиране на услугата не са известни на приставката."
  )
} as const satisfies Readonly<Record<string, Labels>>

/**
 * A rule of a community centre, with its id as a literal type.
 *
 * @since 0.1.0
 * @category models
 */
export type CommunityCentreRule<Id extends string> = Plugin.PluginRule<Id>

const programmeOf = (config: Readonly<Record<string, string | number | boolean>>): string =>
  typeof config["programme"] === "string" ? config["programme"] : "general"

const isProgramme = (code: string, ...wanted: ReadonlyArray<Programme>): boolean =>
  (wanted as ReadonlyArray<string>).includes(code)

/**
 * Eligibility for the children's day centre: an age band wholly outside 6–17 is denied when the
 * service sets no age range of its own. Everything else at the centre is open to all ages.
 * Reads only the age band and the programme, never a protected attribute.
 *
 * @since 0.1.0
 * @category models
 */
export const dayCentreAge: CommunityCentreRule<"community-centre/day-centre-age"> = Plugin.rule({
  id: "community-centre/day-centre-age",
  principle: Principles.Equality,
  appliesTo: ["AssessEligibility"],
  reads: ["service.config", "service.ageRange", "person.ageBand"],
  verdicts: ["Deny"],
  description: "The children's day centre is for children aged 6–17; the rest of the centre is for all ages.",
  check: (_command, facts, v) =>
    isProgramme(programmeOf(facts.service.config), "childrens-day-centre") &&
      facts.service.ageRange === undefined && facts.person !== undefined &&
      AgeBand.fit(facts.person.ageBand, dayCentreAgeRange) === "outside"
      ? v.deny("the age band is outside the day centre's ages", "communityCentre.dayCentreAge")
      : v.allow
})

/**
 * The children's day centre is free of charge, whatever the service's configuration says.
 * Courses and rented premises elsewhere in the centre may charge.
 *
 * @since 0.1.0
 * @category models
 */
export const dayCentreFree: CommunityCentreRule<"community-centre/day-centre-free"> = Plugin.rule({
  id: "community-centre/day-centre-free",
  principle: Principles.FreeOfCharge,
  appliesTo: ["ChargeFee"],
  reads: ["service.config"],
  verdicts: ["Deny"],
  description: "The children's day centre charges no fee.",
  check: (command, facts, v) =>
    isProgramme(programmeOf(facts.service.config), "childrens-day-centre") && command.amountMinor > 0
      ? v.deny("the children's day centre charges no fee", "communityCentre.dayCentreFree")
      : v.allow
})

/**
 * Registering a young person by name in open or street youth work gets a warning: young people
 * take part by their own decision, and a name is not needed for it.
 *
 * @since 0.1.0
 * @category models
 */
export const noNameNeeded: CommunityCentreRule<"community-centre/no-name-needed"> = Plugin.rule({
  id: "community-centre/no-name-needed",
  principle: Principles.LowThreshold,
  appliesTo: ["RegisterPerson"],
  reads: ["service.config"],
  verdicts: ["Warn"],
  description: "Open and street youth work need no name.",
  check: (command, facts, v) =>
    isProgramme(programmeOf(facts.service.config), "open-youth-work", "street-youth-work") &&
      command.person._tag === "identified"
      ? v.warn("open youth work needs no name", "communityCentre.noNameNeeded")
      : v.allow
})

/**
 * An activity whose topic is not one of the centre's gets a warning (the registry checks the
 * codes of contacts, not the topics of activities).
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopicKnown: CommunityCentreRule<"community-centre/activity-topic-known"> = Plugin.rule({
  id: "community-centre/activity-topic-known",
  principle: CommunityOrientation,
  appliesTo: ["RecordActivity"],
  reads: [],
  verdicts: ["Warn"],
  description: "An activity's topic is one of the centre's topics.",
  check: (command, _facts, v) =>
    command.activity.topic !== undefined && !Object.hasOwn(activityTopics, command.activity.topic)
      ? v.warn("the activity's topic is not one of the centre's", "communityCentre.unknownTopic")
      : v.allow
})

/**
 * A centre's service (a programme or a project) names a known programme and funding source in
 * its configuration, or none.
 *
 * @since 0.1.0
 * @category models
 */
export const knownSettings: CommunityCentreRule<"community-centre/known-settings"> = Plugin.rule({
  id: "community-centre/known-settings",
  principle: CommunityOrientation,
  appliesTo: ["RegisterService"],
  reads: [],
  verdicts: ["Deny"],
  description: "A service's programme and funding source are codes of the plugin.",
  check: (command, _facts, v) => {
    const config = command.service.config ?? {}
    const programme = config["programme"]
    const funding = config["fundingSource"]
    const unknownProgramme = programme !== undefined &&
      !(typeof programme === "string" && Object.hasOwn(programmes, programme))
    const unknownFunding = funding !== undefined &&
      !(typeof funding === "string" && Object.hasOwn(fundingSources, funding))
    return unknownProgramme || unknownFunding
      ? v.deny("the service's programme or funding source is unknown", "communityCentre.unknownSetting")
      : v.allow
  }
})
