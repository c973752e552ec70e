/**
 * A night shelter as a Pomoc plugin: a sixth service type, written outside `packages/` with
 * nothing but the public API of `@pomoc/core`.
 */
import {
  type Command,
  definePlugin,
  type Facts,
  type Operation,
  Plugin,
  PluginField,
  Principle,
  type Rule
} from "@pomoc/core"
import { DateTime, Schema } from "effect"
import { type AllocateBed, allocateBed } from "./bedAllocation.js"

/** Guests' safety: a principle of this service type, on top of the core ones. */
export const GuestSafety = Principle.make({
  id: "night-shelter-safety",
  labels: {
    en: "Safety of guests",
    cs: "Bezpečí hostů",
    lt: "Svečių saugumas",
    bg: "Безопасност на гостите"
  }
})

/**
 * A rule of this plugin. Exported values need a nameable type for their declarations, so the
 * rules are annotated with core's `Plugin.PluginRule`. The registry applies them to night
 * shelters only, so they never check the service's type.
 */
export type ShelterRule<Id extends string> = Plugin.PluginRule<Id>

/**
 * More people in one evening's contact than the shelter has beds: a warning (never a denial:
 * the shelter is low-threshold, and the worker decides what to do).
 */
export const overCapacity: ShelterRule<"night-shelter-safety/over-capacity"> = Plugin.rule({
  id: "night-shelter-safety/over-capacity",
  principle: GuestSafety,
  appliesTo: ["RecordContact"],
  reads: ["service.config"],
  verdicts: ["Warn"],
  check: (command, facts, v) => {
    const beds = facts.service.config["beds"]
    const people = command.contact.participants.length + command.contact.anonymousCount
    return typeof beds === "number" && command.contact.interventions.includes("bed-night") && people > beds
      ? v.warn("more guests than beds", "nightShelter.overCapacity")
      : v.allow
  }
})

/**
 * A person who has a home of their own is pointed to other help: a warning on eligibility that
 * reads only the (non-protected) housing situation.
 */
export const alreadyHoused: ShelterRule<"night-shelter-safety/already-housed"> = Plugin.rule({
  id: "night-shelter-safety/already-housed",
  principle: GuestSafety,
  appliesTo: ["AssessEligibility"],
  reads: ["person.situation"],
  verdicts: ["Warn"],
  check: (_command, facts, v) =>
    facts.person?.situation["housing"] === "own"
      ? v.warn("the person has a home; offer counselling or a referral instead", "nightShelter.alreadyHoused")
      : v.allow
})

/**
 * A bed the shelter has not (above its configured `beds`) is refused: a rule over the shelter's
 * own command (`AllocateBed`), next to core's rules.
 */
export const realBed: Rule.Rule<Command.Command | AllocateBed, Facts.Facts, "night-shelter-safety/real-bed"> = Plugin
  .ruleFor<AllocateBed>()({
    id: "night-shelter-safety/real-bed",
    principle: GuestSafety,
    appliesTo: ["AllocateBed"],
    reads: ["service.config"],
    verdicts: ["Deny"],
    check: (command, facts, v) => {
      const beds = facts.service.config["beds"]
      return typeof beds === "number" && command.bed > beds
        ? v.deny("the shelter has no such bed", "nightShelter.noSuchBed")
        : v.allow
    }
  })

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/** What the shelter's bed allocation returns (the night's record and the bed). */
export type BedAllocated = Operation.ResultOf<typeof allocateBed>

/**
 * The shelter's plugin.
 */
