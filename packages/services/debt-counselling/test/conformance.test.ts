/**
 * The plugin test kit of `@pomoc/core/testing`: registration, complete labels, pure and
 * deterministic rules, declared reads, no protected attribute read for eligibility, the
 * equality metamorphic property, derivations on the indicators' scales, reports computable.
 */
import { describe, expect, it } from "@effect/vitest"
import { pluginChecks } from "@pomoc/core/testing"
import { debtCounselling } from "../src/index.js"

describe("debt-counselling passes the plugin test kit", () => {
  for (const check of pluginChecks) {
    it(check.name, () => {
      const result = check.run(debtCounselling, { numRuns: 100 })
      expect(result.problems).toEqual([])
      expect(result.ok).toBe(true)
    })
  }
})
