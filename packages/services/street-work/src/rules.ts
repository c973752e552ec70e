/**
 * The rules of street work. They tighten the core principles the service is bound by and add
 * one principle of its own, outreach ("Chceme být tam, kde jsou naši klienti a klientky"),
 * whose rules keep the first-contact records countable. The registry applies them only to services
 * of the type `street-work`.
 *
 * @since 0.1.0
 */
import { AgeBand, type AgeRange, Labels, Plugin, Principle, Principles } from "@pomoc/core"
import { firstContactChannels, placeOfChannel } from "./taxonomies.js"

/**
 * The service type (and plugin id) of street work.
 *
 * @since 0.1.0
 * @category models
 */
export const serviceType = "street-work" as const

/**
 * The ages street work serves when a service sets no age range of its own: 11 to 26, the young
 * people the seed reaches (pupils of grades 6–9, gamers aged 11–16, young people in shopping
 * centres and on social platforms).
 *
 * @since 0.1.0
 * @category models
 */
export const defaultAgeRange: AgeRange = Object.freeze({ min: 11, max: 26 })

/**
 * The ages the LAN parties are for ("hráče a hráčky online her ve věku 11–16 let").
 *
 * @since 0.1.0
 * @category models
 */
export const lanPartyAgeRange: AgeRange = Object.freeze({ min: 11, max: 16 })

/**
 * The type of {@link Outreach}.
 *
 * @since 0.1.0
 * @category models
 */
export type OutreachPrinciple = Principle.Principle<"outreach">

/**
 * The principle of outreach: the service goes where its clients are and adapts its ways of
 * first contact to the locality and to the trends among young people.
 *
 * @since 0.1.0
 * @category models
 */
export const Outreach: OutreachPrinciple = Principle.make({
  id: "outreach",
  source: "seeds/004_58093f0076e5956e.txt, \"Chceme být tam, kde jsou naši klienti a klientky\"",
  labels: Labels.of(
    "Outreach: being where the clients are",
    "Terénní přístup: být tam, kde jsou klienti a klientky",
    "Darbas lauke: būti ten, kur yra klientai",
    "Теренен подход: да бъдем там, където са клиентите"
  )
})

/**
 * The principles street work is bound by: the core ones of Czech outreach programmes
 * (low threshold, voluntariness, confidentiality, free of charge, individual approach,
 * equality, respect for uniqueness) and {@link Outreach}.
 *
 * @since 0.1.0
 * @category models
 */
export const principleIds = [
  "low-threshold",
  "voluntariness",
  "confidentiality",
  "free-of-charge",
  "individual-approach",
  "equality",
  "respect-for-uniqueness",
  "outreach"
] as const