export const nightShelter = definePlugin({
  id: "night-shelter",
  version: "0.1.0",
  requires: { core: "^0.1.0" },
  labels: {
    name: { en: "Night shelter", cs: "Noclehárna", lt: "Nakvynės namai", bg: "Нощен приют" },
    description: {
      en: "A safe bed for the night, a shower and a warm meal for people without a home.",
      cs: "Bezpečné lůžko na noc, sprcha a teplé jídlo pro lidi bez domova.",
      lt: "Saugi lova nakčiai, dušas ir šiltas maistas žmonėms be namų.",
      bg: "Безопасно легло за нощта, душ и топла храна за хора без дом."
    }
  },
  taxonomies: {
    interventions: {
      "bed-night": { en: "Bed for the night", cs: "Přenocování", lt: "Nakvynė", bg: "Нощувка" },
      hygiene: { en: "Shower and hygiene", cs: "Hygiena", lt: "Higiena", bg: "Хигиена" },
      "warm-meal": { en: "Warm meal", cs: "Teplé jídlo", lt: "Šiltas maistas", bg: "Топла храна" },
      clothing: { en: "Clothing", cs: "Ošacení", lt: "Drabužiai", bg: "Дрехи" },
      counselling: { en: "Counselling", cs: "Poradenství", lt: "Konsultavimas", bg: "Консултиране" },
      "housing-referral": {
        en: "Referral to housing",
        cs: "Zprostředkování bydlení",
        lt: "Nukreipimas dėl būsto",
        bg: "Насочване към жилище"
      }
    },
    channels: {
      "in-person": { en: "In person", cs: "Osobně", lt: "Asmeniškai", bg: "Лично" },
      phone: { en: "Phone", cs: "Telefon", lt: "Telefonu", bg: "Телефон" }
    },
    firstContactChannels: {
      "street-work": { en: "Street work", cs: "Terénní práce", lt: "Gatvės darbas", bg: "Улична работа" },
      "hospital-discharge": {
        en: "Discharge from hospital",
        cs: "Propuštění z nemocnice",
        lt: "Išrašymas iš ligoninės",
        bg: "Изписване от болница"
      },
      "word-of-mouth": { en: "Word of mouth", cs: "Od známých", lt: "Iš pažįstamų", bg: "От познати" }
    },
    // Place types: the shelter's own dormitory next to core's street area.
    locationKinds: {
      dormitory: { en: "Dormitory", cs: "Noclehárna", lt: "Miegamasis", bg: "Спално помещение" },
      "street-area": { en: "Street", cs: "Ulice", lt: "Gatvė", bg: "Улица" }
    },
    needs: {
      bed: { en: "A bed", cs: "Lůžko", lt: "Lova", bg: "Легло" },
      documents: { en: "Identity documents", cs: "Doklady", lt: "Asmens dokumentai", bg: "Документи за самоличност" },
      health: { en: "Health care", cs: "Zdravotní péče", lt: "Sveikatos priežiūra", bg: "Здравна грижа" }
    }
  },
  targetGroup: {
    description: {
      en: "Adults without a home",
      cs: "Dospělí lidé bez domova",
      lt: "Suaugusieji be namų",
      bg: "Възрастни хора без дом"
    },
    ageRange: { min: 18, max: 150 },
    configurable: false
  },
  principles: ["low-threshold", "voluntariness", "confidentiality", "night-shelter-safety"],
  extraPrinciples: [GuestSafety],
  rules: [overCapacity, realBed],
  eligibility: [alreadyHoused],
  indicators: [
    {
      code: "slept-indoors",
      labels: {
        en: "Slept indoors in the last week",
        cs: "Spal/a uvnitř v posledním týdnu",
        lt: "Per paskutinę savaitę nakvojo patalpose",
        bg: "Спал/а на закрито през последната седмица"
      },
      scale: { _tag: "YesNo" }
    },
    {
      code: "housing-status",
      labels: { en: "Housing status", cs: "Bydlení", lt: "Būsto padėtis", bg: "Жилищно положение" },
      scale: { _tag: "Category", categories: ["street", "shelter", "hostel", "rented", "own"] }
    }
  ],
  derivations: [{
    id: "slept-indoors-from-bed-nights",
    indicator: "slept-indoors",
    description: "Yes when the person had a bed night in the week before the derivation.",
    derive: (history: Plugin.History) => {
      if (history.contacts.length === 0) return undefined
      const asOf = DateTime.toEpochMillis(history.asOf)
      const recent = history.contacts.some((contact) => {
        const at = DateTime.toEpochMillis(contact.at)
        return contact.interventions.includes("bed-night") && at <= asOf && asOf - at <= WEEK_MS
      })
      return { _tag: "YesNo", value: recent }
    }
  }],
  goals: [
    {
      code: "safe-night",
      labels: { en: "A safe night", cs: "Bezpečná noc", lt: "Saugi naktis", bg: "Безопасна нощ" },
      indicators: ["slept-indoors"]
    },
    {
      code: "moving-on",
      labels: { en: "Moving on to housing", cs: "Cesta k bydlení", lt: "Kelias į būstą", bg: "Към собствено жилище" },
      indicators: ["housing-status"]
    }
  ],
  reports: [
    {
      id: "bed-nights",
      labels: {
        en: "Bed nights by month",
        cs: "Přenocování podle měsíců",
        lt: "Nakvynės pagal mėnesius",
        bg: "Нощувки по месеци"
      },
      question: "how-much",
      query: {
        kind: "contact",
        dimensions: [{ by: "month" }, { by: "tag", values: ["bed-night"] }],
        measure: { sum: "participants" }
      }
    },
    {
      id: "slept-indoors",
      labels: {
        en: "Guests who slept indoors",
        cs: "Hosté, kteří spali uvnitř",
        lt: "Svečiai, nakvoję patalpose",
        bg: "Гости, спали на закрито"
      },
      question: "better-off",
      query: {
        kind: "measurement",
        dimensions: [{ by: "indicator", values: ["slept-indoors"] }, { by: "value" }],
        measure: "people"
      }
    }
  ],
  config: { beds: 24 },
  // The texts of the message keys its rules give, shown to the worker (the test kit checks them).
  messages: {
    "nightShelter.noSuchBed": {
      en: "The shelter has no such bed: choose one of its beds.",
      cs: "Takové lůžko noclehárna nemá: vyberte jedno z jejích lůžek.",
      lt: "Nakvynės namuose tokios lovos nėra: pasirinkite vieną iš jų lovų.",
      bg: "Приютът няма такова легло: изберете едно от леглата му."
    }
  },
  // The shelter's own operation, run by core's pipeline with its access row.
  operations: { allocateBed },
  // Custom fields on core records: the bed of a night (a report facet), where a guest was sent
  // from (a facet) and a remark on arrival (personal: encrypted, never a facet).
  fields: {
    contact: { bed: PluginField.reportable(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 200 }))) },
    person: {
      referredBy: PluginField.reportable(Schema.Literals(["street-work", "hospital", "police", "self"])),
      arrivalRemark: PluginField.personal(Schema.String.check(Schema.isMaxLength(300)))
    }
  }
})
