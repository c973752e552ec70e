/**
 * Outcome indicators of street work, the service goals they measure, and the typed rules that
 * derive some of them from a person's history. The seed's goals: to be where young people are
 * and reach those who did not know the service, to support them in difficult situations and
 * the hard time of growing up, to work with some of them on individual plans, and prevention.
 *
 * @since 0.1.0
 */
import { type Contact, Labels, type Plugin } from "@pomoc/core"
import { DateTime } from "effect"
import type { Intervention } from "./taxonomies.js"

/**
 * The indicators of street work.
 *
 * @since 0.1.0
 * @category models
 */
export const indicators = [
  {
    code: "contact-established",
    labels: Labels.of(
      "Contact with the workers",
      "Kontakt s pracovníky",
      "Ryšys su darbuotojais",
      "Контакт със служителите"
    ),
    scale: { _tag: "Category", categories: ["first", "repeated", "ongoing"] }
  },
  {
    code: "came-back",
    labels: Labels.of(
      "Got in touch again after the first contact",
      "Po prvním kontaktu se znovu ozval(a)",
      "Po pirmojo kontakto vėl susisiekė",
      "След първия контакт отново се е свързал(а)"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "received-support",
    labels: Labels.of(
      "Received support in a difficult life situation",
      "Získal(a) podporu v obtížné životní situaci",
      "Gavo paramą sunkioje gyvenimo situacijoje",
      "Получил(а) подкрепа в трудна житейска ситуация"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "situation",
    labels: Labels.of("The difficult situation", "Obtížná situace", "Sunki situacija", "Трудната ситуация"),
    scale: { _tag: "Category", categories: ["resolved", "improved", "unchanged", "worsened"] }
  },
  {
    code: "individual-plan",
    labels: Labels.of(
      "Works with the workers on an individual plan",
      "Spolupracuje s pracovníky na individuálním plánu",
      "Su darbuotojais dirba pagal individualų planą",
      "Работи със служителите по индивидуален план"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "risky-behaviour",
    labels: Labels.of("Risky behaviour", "Rizikové chování", "Rizikingas elgesys", "Рисково поведение"),
    scale: { _tag: "Category", categories: ["none", "reduced", "unchanged", "increased"] }
  }
] as const

/**
 * An indicator code of street work.
 *
 * @since 0.1.0
 * @category models
 */
export type Indicator = (typeof indicators)[number]["code"]

/**
 * Labels of the categories of the category indicators.
 *
 * @since 0.1.0
 * @category models
 */
export const categoryLabels = {
  "contact-established": {
    first: Labels.of("First contact", "První kontakt", "Pirmas kontaktas", "Първи контакт"),
    repeated: Labels.of("Repeated contact", "Opakovaný kontakt", "Pakartotinis kontaktas", "Повторен контакт"),
    ongoing: Labels.of("Ongoing contact", "Dlouhodobý kontakt", "Ilgalaikis ryšys", "Продължителен контакт")
  },
  situation: {
    resolved: Labels.of("Resolved", "Vyřešena", "Išspręsta", "Разрешена"),
    improved: Labels.of("Improved", "Zlepšila se", "Pagerėjo", "Подобрила се"),
    unchanged: Labels.of("Unchanged", "Beze změny", "Nepasikeitė", "Без промяна"),
    worsened: Labels.of("Worsened", "Zhoršila se", "Pablogėjo", "Влошила се")
  },
  "risky-behaviour": {
    none: Labels.of("None observed", "Nepozorováno", "Nepastebėta", "Не е наблюдавано"),
    reduced: Labels.of("Reduced", "Snížené", "Sumažėjo", "Намаляло"),
    unchanged: Labels.of("Unchanged", "Beze změny", "Nepasikeitė", "Без промяна"),
    increased: Labels.of("Increased", "Zvýšené", "Padidėjo", "Увеличило се")
  }
} as const satisfies Readonly<Record<string, Readonly<Record<string, Labels>>>>

/**
 * The service goals, each mapped to its indicators.
 *
 * @since 0.1.0
 * @category models
 */
export const goals = [
  {
    code: "be-where-young-people-are",
    labels: Labels.of(
      "Be where young people are and reach those who did not know the service",
      "Být tam, kde jsou mladí lidé, a oslovit ty, kteří o službě nevěděli",
      "Būti ten, kur yra jaunimas, ir pasiekti tuos, kurie apie paslaugą nežinojo",
      "Да бъдем там, където са младите хора, и да достигнем до тези, които не са знаели за услугата"
    ),
    indicators: ["contact-established", "came-back"]
  },
  {
    code: "support-in-difficult-situations",
    labels: Labels.of(
      "Support in difficult life situations and in the hard time of growing up",
      "Podpora v řešení obtížných životních situací a v nesnadném období dospívání",
      "Parama sunkiose gyvenimo situacijose ir sudėtingu paauglystės laikotarpiu",
      "Подкрепа в трудни житейски ситуации и в трудния период на израстването"
    ),
    indicators: ["received-support", "situation"]
  },
  {
    code: "individual-planning",
    labels: Labels.of(
      "Work with young people on their individual plans",
      "Spolupracovat s mladými lidmi na individuálních plánech",
      "Dirbti su jaunimu pagal individualius planus",
      "Работа с младите хора по индивидуалните им планове"
    ),
    indicators: ["individual-plan"]
  },
  {
    code: "prevention",
    labels: Labels.of(
      "Prevent risky behaviour",
      "Předcházet rizikovému chování",
      "Užkirsti kelią rizikingam elgesiui",
      "Предотвратяване на рисковото поведение"
    ),
    indicators: ["risky-behaviour"]
  }
] as const

/**
 * What a derivation sees of one person's history.
 *
 * @since 0.1.0
 * @category models
 */
export type History = Plugin.History

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * How many contacts in how many days make a contact `ongoing` in the derivation of
 * `contact-established`.
 *
 * @since 0.1.0
 * @category models
 */
export const ongoingContact = { windowDays: 90, contacts: 3 } as const

const upTo = (history: History): ReadonlyArray<Contact> =>
  history.contacts.filter((c) => DateTime.isLessThanOrEqualTo(c.at, history.asOf))

const supportCodes: ReadonlyArray<Intervention> = [
  "counselling",
  "crisis-intervention",
  "accompaniment",
  "mediation-of-contact",
  "social-therapy",
  "assistance-with-rights"
]

const yes = { _tag: "YesNo", value: true } as const

/**
 * The typed rules that derive indicators from a person's history up to the derivation's
 * moment. Each returns `undefined` when the history says nothing (no evidence is not a "no").
 *
 * - `contact-established`: one contact is `first`; {@link ongoingContact}`.contacts` or more in
 *   the last {@link ongoingContact}`.windowDays` days is `ongoing`; otherwise `repeated`.
 * - `came-back`: yes once there is a contact after the person's first contact.
 * - `received-support`: yes once a contact included counselling, crisis intervention,
 *   accompaniment, mediation, social therapy or help with rights.
 * - `individual-plan`: yes once the person has an individual plan.
 *
 * @since 0.1.0
 * @category models
 */
export const derivations = [
  {
    id: "street-work/contact-from-contacts",
    indicator: "contact-established",
    description: "How established the person's contact with the workers is, from their contacts.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) => {
      const contacts = upTo(history)
      if (contacts.length === 0) return undefined
      if (contacts.length === 1) return { _tag: "Category", value: "first" } as const
      const since = DateTime.toEpochMillis(history.asOf) - ongoingContact.windowDays * DAY_MS
      const recent = contacts.filter((c) => DateTime.toEpochMillis(c.at) >= since).length
      return { _tag: "Category", value: recent >= ongoingContact.contacts ? "ongoing" : "repeated" } as const
    }
  },
  {
    id: "street-work/came-back-after-first-contact",
    indicator: "came-back",
    description: "A contact followed the person's first contact.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) => {
      const contacts = upTo(history)
      const first = contacts.filter((c) => c.firstContact).map((c) => DateTime.toEpochMillis(c.at))
      if (first.length === 0) return undefined
      const firstAt = Math.min(...first)
      return contacts.some((c) => !c.firstContact && DateTime.toEpochMillis(c.at) > firstAt) ? yes : undefined
    }
  },
  {
    id: "street-work/support-from-interventions",
    indicator: "received-support",
    description: "A contact gave support in a difficult situation.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) =>
      upTo(history).some((c) => c.interventions.some((code) => (supportCodes as ReadonlyArray<string>).includes(code)))
        ? yes
        : undefined
  },
  {
    id: "street-work/plan-from-plans",
    indicator: "individual-plan",
    description: "The person has an individual plan.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) =>
      history.plans.some((p) => DateTime.isLessThanOrEqualTo(p.createdAt, history.asOf)) ? yes : undefined
  }
] as const
