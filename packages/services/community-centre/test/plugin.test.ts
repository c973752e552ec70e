import { describe, expect, it } from "@effect/vitest"
import { Registry } from "@pomoc/core"
import { pluginSuite } from "@pomoc/core/testing"
import { communityCentre, Taxonomies } from "../src/index.js"

pluginSuite(communityCentre, { numRuns: 60 })

describe("registration", () => {
  it("the registry accepts the plugin and labels its codes in all four languages", () => {
    expect(Registry.validate([communityCentre]).map((e) => e.message)).toEqual([])
    const registry = Registry.makeUnsafe([communityCentre])
    expect(registry.label("activityTopics", "childrens-day-centre", "lt")).toBe("Vaikų dienos centras")
    expect(registry.label("interventions", "open-youth-work", "lt")).toBe("Atvirasis darbas su jaunimu")
    expect(registry.label("activityTopics", "ngo-premises-use", "cs")).toBe("Prostory využívané nevládní organizací")
    expect("ageRange" in communityCentre.targetGroup).toBe(false)
  })

  it("names every activity the statute lists", () => {
    expect(Object.keys(communityCentre.taxonomies.activityTopics)).toEqual(expect.arrayContaining([
      "open-youth-work",
      "street-youth-work",
      "childrens-day-centre",
      "seniors-activities",
      "amateur-art-group",
      "hobby-club",
      "course",
      "camp",
      "event",
      "volunteering",
      "ngo-premises-use"
    ]))
  })

  it("labels programmes and funding sources (outside the registry's taxonomies) in all four languages", () => {
    for (const table of [Taxonomies.programmes, Taxonomies.fundingSources]) {
      for (const labels of Object.values(table)) {
        for (const language of ["en", "cs", "lt", "bg"] as const) expect(labels[language].trim()).not.toBe("")
      }
    }
  })

  it("every goal maps to indicators the plugin defines and every indicator serves a goal", () => {
    const used = communityCentre.goals.flatMap((g) => [...g.indicators])
    expect(new Set(used)).toEqual(new Set(communityCentre.indicators.map((i) => i.code)))
  })
})
