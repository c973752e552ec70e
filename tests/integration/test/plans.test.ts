/**
 * Plans kept in parts (issue 9): the plan record keeps its goals and progress counters, every
 * step is a record of its own. A plan built step by step reads back whole and in order, its
 * step texts are encrypted at rest and erased with the person, its counters drive the plan facts,
 * and two steps added at once are never lost or numbered alike.
 */
import { Casework, FieldCrypto, KeyMaterial, Principles, StaffDirectory, Store } from "@pomoc/core"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { serviceTypes } from "./model.js"

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
const coordinator = { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] }
const T = (day: number) => new Date(Date.UTC(2026, 4, day, 10)).toISOString()

type Api = Casework.Api
let runtime: ManagedRuntime.ManagedRuntime<Casework.Casework | Store.Store, unknown>
const run = <A, E>(f: (api: Api) => Effect.Effect<A, E>) => runtime.runPromise(Casework.Casework.use(f))
const stored = (kind: Store.RecordKind) => runtime.runPromise(Store.Store.use((s) => s.list({ kind })))
const history = (id = "kuba") => run((api) => api.personHistory(worker, id))
const stepsOf = async () => (await history()).plans?.[0]?.goals.map((g) => [g.id, g.steps.map((s) => s.id)])

const step = (id: string, takenBy: "person" | "worker" = "person") => ({
  id,
  description: `Step ${id}: call the landlord.`,
  takenBy
})

beforeEach(async () => {
  runtime = ManagedRuntime.make(
    Casework.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker, coordinator])),
      Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
      Layer.provideMerge(Store.layerMemory)
    )
  )
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org" }))
  await run((api) =>
    api.registerService(admin, {
      id: "club",
      organisationId: "org",
      type: "low-threshold-club",
      name: "Club",
      targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
      localities: [],
      principles: [...Principles.corePrincipleIds],
      freeOfCharge: true,
      firstContactChannels: ["street"],
      registeredAt: T(1)
    })
  )
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
  await run((api) =>
    api.createPlan(worker, {
      id: "plan",
      personId: "kuba",
      serviceId: "club",
      createdAt: T(3),
      reviews: [],
      goals: [{ id: "g1", inPersonsWords: "Keep my flat.", status: "open", steps: [step("s1")] }]
    })
  )
})
afterEach(() => runtime.dispose())

