/**
 * Batches (issue 9): many writes as one unit of work, each through the same pipeline and
 * principles, later commands seeing earlier ones' writes, committed all together in one store
 * commit or not at all, a failure naming the command's index.
 */
import { Casework, FieldCrypto, KeyMaterial, StaffDirectory, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { registry } from "./registry.js"

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
const auditor = { id: "ola", grants: [{ role: "auditor", services: "*" }] }

let commits = 0
/** The memory store, counting its commits. */
const countingStore = Layer.effect(
  Store.Store,
  Effect.gen(function*() {
    const store = yield* Store.Store
    return { ...store, commit: (unit: Store.UnitOfWork) => Effect.suspend(() => (commits++, store.commit(unit))) }
  })
).pipe(Layer.provide(MemoryStore.layer))

type Api = Casework.Api
let runtime: ManagedRuntime.ManagedRuntime<Casework.Casework | Store.Store, unknown>
const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f))
const fail = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flip(Casework.Casework.use(f)))
const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
const head = () => runtime.runPromise(Store.Store.use((s) => s.auditHead))

const T = (day: number, hour = 10) => new Date(Date.UTC(2026, 4, day, hour)).toISOString()
const contact = (participants: ReadonlyArray<string>, interventions: ReadonlyArray<string> = ["contact"]) =>
  ({
    op: "recordContact",
    input: {
      serviceId: "club",
      at: T(3),
      durationMinutes: 20,
      locationKind: "street-area",
      channel: "in-person",
      participants,
      anonymousCount: participants.length === 0 ? 2 : 0,
      interventions,
      firstContact: false,
      mode: participants.length === 1 ? "individual" : "group"
    }
  }) as Casework.BatchCommand

/** The organisation and its club, registered by the administrator. */
const setUpClub = (api: Api) =>
  Effect.andThen(
    api.registerOrganisation(admin, { id: "org", name: "Org" }),
    api.registerService(admin, {
      id: "club",
      organisationId: "org",
      type: "low-threshold-club",
      name: "Club",
      targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
      localities: [],
      principles: [...lowThresholdClub.principles],
      freeOfCharge: true,
      firstContactChannels: [],
      registeredAt: T(1)
    })
  )

beforeEach(async () => {
  runtime = ManagedRuntime.make(
    Casework.layer(Casework.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker, auditor])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provideMerge(countingStore)
    )
  )
  await run(setUpClub)
  commits = 0
})
afterEach(() => runtime.dispose())

