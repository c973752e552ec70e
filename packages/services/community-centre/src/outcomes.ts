/**
 * Outcome indicators of a community centre, the goals of its statute they measure (11.1–11.3,
 * 12.1, 12.4–12.7, 13.5), and the typed rules that derive some of them from a person's history.
 *
 * @since 0.1.0
 */
import { type Contact, Labels, type Plugin } from "@pomoc/core"
import { DateTime } from "effect"
import type { Intervention } from "./taxonomies.js"

/**
 * The indicators of a community centre.
 *
 * @since 0.1.0
 * @category models
 */
export const indicators = [
  {
    code: "participation",
    labels: Labels.of(
      "Participation in the centre's activities",
      "Účast na aktivitách centra",
      "Dalyvavimas centro veiklose",
      "Участие в дейностите на центъра"
    ),
    scale: { _tag: "Category", categories: ["first", "occasional", "regular"] }
  },
  {
    code: "social-ties",
    labels: Labels.of(
      "Keeps up social ties with the community",
      "Udržuje sociální vazby s komunitou",
      "Palaiko socialinius ryšius su bendruomene",
      "Поддържа социални връзки с общността"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "solves-problems-independently",
    labels: Labels.of(
      "Able to solve own social problems independently (1 = not at all, 5 = fully)",
      "Schopnost samostatně řešit své sociální problémy (1 = vůbec, 5 = zcela)",
      "Gebėjimas savarankiškai spręsti savo socialines problemas (1 – visai ne, 5 – visiškai)",
      "Способност сам(а) да решава социалните си проблеми (1 = никак, 5 = напълно)"
    ),
    scale: { _tag: "Ladder", min: 1, max: 5 }
  },
  {
    code: "quality-of-life",
    labels: Labels.of(
      "Quality of life as the person sees it (1 = low, 5 = high)",
      "Kvalita života, jak ji člověk vnímá (1 = nízká, 5 = vysoká)",
      "Gyvenimo kokybė žmogaus vertinimu (1 – žema, 5 – aukšta)",
      "Качество на живот според самия човек (1 = ниско, 5 = високо)"
    ),
    scale: { _tag: "Ladder", min: 1, max: 5 }
  },
  {
    code: "community-involvement",
    labels: Labels.of(
      "Involvement in the community",
      "Zapojení do komunity",
      "Įsitraukimas į bendruomenę",
      "Включване в общността"
    ),
    scale: { _tag: "Category", categories: ["none", "takes-part", "volunteers", "organises"] }
  },
  {
    code: "youth-education-or-work",
    labels: Labels.of(
      "A young person not in education or work: engagement",
      "Mladý člověk mimo vzdělávání a práci: zapojení",
      "Nesimokantis ir nedirbantis jaunuolis: įsitraukimas",
      "Млад човек, който не учи и не работи: ангажираност"
    ),
    scale: { _tag: "Category", categories: ["not-engaged", "in-activities", "in-education-or-work"] }
  },
  {
    code: "child-integration",
    labels: Labels.of(
      "A child of the day centre is integrated in family, school and community",
      "Dítě z denního centra je začleněno v rodině, škole a komunitě",
      "Vaikų dienos centro vaikas integruotas šeimoje, mokykloje ir bendruomenėje",
      "Дете от дневния център е интегрирано в семейството, училището и общността"
    ),
    scale: { _tag: "YesNo" }
  }
] as const

/**
 * An indicator code of a community centre.
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
  participation: {
    first: Labels.of("First time", "Poprvé", "Pirmą kartą", "За първи път"),
    occasional: Labels.of("Occasional", "Občasná", "Retkarčiais", "Епизодично"),
    regular: Labels.of("Regular", "Pravidelná", "Reguliariai", "Редовно")
  },
  "community-involvement": {
    none: Labels.of("Not involved", "Nezapojen(a)", "Neįsitraukęs", "Не участва"),
    "takes-part": Labels.of("Takes part", "Účastní se", "Dalyvauja", "Участва"),
    volunteers: Labels.of("Volunteers", "Dobrovolničí", "Savanoriauja", "Доброволец"),
    organises: Labels.of("Organises activities", "Organizuje aktivity", "Organizuoja veiklas", "Организира дейности")
  },
  "youth-education-or-work": {
    "not-engaged": Labels.of("Not engaged", "Nezapojen(a)", "Neįsitraukęs", "Не е ангажиран(а)"),
    "in-activities": Labels.of(
      "Takes part in the centre's activities",
      "Účastní se aktivit centra",
      "Dalyvauja centro veiklose",
      "Участва в дейностите на центъра"
    ),
    "in-education-or-work": Labels.of(
      "Back in education or work",
      "Zpět ve vzdělávání nebo v práci",
      "Grįžo į mokslus ar darbą",
      "Отново учи или работи"
    )
  }
} as const satisfies Readonly<Record<string, Readonly<Record<string, Labels>>>>

/**
 * The goals of the centre's statute, each mapped to its indicators.
 *
 * @since 0.1.0
 * @category models
 */
export const goals = [
  {
    code: "strengthen-abilities",
    labels: Labels.of(
      "Strengthen people's abilities and responsibility to solve their social problems independently (11.1)",
      "Posilovat schopnosti a odpovědnost lidí samostatně řešit své sociální problémy (11.1)",
      "Stiprinti gebėjimus, didinti atsakomybę ir galimybes savarankiškai spręsti savo socialines problemas (11.1)",
      "Укрепване на способностите и отговорността на хората сами да решават социалните си проблеми (11.1)"
    ),
    indicators: ["solves-problems-independently", "quality-of-life"]
  },
  {
    code: "social-ties",
    labels: Labels.of(
      "Encourage social ties with society (11.1)",
      "Podporovat udržování sociálních vazeb se společností (11.1)",
      "Skatinti palaikyti socialinius ryšius su visuomene (11.1)",
      "Насърчаване на социалните връзки с обществото (11.1)"
    ),
    indicators: ["social-ties", "participation"]
  },
  {
    code: "youth-work",
    labels: Labels.of(
      "Open and safe youth work, especially including young people not in education or work (11.3, 12.5, 12.6)",
      "Otevřená a bezpečná práce s mládeží, zejména se zapojením mladých lidí mimo vzdělávání a práci (11.3, 12.5, 12.6)",
      "Atvira ir saugi jaunimo veikla, ypač įtraukiant švietimo veikloje ir darbo rinkoje nedalyvaujančius jaunus žmones (11.3, 12.5, 12.6)",
      "Отворена и безопасна работа с младежи, особено с включване на младите хора, които не учат и не работят (11.3, 12.5, 12.6)"
    ),
    indicators: ["youth-education-or-work", "participation"]
  },
  {
    code: "civic-competence",
    labels: Labels.of(
      "Community spirit, social activity and civic competence (12.1)",
      "Komunitní duch, sociální aktivita a občanské kompetence (12.1)",
      "Bendruomeniškumas, socialinis aktyvumas, pilietinė kompetencija (12.1)",
      "Общностен дух, социална активност и гражданска компетентност (12.1)"
    ),
    indicators: ["community-involvement"]
  },
  {
    code: "day-centre-integration",
    labels: Labels.of(
      "Integration of children of the day centre into family and society (12.4, 12.7)",
      "Začlenění dětí z denního centra do rodiny a společnosti (12.4, 12.7)",
      "Vaikų dienos centrą lankančių vaikų integracija į šeimą ir visuomenę (12.4, 12.7)",
      "Интеграция на децата от дневния център в семейството и обществото (12.4, 12.7)"
    ),
    indicators: ["child-integration"]
  },
  {
    code: "seniors-quality-of-life",
    labels: Labels.of(
      "Better quality of life of adults and seniors through meaningful leisure (13.5)",
      "Lepší kvalita života dospělých a seniorů díky smysluplnému volnému času (13.5)",
      "Gerinti suaugusiųjų ir vyresnio amžiaus žmonių gyvenimo kokybę per turiningą laisvalaikio užimtumą (13.5)",
      "По-добро качество на живот на възрастните и на хората в напреднала възраст чрез смислено свободно време (13.5)"
    ),
    indicators: ["quality-of-life", "social-ties"]
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
 * How many contacts in how many days make participation `regular`.
 *
 * @since 0.1.0
 * @category models
 */
export const regularParticipation = { windowDays: 90, contacts: 4 } as const

const upTo = (history: History): ReadonlyArray<Contact> =>
  history.contacts.filter((c) => DateTime.isLessThanOrEqualTo(c.at, history.asOf))

const youthWork: ReadonlyArray<Intervention> = ["open-youth-work", "street-youth-work", "non-formal-education"]

/**
 * The typed rules that derive indicators from a person's history up to the derivation's
 * moment; each returns `undefined` when the history says nothing.
 *
 * - `participation`: one contact is `first`; {@link regularParticipation}`.contacts` or more in
 *   the last {@link regularParticipation}`.windowDays` days is `regular`; else `occasional`.
 * - `social-ties`: yes after three group contacts.
 * - `youth-education-or-work`: `in-activities` once the person took part in open or street
 *   youth work or non-formal education (a return to education or work is measured, not derived).
 *
 * @since 0.1.0
 * @category models
 */
export const derivations = [
  {
    id: "community-centre/participation-from-contacts",
    indicator: "participation",
    description: "How regularly the person takes part, from their contacts.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) => {
      const contacts = upTo(history)
      if (contacts.length === 0) return undefined
      if (contacts.length === 1) return { _tag: "Category", value: "first" } as const
      const since = DateTime.toEpochMillis(history.asOf) - regularParticipation.windowDays * DAY_MS
      const recent = contacts.filter((c) => DateTime.toEpochMillis(c.at) >= since).length
      return { _tag: "Category", value: recent >= regularParticipation.contacts ? "regular" : "occasional" } as const
    }
  },
  {
    id: "community-centre/ties-from-group-contacts",
    indicator: "social-ties",
    description: "The person took part in group contacts at least three times.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) =>
      upTo(history).filter((c) => c.mode === "group").length >= 3
        ? ({ _tag: "YesNo", value: true } as const)
        : undefined
  },
  {
    id: "community-centre/youth-activities-from-contacts",
    indicator: "youth-education-or-work",
    description: "The person took part in youth work or non-formal education.",
    /** Derives the indicator from the person's history; `undefined` when it cannot tell. */
    derive: (history: History) =>
      upTo(history).some((c) => c.interventions.some((code) => (youthWork as ReadonlyArray<string>).includes(code)))
        ? ({ _tag: "Category", value: "in-activities" } as const)
        : undefined
  }
] as const
