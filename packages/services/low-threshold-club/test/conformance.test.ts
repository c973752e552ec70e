/**
 * The plugin test kit of `@pomoc/core/testing` (`pluginSuite`): registration, complete labels,
 * pure and deterministic rules, declared reads, no protected attribute read for eligibility,
 * the equality metamorphic property, derivations on the indicators' scales, reports computable,
 * rules scoped to the plugin's own service type; for the default club and for a club with
 * another default age range.
 */
import { pluginSuite } from "@pomoc/core/testing"
import { LowThresholdClub, lowThresholdClub } from "../src/index.js"

pluginSuite(lowThresholdClub, { numRuns: 100 })
pluginSuite(LowThresholdClub.make({ ageRange: { min: 6, max: 15 } }), {
  name: "low-threshold-club for 6–15",
  numRuns: 30
})