describe("batch", () => {
  it("commits a street-work evening in one store commit, one audit entry per command, later commands seeing earlier ones", async () => {
    const before = await head()
    const results = await run((api) =>
      api.batch(worker, [
        {
          op: "registerPerson",
          input: {
            _tag: "pseudonymous",
            id: "kuba",
            serviceId: "club",
            sharedWith: [],
            ageBand: "15-17",
            gender: "male",
            needs: [],
            registeredAt: T(2),
            nickname: "Kuba"
          }
        },
        contact([]),
        contact(["kuba"]),
        { op: "startCooperation", input: { serviceId: "club", personId: "kuba", startedAt: T(3) } }
      ])
    )
    expect(results).toHaveLength(4)
    expect(commits).toBe(1)
    expect((await stored("contact")).length).toBe(2)
    expect((await stored("cooperation")).length).toBe(1)
    expect((await head()).seq - before.seq).toBe(4)
    const entries = await run((api) => api.auditLog(auditor, { fromSeq: before.seq + 1 }))
    expect(entries.map((e) => [e.operation, e.outcome])).toEqual([
      ["RegisterPerson", "allowed"],
      ["RecordContact", "allowed"],
      ["RecordContact", "allowed"],
      ["StartCooperation", "allowed"]
    ])
  })

  it("stores nothing when one command fails, and names its index", async () => {
    const before = await head()
    const e = await fail((api) => api.batch(worker, [contact([]), contact([], ["insolvency-petition"]), contact([])]))
    expect(e).toMatchObject({
      _tag: "BatchRefused",
      index: 1,
      operation: "recordContact",
      error: { _tag: "InvalidCommand", field: "interventions[0]" }
    })
    expect(commits).toBe(0)
    expect(await stored("contact")).toHaveLength(0)
    expect(await head()).toEqual(before)
  })

  it("puts every command to the principles over the batch's own writes", async () => {
    await run((api) =>
      api.registerPerson(worker, {
        _tag: "pseudonymous",
        id: "kuba",
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "male",
        needs: [],
        registeredAt: T(2),
        nickname: "Kuba"
      })
    )
    const start = { op: "startCooperation", input: { serviceId: "club", personId: "kuba", startedAt: T(3) } } as const
    const twice = await fail((api) => api.batch(worker, [start, start]))
    expect(twice).toMatchObject({
      _tag: "BatchRefused",
      index: 1,
      error: { _tag: "InvalidCommand", field: "personId" }
    })
    const fee = await fail((api) =>
      api.batch(worker, [contact([]), {
        op: "chargeFee",
        input: { serviceId: "club", amountMinor: 100, currency: "CZK" }
      }])
    )
    expect(fee).toMatchObject({ _tag: "BatchRefused", index: 1, error: { _tag: "CommandRefused" } })
    expect(await stored("cooperation")).toHaveLength(0)
    expect(await stored("contact")).toHaveLength(0)
  })

  it("writes a record changed twice in one batch once, at its last state", async () => {
    await run((api) =>
      api.registerPerson(worker, {
        _tag: "pseudonymous",
        id: "kuba",
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "male",
        needs: [],
        registeredAt: T(2),
        nickname: "Kuba"
      })
    )
    const results = await run((api) =>
      api.batch(worker, [
        {
          op: "createPlan",
          input: {
            id: "plan",
            personId: "kuba",
            serviceId: "club",
            createdAt: T(3),
            reviews: [],
            goals: [{
              id: "g0",
              inPersonsWords: "Come to the club.",
              status: "open",
              steps: [{ id: "s0", description: "I will come on Monday.", takenBy: "person" }]
            }]
          }
        },
        {
          op: "addGoal",
          input: { planId: "plan", goal: { id: "g1", inPersonsWords: "Finish school.", status: "open", steps: [] } }
        },
        {
          op: "addPlanStep",
          input: {
            planId: "plan",
            goalId: "g1",
            step: { id: "s1", description: "Talk to the teacher.", takenBy: "person" }
          }
        }
      ])
    )
    expect(results).toHaveLength(3)
    const [plan] = await stored("plan")
    expect(plan?.version).toBe(1)
    const history = await run((api) => api.personHistory(worker, "kuba"))
    expect(history.plans?.[0]?.goals.map((g) => g.id)).toEqual(["g0", "g1"])
    expect(history.plans?.[0]?.goals[1]?.steps.map((s) => s.id)).toEqual(["s1"])
  })

  it("takes only write operations, decoded", async () => {
    expect(await fail((api) => api.batch(worker, [{ op: "getPerson", input: "kuba" } as never]))).toMatchObject({
      _tag: "BatchRefused",
      index: 0,
      error: { _tag: "InvalidCommand", field: "[0].op" }
    })
    expect(await fail((api) => api.batch(worker, "everything" as never))).toMatchObject({ _tag: "InvalidInput" })
    expect(await run((api) => api.batch(worker, []))).toEqual([])
    expect(commits).toBe(0)
  })

  it("a dry run plans every command through the principles and stores nothing: no record, no data key, no audit entry", async () => {
    const before = await head()
    const kuba = {
      op: "registerPerson",
      input: {
        _tag: "pseudonymous",
        id: "kuba",
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "male",
        needs: [],
        registeredAt: T(2),
        nickname: "Kuba"
      }
    } as const
    const results = await run((api) => api.batch(worker, [kuba, contact([]), contact(["kuba"])], { dryRun: true }))
    expect(results).toHaveLength(3)
    expect(results[2]?.value).toMatchObject({ participants: ["kuba"] })
    expect(commits).toBe(0)
    for (const kind of ["person", "contact", "data-key"] as const) expect(await stored(kind)).toHaveLength(0)
    expect(await head()).toEqual(before)
    // A dry run is refused exactly as the real run would be.
    const fee = await fail((api) =>
      api.batch(worker, [contact([]), {
        op: "chargeFee",
        input: { serviceId: "club", amountMinor: 100, currency: "CZK" }
      }], { dryRun: true })
    )
    expect(fee).toMatchObject({ _tag: "BatchRefused", index: 1, error: { _tag: "CommandRefused" } })
    // The same batch for real stores it all.
    await run((api) => api.batch(worker, [kuba, contact([]), contact(["kuba"])]))
    expect(await stored("contact")).toHaveLength(2)
    expect(commits).toBe(1)
  })

  it("with allRefusals tries every command, lists every refusal in order, and stores nothing", async () => {
    const before = await head()
    const planned: Array<number> = []
    const e = await fail((api) =>
      api.batch(worker, [
        contact([]),
        contact([], ["insolvency-petition"]),
        contact([]),
        contact(["nobody"]),
        contact([], ["x-ray"])
      ], { allRefusals: true, onPlanned: (i) => Effect.sync(() => planned.push(i)) })
    )
    expect(e).toMatchObject({
      _tag: "BatchRefused",
      index: 1,
      error: { _tag: "InvalidCommand", field: "interventions[0]" }
    })
    const later = (e as { readonly later?: ReadonlyArray<{ readonly index: number; readonly error: unknown }> }).later
    expect(later?.map((r) => r.index)).toEqual([3, 4])
    expect(later?.[0]?.error).toMatchObject({ _tag: "InvalidCommand", field: "participants[0]" })
    expect(planned).toEqual([0, 2])
    expect(commits).toBe(0)
    expect(await stored("contact")).toHaveLength(0)
    expect(await head()).toEqual(before)
  })
})

