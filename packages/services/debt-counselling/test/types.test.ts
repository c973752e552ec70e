/**
 * Types flow from the plugin to the host: `tsc -b packages/services/debt-counselling` checks
 * the `@ts-expect-error` lines, so a misspelt code that stopped being a compile error would fail
 * the build.
 */
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import { type IndicatorOf, type InterventionOf, Registry } from "@pomoc/core"
import { Effect } from "effect"
import { debtCounselling } from "../src/index.js"

type Host = [typeof debtCounselling]
const registry = Registry.makeUnsafe([debtCounselling])

const input = {
  id: "contact-1",
  serviceId: "service-1",
  at: "2026-06-01T12:00:00.000Z",
  durationMinutes: 60,
  locationKind: "office",
  workers: ["worker-1"],
  participants: ["person-1"],
  anonymousCount: 0,
  firstContact: false,
  mode: "individual"
} as const

describe("type flow", () => {
  it("keeps the id, intervention codes and indicators as literal types", () => {
    expectTypeOf(debtCounselling.id).toEqualTypeOf<"debt-counselling">()
    expectTypeOf<"debt-analysis">().toExtend<InterventionOf<Host>>()
    expectTypeOf<IndicatorOf<Host>>().toEqualTypeOf<
      | "informed-about-options"
      | "situation-improved"
      | "situation-improved-in-area"
      | "competent-and-active"
      | "oriented-for-future"
      | "uses-further-help"
    >()
    const code = (c: InterventionOf<Host>) => c
    // @ts-expect-error "debt-analisys" is misspelt
    expect(code("debt-analisys")).toBe("debt-analisys")
  })

  it.effect("a contact with a misspelt intervention is a compile error, and refused at run time", () =>
    Effect.gen(function*() {
      const ok = yield* registry.recordContact("debt-counselling", {
        ...input,
        interventions: ["debt-analysis", "budget-planning"],
        channel: "in-person"
      })
      expect(ok.contact.interventions).toEqual(["debt-analysis", "budget-planning"])
      const misspelt = yield* Effect.flip(
        registry.recordContact("debt-counselling", {
          ...input,
          // @ts-expect-error "insolvency-petiton" is misspelt
          interventions: ["insolvency-petiton"],
          channel: "in-person"
        })
      )
      expect(misspelt._tag === "PluginError" && misspelt.reason._tag).toBe("UnknownCode")
    }))
})