describe("plans kept in parts", () => {
  it("a plan built goal by goal and step by step reads back whole and in order", async () => {
    const goal = await run((api) =>
      api.addGoal(worker, {
        planId: "plan",
        goal: { id: "g2", inPersonsWords: "Know my debts.", status: "open", steps: [step("s2")] }
      })
    )
    expect(goal.value.id).toBe("g2")
    const added = await run((api) => api.addPlanStep(worker, { planId: "plan", goalId: "g1", step: step("s3") }))
    expect(added.value).toMatchObject({ id: "s3", takenBy: "person" })
    await run((api) => api.addPlanStep(worker, { planId: "plan", goalId: "g2", step: step("s4") }))
    await run((api) => api.addPlanStep(worker, { planId: "plan", goalId: "g1", step: step("s5") }))
    expect(await stepsOf()).toEqual([["g1", ["s1", "s3", "s5"]], ["g2", ["s2", "s4"]]])
    // a goal status change answers the whole plan, steps included
    const achieved = await run((api) =>
      api.setGoalStatus(worker, { planId: "plan", goalId: "g2", status: "achieved", personParticipated: true })
    )
    expect(achieved.value.goals.map((g) => [g.id, g.status, g.steps.length])).toEqual([["g1", "open", 3], [
      "g2",
      "achieved",
      2
    ]])
    const exported = await run((api) => api.exportPerson(coordinator, "kuba"))
    expect(exported.plans?.[0]?.goals.flatMap((g) => g.steps.map((s) => s.id))).toEqual(["s1", "s3", "s5", "s2", "s4"])
  })

  it("keeps every step as its own record, its text encrypted, and the plan record free of step texts", async () => {
    await run((api) => api.addPlanStep(worker, { planId: "plan", goalId: "g1", step: step("s2") }))
    const steps = await stored("plan-step")
    expect(steps.map((s) => s.id)).toEqual(["plan/000000000", "plan/000000001"])
    expect(steps.every((s) => s.personIds.includes("kuba") && s.serviceId === "club")).toBe(true)
    const raw = JSON.stringify([...steps, ...(await stored("plan"))])
    expect(raw).not.toContain("call the landlord")
    expect(raw).not.toContain("Keep my flat")
    const [plan] = await stored("plan")
    // the step's id as a JSON value: a random data key id ("dk-…s1…") may contain the letters
    expect(JSON.stringify(plan!.data)).not.toContain("\"s1\"")
  })

  it("counts the person's steps from the counters: a plan of only others' steps gets a warning", async () => {
    await run((api) =>
      api.createPlan(worker, {
        id: "plan-2",
        personId: "kuba",
        serviceId: "club",
        createdAt: T(3),
        reviews: [],
        goals: [{ id: "g", inPersonsWords: "Find work.", status: "open", steps: [] }]
      })
    )
    const warnings = (w: { readonly warnings: ReadonlyArray<{ readonly rule: string }> }) =>
      w.warnings.map((x) => x.rule)
    // the first plan has a step of the person's: the counters sum over the person's plans
    const first = await run((api) =>
      api.addPlanStep(worker, { planId: "plan-2", goalId: "g", step: step("w1", "worker") })
    )
    expect(warnings(first)).not.toContain("active-cooperation/plan-without-person-steps")
    await run((api) => api.erasePerson(coordinator, "kuba"))
    await run((api) =>
      api.registerPerson(worker, {
        _tag: "pseudonymous",
        id: "lenka",
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "female",
        needs: [],
        registeredAt: T(2),
        nickname: "Lenka"
      })
    )
    await run((api) =>
      api.createPlan(worker, {
        id: "plan-3",
        personId: "lenka",
        serviceId: "club",
        createdAt: T(3),
        reviews: [],
        goals: [{ id: "g", inPersonsWords: "Find work.", status: "open", steps: [] }]
      })
    )
    const alone = await run((api) =>
      api.addPlanStep(worker, { planId: "plan-3", goalId: "g", step: step("w1", "worker") })
    )
    expect(warnings(alone)).toContain("active-cooperation/plan-without-person-steps")
    await run((api) => api.addPlanStep(worker, { planId: "plan-3", goalId: "g", step: step("p1", "person") }))
    const after = await run((api) =>
      api.addPlanStep(worker, { planId: "plan-3", goalId: "g", step: step("w2", "worker") })
    )
    expect(warnings(after)).not.toContain("active-cooperation/plan-without-person-steps")
  })

  it("erases the texts of the person's steps with the person", async () => {
    await run((api) => api.addPlanStep(worker, { planId: "plan", goalId: "g1", step: step("s2") }))
    // Erasure gives the person a new id and destroys their data key: their texts read as erased.
    const erased = await run((api) => api.erasePerson(coordinator, "kuba"))
    const plan = (await history(erased.value.id)).plans?.[0]
    expect(plan?.goals.flatMap((g) => g.steps.map((s) => s.description))).toEqual(["[erased]", "[erased]"])
    expect(plan?.goals.map((g) => g.inPersonsWords)).toEqual(["[erased]"])
  })

  it("two steps added at once are never lost or numbered alike: the second fails with a retryable conflict", async () => {
    const results = await runtime.runPromise(Casework.Casework.use((api) =>
      Effect.all([
        Effect.result(api.addPlanStep(worker, { planId: "plan", goalId: "g1", step: step("a") })),
        Effect.result(api.addPlanStep(worker, { planId: "plan", goalId: "g1", step: step("b") }))
      ], { concurrency: "unbounded" })
    ))
    for (const r of results) {
      if (r._tag === "Failure") {
        expect(r.failure).toMatchObject({ _tag: "StoreError", reason: { _tag: "Conflict" }, retryable: true })
      }
    }
    const added = results.filter((r) => r._tag === "Success").length
    expect(added).toBeGreaterThanOrEqual(1)
    const ids = (await stored("plan-step")).map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(1 + added)
    expect((await stepsOf())?.[0]?.[1]).toHaveLength(1 + added)
  })
})