describe("a batch and a provided staff directory", () => {
  it("asks the directory once per unit of work, so a change between two batches is seen by the second", async () => {
    // A directory kept by the application, changing while the API runs.
    const members = new Map<string, StaffDirectory.Entry>([[admin.id, admin], [worker.id, worker]])
    let asked = 0
    const directory = StaffDirectory.fromList([])
    const changing: StaffDirectory.Shape = {
      ...directory,
      find: (id) =>
        Effect.suspend(() => {
          asked++
          return StaffDirectory.fromList(members.values()).find(id)
        })
    }
    const local = ManagedRuntime.make(
      Casework.layer(Casework.configFromRegistry(registry)).pipe(
        Layer.provide(Layer.succeed(StaffDirectory.StaffDirectory, changing)),
        Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
        Layer.provideMerge(MemoryStore.layer)
      )
    )
    const use = <A, E>(f: (api: Api) => Effect.Effect<A, E>) =>
      local.runPromise(Effect.result(Casework.Casework.use(f)))
    try {
      await use(setUpClub)
      asked = 0
      const first = await use((api) => api.batch(worker, [contact([]), contact([]), contact([])]))
      expect(first._tag).toBe("Success")
      expect(asked).toBe(1)
      // The application revokes eva between the batches: the next batch sees it.
      members.set(worker.id, { id: worker.id, grants: [] })
      const second = await use((api) => api.batch(worker, [contact([]), contact([])]))
      expect(second).toMatchObject({
        _tag: "Failure",
        failure: { _tag: "BatchRefused", index: 0, error: { _tag: "AccessDenied", reason: "no-grants" } }
      })
      expect(asked).toBe(2)
      const contacts = await local.runPromise(Store.Store.use((s) => s.list({ kind: "contact" })))
      expect(contacts).toHaveLength(3)
    } finally {
      await local.dispose()
    }
  })
})
