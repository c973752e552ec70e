import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Registry } from "@pomoc/core"
import { childrenInCare } from "../src/index.js"

describe("the README's snippet", () => {
  it.effect("registers the plugin and records a career guidance session in a care institution", () =>
    Effect.gen(function*() {
      const registry = yield* Registry.make([childrenInCare])
      expect(registry.label("interventions", "career-guidance", "bg")).toBe("Кариерно ориентиране")
      const command = yield* registry.recordContact("children-in-care", {
        id: "c-1",
        serviceId: "sofia-career-programme",
        at: "2026-04-10T14:00:00.000Z",
        durationMinutes: 60,
        locationKind: "care-institution",
        channel: "in-person",
        workers: ["w-1"],
        participants: ["p-1"],
        anonymousCount: 0,
        interventions: ["needs-analysis", "career-guidance"],
        firstContact: true,
        firstContactChannel: "care-institution-visit",
        mode: "individual"
      })
      expect(registry.derive("children-in-care", {
        asOf: command.contact.at,
        contacts: [command.contact],
        plans: [],
        measurements: []
      }).map((d) => d.indicator)).toEqual(["needs-analysed", "career-guidance-received"])
    }))
})
