import { Access, Casework, FieldCrypto, KeyMaterial, Principles, StaffDirectory, Store } from "@pomoc/core"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"

const serviceTypes = new Map([["low-threshold-club", {
  interventions: new Set(["conversation", "information"]),
  channels: new Set(["in-person"]),
  firstContactChannels: new Set(["street"]),
  indicators: new Map(),
  acceptsAnonymous: true
}]])

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "w1", grants: [{ role: "worker", services: ["club"] }] }

const layer = Casework.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(
  Layer.provide(StaffDirectory.layerList([admin, worker])),
  Layer.provide(Store.layerMemory),
  Layer.provide(FieldCrypto.layer({ keys: { k1: KeyMaterial.generate() }, current: "k1" }))
)

describe("case-work smoke", () => {
  it("registers, records, refuses", async () => {
    const program = Effect.gen(function*() {
      const api = yield* Casework.Casework
      yield* api.registerOrganisation(admin, { id: "org", name: "Klub" })
      yield* api.registerService(admin, {
        id: "club",
        organisationId: "org",
        type: "low-threshold-club",
        name: "Club",
        targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
        localities: [],
        principles: [...Principles.corePrincipleIds],
        freeOfCharge: true,
        firstContactChannels: ["street"],
        registeredAt: "2026-01-01T00:00:00.000Z"
      })
      const p = yield* api.registerPerson(worker, {
        _tag: "pseudonymous",
        id: "p1",
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "not-stated",
        needs: [],
        registeredAt: "2026-01-02T00:00:00.000Z",
        nickname: "Kuba"
      })
      // This service type is made by hand here, not a registered plugin: its codes are not the
      // registered plugins' (see registry.ts), so the input is passed as untyped data.
      const contact: unknown = {
        serviceId: "club",
        at: "2026-01-02T10:00:00.000Z",
        durationMinutes: 30,
        locationKind: "club-premises",
        channel: "in-person",
        workers: ["w1"],
        participants: ["p1"],
        anonymousCount: 3,
        interventions: ["conversation"],
        firstContact: true,
        firstContactChannel: "street",
        mode: "group"
      }
      const c = yield* api.recordContact(worker, contact as Casework.InputOf<"recordContact">)
      const fee = yield* Effect.flip(api.chargeFee(worker, { serviceId: "club", amountMinor: 100, currency: "CZK" }))
      const log = yield* api.auditLog(admin, {})
      const verified = yield* api.verifyAudit(admin, undefined)
      const history = yield* api.personHistory(worker, "p1")
      return { p, c, fee, log, verified, history }
    })
    const out = await Effect.runPromise(program.pipe(Effect.provide(layer)))
    expect(out.p.value.id).toBe("p1")
    expect(out.fee._tag).toBe("CommandRefused")
    expect(out.log.length).toBe(4)
    expect(out.verified._tag).toBe("Intact")
    expect(out.history.contacts?.length).toBe(1)
    expect(JSON.stringify(out.log)).not.toContain("Kuba")
    expect(Access.isAllowed(worker as never, "RecordContact", "club" as never)).toBe(true)
  })
})
