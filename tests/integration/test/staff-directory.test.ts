/**
 * Issue 11, "access trusts the caller's own grants": every operation took an actor object that
 * carried its own `grants`, so an app that built the actor from a request body handed out any
 * role; a volunteer recorded hours for another volunteer; an administrator grant scoped to one
 * service was silently widened. Now the API takes the acting id and the staff directory (records
 * in the store, managed through audited operations) says what that id may do. Each attack is
 * tried on memory, SQLite and PostgreSQL, through the store-backed directory.
 */
import { Casework, FieldCrypto, KeyMaterial, Registry, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { interleaving } from "./model.js"
import { everyStore } from "./stores.js"

const registry = Registry.makeUnsafe([lowThresholdClub])
const T = (day: number) => new Date(Date.UTC(2026, 4, day, 10)).toISOString()
const everything = [{ role: "administrator", services: "*" }] as const

const stores = everyStore

/** An anonymous young person of the club. */
const anonymous = {
  _tag: "anonymous",
  serviceId: "club",
  sharedWith: [],
  ageBand: "15-17",
  gender: "not-stated",
  needs: [],
  registeredAt: T(2)
} as const

describe.each(stores)("the staff directory on %s", (_name, storeLayer) => {
  type Api = Casework.Api
  let runtime: ManagedRuntime.ManagedRuntime<Casework.Casework | Store.Store, unknown>
  const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f))
  const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flip(Casework.Casework.use(f)))
  const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
  const audit = () => runtime.runPromise(Store.Store.use((s) => s.readAudit(1, 10_000)))

  beforeEach(async () => {
    runtime = ManagedRuntime.make(
      Casework.layer(Casework.configFromRegistry(registry)).pipe(
        Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
        Layer.provideMerge(storeLayer())
      )
    )
    // Installation: the app calls the setup once, with the id its authentication gives "jana".
    await run((api) => api.setupAdministrator("jana", {}))
    await run((api) => api.registerOrganisation("jana", { id: "org", name: "Org" }))
    await run((api) =>
      api.registerService("jana", {
        id: "club",
        organisationId: "org",
        type: "low-threshold-club",
        name: "Club",
        targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
        localities: [],
        principles: [...lowThresholdClub.principles],
        freeOfCharge: true,
        firstContactChannels: ["walk-in"],
        registeredAt: T(1)
      })
    )
    await run((api) => api.setStaff("jana", { id: "eva", grants: [{ role: "worker", services: ["club"] }] }))
  })
  afterEach(() => runtime.dispose())

  /** Another process sets Eva's grants: a raw commit of her staff record, the API not told. */
  const rawGrants = (grants: ReadonlyArray<{ readonly role: string; readonly services: ReadonlyArray<string> }>) =>
    runtime.runPromise(Store.Store.use((s) =>
      Effect.flatMap(s.get("staff", "eva"), (found) => {
        if (found._tag === "None") return Effect.die(new Error("no staff record"))
        const { version, ...record } = found.value
        return s.commit({
          writes: [{ ...record, data: { ...(record.data as object), grants }, expectedVersion: version }],
          audit: []
        })
      })
    ))

  it("never trusts the grants a caller passes along: an unknown id holds nothing, a worker stays a worker", async () => {
    // Before: `{ id, grants }` from a request body was believed, so anyone could be an administrator.
    const mallory = await fail((api) =>
      api.registerService({ id: "mallory", grants: everything } as never, {
        id: "evil",
        organisationId: "org",
        type: "low-threshold-club",
        name: "Evil",
        targetGroup: { description: "x" },
        localities: [],
        principles: [...lowThresholdClub.principles],
        freeOfCharge: true,
        firstContactChannels: [],
        registeredAt: T(1)
      })
    )
    expect(mallory).toMatchObject({ _tag: "AccessDenied", reason: "no-grants" })
    const eva = await fail((api) =>
      api.setStaff({ id: "eva", grants: everything } as never, { id: "eva", grants: everything })
    )
    expect(eva).toMatchObject({ _tag: "AccessDenied", reason: "no-role-grants-operation" })
    expect((await stored("service")).map((r) => r.id)).toEqual(["club"])
    expect((await stored("staff")).map((r) => r.id).sort()).toEqual(["eva", "jana"])
  })

  it("sets up the first administrator once, audited; a second setup is refused", async () => {
    const again = await fail((api) => api.setupAdministrator("mallory", {}))
    expect(again).toMatchObject({ _tag: "AccessDenied", reason: "already-set-up" })
    const twice = await fail((api) => api.setupAdministrator("jana", undefined))
    expect(twice).toMatchObject({ _tag: "AccessDenied", reason: "already-set-up" })
    const entries = await audit()
    expect(entries.filter((e) => e.operation === "SetupAdministrator")).toEqual([
      expect.objectContaining({ actor: "jana", role: "administrator", subjects: [{ kind: "staff", id: "jana" }] })
    ])
    expect(entries.filter((e) => e.operation === "SetStaff").map((e) => e.subjects)).toEqual([[{
      kind: "staff",
      id: "eva"
    }]])
    expect((await run((api) => api.listStaff("jana", undefined))).map((m) => m.id).sort()).toEqual(["eva", "jana"])
    expect((await fail((api) => api.listStaff("eva", undefined)))._tag).toBe("AccessDenied")
  })

  it("refuses an administrator or auditor grant scoped to some services, rather than widening it", async () => {
    for (const role of ["administrator", "auditor"] as const) {
      const e = await fail((api) =>
        api.setStaff("jana", {
          id: "petr",
          grants: [{ role: "worker", services: ["club"] }, { role, services: ["club"] }]
        })
      )
      expect(e).toMatchObject({ _tag: "InvalidCommand", field: "grants[1].services" })
    }
    expect((await stored("staff")).map((r) => r.id)).not.toContain("petr")
    // With "*" it is what it says.
    await run((api) => api.setStaff("jana", { id: "ola", grants: [{ role: "auditor", services: "*" }] }))
    expect(await run((api) => api.auditLog("ola", { limit: 1 }))).toHaveLength(1)
  })

  it("a volunteer records hours only for themselves; a coordinator for anyone", async () => {
    for (const id of ["vol-ana", "vol-bo"]) {
      await run((api) =>
        api.registerVolunteer("jana", {
          id,
          organisationId: "org",
          displayName: id,
          kind: "volunteer",
          ageGroup: "youth",
          since: T(1),
          skills: []
        })
      )
    }
    await run((api) =>
      api.setStaff("jana", { id: "ana", grants: [{ role: "volunteer", services: ["club"] }], volunteerId: "vol-ana" })
    )
    await run((api) => api.setStaff("jana", { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] }))
    const hours = (volunteerId: string) => ({ volunteerId, serviceId: "club", on: T(3), hours: 2 })
    // Before: Ana recorded Bo's hours and it was stored.
    const e = await fail((api) => api.recordVolunteerHours("ana", hours("vol-bo")))
    expect(e).toMatchObject({ _tag: "InvalidCommand", field: "volunteerId" })
    expect(await stored("volunteer-hours")).toHaveLength(0)
    await run((api) => api.recordVolunteerHours("ana", hours("vol-ana")))
    await run((api) => api.recordVolunteerHours("marta", hours("vol-bo")))
    expect((await stored("volunteer-hours")).map((r) => r.facets["volunteerId"]).sort()).toEqual(["vol-ana", "vol-bo"])
    // A link to a volunteer that does not exist is refused.
    expect((await fail((api) => api.setStaff("jana", { id: "ana", grants: [], volunteerId: "nobody" })))._tag).toBe(
      "NotFound"
    )
  })

  it("a batch is judged on the directory as it finds it: a staff change between two batches is seen by the second", async () => {
    const contact = (at: string): Casework.BatchCommand => ({
      op: "recordContact",
      input: {
        serviceId: "club",
        at,
        durationMinutes: 20,
        locationKind: "club-premises",
        channel: "in-person",
        participants: [],
        anonymousCount: 2,
        interventions: ["contact"],
        firstContact: false,
        mode: "group"
      }
    })
    expect(await run((api) => api.batch("eva", [contact(T(2)), contact(T(3))]))).toHaveLength(2)
    // Revoked between the batches: every command of the next one is refused, and nothing stored.
    await run((api) => api.setStaff("jana", { id: "eva", grants: [] }))
    const refused = await fail((api) => api.batch("eva", [contact(T(4)), contact(T(5))]))
    expect(refused).toMatchObject({
      _tag: "BatchRefused",
      index: 0,
      error: { _tag: "AccessDenied", reason: "no-grants" }
    })
    expect(await stored("contact")).toHaveLength(2)
    // Granted again (in the service): the batch after that goes through.
    await run((api) => api.setStaff("jana", { id: "eva", grants: [{ role: "worker", services: ["club"] }] }))
    expect(await run((api) => api.batch("eva", [contact(T(6))]))).toHaveLength(1)
    expect(await stored("contact")).toHaveLength(3)
    // Within one batch, a change of the directory is seen by the commands after it: once jana
    // has made herself a worker, she may no longer set anyone's grants (and nothing is stored).
    const demoted = await fail((api) =>
      api.batch("jana", [
        { op: "setStaff", input: { id: "pavel", grants: everything } },
        { op: "setStaff", input: { id: "jana", grants: [{ role: "worker", services: ["club"] }] } },
        { op: "setStaff", input: { id: "eva", grants: [] } }
      ])
    )
    expect(demoted).toMatchObject({ _tag: "BatchRefused", index: 2, error: { _tag: "AccessDenied" } })
    expect((await stored("staff")).map((r) => r.id).sort()).toEqual(["eva", "jana"])
  })

  it("revokes by setting no grants, and keeps the last administrator", async () => {
    await run((api) => api.setStaff("jana", { id: "eva", grants: [] }))
    const e = await fail((api) => api.registerPerson("eva", anonymous))
    expect(e).toMatchObject({ _tag: "AccessDenied", reason: "no-grants" })
    const last = await fail((api) =>
      api.setStaff("jana", { id: "jana", grants: [{ role: "worker", services: ["club"] }] })
    )
    expect(last).toMatchObject({ _tag: "InvalidCommand", field: "grants" })
    await run((api) => api.setStaff("jana", { id: "pavel", grants: everything }))
    await run((api) => api.setStaff("pavel", { id: "jana", grants: [] }))
    expect((await fail((api) => api.registerOrganisation("jana", { id: "org2", name: "Org 2" })))._tag).toBe(
      "AccessDenied"
    )
  })
  it("a directory record changed behind the API's back (another process) is read afresh: never decided on the old one", async () => {
    // Eva's and the club's records are now known to the API (it keeps directory records between commands).
    await run((api) => api.registerPerson("eva", anonymous))
    const before = await audit()
    // Another process revokes Eva's grants: a raw commit of her staff record, the API not told.
    await rawGrants([])
    // Decided on the kept record, the commit finds it changed, and the command is decided again: refused.
    expect(await fail((api) => api.registerPerson("eva", anonymous))).toMatchObject({
      _tag: "AccessDenied",
      reason: "no-grants"
    })
    expect(await audit()).toHaveLength(before.length)
    expect(await stored("person")).toHaveLength(1)
  })

  it("a refusal on a kept directory record is checked on a fresh read: a grant given by another process is honoured", async () => {
    await run((api) => api.setStaff("jana", { id: "eva", grants: [] }))
    expect(await fail((api) => api.registerPerson("eva", anonymous))).toMatchObject({ _tag: "AccessDenied" })
    // Another process gives Eva her grants back: a raw commit of her staff record.
    await rawGrants([{ role: "worker", services: ["club"] }])
    await run((api) => api.registerPerson("eva", anonymous))
    expect(await stored("person")).toHaveLength(1)
  })
})

