import { describe, expect, it } from "@effect/vitest"
import { Registry } from "@pomoc/core"
import { pluginSuite } from "@pomoc/core/testing"
import { ChildrenInCare, childrenInCare, Taxonomies } from "../src/index.js"

pluginSuite(childrenInCare, { numRuns: 60 })
pluginSuite(ChildrenInCare.make({ ageRange: { min: 15, max: 26 } }), {
  name: "children-in-care for 15–26",
  numRuns: 15
})

describe("registration", () => {
  it("the registry accepts the plugin and labels its codes in all four languages", () => {
    expect(Registry.validate([childrenInCare]).map((e) => e.message)).toEqual([])
    const registry = Registry.makeUnsafe([childrenInCare])
    expect(registry.label("interventions", "career-guidance", "bg")).toBe("Кариерно ориентиране")
    expect(registry.label("activityTopics", "care-staff-training", "bg")).toBe(
      "Обучение на персонала в специализираните институции"
    )
    expect(registry.label("interventions", "job-search-support", "cs")).toBe("Podpora při hledání práce")
    expect(childrenInCare.targetGroup.ageRange).toEqual({ min: 6, max: 26 })
  })

  it("names the needs analysis domains of the seed and labels care settings in all four languages", () => {
    expect(Object.keys(childrenInCare.taxonomies.needs)).toEqual(
      expect.arrayContaining(["intellectual", "social", "psychological", "career-prospects"])
    )
    for (const labels of Object.values(Taxonomies.careSettings)) {
      for (const language of ["en", "cs", "lt", "bg"] as const) expect(labels[language].trim()).not.toBe("")
    }
  })

  it("has the outcomes of the seed: completed training and entry into education or work", () => {
    const codes = childrenInCare.indicators.map((i) => i.code)
    expect(codes).toEqual(expect.arrayContaining(["training-completed", "education-or-work"]))
    const educationOrWork = childrenInCare.indicators.find((i) => i.code === "education-or-work")
    expect(educationOrWork?.scale).toEqual({
      _tag: "Category",
      categories: ["not-engaged", "in-training", "in-education", "in-work"]
    })
    expect(new Set(childrenInCare.goals.flatMap((g) => [...g.indicators]))).toEqual(new Set(codes))
  })
})
