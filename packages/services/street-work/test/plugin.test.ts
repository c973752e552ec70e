import { describe, expect, it } from "@effect/vitest"
import { Registry } from "@pomoc/core"
import { pluginSuite } from "@pomoc/core/testing"
import { StreetWork, streetWork } from "../src/index.js"

pluginSuite(streetWork, { numRuns: 60 })
pluginSuite(StreetWork.make({ ageRange: { min: 15, max: 26 } }), { name: "street-work for 15–26", numRuns: 15 })

describe("registration", () => {
  it("the registry accepts the plugin and labels its codes in all four languages", () => {
    expect(Registry.validate([streetWork]).map((e) => e.message)).toEqual([])
    const registry = Registry.makeUnsafe([streetWork])
    expect(registry.label("interventions", "crisis-intervention", "cs")).toBe("Krizová intervence")
    expect(registry.label("channels", "school-message-box", "cs")).toBe("Vzkaz do schránky ve škole")
    expect(registry.label("firstContactChannels", "shopping-centre-contact-point", "lt")).toBe(
      "Nuolatinis kontaktinis punktas prekybos centre"
    )
    expect(registry.label("firstContactChannels", "lan-party", "bg")).toContain("11–16")
    expect(registry.serviceType("street-work")?.targetGroup.ageRange).toEqual({ min: 11, max: 26 })
  })

  it("names every way of first contact of the seed and every follow-up channel after a school visit", () => {
    expect(Object.keys(streetWork.taxonomies.firstContactChannels)).toEqual(
      expect.arrayContaining([
        "school-streetwork",
        "shopping-centre-contact-point",
        "lan-party",
        "social-media-profile",
        "online-outreach",
        "street-work"
      ])
    )
    expect(Object.keys(streetWork.taxonomies.channels)).toEqual(
      expect.arrayContaining(["in-person", "social-network", "email", "phone", "school-message-box"])
    )
  })

  it("a programme with another default age range describes it", () => {
    const plugin = StreetWork.make({ ageRange: { min: 15, max: 26 } })
    expect(Registry.validate([plugin])).toEqual([])
    expect(plugin.targetGroup.description.cs).toContain("15–26")
    expect(plugin.config).toMatchObject({ minAge: 15, maxAge: 26 })
  })

  it("every goal maps to indicators the plugin defines and every indicator serves a goal", () => {
    const codes = streetWork.indicators.map((i) => i.code)
    const used = streetWork.goals.flatMap((g) => [...g.indicators])
    expect(new Set(used)).toEqual(new Set(codes))
  })
})