describe.each(stores)("two setups racing on an empty directory (%s)", (_name, storeLayer) => {
  it("exactly one becomes the first administrator; the other is told to retry or that it is set up", async () => {
    for (let round = 0; round < 5; round++) {
      const runtime = ManagedRuntime.make(
        Casework.layer(Casework.configFromRegistry(registry)).pipe(
          Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
          // the store yields at random before every read and commit, so the two really interleave
          Layer.provideMerge(
            Layer.effect(Store.Store, Effect.map(Store.Store, interleaving)).pipe(Layer.provide(storeLayer()))
          )
        )
      )
      try {
        const results = await runtime.runPromise(Casework.Casework.use((api) =>
          Effect.all([
            Effect.result(api.setupAdministrator("jana", {})),
            Effect.result(api.setupAdministrator("mallory", {}))
          ], { concurrency: "unbounded" })
        ))
        const won = results.flatMap((r, i) => (r._tag === "Success" ? [["jana", "mallory"][i]] : []))
        expect(won).toHaveLength(1)
        for (const r of results) {
          if (r._tag === "Success") continue
          const e = r.failure as { readonly _tag: string; readonly retryable?: boolean; readonly reason?: unknown }
          expect(
            (e._tag === "StoreError" && e.retryable === true) ||
              (e._tag === "AccessDenied" && e.reason === "already-set-up"),
            e._tag
          ).toBe(true)
        }
        const staff = await runtime.runPromise(Store.Store.use((s) => s.list({ kind: "staff" })))
        expect(staff.map((s) => s.id)).toEqual(won)
        // the loser, retrying, finds the directory set up
        const loser = won[0] === "jana" ? "mallory" : "jana"
        const retried = await runtime.runPromise(
          Effect.flip(Casework.Casework.use((api) => api.setupAdministrator(loser, {})))
        )
        expect(retried).toMatchObject({ _tag: "AccessDenied", reason: "already-set-up" })
      } finally {
        await runtime.dispose()
      }
    }
  })
})
