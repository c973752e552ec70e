import { describe, expect, it } from "@effect/vitest"
import type { Command } from "../../src/Command.js"
import type { Facts } from "../../src/Facts.js"
import * as Registry from "../../src/plugins/Registry.js"
import { defineRule } from "../../src/principles/index.js"
import { checkScope } from "../../src/testing/plugin.js"
import { broken, facts, HouseRules, shelter } from "./fixtures.js"

// A careless plugin rule: it denies every fee and never looks at the service's type.
const noFeesAnywhere = defineRule<Command, Facts>()({
  id: "shelter-house-rules/no-fees-anywhere",
  principle: HouseRules,
  appliesTo: ["ChargeFee"],
  reads: [],
  verdicts: ["Deny"],
  check: (_command, _facts, v) => v.deny("no fees", "shelter.noFees")
})

const fee: Command = { _tag: "ChargeFee", serviceId: "any" as never, amountMinor: 100, currency: "EUR" }
const paid = (type: string): Facts => {
  const base = facts()
  return { ...base, service: { ...base.service, type, freeOfCharge: false, principles: [] } }
}

describe("plugin rules are scoped to their own service type", () => {
  const registry = Registry.makeUnsafe([broken(shelter, { rules: [...(shelter.rules ?? []), noFeesAnywhere] })])

  it("a plugin rule judges its own type's services", () => {
    const decision = registry.engine.check(fee, paid(shelter.id))
    expect(decision._tag).toBe("Denied")
  })

  it("and never another type's, even when the rule does not check the type itself", () => {
    expect(registry.engine.check(fee, paid("debt-counselling"))._tag).toBe("Allowed")
    expect(registry.engine.explain(fee, paid("debt-counselling")).steps.map((s) => [s.rule, s.verdict._tag]))
      .toContainEqual([
        "shelter-house-rules/no-fees-anywhere",
        "Allow"
      ])
  })

  it("the test kit's scope check: every rule of a plugin, as registered, allows every command for another type", () => {
    const careless = broken(shelter, { rules: [...(shelter.rules ?? []), noFeesAnywhere] })
    expect(checkScope(careless, { numRuns: 100 }).problems).toEqual([])
    // The rule itself is careless; only the registry's scoping keeps it to its type.
    expect(noFeesAnywhere.check(fee, paid("debt-counselling"), noFeesAnywhere.verdict)._tag).toBe("Deny")
    const scoped = Registry.scopedRule(shelter.id, noFeesAnywhere)
    expect(scoped.check(fee, paid("debt-counselling"), noFeesAnywhere.verdict)._tag).toBe("Allow")
    expect(scoped.check(fee, paid(shelter.id), noFeesAnywhere.verdict)._tag).toBe("Deny")
    expect(scoped.reads).toContain("service.type")
  })
})
