/**
 * Types flow from the plugin to the host: `tsc -b packages/services/street-work` checks the
 * `@ts-expect-error` lines, so a misspelt code that stopped being a compile error would fail the
 * build.
 */
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import {
  type FirstContactChannelOf,
  type IndicatorOf,
  type InterventionOf,
  Registry,
  type ReportIdOf
} from "@pomoc/core"
import { Effect } from "effect"
import { streetWork } from "../src/index.js"

type Host = [typeof streetWork]
const registry = Registry.makeUnsafe([streetWork])

const input = {
  id: "contact-1",
  serviceId: "service-1",
  at: "2026-06-01T12:00:00.000Z",
  durationMinutes: 20,
  locationKind: "street-area",
  workers: ["worker-1"],
  participants: [],
  anonymousCount: 1,
  firstContact: true,
  mode: "individual"
} as const

describe("type flow", () => {
  it("keeps the id, codes, indicators and report ids as literal types", () => {
    expectTypeOf(streetWork.id).toEqualTypeOf<"street-work">()
    expectTypeOf<"first-heard-of-service">().toExtend<InterventionOf<Host>>()
    expectTypeOf<"lan-party">().toExtend<FirstContactChannelOf<Host>>()
    expectTypeOf<"came-back">().toExtend<IndicatorOf<Host>>()
    expectTypeOf<"new-to-service-by-channel">().toExtend<ReportIdOf<Host>>()
    const code = (c: InterventionOf<Host>) => c
    // @ts-expect-error "first-heard-of-servise" is misspelt
    expect(code("first-heard-of-servise")).toBe("first-heard-of-servise")
    expect(code("first-heard-of-service")).toBe("first-heard-of-service")
  })

  it.effect("a contact with a misspelt code is a compile error, and refused at run time", () =>
    Effect.gen(function*() {
      const ok = yield* registry.recordContact("street-work", {
        ...input,
        interventions: ["contact", "first-heard-of-service"],
        channel: "in-person",
        firstContactChannel: "lan-party"
      })
      expect(ok.contact.interventions).toEqual(["contact", "first-heard-of-service"])
      const misspelt = yield* Effect.flip(
        registry.recordContact("street-work", {
          ...input,
          // @ts-expect-error "first-heard-of-servise" is misspelt
          interventions: ["first-heard-of-servise"],
          channel: "in-person"
        })
      )
      expect(misspelt._tag === "PluginError" && misspelt.reason._tag).toBe("UnknownCode")
      const channel = yield* Effect.flip(
        registry.recordContact("street-work", {
          ...input,
          interventions: [],
          channel: "in-person",
          // @ts-expect-error "tiktok" is not a first-contact channel of the plugin
          firstContactChannel: "tiktok"
        })
      )
      expect(channel._tag === "PluginError" && channel.reason._tag).toBe("UnknownCode")
    }))
})
