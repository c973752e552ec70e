/**
 * Types flow from the plugin to the host: `tsc -b packages/services/community-centre` checks the
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
import { communityCentre } from "../src/index.js"

type Host = [typeof communityCentre]
const registry = Registry.makeUnsafe([communityCentre])

const input = {
  id: "contact-1",
  serviceId: "service-1",
  at: "2026-06-01T12:00:00.000Z",
  durationMinutes: 20,
  locationKind: "club-premises",
  workers: ["worker-1"],
  participants: [],
  anonymousCount: 1,
  firstContact: true,
  mode: "individual"
} as const

describe("type flow", () => {
  it("keeps the id, codes, indicators and report ids as literal types", () => {
    expectTypeOf(communityCentre.id).toEqualTypeOf<"community-centre">()
    expectTypeOf<"open-youth-work">().toExtend<InterventionOf<Host>>()
    expectTypeOf<"walk-in">().toExtend<FirstContactChannelOf<Host>>()
    expectTypeOf<"quality-of-life">().toExtend<IndicatorOf<Host>>()
    expectTypeOf<"attendance-by-topic">().toExtend<ReportIdOf<Host>>()
    const code = (c: InterventionOf<Host>) => c
    // @ts-expect-error "open-youthwork" is misspelt
    expect(code("open-youthwork")).toBe("open-youthwork")
    expect(code("open-youth-work")).toBe("open-youth-work")
  })

  it.effect("a contact with a misspelt code is a compile error, and refused at run time", () =>
    Effect.gen(function*() {
      const ok = yield* registry.recordContact("community-centre", {
        ...input,
        interventions: ["open-youth-work", "non-formal-education"],
        channel: "in-person",
        firstContactChannel: "walk-in"
      })
      expect(ok.contact.interventions).toEqual(["open-youth-work", "non-formal-education"])
      const misspelt = yield* Effect.flip(
        registry.recordContact("community-centre", {
          ...input,
          // @ts-expect-error "open-youthwork" is misspelt
          interventions: ["open-youthwork"],
          channel: "in-person"
        })
      )
      expect(misspelt._tag === "PluginError" && misspelt.reason._tag).toBe("UnknownCode")
      const channel = yield* Effect.flip(
        registry.recordContact("community-centre", {
          ...input,
          interventions: [],
          channel: "in-person",
          // @ts-expect-error "walkin" is not a first-contact channel of the plugin
          firstContactChannel: "walkin"
        })
      )
      expect(channel._tag === "PluginError" && channel.reason._tag).toBe("UnknownCode")
    }))
})
