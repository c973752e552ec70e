import { describe, expect, it } from "@effect/vitest"
import { Registry } from "@pomoc/core"
import { LowThresholdClub, lowThresholdClub } from "../src/index.js"

describe("registration", () => {
  it("the registry accepts the plugin", () => {
    expect(Registry.validate([lowThresholdClub]).map((e) => e.message)).toEqual([])
    const registry = Registry.makeUnsafe([lowThresholdClub])
    expect(registry.label("interventions", "crisis-intervention", "cs")).toBe("Krizová intervence")
    expect(registry.serviceType("low-threshold-club")?.targetGroup.ageRange).toEqual({ min: 6, max: 26 })
  })

  it("a club with another default age range registers too", () => {
    const club = LowThresholdClub.make({ ageRange: { min: 6, max: 15 } })
    expect(Registry.validate([club]).map((e) => e.message)).toEqual([])
    expect(club.targetGroup.ageRange).toEqual({ min: 6, max: 15 })
    expect(club.targetGroup.description.cs).toContain("6–15")
  })
})
