import { describe, expect, it } from "@effect/vitest"
import { Registry } from "@pomoc/core"
import { debtCounselling } from "../src/index.js"

describe("registration", () => {
  it("the registry accepts the plugin", () => {
    expect(Registry.validate([debtCounselling]).map((e) => e.message)).toEqual([])
    const registry = Registry.makeUnsafe([debtCounselling])
    expect(registry.label("interventions", "debt-analysis", "cs")).toBe("Zmapování dluhů")
    expect(registry.serviceType("debt-counselling")?.targetGroup.ageRange).toEqual({ min: 18, max: 150 })
  })

  it("registers twice as a duplicate, so a host cannot register two versions side by side", () => {
    expect(Registry.validate([debtCounselling, debtCounselling]).map((e) => e.reason._tag)).toEqual(["DuplicatePlugin"])
  })
})
