/**
 * Report results for the tests: every report of the five seed plugins, run by core's
 * `Report.run` (so tabulation and suppression are the real ones) over aggregate rows made up
 * deterministically from a seed, with zeros, small counts and large ones.
 */
import { type Language, Plugin, Registry, Report, type ReportResult, type Store } from "@pomoc/core"
import { childrenInCare } from "@pomoc/service-children-in-care"
import { communityCentre } from "@pomoc/service-community-centre"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { streetWork } from "@pomoc/service-street-work"
import { Effect } from "effect"

export const period = { from: "2026-01-01", to: "2027-01-01" }

export interface Sample {
  readonly name: string
  readonly plugin: Plugin.Plugin
  readonly language: Language
  readonly organisation: string
  readonly serviceId: string
  readonly serviceName: string
}

export const samples: ReadonlyArray<Sample> = [
  {
    name: "club-cs",
    plugin: lowThresholdClub,
    language: "cs",
    organisation: "Ostrov, z. s.",
    serviceId: "club-ostrov",
    serviceName: "Nízkoprahový klub Ostrov"
  },
  {
    name: "street-work-en",
    plugin: streetWork,
    language: "en",
    organisation: "Street Link",
    serviceId: "street",
    serviceName: "Street work in Praha 4"
  },
  {
    name: "debt-counselling-cs",
    plugin: debtCounselling,
    language: "cs",
    organisation: "Poradna Rovnováha",
    serviceId: "debt-advice",
    serviceName: "Dluhová poradna"
  },
  {
    name: "community-centre-lt",
    plugin: communityCentre,
    language: "lt",
    organisation: "Alytaus bendruomenės centras",
    serviceId: "centre",
    serviceName: "Dienos centras"
  },
  {
    name: "children-in-care-bg",
    plugin: childrenInCare,
    language: "bg",
    organisation: "Сдружение Надежда",
    serviceId: "care",
    serviceName: "Програма за деца в грижа"
  }
]

/** A small deterministic generator (a linear congruential one), so every run sees the same data. */
export const generator = (seed: number) => {
  let state = seed >>> 0
  return (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const fallbackValues = (by: string): ReadonlyArray<Store.FacetValue> =>
  by === "month" ?
    Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`)
    : by === "ageBand" ?
    ["11-14", "15-17", "18-20", "21-26"]
    : by === "value" ?
    [1, 2, 3, 4, true, false]
    : ["a", "b", null]

/** A count: a third zeros or small (suppressed), the rest 5 to 64. */
const drawCount = (random: () => number): number => {
  const r = random()
  return r < 0.15 ? 0 : r < 0.35 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 60)
}

/** An aggregate-only store that answers a definition's query with made-up rows. */
export const stubStore = (definition: Report.ReportDefinition, seed: number): Pick<Store.StoreShape, "aggregate"> => ({
  aggregate: (query) => {
    const random = generator(seed)
    const axes = definition.query.dimensions.map((d) => d.values ?? fallbackValues(d.by))
    const combinations: Array<ReadonlyArray<Store.FacetValue>> = axes.length === 1
      ? axes[0]!.map((v) => [v])
      : axes[0]!.flatMap((a) => axes[1]!.map((b) => [a, b]))
    // The generator's first value is small for every nearby seed: a one-row table skips it.
    if (combinations.length === 1) random()
    // A rate's numerator query (for a store without `part`) adds the rate's filters: about 60 % of each cell.
    const numerator = (query.where?.length ?? 0) > (definition.query.where?.length ?? 0)
    return Effect.succeed(combinations.map((values): Store.AggregateRow => {
      const all = drawCount(random)
      const count = numerator ? Math.floor(all * 0.6) : all
      // Change per person: about half improved (1 → 2), a third the same, the rest worse.
      const improved = Math.ceil(count / 2)
      const same = Math.floor(count / 3)
      return {
        group: Object.fromEntries(query.groupBy.map((name, i) => [name, values[i] ?? null])),
        count,
        sums: Object.fromEntries((query.sum ?? []).map((facet) => [facet, count])),
        distinctPeople: count,
        // A rate's numerator counted in the same pass (`part`): about 60 % of the cell.
        ...(query.part !== undefined
          ? { part: { count: Math.floor(all * 0.6), distinctPeople: Math.floor(all * 0.6) } }
          : {}),
        ...(query.change !== undefined
          ? {
            changes: [
              { first: 1, last: 2, people: improved },
              { first: 2, last: 2, people: same },
              { first: 3, last: 1, people: count - improved - same }
            ]
          }
          : {})
      }
    }))
  }
})

export const resultsFor = (sample: Sample, seed = 2026): Effect.Effect<ReadonlyArray<ReportResult>, unknown> =>
  Effect.forEach(
    definitionsOf(sample.plugin),
    (definition, i) =>
      Report.run(definition, stubStore(definition, seed + i), { serviceId: sample.serviceId, ...period })
  )

/** A plugin's reports that are `Report.define` definitions (dimensions and a measure). */
export const definitionsOf = (plugin: Plugin.Plugin): ReadonlyArray<Report.ReportDefinition> =>
  plugin.reports.flatMap((r) => (r.query !== undefined && "dimensions" in r.query ? [{ ...r, query: r.query }] : []))

export const registry: Registry.Registry = Registry.makeUnsafe([
  lowThresholdClub,
  streetWork,
  debtCounselling,
  communityCentre,
  childrenInCare
])
