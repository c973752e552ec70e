import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Registry } from "@pomoc/core"
import { communityCentre } from "../src/index.js"

describe("the README's snippet", () => {
  it.effect("registers the plugin, labels a topic and records an open youth work contact", () =>
    Effect.gen(function*() {
      const registry = yield* Registry.make([communityCentre])
      expect(registry.label("activityTopics", "amateur-art-group", "lt")).toBe("Mėgėjų meno kolektyvas (ansamblis, studija)")
      const command = yield* registry.recordContact("community-centre", {
        id: "c-1",
        serviceId: "alytus-open-youth-centre",
        at: "2026-05-02T16:00:00.000Z",
        durationMinutes: 90,
        locationKind: "club-premises",
        channel: "in-person",
        workers: ["w-1"],
        participants: [],
        anonymousCount: 12,
        interventions: ["open-youth-work", "non-formal-education"],
        firstContact: false,
        mode: "group"
      })
      expect(command._tag).toBe("RecordContact")
    }))
})
