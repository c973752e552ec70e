/**
 * The plugin test kit of `@pomoc/core/testing` (`pluginSuite`): registration, complete labels,
 * pure and deterministic rules, declared reads, no protected attribute read for eligibility,
 * the equality metamorphic property, derivations on the indicators' scales, reports computable,
 * rules scoped to the plugin's own service type.
 */
import { pluginSuite } from "@pomoc/core/testing"
import { debtCounselling } from "../src/index.js"

pluginSuite(debtCounselling, { numRuns: 100 })