/**
 * The message keys of the rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const messages = {
  "streetWork.targetAge.outside": Labels.of(
    "The age band is outside the target age of the programme: offer what you can and point to a suitable service.",
    "Věková skupina je mimo cílovou skupinu programu: nabídněte, co můžete, a doporučte vhodnou službu.",
    "Amžiaus grupė nepatenka į programos tikslinį amžių: pasiūlykite, ką galite, ir nukreipkite į tinkamą paslaugą.",
    "Възрастовата група е извън целевата възраст на програмата: предложете каквото можете и насочете към подходяща услуга."
  ),
  "streetWork.targetAge.partly": Labels.of(
    "The age band is partly outside the target age of the programme: check the age with the person.",
    "Věková skupina je zčásti mimo cílovou skupinu programu: ověřte věk s člověkem.",
    "Amžiaus grupė iš dalies nepatenka į programos tikslinį amžių: pasitikslinkite amžių su žmogumi.",
    "Възрастовата група е частично извън целевата възраст на програмата: уточнете възрастта с човека."
  ),
  "streetWork.lanPartyAge": Labels.of(
    "LAN parties are for gamers aged 11–16: check the first-contact channel or the age band.",
    "LAN party jsou pro hráče a hráčky ve věku 11–16 let: ověřte cestu k prvnímu kontaktu nebo věkovou skupinu.",
    "LAN vakarėliai skirti 11–16 metų žaidėjams: patikrinkite pirmojo kontakto kanalą arba amžiaus grupę.",
    "LAN партитата са за геймъри на 11–16 години: проверете канала за първи контакт или възрастовата група."
  ),
  "streetWork.firstHeardOnFirstContact": Labels.of(
    "\"Had not known the service before\" belongs on a first contact only.",
    "„Předtím o službě nevěděl(a)“ patří jen k prvnímu kontaktu.",
    "„Anksčiau apie paslaugą nežinojo“ žymima tik pirmajame kontakte.",
    "„Преди това не е знаел(а) за услугата“ се отбелязва само при първи контакт."
  ),
  "streetWork.firstContactChannel": Labels.of(
    "Record how the first contact came about, so that the effect of each way of first contact can be counted.",
    "Uveďte, jakým způsobem prvokontakt proběhl, aby bylo možné vyhodnotit účinek jednotlivých způsobů.",
    "Nurodykite, kaip įvyko pirmasis kontaktas, kad būtų galima įvertinti kiekvieno būdo poveikį.",
    "Посочете как е осъществен първият контакт, за да може да се оцени ефектът на всеки начин."
  ),
  "streetWork.firstContactPlace": Labels.of(
    "The place does not match the way of first contact: check both.",
    "Místo neodpovídá způsobu prvokontaktu: ověřte obojí.",
    "Vieta neatitinka pirmojo kontakto būdo: patikrinkite abu.",
    "Мястото не отговаря на начина на първи контакт: проверете и двете."
  ),
  "streetWork.unknownFirstContactChannel": Labels.of(
    "The service chose a way of first contact street work does not know.",
    "Služba zvolila způsob prvokontaktu, který terénní programy neznají.",
    "Paslauga pasirinko pirmojo kontakto būdą, kurio darbas gatvėje nenumato.",
    "Услугата е избрала начин на първи контакт, който теренната работа не познава."
  ),
  "streetWork.noFirstContactChannel": Labels.of(
    "Choose the ways of first contact the service uses in its localities.",
    "Zvolte způsoby prvokontaktu, které služba v lokalitách využívá.",
    "Pasirinkite pirmojo kontakto būdus, kuriuos paslauga naudoja savo vietovėse.",
    "Изберете начините на първи контакт, които услугата използва в своите населени места."
  ),
  "streetWork.newToServiceOnFirstContact": Labels.of(
    "People new to the service belong on a first contact only.",
    "Lidé, kteří o službě předtím nevěděli, patří jen k prvnímu kontaktu.",
    "Naujai apie paslaugą sužinoję žmonės žymimi tik pirmajame kontakte.",
    "Хората, които не са знаели за услугата, се отбелязват само при първи контакт."
  ),
  "streetWork.newToServiceCount": Labels.of(
    "More people new to the service than people in the contact: check the count.",
    "Více lidí nových pro službu, než kolik jich bylo v kontaktu: ověřte počet.",
    "Naujų paslaugos žmonių daugiau nei kontakte dalyvavusių žmonių: patikrinkite skaičių.",
    "Повече нови за услугата хора, отколкото хора в контакта: проверете броя."
  ),
  "streetWork.noFee": Labels.of(
    "Outreach programmes are provided free of charge: no fee can be charged.",
    "Terénní programy se poskytují bez úhrady: poplatek nelze účtovat.",
    "Darbo gatvėje paslaugos teikiamos nemokamai: mokesčio imti negalima.",
    "Теренните програми се предоставят безплатно: не може да се събира такса."
  )
} as const satisfies Readonly<Record<string, Labels>>

/**
 * A rule of street work, with its id as a literal type.
 *
 * @since 0.1.0
 * @category models
 */
export type StreetWorkRule<Id extends string> = Plugin.PluginRule<Id>

