/**
 * The plugin test kit of `@pomoc/core/testing`: registration, complete labels, pure and
 * deterministic rules, declared reads, no protected attribute read for eligibility, the
 * equality metamorphic property, derivations on the indicators' scales, reports computable.
 */
import { describe, expect, it } from "@effect/vitest"
import { pluginChecks } from "@pomoc/core/testing"
import { LowThresholdClub, lowThresholdClub } from "../src/index.js"

describe("low-threshold-club passes the plugin test kit", () => {
  for (const check of pluginChecks) {
    it(check.name, () => {
      const result = check.run(lowThresholdClub, { numRuns: 100 })
      expect(result.problems).toEqual([])
      expect(result.ok).toBe(true)
    })
  }

  it("so does a club with another default age range", () => {
    const club = LowThresholdClub.make({ ageRange: { min: 6, max: 15 } })
    for (const check of pluginChecks) expect(check.run(club, { numRuns: 30 }).problems).toEqual([])
  })
})
