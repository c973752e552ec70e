import { Casework, FieldCrypto, KeyMaterial, Principles } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Context, Effect, Layer, Scope } from "effect"
const serviceTypes = new Map([["low-threshold-club", { interventions: new Set(["conversation"]), channels: new Set(["in-person"]), firstContactChannels: new Set(["street"]), indicators: new Map(), acceptsAnonymous: true }]])
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "worker-1", grants: [{ role: "worker", services: ["club"] }] }
const iso = (m: number) => new Date(Date.UTC(2026, 0, 1) + m * 60_000).toISOString()
const layer = Casework.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(Layer.provideMerge(FieldCrypto.layer({ keys: { k1: KeyMaterial.generate() }, current: "k1" })), Layer.provideMerge(SqliteStore.layer({ filename: "/tmp/prof/p.db" })))
const ctx = await Effect.runPromise(Layer.buildWithScope(layer, Scope.makeUnsafe()))
const api = Context.get(ctx, Casework.Casework)
const run = <A, E>(e: Effect.Effect<A, E>) => Effect.runPromise(e)
await run(api.registerOrganisation(admin, { id: "org", name: "K" }))
await run(api.registerService(admin, { id: "club", organisationId: "org", type: "low-threshold-club", name: "N", targetGroup: { description: "y", ageRange: { min: 6, max: 26 } }, localities: [], principles: [...Principles.corePrincipleIds], freeOfCharge: true, firstContactChannels: ["street"], registeredAt: iso(0) }))
await run(api.registerPerson(worker, { _tag: "pseudonymous", id: "p", serviceId: "club", sharedWith: [], ageBand: "15-17", gender: "not-stated", needs: [], registeredAt: iso(1), nickname: "N" }))
const c = (i: number) => ({ serviceId: "club", at: iso(10 + i), durationMinutes: 30, locationKind: "club-premises" as const, channel: "in-person", workers: ["worker-1"], participants: ["p"], anonymousCount: 0, interventions: ["conversation"], firstContact: false, mode: "individual" as const, note: "x" })
let t = performance.now()
for (let i = 0; i < 300; i++) await run(api.recordContact(worker, c(i)))
console.log((performance.now() - t) / 300, "ms per contact")
t = performance.now()
for (let b = 0; b < 3; b++) await run(api.batch(worker, Array.from({ length: 1000 }, (_, i) => ({ op: "recordContact" as const, input: c(1000 + b * 1000 + i) }))))
console.log((performance.now() - t) / 3000, "ms per contact in batches")
