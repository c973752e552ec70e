import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Registry } from "@pomoc/core"
import { streetWork } from "../src/index.js"

describe("the README's snippet", () => {
  it.effect("registers the plugin and records a LAN party first contact", () =>
    Effect.gen(function*() {
      const registry = yield* Registry.make([streetWork])
      const command = yield* registry.recordContact("street-work", {
        id: "c-1",
        serviceId: "sw-prague-11",
        at: "2026-03-02T17:00:00.000Z",
        durationMinutes: 180,
        locationKind: "event-venue",
        channel: "in-person",
        workers: ["w-1"],
        participants: [],
        anonymousCount: 30,
        interventions: ["contact", "first-heard-of-service"],
        firstContact: true,
        firstContactChannel: "lan-party",
        mode: "group"
      })
      expect(command.contact.interventions).toEqual(["contact", "first-heard-of-service"])
      expect(registry.label("firstContactChannels", "lan-party", "cs")).toBe("LAN party pro hráče a hráčky online her ve věku 11–16 let")
    }))

  it.effect("an untyped caller's unknown code is refused at run time", () =>
    Effect.gen(function*() {
      const registry = yield* Registry.make([streetWork])
      const input: Parameters<typeof registry.recordContact>[1] = {
        id: "c-2", serviceId: "sw", at: "2026-03-02T17:00:00.000Z", durationMinutes: 5, locationKind: "street-area",
        channel: "in-person", workers: ["w-1"], participants: [], anonymousCount: 1, interventions: [], firstContact: false, mode: "individual"
      }
      const error = yield* Effect.flip(registry.recordContact("street-work", { ...input, channel: "pigeon" as "phone" }))
      expect(error._tag).toBe("UnknownCode")
    }))
})
