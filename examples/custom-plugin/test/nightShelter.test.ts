import { describe, expect, it } from "@effect/vitest"
import { Registry } from "@pomoc/core"
import { pluginSuite } from "@pomoc/core/testing"
import { Effect } from "effect"
import { run } from "../src/main.js"
import { nightShelter } from "../src/nightShelter.js"

describe("a sixth service type, defined outside packages/", () => {
  it.effect("is registered and used through the public API alone", () =>
    Effect.gen(function*() {
      const summary = yield* run
      expect(summary.name.cs).toBe("Noclehárna")
      expect(summary.interventions["bg"]).toContain("Нощувка")
      expect(summary.interventions["lt"]).toHaveLength(6)
      // The shelter's own rule runs next to the core rules.
      expect(summary.contact.warnings).toContain("night-shelter-safety/over-capacity")
      // Voluntariness is core: whatever the plugin adds, ending cooperation is allowed.
      expect(summary.endCooperation).toBe("Allowed")
      expect(summary.eligibilityWhenHoused).toEqual({
        decision: "Allowed",
        warnings: ["night-shelter-safety/already-housed"]
      })
      expect(summary.derived).toEqual([
        {
          plugin: "night-shelter",
          derivation: "slept-indoors-from-bed-nights",
          indicator: "slept-indoors",
          value: { _tag: "YesNo", value: true }
        }
      ])
    }))

  it("registers next to the core's registry refusals like any other plugin", () => {
    const twice = Registry.validate([nightShelter, nightShelter])
    expect(twice.map((p) => p.reason._tag)).toEqual(["DuplicatePlugin"])
  })
})

pluginSuite(nightShelter, { numRuns: 50 })
