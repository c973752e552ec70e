/**
 * The five outcomes of the seed ("Cíle naší služby"), each a goal of the service measured by
 * one indicator per client, and the typed rules that derive some of them from a client's
 * history of contacts and plans.
 *
 * @since 0.1.0
 */
import { Labels } from "@pomoc/core"
import type { Contact, Plugin } from "@pomoc/core"
import { DateTime } from "effect"
import { type Intervention, needs } from "./taxonomies.js"

/**
 * What a derivation sees of one client's history.
 *
 * @since 0.1.0
 * @category models
 */
export type History = Plugin.History

/**
 * The areas in which a client's situation can improve ("v některé oblasti"): the debts
 * themselves and each kind of social exclusion of the seed (the plugin's needs), as the
 * categories of `situation-improved-in-area`.
 *
 * @since 0.2.0
 * @category models
 */
export const improvementAreas: ReadonlyArray<string> = ["debts", ...Object.keys(needs)]

/**
 * The outcome indicators of debt counselling: the five outcomes of the seed, and the area in
 * which the situation improved.
 *
 * @since 0.1.0
 * @category models
 */
export const indicators: ReadonlyArray<Plugin.IndicatorDefinition<Indicator>> = [
  {
    code: "informed-about-options",
    labels: Labels.of(
      "Informed about the options for solving their adverse social situation",
      "Informovaný o možnostech řešení své nepříznivé sociální situace",
      "Informuotas apie savo sunkios socialinės padėties sprendimo galimybes",
      "Информиран за възможностите за решаване на неблагоприятната си социална ситуация"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "situation-improved",
    labels: Labels.of(
      "Situation improved in some area thanks to practical help",
      "Situace se díky poskytnutí praktické pomoci v některé oblasti zlepšila",
      "Padėtis kurioje nors srityje pagerėjo dėl praktinės pagalbos",
      "Ситуацията се е подобрила в някоя област благодарение на практическа помощ"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "situation-improved-in-area",
    labels: Labels.of(
      "The area in which the situation improved thanks to practical help",
      "Oblast, ve které se situace díky poskytnutí praktické pomoci zlepšila",
      "Sritis, kurioje padėtis pagerėjo dėl praktinės pagalbos",
      "Областта, в която ситуацията се е подобрила благодарение на практическа помощ"
    ),
    scale: { _tag: "Category", categories: improvementAreas }
  },
  {
    code: "competent-and-active",
    labels: Labels.of(
      "Competent, actively solving their situation (1 = the counsellor leads, 5 = the client solves it alone)",
      "Kompetentní, aktivně řeší svou situaci (1 = vede poradce, 5 = klient řeší sám)",
      "Kompetentingas, aktyviai sprendžia savo padėtį (1 – vadovauja konsultantas, 5 – klientas sprendžia pats)",
      "Компетентен, активно решава ситуацията си (1 = води консултантът, 5 = клиентът я решава сам)"
    ),
    scale: { _tag: "Ladder", min: 1, max: 5 }
  },
  {
    code: "oriented-for-future",
    labels: Labels.of(
      "Will be able to orient in a similar situation in future",
      "Bude se orientovat v podobné situaci, která může nastat v budoucnosti",
      "Gebės susiorientuoti panašioje situacijoje ateityje",
      "Ще може да се ориентира в подобна ситуация в бъдеще"
    ),
    scale: { _tag: "YesNo" }
  },
  {
    code: "uses-further-help",
    labels: Labels.of(
      "Uses further professional help when needed",
      "Využívá v případě potřeby další odbornou pomoc",
      "Prireikus naudojasi kita profesionalia pagalba",
      "Използва при нужда друга професионална помощ"
    ),
    scale: { _tag: "YesNo" }
  }
]

/**
 * An outcome indicator code of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export type Indicator =
  | "informed-about-options"
  | "situation-improved"
  | "situation-improved-in-area"
  | "competent-and-active"
  | "oriented-for-future"
  | "uses-further-help"

/**
 * A goal code of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export type Goal =
  | "informed-client"
  | "improved-situation"
  | "competent-client"
  | "oriented-client"
  | "client-using-further-help"

/**
 * The five goals of the service, in the seed's words, each mapped to its indicator.
 *
 * @since 0.1.0
 * @category models
 */
export const goals: ReadonlyArray<Plugin.GoalDefinition<Goal, Indicator>> = [
  {
    code: "informed-client",
    labels: Labels.of(
      "A client informed about the options for solving their adverse social situation",
      "Klient informovaný o možnostech řešení své nepříznivé sociální situace",
      "Klientas, informuotas apie savo sunkios socialinės padėties sprendimo galimybes",
      "Клиент, информиран за възможностите за решаване на неблагоприятната си социална ситуация"
    ),
    indicators: ["informed-about-options"]
  },
  {
    code: "improved-situation",
    labels: Labels.of(
      "A client whose situation improved in some area thanks to practical help",
      "Klient, jehož situace se díky poskytnutí praktické pomoci v některé oblasti zlepšila",
      "Klientas, kurio padėtis kurioje nors srityje pagerėjo dėl praktinės pagalbos",
      "Клиент, чиято ситуация се е подобрила в някоя област благодарение на практическа помощ"
    ),
    indicators: ["situation-improved", "situation-improved-in-area"]
  },
  {
    code: "competent-client",
    labels: Labels.of(
      "A competent client who actively solves their adverse social situation",
      "Kompetentní klient, který aktivně řeší svou nepříznivou sociální situaci",
      "Kompetentingas klientas, aktyviai sprendžiantis savo sunkią socialinę padėtį",
      "Компетентен клиент, който активно решава неблагоприятната си социална ситуация"
    ),
    indicators: ["competent-and-active"]
  },
  {
    code: "oriented-client",
    labels: Labels.of(
      "A client who will orient in a similar situation that may arise in future",
      "Klient, který se bude orientovat v podobné situaci, která může nastat v budoucnosti",
      "Klientas, kuris susiorientuos panašioje situacijoje, galinčioje susiklostyti ateityje",
      "Клиент, който ще се ориентира в подобна ситуация, която може да възникне в бъдеще"
    ),
    indicators: ["oriented-for-future"]
  },
  {
    code: "client-using-further-help",
    labels: Labels.of(
      "A client who uses further professional help when needed",
      "Klient využívající v případě potřeby další odborné pomoci",
      "Klientas, prireikus besinaudojantis kita profesionalia pagalba",
      "Клиент, който при нужда използва друга професионална помощ"
    ),
    indicators: ["uses-further-help"]
  }
]

const until = (history: History): ReadonlyArray<Contact> =>
  history.contacts.filter((c) => DateTime.isLessThanOrEqualTo(c.at, history.asOf))

const withAny = (contacts: ReadonlyArray<Contact>, codes: ReadonlyArray<Intervention>): boolean =>
  contacts.some((c) => c.interventions.some((code) => (codes as ReadonlyArray<string>).includes(code)))

const by = (history: History) => (at: DateTime.Utc | undefined): boolean =>
  at !== undefined && DateTime.isLessThanOrEqualTo(at, history.asOf)

/**
 * The typed rules that derive indicators from a client's history up to the derivation's
 * moment. Each returns `undefined` when the history says nothing (no evidence is not a "no");
 * the counsellor's assessment with the client is recorded as a measurement and takes precedence.
 *
 * - `informed-about-options`: yes once a contact gave information on the options, counselling
 *   or a debt mapping.
 * - `situation-improved`: yes once a goal of the client's plan was achieved.
 * - `competent-and-active`: from the steps done so far, the share the client took alone:
 *   1 + 4 × (steps done by the client alone ÷ all steps done), rounded.
 * - `uses-further-help`: yes once a contact mediated further professional help.
 *
 * @since 0.1.0
 * @category models
 */
export const derivations: ReadonlyArray<Plugin.Derivation<Indicator>> = [
  {
    id: "debt-counselling/informed-from-contacts",
    indicator: "informed-about-options",
    description: "The client was informed about the options in a contact.",
    derive: (history: History) =>
      withAny(until(history), ["information", "counselling", "debt-analysis"])
        ? ({ _tag: "YesNo", value: true } as const)
        : undefined
  },
  {
    id: "debt-counselling/improved-from-plan",
    indicator: "situation-improved",
    description: "A goal of the client's plan was achieved.",
    derive: (history: History) => {
      const done = by(history)
      return history.plans.some((plan) =>
          plan.goals.some((goal) => goal.status === "achieved" && done(goal.achievedAt))
        )
        ? ({ _tag: "YesNo", value: true } as const)
        : undefined
    }
  },
  {
    id: "debt-counselling/competence-from-steps",
    indicator: "competent-and-active",
    description: "The share of the steps done that the client took alone.",
    derive: (history: History) => {
      const done = by(history)
      const steps = history.plans.flatMap((plan) => plan.goals.flatMap((goal) => goal.steps)).filter((step) =>
        done(step.doneAt)
      )
      if (steps.length === 0) return undefined
      const alone = steps.filter((step) => step.takenBy === "person").length
      return { _tag: "Ladder", value: 1 + Math.round((4 * alone) / steps.length) } as const
    }
  },
  {
    id: "debt-counselling/further-help-from-mediation",
    indicator: "uses-further-help",
    description: "A contact mediated further professional help.",
    derive: (history: History) =>
      withAny(until(history), ["mediation-of-contact"]) ? ({ _tag: "YesNo", value: true } as const) : undefined
  }
]
