/**
 * Types flow from the plugin to the host: `tsc -b packages/services/children-in-care` checks the
 * `@ts-expect-error` lines, so a misspelt code that stopped being a compile error would fail the
 * build.
 */
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import {
  type Casework,
  type FirstContactChannelOf,
  type IndicatorOf,
  type InterventionOf,
  Registry,
  type ReportIdOf
} from "@pomoc/core"
import { Effect } from "effect"
import { childrenInCare } from "../src/index.js"

type Host = [typeof childrenInCare]
const registry = Registry.makeUnsafe([childrenInCare])

const input = {
  id: "contact-1",
  serviceId: "service-1",
  at: "2026-06-01T12:00:00.000Z",
  durationMinutes: 20,
  locationKind: "care-institution",
  workers: ["worker-1"],
  participants: [],
  anonymousCount: 1,
  firstContact: true,
  mode: "individual"
} as const

describe("type flow", () => {
  it("keeps the id, codes, indicators and report ids as literal types", () => {
    expectTypeOf(childrenInCare.id).toEqualTypeOf<"children-in-care">()
    expectTypeOf<"career-guidance">().toExtend<InterventionOf<Host>>()
    expectTypeOf<"care-institution-visit">().toExtend<FirstContactChannelOf<Host>>()
    expectTypeOf<"training-completed">().toExtend<IndicatorOf<Host>>()
    expectTypeOf<"training-attendance">().toExtend<ReportIdOf<Host>>()
    const code = (c: InterventionOf<Host>) => c
    // @ts-expect-error "carrer-guidance" is misspelt
    expect(code("carrer-guidance")).toBe("carrer-guidance")
    expect(code("career-guidance")).toBe("career-guidance")
  })

  it.effect("a contact with a misspelt code is a compile error, and refused at run time", () =>
    Effect.gen(function*() {
      const ok = yield* registry.recordContact("children-in-care", {
        ...input,
        interventions: ["needs-analysis", "career-guidance"],
        channel: "in-person",
        firstContactChannel: "care-institution-visit"
      })
      expect(ok.contact.interventions).toEqual(["needs-analysis", "career-guidance"])
      const misspelt = yield* Effect.flip(
        registry.recordContact("children-in-care", {
          ...input,
          // @ts-expect-error "carrer-guidance" is misspelt
          interventions: ["carrer-guidance"],
          channel: "in-person"
        })
      )
      expect(misspelt._tag === "PluginError" && misspelt.reason._tag).toBe("UnknownCode")
      const channel = yield* Effect.flip(
        registry.recordContact("children-in-care", {
          ...input,
          interventions: [],
          channel: "in-person",
          // @ts-expect-error "institution-visit" is not a first-contact channel of the plugin
          firstContactChannel: "institution-visit"
        })
      )
      expect(channel._tag === "PluginError" && channel.reason._tag).toBe("UnknownCode")
    }))

  it("the plugin's operations are typed in the host: a misspelt need area is a compile error", () => {
    type Api = Casework.Api<Host>
    type Assess = Parameters<Api["assessNeeds"]>[1]
    type Complete = Parameters<Api["completeTraining"]>[1]
    expectTypeOf<{ readonly "career-prospects": 5 }>().toExtend<Assess["areas"]>()
    expectTypeOf<{ readonly "carrer-prospects": 5 }>().not.toExtend<Assess["areas"]>()
    expectTypeOf<Complete>().toHaveProperty("activityId")
    const areas = (a: Assess["areas"]) => a
    // @ts-expect-error "carrer-prospects" is not a need area of the plugin
    expect(areas({ "carrer-prospects": 5 })).toEqual({ "carrer-prospects": 5 })
  })
})
