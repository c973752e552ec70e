/**
 * The case-work API typed by the registered plugins: once the host declares its plugins in
 * `Register`, codes no registered plugin defines are compile errors everywhere the API is used
 * (checked by `tsc -b`, which type-checks this file), and the same calls work at run time. There
 * is no separate typed view any more (`Pomoc.typed` is gone).
 */
import { Casework, FieldCrypto, KeyMaterial, StaffDirectory, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { registry } from "./registry.js"

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }

const contact = {
  serviceId: "club",
  at: "2026-05-02T10:00:00.000Z",
  durationMinutes: 20,
  locationKind: "club-premises" as const,
  channel: "in-person" as const,
  workers: ["eva"],
  participants: [],
  anonymousCount: 3,
  firstContact: false,
  mode: "group" as const
}

const program = Effect.gen(function*() {
  const pomoc = yield* Casework.Casework
  yield* pomoc.registerOrganisation(admin, { id: "org", name: "Org" })
  yield* pomoc.registerService(admin, {
    id: "club",
    organisationId: "org",
    type: "low-threshold-club",
    name: "Club",
    targetGroup: { description: "youth" },
    localities: [],
    principles: [...lowThresholdClub.principles],
    freeOfCharge: true,
    firstContactChannels: [],
    registeredAt: "2026-05-01T00:00:00.000Z"
  })
  const ok = yield* pomoc.recordContact(worker, { ...contact, interventions: ["crisis-intervention", "information"] })
  // @ts-expect-error: no registered plugin defines this (misspelt) intervention
  const typo = pomoc.recordContact(worker, { ...contact, interventions: ["crisis-intervension"] })
  // @ts-expect-error: nor this channel
  const channel = pomoc.recordContact(worker, { ...contact, channel: "carrier-pigeon", interventions: [] })
  const indicator = pomoc.recordOutcome(worker, {
    personId: "p",
    serviceId: "club",
    // @ts-expect-error: nor this outcome indicator
    indicator: "happiness",
    at: "2026-05-02T10:00:00.000Z",
    value: { _tag: "YesNo", value: true },
    recordedBy: "eva",
    personParticipated: true
  })
  // At run time the same mistakes are refused by the plugin's taxonomy check.
  const refused = yield* Effect.flip(typo)
  return { ok, refused, channel, indicator }
})

describe("the typed case-work API", () => {
  it("accepts the plugins' codes and refuses others at run time too", async () => {
    const layer = Casework.layer(Casework.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provide(Store.layerMemory)
    )
    const out = await Effect.runPromise(program.pipe(Effect.provide(layer)))
    expect(out.ok.value.interventions).toEqual(["crisis-intervention", "information"])
    expect(out.refused).toMatchObject({ _tag: "InvalidCommand", field: "interventions[0]" })
  })
})
