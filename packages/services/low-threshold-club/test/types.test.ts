/**
 * Types flow from the plugin to the host: `tsc -b packages/services/low-threshold-club` checks
 * the `@ts-expect-error` lines, so a misspelt code that stopped being a compile error would fail
 * the build.
 */
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import { type IndicatorOf, type InterventionOf, Registry, type ReportIdOf } from "@pomoc/core"
import { Effect } from "effect"
import { lowThresholdClub } from "../src/index.js"

type Host = [typeof lowThresholdClub]
const registry = Registry.makeUnsafe([lowThresholdClub])

const input = {
  id: "contact-1",
  serviceId: "service-1",
  at: "2026-06-01T12:00:00.000Z",
  durationMinutes: 20,
  locationKind: "club-premises",
  workers: ["worker-1"],
  participants: [],
  anonymousCount: 3,
  firstContact: false,
  mode: "group"
} as const

describe("type flow", () => {
  it("keeps the id, intervention codes, indicators and report ids as literal types", () => {
    expectTypeOf(lowThresholdClub.id).toEqualTypeOf<"low-threshold-club">()
    expectTypeOf<"crisis-intervention">().toExtend<InterventionOf<Host>>()
    expectTypeOf<"safe-space">().toExtend<IndicatorOf<Host>>()
    expectTypeOf<"outcomes-by-indicator">().toExtend<ReportIdOf<Host>>()
    const code = (c: InterventionOf<Host>) => c
    // @ts-expect-error "crisis-intervencion" is misspelt
    expect(code("crisis-intervencion")).toBe("crisis-intervencion")
    expect(code("accompaniment")).toBe("accompaniment")
  })

  it.effect("a contact with a misspelt intervention is a compile error, and refused at run time", () =>
    Effect.gen(function*() {
      const ok = yield* registry.recordContact("low-threshold-club", {
        ...input,
        interventions: ["leisure-activity", "conversation"],
        channel: "in-person"
      })
      expect(ok.contact.interventions).toEqual(["leisure-activity", "conversation"])
      const misspelt = yield* Effect.flip(
        registry.recordContact("low-threshold-club", {
          ...input,
          // @ts-expect-error "leisure-activty" is misspelt
          interventions: ["leisure-activty"],
          channel: "in-person"
        })
      )
      expect(misspelt._tag === "PluginError" && misspelt.reason._tag).toBe("UnknownCode")
      const channel = yield* Effect.flip(
        // @ts-expect-error "tiktok" is not a channel of the club
        registry.recordContact("low-threshold-club", { ...input, interventions: ["contact"], channel: "tiktok" })
      )
      expect(channel._tag === "PluginError" && channel.reason._tag).toBe("UnknownCode")
    }))
})
