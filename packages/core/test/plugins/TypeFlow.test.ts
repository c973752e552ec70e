/**
 * Types flow from the tuple of registered plugins to the host. `tsc -b packages/core` checks the
 * `@ts-expect-error` lines: if a misspelt code stopped being an error, the directive itself
 * would fail the build.
 */
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  type ChannelOf,
  type CodeOf,
  definePlugin,
  type FirstContactChannelOf,
  type GoalOf,
  type IndicatorOf,
  type InterventionOf,
  type Plugin,
  type PluginById,
  type PluginIdOf,
  type ReportIdOf
} from "../../src/plugins/Plugin.js"
import * as Registry from "../../src/plugins/Registry.js"
import { contactInput, debts, labels, shelter } from "./fixtures.js"

type Host = [typeof shelter, typeof debts]
const registry = Registry.makeUnsafe([shelter, debts])

describe("type flow", () => {
  it("keeps the plugin id and codes as literal types", () => {
    expectTypeOf(shelter.id).toEqualTypeOf<"test-shelter">()
    expectTypeOf<PluginIdOf<Host>>().toEqualTypeOf<"test-shelter" | "test-debts">()
    expectTypeOf<PluginById<Host, "test-debts">>().toEqualTypeOf<typeof debts>()
    expect(shelter.id).toBe("test-shelter")
  })

  it("folds the codes of every plugin into unions", () => {
    expectTypeOf<InterventionOf<Host>>().toEqualTypeOf<"bed-night" | "counselling" | "debt-analysis">()
    expectTypeOf<ChannelOf<Host>>().toEqualTypeOf<"in-person" | "phone">()
    expectTypeOf<FirstContactChannelOf<Host>>().toEqualTypeOf<"street-work">()
    expectTypeOf<CodeOf<Host, "needs">>().toEqualTypeOf<"warm-meal">()
    expectTypeOf<CodeOf<Host, "activityTopics">>().toEqualTypeOf<never>()
    expectTypeOf<IndicatorOf<Host>>().toEqualTypeOf<"housed" | "stability" | "solvent">()
    expectTypeOf<GoalOf<Host>>().toEqualTypeOf<"housing" | "solvency">()
    expectTypeOf<ReportIdOf<Host>>().toEqualTypeOf<"nights" | "housed-by-month">()
    expectTypeOf<InterventionOf<[typeof debts]>>().toEqualTypeOf<"debt-analysis" | "counselling">()
    const record = (code: InterventionOf<Host>) => code
    // @ts-expect-error "bed-nite" is not an intervention of any registered plugin
    expect(record("bed-nite")).toBe("bed-nite")
    expect(record("bed-night")).toBe("bed-night")
  })

  it("types the registry by its plugins", () => {
    expectTypeOf(registry.serviceType("test-debts")).toEqualTypeOf<typeof debts>()
    expectTypeOf(registry.serviceType("anything")).toEqualTypeOf<typeof shelter | typeof debts | undefined>()
    expect(registry.label("channels", "phone", "bg")).toBe("Phone (bg)")
    // @ts-expect-error "fone" is not a channel of any registered plugin
    expect(registry.label("channels", "fone", "bg")).toBeUndefined()
    // @ts-expect-error "test-ghost" is not a registered service type
    expect(registry.label("channels", "phone", "bg", "test-ghost")).toBeUndefined()
    const code: string = "phone"
    if (registry.isCode("channels", code)) expectTypeOf(code).toEqualTypeOf<"in-person" | "phone">()
    expect(registry.isCode("channels", code)).toBe(true)
  })

  it("a typed registry is usable where a registry of any plugins is expected", () => {
    const untyped: Registry.Registry = registry
    expectTypeOf(registry).toExtend<Registry.Registry>()
    expectTypeOf(untyped.serviceType("test-shelter")).toEqualTypeOf<Plugin | undefined>()
    expect(untyped.serviceType("test-shelter")?.id).toBe("test-shelter")
    expect(untyped.label("channels", "phone", "en", "test-debts")).toBe("Phone")
  })

  it.effect("an untyped registry takes any codes at compile time and checks them at run time", () =>
    Effect.gen(function*() {
      const untyped: Registry.Registry = registry
      const error = yield* Effect.flip(
        untyped.recordContact("test-debts", { ...contactInput, interventions: ["bed-nite"], channel: "phone" })
      )
      expect(error._tag === "PluginError" && error.reason._tag).toBe("UnknownCode")
    }))

  it.effect("a contact with a code its service type does not define is a compile error", () =>
    Effect.gen(function*() {
      const ok = yield* registry.recordContact("test-debts", {
        ...contactInput,
        interventions: ["debt-analysis"],
        channel: "phone"
      })
      expect(ok.contact.channel).toBe("phone")
      const misspelt = yield* Effect.flip(
        // @ts-expect-error "debt-analisys" is misspelt
        registry.recordContact("test-debts", { ...contactInput, interventions: ["debt-analisys"], channel: "phone" })
      )
      expect(misspelt._tag === "PluginError" && misspelt.reason._tag).toBe("UnknownCode")
      const otherType = yield* Effect.flip(
        // @ts-expect-error "bed-night" belongs to test-shelter, not test-debts
        registry.recordContact("test-debts", { ...contactInput, interventions: ["bed-night"], channel: "phone" })
      )
      expect(otherType._tag === "PluginError" && otherType.reason._tag).toBe("UnknownCode")
      const ghost = yield* Effect.flip(
        // @ts-expect-error "test-ghost" is not a registered service type
        registry.recordContact("test-ghost", { ...contactInput, interventions: [], channel: "phone" })
      )
      expect(ghost._tag === "PluginError" && ghost.reason._tag).toBe("UnknownServiceType")
    }))

  it("definePlugin refuses goals and derivations naming indicators the plugin lacks", () => {
    const plugin = definePlugin({
      id: "test-typo",
      version: "1.0.0",
      requires: { core: "^0.1.0" },
      labels: { name: labels("Typo"), description: labels("Typo") },
      taxonomies: { interventions: {}, channels: {}, firstContactChannels: {} },
      targetGroup: { description: labels("Everyone"), configurable: true },
      principles: [],
      indicators: [{ code: "housed", labels: labels("Housed"), scale: { _tag: "YesNo" } }],
      // @ts-expect-error "housd" is not one of the plugin's indicators
      goals: [{ code: "housing", labels: labels("Housing"), indicators: ["housd"] }],
      reports: []
    })
    expect(Registry.validate([plugin]).map((p) => p.reason._tag)).toEqual(["UnknownReference"])
    const derivation = definePlugin({
      ...plugin,
      goals: [],
      // @ts-expect-error "unknown" is not one of the plugin's indicators
      derivations: [{ id: "d", indicator: "unknown", derive: () => undefined }]
    })
    expect(Registry.validate([derivation]).map((p) => p.reason._tag)).toEqual(["UnknownReference"])
  })
})
