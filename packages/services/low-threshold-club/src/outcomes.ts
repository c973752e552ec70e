/**
 * The eight goals of the seed ("Naše práce směřuje k těmto základním cílům"), each measured by
 * one outcome indicator per young person, and the typed rules that derive some of them from a
 * person's history of contacts.
 *
 * @since 0.1.0
 */
import { type Contact, Labels, type Plugin } from "@pomoc/core"
import { DateTime } from "effect"
import type { Intervention } from "./taxonomies.js"

/**
 * The club's outcome indicators, one for each goal of the seed.
 *
 * @since 0.1.0
 * @category models
 */
export const indicators: ReadonlyArray<Plugin.IndicatorDefinition<Indicator>> = [
  {
    code: "contact-maintained",
    labels: Labels.of("Contact with the club", "Kontakt s klubem", "Ryšys su klubu", "Контакт с клуба"),
    scale: { _tag: "Category", categories: ["first", "occasional", "regular"] }
  },
  {
    code: "safe-space",
    labels: Labels.of(
      "Experiences a respectful relationship and a safe space",
      "Zažívá respektující vztah a bezpečný prostor",
      "Patiria pagarbų santykį ir saugią erdvę",
      "Има отношение на уважение и безопасно пространство"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "received-help",
    labels: Labels.of(
      "Received information, help or support in a difficult situation",
      "Získal(a) informace, odbornou pomoc nebo podporu v obtížné situaci",
      "Gavo informacijos, pagalbos ar paramos sunkioje situacijoje",
      "Получил(а) информация, помощ или подкрепа в трудна ситуация"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "risky-behaviour",
    labels: Labels.of("Risky behaviour", "Rizikové chování", "Rizikingas elgesys", "Рисково поведение"),
    scale: { _tag: "Category", categories: ["none", "reduced", "unchanged", "increased"] }
  },
  {
    code: "social-connection",
    labels: Labels.of(
      "Connected with the social environment (school, services, community)",
      "Propojení se společenským prostředím (škola, služby, komunita)",
      "Ryšys su socialine aplinka (mokykla, tarnybos, bendruomenė)",
      "Връзка със социалната среда (училище, услуги, общност)"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "education-and-work",
    labels: Labels.of(
      "Education and work",
      "Vzdělávání a pracovní uplatnění",
      "Mokymasis ir darbas",
      "Образование и работа"
    ),
    scale: { _tag: "Category", categories: ["not-engaged", "at-risk", "engaged", "progressed"] }
  },
  {
    code: "meaningful-leisure",
    labels: Labels.of(
      "Spends leisure time meaningfully and carries out own activities",
      "Smysluplně tráví volný čas a realizuje vlastní aktivity",
      "Prasmingai leidžia laisvalaikį ir įgyvendina savo sumanymus",
      "Пълноценно прекарва свободното си време и осъществява свои дейности"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "independence-and-social-skills",
    labels: Labels.of(
      "Independence, self-confidence and social skills (1 = low, 5 = high)",
      "Samostatnost, sebevědomí a sociální dovednosti (1 = nízké, 5 = vysoké)",
      "Savarankiškumas, pasitikėjimas savimi ir socialiniai įgūdžiai (1 – žemas, 5 – aukštas)",
      "Самостоятелност, самочувствие и социални умения (1 = ниско, 5 = високо)"
    ),
    scale: { _tag: "Ladder", min: 1, max: 5 }
  }
]

/**
 * An outcome indicator code of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type Indicator =
  | "contact-maintained"
  | "safe-space"
  | "received-help"
  | "risky-behaviour"
  | "social-connection"
  | "education-and-work"
  | "meaningful-leisure"
  | "independence-and-social-skills"

/**
 * Labels of the categories of the club's category indicators.
 *
 * @since 0.1.0
 * @category models
 */
export const categoryLabels: Readonly<Partial<Record<Indicator, Readonly<Record<string, Labels>>>>> = {
  "contact-maintained": {
    first: Labels.of("First contact", "První kontakt", "Pirmas kontaktas", "Първи контакт"),
    occasional: Labels.of("Occasional", "Občasný", "Retkarčiais", "Епизодичен"),
    regular: Labels.of("Regular", "Pravidelný", "Reguliarus", "Редовен")
  },
  "risky-behaviour": {
    none: Labels.of("None observed", "Nepozorováno", "Nepastebėta", "Не е наблюдавано"),
    reduced: Labels.of("Reduced", "Snížené", "Sumažėjo", "Намаляло"),
    unchanged: Labels.of("Unchanged", "Beze změny", "Nepasikeitė", "Без промяна"),
    increased: Labels.of("Increased", "Zvýšené", "Padidėjo", "Увеличило се")
  },
  "education-and-work": {
    "not-engaged": Labels.of(
      "Not in education or work",
      "Mimo vzdělávání i práci",
      "Nesimoko ir nedirba",
      "Нито учи, нито работи"
    ),
    "at-risk": Labels.of(
      "At risk of dropping out",
      "Ohrožen(a) předčasným odchodem",
      "Gresia iškristi",
      "В риск от отпадане"
    ),
    engaged: Labels.of("In education or work", "Ve vzdělávání nebo v práci", "Mokosi arba dirba", "Учи или работи"),
    progressed: Labels.of(
      "Progressed (next school, qualification, job)",
      "Posun (další škola, kvalifikace, práce)",
      "Pažengė (kita mokykla, kvalifikacija, darbas)",
      "Напредък (следващо училище, квалификация, работа)"
    )
  }
}

/**
 * A goal code of the club.
 *
 * @since 0.1.0
 * @category models
 */
export type Goal =
  | "seek-and-keep-contact"
  | "respectful-relationship-and-safe-space"
  | "information-help-and-support"
  | "prevent-risky-behaviour"
  | "contact-with-social-environment"
  | "education-and-work"
  | "meaningful-leisure"
  | "independence-and-responsibility"

/**
 * The eight goals of the seed, each mapped to its indicator.
 *
 * @since 0.1.0
 * @category models
 */
export const goals: ReadonlyArray<Plugin.GoalDefinition<Goal, Indicator>> = [
  {
    code: "seek-and-keep-contact",
    labels: Labels.of(
      "Seek out, establish and keep contact with the target group",
      "Vyhledávat, navazovat a udržovat kontakt s cílovou skupinou",
      "Ieškoti tikslinės grupės, užmegzti ir palaikyti su ja ryšį",
      "Търсене, установяване и поддържане на контакт с целевата група"
    ),
    indicators: ["contact-maintained"]
  },
  {
    code: "respectful-relationship-and-safe-space",
    labels: Labels.of(
      "Offer a respectful relationship and a safe space",
      "Nabízet respektující vztah a bezpečný prostor",
      "Siūlyti pagarbų santykį ir saugią erdvę",
      "Предлагане на отношение на уважение и безопасно пространство"
    ),
    indicators: ["safe-space"]
  },
  {
    code: "information-help-and-support",
    labels: Labels.of(
      "Provide information, professional help and support in difficult and everyday situations",
      "Poskytovat informace, odbornou pomoc a podporu v obtížných i každodenních životních situacích",
      "Teikti informaciją, profesionalią pagalbą ir paramą sunkiose ir kasdienėse gyvenimo situacijose",
      "Предоставяне на информация, професионална помощ и подкрепа в трудни и ежедневни житейски ситуации"
    ),
    indicators: ["received-help"]
  },
  {
    code: "prevent-risky-behaviour",
    labels: Labels.of(
      "Prevent risky behaviour or minimise its effects through prevention",
      "Předcházet vzniku rizikového chování, případně minimalizovat jeho dopady prostřednictvím preventivních činností",
      "Užkirsti kelią rizikingam elgesiui arba prevencine veikla mažinti jo padarinius",
      "Предотвратяване на рисковото поведение или намаляване на последиците от него чрез превантивни дейности"
    ),
    indicators: ["risky-behaviour"]
  },
  {
    code: "contact-with-social-environment",
    labels: Labels.of(
      "Mediate contact with the social environment",
      "Zprostředkovat vzájemný kontakt se společenským prostředím",
      "Tarpininkauti palaikant ryšį su socialine aplinka",
      "Посредничество за контакт със социалната среда"
    ),
    indicators: ["social-connection"]
  },
  {
    code: "education-and-work",
    labels: Labels.of(
      "Support and motivate in education and work",
      "Podporovat a motivovat ve vzdělávání a pracovním uplatnění",
      "Palaikyti ir motyvuoti mokantis ir dirbant",
      "Подкрепа и мотивация в образованието и професионалната реализация"
    ),
    indicators: ["education-and-work"]
  },
  {
    code: "meaningful-leisure",
    labels: Labels.of(
      "Provide a base and motivation for meaningful leisure and own activities",
      "Poskytovat zázemí a motivaci ke smysluplnému trávení volného času a realizaci vlastních aktivit",
      "Suteikti erdvę ir motyvacijos prasmingai leisti laisvalaikį ir įgyvendinti savo sumanymus",
      "Осигуряване на място и мотивация за пълноценно свободно време и собствени дейности"
    ),
    indicators: ["meaningful-leisure"]
  },
  {
    code: "independence-and-responsibility",
    labels: Labels.of(
      "Develop independence and healthy self-confidence, social skills and responsibility for one's behaviour",
      "Rozvíjet samostatnost a zdravé sebevědomí, podporovat rozvoj sociálních dovedností a přijetí odpovědnosti za své chování",
      "Ugdyti savarankiškumą ir sveiką pasitikėjimą savimi, socialinius įgūdžius ir atsakomybę už savo elgesį",
      "Развиване на самостоятелност и здравословно самочувствие, социални умения и отговорност за собственото поведение"
    ),
    indicators: ["independence-and-social-skills"]
  }
]

/**
 * What a derivation sees of one person's history.
 *
 * @since 0.1.0
 * @category models
 */
export type History = Plugin.History

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * What counts as regular contact.
 *
 * @since 0.1.0
 * @category models
 */
export interface RegularContact {
  /** How many days back the derivation looks. */
  readonly windowDays: number
  /** How many contacts in that window count as regular. */
  readonly contacts: number
}

/**
 * How many days back the derivation of `contact-maintained` looks, and how many contacts in that
 * window count as regular.
 *
 * @since 0.1.0
 * @category models
 */
export const regularContact: RegularContact = { windowDays: 90, contacts: 4 }

const until = (history: History): ReadonlyArray<Contact> =>
  history.contacts.filter((c) => DateTime.isLessThanOrEqualTo(c.at, history.asOf))

const withAny = (contacts: ReadonlyArray<Contact>, codes: ReadonlyArray<Intervention>): number =>
  contacts.filter((c) => c.interventions.some((code) => (codes as ReadonlyArray<string>).includes(code))).length

/**
 * The typed rules that derive indicators from a person's contacts up to the derivation's
 * moment. Each returns `undefined` when the history says nothing (no evidence is not a "no").
 *
 * - `contact-maintained`: one contact ever is `first`; at least {@link regularContact}`.contacts`
 *   contacts in the last {@link regularContact}`.windowDays` days is `regular`; else `occasional`.
 * - `received-help`: yes once a contact included information, counselling, crisis intervention,
 *   accompaniment or help with rights.
 * - `social-connection`: yes once a contact mediated contact with the social environment or
 *   accompanied the person.
 * - `meaningful-leisure`: yes after three contacts with a leisure activity or group work.
 *
 * @since 0.1.0
 * @category models
 */
export const derivations: ReadonlyArray<Plugin.Derivation<Indicator>> = [
  {
    id: "low-threshold-club/contact-from-contacts",
    indicator: "contact-maintained",
    description: "How regular the person's contact with the club is, from their contacts.",
    derive: (history: History) => {
      const contacts = until(history)
      if (contacts.length === 0) return undefined
      if (contacts.length === 1) return { _tag: "Category", value: "first" } as const
      const since = DateTime.toEpochMillis(history.asOf) - regularContact.windowDays * DAY_MS
      const recent = contacts.filter((c) => DateTime.toEpochMillis(c.at) >= since).length
      return { _tag: "Category", value: recent >= regularContact.contacts ? "regular" : "occasional" } as const
    }
  },
  {
    id: "low-threshold-club/help-from-interventions",
    indicator: "received-help",
    description: "Information, counselling or crisis help was given in a contact.",
    derive: (history: History) =>
      withAny(until(history), [
          "information",
          "counselling",
          "crisis-intervention",
          "accompaniment",
          "assistance-with-rights"
        ]) > 0
        ? ({ _tag: "YesNo", value: true } as const)
        : undefined
  },
  {
    id: "low-threshold-club/connection-from-mediation",
    indicator: "social-connection",
    description: "A worker mediated contact with the social environment or accompanied the person.",
    derive: (history: History) =>
      withAny(until(history), ["mediation-of-contact", "accompaniment"]) > 0
        ? ({ _tag: "YesNo", value: true } as const)
        : undefined
  },
  {
    id: "low-threshold-club/leisure-from-activities",
    indicator: "meaningful-leisure",
    description: "The person took part in leisure activities or group work at least three times.",
    derive: (history: History) =>
      withAny(until(history), ["leisure-activity", "group-work"]) >= 3
        ? ({ _tag: "YesNo", value: true } as const)
        : undefined
  }
]
