/**
 * Words for the values a report groups by: plugins' taxonomy codes in the report's language,
 * months as month names, `null`, `true` and `false` as words.
 *
 * @since 0.2.0
 */
import { type Language, Plugin, type Registry, type Store } from "@pomoc/core"
import { texts } from "./internal/texts.js"

/**
 * Gives the words for one value of one dimension in a language, or `undefined` to fall back to
 * the built-in words (and finally to the value itself).
 *
 * @since 0.2.0
 * @category models
 */
export type ValueLabel = (dimension: string, value: Store.FacetValue, language: Language) => string | undefined

const MONTH = /^(\d{4})-(\d{2})$/

/**
 * The built-in words: `null` as "not stated", booleans as "yes"/"no", `YYYY-MM` as the month's
 * name and year, the columns of rates and change per person in words; other values as they are.
 *
 * @since 0.2.0
 * @category constructors
 */
export const builtin = (dimension: string, value: Store.FacetValue, language: Language): string => {
  const t = texts[language]
  if ((dimension === "rate" || dimension === "change") && typeof value === "string") {
    return t.outcomeColumns[value] ?? value
  }
  if (value === null) return t.none
  if (typeof value === "boolean") return value ? t.yes : t.no
  const month = dimension === "month" && typeof value === "string" ? MONTH.exec(value) : null
  if (month !== null) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1))
    return new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(date)
  }
  return String(value)
}

/**
 * Labels from the registered plugins: taxonomy codes (interventions, channels, needs, topics,
 * places, …), indicators and goals, in the plugins' own words. A dimension's taxonomy is tried
 * first (`channel` → channels, `tag` → interventions and needs, …), then every taxonomy.
 *
 * @example
 * ```ts
 * import { Registry } from "@pomoc/core"
 * import { ValueLabels } from "@pomoc/report-html"
 * import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
 * const label = ValueLabels.fromRegistry(Registry.makeUnsafe([lowThresholdClub]))
 * label("tag", "crisis-intervention", "cs") // "Krizová intervence"
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const fromRegistry = (registry: Registry.Registry): ValueLabel => {
  const preferred: Readonly<Record<string, ReadonlyArray<Plugin.TaxonomyName>>> = {
    tag: ["interventions", "needs", "activityTopics"],
    channel: ["channels"],
    firstContactChannel: ["firstContactChannels"],
    locationKind: ["locationKinds"],
    topic: ["activityTopics"],
    need: ["needs"]
  }
  const others = [...registry.indicators, ...registry.goals]
  return (dimension, value, language) => {
    if (typeof value !== "string") return undefined
    for (const name of [...(preferred[dimension] ?? []), ...Plugin.taxonomyNames]) {
      const entry = registry.taxonomies[name].find((e) => e.code === value)
      if (entry !== undefined) return entry.labels[language]
    }
    return others.find((o) => o.code === value)?.labels[language]
  }
}