/**
 * The rules of street work, by name.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreetWorkRules {
  readonly targetAge: StreetWorkRule<"street-work/target-age">
  readonly lanPartyAge: StreetWorkRule<"street-work/lan-party-age">
  readonly firstHeardOnFirstContact: StreetWorkRule<"street-work/first-heard-on-first-contact">
  readonly firstContactChannel: StreetWorkRule<"street-work/first-contact-channel">
  readonly firstContactPlace: StreetWorkRule<"street-work/first-contact-place">
  readonly noFee: StreetWorkRule<"street-work/no-fee">
  readonly chosenFirstContactChannels: StreetWorkRule<"street-work/chosen-first-contact-channels">
  readonly newToService: StreetWorkRule<"street-work/new-to-service">
}

/**
 * The rules of a street-work plugin whose services without an age range of their own serve
 * `ageRange`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRules = (ageRange: AgeRange = defaultAgeRange): StreetWorkRules => {
  /**
   * Eligibility by the programme's default target age when the service sets none (the core
   * rule decides when it does). Reads only the age band, never a protected attribute.
   */
  const targetAge = Plugin.rule({
    id: "street-work/target-age",
    principle: Principles.Equality,
    appliesTo: ["AssessEligibility"],
    reads: ["service.ageRange", "person.ageBand"],
    verdicts: ["Deny", "Warn"],
    description: "Street work serves people of its target age (11–26 unless the service says otherwise).",
    check: (_command, facts, v) => {
      if (facts.service.ageRange !== undefined || facts.person === undefined) return v.allow
      switch (AgeBand.fit(facts.person.ageBand, ageRange)) {
        case "outside":
          return v.deny("the age band is outside the target age", "streetWork.targetAge.outside")
        case "partly":
          return v.warn("the age band is partly outside the target age", "streetWork.targetAge.partly")
        default:
          return v.allow
      }
    }
  })

  /** A first contact at a LAN party with a person whose age band is wholly outside 11–16. */
  const lanPartyAge = Plugin.rule({
    id: "street-work/lan-party-age",
    principle: Outreach,
    appliesTo: ["RecordContact"],
    reads: ["person.ageBand"],
    verdicts: ["Warn"],
    description: "LAN parties reach gamers aged 11–16.",
    check: (command, facts, v) =>
      command.contact.firstContactChannel === "lan-party" &&
        facts.person !== undefined &&
        AgeBand.fit(facts.person.ageBand, lanPartyAgeRange) === "outside"
        ? v.warn("a LAN party first contact outside its age range", "streetWork.lanPartyAge")
        : v.allow
  })

  /** "Had not known the service before" on a contact that is not a first contact is a contradiction. */
  const firstHeardOnFirstContact = Plugin.rule({
    id: "street-work/first-heard-on-first-contact",
    principle: Outreach,
    appliesTo: ["RecordContact"],
    reads: [],
    verdicts: ["Deny"],
    description: "Only a first contact can reach people who had not known the service.",
    check: (command, _facts, v) =>
      !command.contact.firstContact &&
        command.contact.interventions.includes("first-heard-of-service")
        ? v.deny(
          "first-heard-of-service on a contact that is not a first contact",
          "streetWork.firstHeardOnFirstContact"
        )
        : v.allow
  })

  /** A first contact without its first-contact channel cannot be counted per channel. */
  const firstContactChannel = Plugin.rule({
    id: "street-work/first-contact-channel",
    principle: Outreach,
    appliesTo: ["RecordContact"],
    reads: [],
    verdicts: ["Warn"],
    description: "A first contact names its way of first contact.",
    check: (command, _facts, v) =>
      command.contact.firstContact && command.contact.firstContactChannel === undefined
        ? v.warn("a first contact without a first-contact channel", "streetWork.firstContactChannel")
        : v.allow
  })

  /** A school streetwork first contact away from a school (and the like) is probably a slip. */
  const firstContactPlace = Plugin.rule({
    id: "street-work/first-contact-place",
    principle: Outreach,
    appliesTo: ["RecordContact"],
    reads: [],
    verdicts: ["Warn"],
    description: "The place of a first contact matches its way of first contact.",
    check: (command, _facts, v) => {
      if (command.contact.firstContactChannel === undefined) return v.allow
      const place =
        (placeOfChannel as Readonly<Record<string, string | undefined>>)[command.contact.firstContactChannel]
      return place !== undefined && place !== command.contact.locationKind
        ? v.warn("the place does not match the first-contact channel", "streetWork.firstContactPlace")
        : v.allow
    }
  })

  /** §69: outreach programmes are free of charge, whatever a service's configuration says. */
  const noFee = Plugin.rule({
    id: "street-work/no-fee",
    principle: Principles.FreeOfCharge,
    appliesTo: ["ChargeFee"],
    reads: [],
    verdicts: ["Deny"],
    description: "Outreach programmes charge no fee.",
    check: (command, _facts, v) =>
      command.amountMinor > 0 ? v.deny("street work charges no fee", "streetWork.noFee") : v.allow
  })

  /**
   * "Každá z našich služeb nebo z programů sama volí, jaké prostředky bude k prvnímu kontaktu
   * využívat": a service registers the ways of first contact it chose, from the plugin's.
   */
  const chosenFirstContactChannels = Plugin.rule({
    id: "street-work/chosen-first-contact-channels",
    principle: Outreach,
    appliesTo: ["RegisterService"],
    reads: [],
    verdicts: ["Deny", "Warn"],
    description: "A service chooses its ways of first contact from the plugin's.",
    check: (command, _facts, v) => {
      const chosen = command.service.firstContactChannels
      if (chosen.some((code) => !Object.hasOwn(firstContactChannels, code))) {
        return v.deny("an unknown way of first contact", "streetWork.unknownFirstContactChannel")
      }
      return chosen.length === 0
        ? v.warn("no way of first contact chosen", "streetWork.noFirstContactChannel")
        : v.allow
    }
  })

  /**
   * `newToService` counts people of this contact who had not known the service: only a first
   * contact has them, and never more than took part (named and anonymous).
   */
  const newToService = Plugin.rule({
    id: "street-work/new-to-service",
    principle: Outreach,
    appliesTo: ["RecordContact"],
    reads: [],
    verdicts: ["Deny"],
    description: "People new to the service are counted on a first contact, at most everyone in it.",
    check: (command, _facts, v) => {
      const count = command.contact.fields?.["newToService"]
      if (typeof count !== "number" || count === 0) return v.allow
      if (!command.contact.firstContact) {
        return v.deny(
          "people new to the service on a contact that is not a first contact",
          "streetWork.newToServiceOnFirstContact"
        )
      }
      return count > command.contact.participants.length + command.contact.anonymousCount
        ? v.deny("more people new to the service than people in the contact", "streetWork.newToServiceCount")
        : v.allow
    }
  })

  return {
    newToService,
    targetAge,
    lanPartyAge,
    firstHeardOnFirstContact,
    firstContactChannel,
    firstContactPlace,
    noFee,
    chosenFirstContactChannels
  } as const
}

/**
 * The rules with the default target age (11–26).
 *
 * @since 0.1.0
 * @category models
 */
export const rules: StreetWorkRules = makeRules()
