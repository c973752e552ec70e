/**
 * The `community-centre` plugin: a community centre offering sociocultural and other general
 * social services to people of all ages, from seeds/001 (the Alytus community centre).
 *
 * @since 0.1.0
 */
import { definePlugin, Labels, Plugin } from "@pomoc/core"
import { derivations, goals, indicators } from "./outcomes.js"
import { reports } from "./reports.js"
import {
  activityTopicKnown,
  CommunityOrientation,
  dayCentreAge,
  dayCentreFree,
  knownSettings,
  messages,
  noNameNeeded,
  principleIds,
  serviceType
} from "./rules.js"
import { activityTopics, channels, firstContactChannels, interventions, locationKinds, needs } from "./taxonomies.js"
import { uk } from "./uk.js"

/**
 * The community-centre plugin. It serves all ages (no default age range; a service such as the
 * children's day centre may set one, and its programme is `config.programme`).
 *
 * @example
 * ```ts
 * import { Registry } from "@pomoc/core"
 * import { communityCentre } from "@pomoc/service-community-centre"
 *
 * const registry = Registry.makeUnsafe([communityCentre])
 * registry.label("activityTopics", "amateur-art-group", "lt") // "Mėgėjų meno kolektyvas (ansamblis, studija)"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export const communityCentre = Plugin.translate(
  definePlugin({
    id: serviceType,
    version: "0.1.0",
    requires: { core: "^0.1.0" },
    labels: {
      name: Labels.of("Community centre", "Komunitní centrum", "Bendruomenės centras", "Общностен център"),
      description: Labels.of(
        "Sociocultural and other general social services for children, young people and adults of the local community: youth work, a children's day centre, seniors' activities, groups, clubs, courses, camps, events and volunteering.",
        "Sociokulturní a další obecné sociální služby pro děti, mládež i dospělé místní komunity: práce s mládeží, denní centrum pro děti, aktivity pro seniory, soubory, kluby, kurzy, tábory, akce a dobrovolnictví.",
        "Sociokultūrinės ir kitos bendrosios socialinės paslaugos vietos bendruomenės vaikams, jaunimui ir suaugusiesiems: darbas su jaunimu, vaikų dienos centras, senjorų veikla, kolektyvai, klubai, kursai, stovyklos, renginiai ir savanorystė.",
        "Социокултурни и други общи социални услуги за деца, младежи и възрастни от местната общност: работа с младежи, дневен център за деца, дейности за възрастни хора, състави, клубове, курсове, лагери, събития и доброволчество."
      )
    },
    taxonomies: { interventions, channels, firstContactChannels, locationKinds, needs, activityTopics },
    targetGroup: {
      description: Labels.of(
        "Members of the local community of all ages: children, young people, adults and seniors",
        "Členové místní komunity všech věkových skupin: děti, mládež, dospělí a senioři",
        "Visų amžiaus grupių vietos bendruomenės nariai: vaikai, jaunimas, suaugusieji ir senjorai",
        "Членове на местната общност от всички възрасти: деца, младежи, възрастни и възрастни хора"
      ),
      configurable: true
    },
    principles: principleIds,
    extraPrinciples: [CommunityOrientation],
    rules: [dayCentreFree, noNameNeeded, activityTopicKnown, knownSettings],
    eligibility: [dayCentreAge],
    indicators,
    derivations,
    goals,
    reports,
    config: { programme: "general" },
    messages
  }),
  "uk",
  uk
)

/**
 * The type of the community-centre plugin.
 *
 * @since 0.1.0
 * @category models
 */
export type CommunityCentre = typeof communityCentre
