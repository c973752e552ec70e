/**
 * Moving a plan on (issue 12): a step marked done a week later, edited or abandoned, a goal
 * edited, the plan closed, through the real debt-counselling plugin (which binds the
 * active-cooperation and empowerment principles) on every store. Refusals name the field and
 * store nothing; a closed plan takes no more changes, even from a command racing the close.
 */
import { type Casework, Store } from "@pomoc/core"
import { DateTime, Effect, Layer } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ana, eva, type Harness, harness, marta, petr, setUp, stores, T, withPlan } from "./daily-fixture.js"

const STEP_TEXT = "Call the bailiff about the instalments."
const NEW_TEXT = "Write to the bailiff, with the counsellor's letter."

type Api = Casework.Api
const warned = (w: { readonly warnings: ReadonlyArray<{ readonly rule: string }> }) => w.warnings.map((x) => x.rule)

describe.each(stores)("plan operations (%s store)", (_name, storeLayer) => {
  let h: Harness
  /** Everything stored: its size tells a refusal stored nothing. */
  const snapshot = async () => ({
    steps: await h.store((s) => s.list({ kind: "plan-step" })),
    plans: await h.store((s) => s.list({ kind: "plan" })),
    audit: (await h.audit()).length
  })
  const refused = async (f: (api: Api) => Effect.Effect<unknown, unknown>) => {
    const before = await snapshot()
    const error = await h.fail(f)
    expect(await snapshot()).toEqual(before)
    return error as { readonly _tag: string; readonly field?: string; readonly rule?: string }
  }
  const planOf = async () => (await h.run((api) => api.personHistory(petr, "marek"))).plans?.[0]
  const stepOf = async (id: string) => (await planOf())?.goals.flatMap((g) => g.steps).find((s) => s.id === id)

  beforeEach(async () => {
    h = harness(storeLayer())
    await setUp(h)
    await withPlan(h, [
      { id: "s1", description: STEP_TEXT, takenBy: "person" },
      { id: "s2", description: "Gather the letters.", takenBy: "together" },
      { id: "s3", description: "Ask the creditor for a schedule.", takenBy: "worker" }
    ])
  })
  afterEach(() => h.dispose())

  it("a step marked done a week later keeps when and by whom, and moves the plan's counters", async () => {
    const done = await h.run((api) =>
      api.completeStep(petr, { planId: "plan", stepId: "s1", doneBy: "person", doneAt: T(5) })
    )
    expect(done.value).toMatchObject({ id: "s1", doneBy: "person", takenBy: "person" })
    expect(warned(done)).not.toContain("empowerment/steps-left-to-person")
    const step = await stepOf("s1")
    expect(step?.doneBy).toBe("person")
    expect(step?.doneAt && DateTime.formatIso(step.doneAt)).toBe(T(5))
    const [plan] = await h.store((s) => s.list({ kind: "plan" }))
    expect((plan!.data as { readonly progress?: { readonly done: number } }).progress?.done).toBe(1)
    // done once: doing it again, or abandoning it, is refused and stores nothing
    expect(await refused((api) => api.completeStep(petr, { planId: "plan", stepId: "s1", doneBy: "person" })))
      .toMatchObject({ _tag: "InvalidCommand", field: "stepId", rule: "the step is already done" })
    expect(await refused((api) => api.abandonStep(petr, { planId: "plan", stepId: "s1" })))
      .toMatchObject({ _tag: "InvalidCommand", field: "stepId" })
  })

  it("the worker doing the person's step gets the empowerment warning; doing it together does not", async () => {
    const forThem = await h.run((api) => api.completeStep(petr, { planId: "plan", stepId: "s1", doneBy: "worker" }))
    expect(warned(forThem)).toContain("empowerment/steps-left-to-person")
    const together = await h.run((api) => api.completeStep(petr, { planId: "plan", stepId: "s2", doneBy: "together" }))
    expect(warned(together)).not.toContain("empowerment/steps-left-to-person")
  })

  it("refuses bad input by field, never echoing it, and stores nothing", async () => {
    expect(await refused((api) => api.completeStep(petr, { planId: "plan", stepId: "nope", doneBy: "person" })))
      .toMatchObject({ _tag: "InvalidCommand", field: "stepId" })
    expect(
      await refused((api) =>
        api.completeStep(petr, { planId: "plan", stepId: "s1", doneBy: "person", doneAt: "2999-01-01T00:00:00.000Z" })
      )
    )
      .toMatchObject({ _tag: "InvalidCommand", field: "doneAt" })
    expect(await refused((api) => api.completeStep(petr, { planId: "plan", stepId: "s1", doneBy: "the cat" })))
      .toMatchObject({ _tag: "InvalidInput" })
    expect(await refused((api) => api.editStep(petr, { planId: "plan", stepId: "s1", changes: {} })))
      .toMatchObject({ _tag: "InvalidCommand", field: "changes" })
    const bad = await refused((api) =>
      api.editGoal(petr, { planId: "plan", goalId: "g1", changes: { indicator: "no-such-indicator" } })
    )
    expect(bad).toMatchObject({ _tag: "InvalidCommand", field: "changes.indicator" })
    expect(JSON.stringify(bad)).not.toContain("no-such-indicator")
    expect(
      await refused((api) => api.editGoal(petr, { planId: "plan", goalId: "g9", changes: { inPersonsWords: "x" } }))
    )
      .toMatchObject({ _tag: "InvalidCommand", field: "goalId" })
  })

  it("an edited step's text is encrypted at rest, and taking the person's last step away is warned", async () => {
    await h.run((api) => api.abandonStep(petr, { planId: "plan", stepId: "s2" }))
    const edited = await h.run((api) =>
      api.editStep(petr, { planId: "plan", stepId: "s1", changes: { description: NEW_TEXT, takenBy: "worker" } })
    )
    expect(edited.value).toMatchObject({ id: "s1", description: NEW_TEXT, takenBy: "worker" })
    expect(warned(edited)).toContain("active-cooperation/keep-person-steps")
    const raw = JSON.stringify(await h.store((s) => s.list({ kind: "plan-step" })))
    expect(raw).not.toContain(NEW_TEXT)
    expect(raw).not.toContain(STEP_TEXT)
    expect((await stepOf("s1"))?.description).toBe(NEW_TEXT)
    expect((await stepOf("s2"))?.abandonedAt).toBeDefined()
    // an abandoned step cannot be done or edited
    expect(await refused((api) => api.completeStep(petr, { planId: "plan", stepId: "s2", doneBy: "person" })))
      .toMatchObject({ _tag: "InvalidCommand", field: "stepId", rule: "the step is abandoned" })
  })

  it("editing a goal keeps its steps; the indicator must be the service type's", async () => {
    const goal = await h.run((api) =>
      api.editGoal(petr, {
        planId: "plan",
        goalId: "g1",
        changes: { inPersonsWords: "Keep the flat.", indicator: "situation-improved" }
      })
    )
    expect(goal.value).toMatchObject({ id: "g1", inPersonsWords: "Keep the flat.", indicator: "situation-improved" })
    const plan = await planOf()
    expect(plan?.goals[0]?.inPersonsWords).toBe("Keep the flat.")
    expect(plan?.goals[0]?.steps.map((s) => s.id)).toEqual(["s1", "s2", "s3"])
  })

  it("a closed plan takes no more changes, and closing without the person is warned", async () => {
    const closed = await h.run((api) => api.closePlan(petr, { planId: "plan", personParticipated: false }))
    expect(closed.value.closedAt).toBeDefined()
    expect(closed.value.goals[0]?.steps).toHaveLength(3)
    expect(warned(closed)).toContain("active-cooperation/closed-with-person")
    const attempts: ReadonlyArray<(api: Api) => Effect.Effect<unknown, unknown>> = [
      (api) => api.completeStep(petr, { planId: "plan", stepId: "s1", doneBy: "person" }),
      (api) => api.editStep(petr, { planId: "plan", stepId: "s1", changes: { description: NEW_TEXT } }),
      (api) => api.abandonStep(petr, { planId: "plan", stepId: "s1" }),
      (api) => api.editGoal(petr, { planId: "plan", goalId: "g1", changes: { inPersonsWords: "x" } }),
      (api) =>
        api.addPlanStep(petr, {
          planId: "plan",
          goalId: "g1",
          step: { id: "s4", description: "x", takenBy: "person" }
        }),
      (api) =>
        api.addGoal(petr, { planId: "plan", goal: { id: "g2", inPersonsWords: "x", status: "open", steps: [] } }),
      (api) => api.setGoalStatus(petr, { planId: "plan", goalId: "g1", status: "abandoned", personParticipated: true }),
      (api) =>
        api.reviewPlan(petr, { planId: "plan", review: { at: T(9), workers: ["petr"], personParticipated: true } }),
      (api) => api.closePlan(petr, { planId: "plan", personParticipated: true })
    ]
    for (const attempt of attempts) {
      expect(await refused(attempt)).toMatchObject({
        _tag: "InvalidCommand",
        field: "planId",
        rule: "the plan is closed"
      })
    }
    // a new plan is created open
    expect(
      await refused((api) =>
        api.createPlan(petr, {
          id: "plan-2",
          personId: "marek",
          serviceId: "debt",
          createdAt: T(3),
          reviews: [],
          goals: [],
          closedAt: T(4)
        })
      )
    ).toMatchObject({ _tag: "InvalidCommand", field: "closedAt" })
  })

  it("only staff of the plan's service may move it on: a volunteer, another service's worker and its coordinator are refused", async () => {
    // a volunteer may not do this anywhere; staff of another service do not learn the plan exists
    for (const [actor, tag] of [[ana, "AccessDenied"], [eva, "NotFound"], [marta, "NotFound"]] as const) {
      const error = await refused((api) => api.completeStep(actor, { planId: "plan", stepId: "s1", doneBy: "person" }))
      expect(error._tag).toBe(tag)
    }
  })

  it("a step done while the plan is being closed: never done after the close", async () => {
    for (let round = 0; round < 5; round++) {
      const id = `race-${round}`
      await h.run((api) =>
        api.createPlan(petr, {
          id,
          personId: "marek",
          serviceId: "debt",
          createdAt: T(3),
          reviews: [],
          goals: [{
            id: "g",
            inPersonsWords: "x",
            status: "open",
            steps: [{ id: "s", description: "x", takenBy: "person" }]
          }]
        })
      )
      const [done, closed] = await h.run((api) =>
        Effect.all([
          Effect.result(api.completeStep(petr, { planId: id, stepId: "s", doneBy: "person" })),
          Effect.result(api.closePlan(petr, { planId: id, personParticipated: true }))
        ], { concurrency: "unbounded" })
      )
      const entries = await h.audit()
      const seqOf = (operation: string) =>
        entries.find((e) => e.operation === operation && e.subjects.some((s) => s.id === id))?.seq
      if (done._tag === "Success") {
        // the step was done first: its entry precedes the close's (if the close got in)
        const close = seqOf("ClosePlan")
        if (close !== undefined) expect(seqOf("CompleteStep")!).toBeLessThan(close)
      } else {
        const e = done.failure as { readonly _tag: string; readonly retryable?: boolean }
        expect(e._tag === "InvalidCommand" || (e._tag === "StoreError" && e.retryable === true), e._tag).toBe(true)
      }
      if (closed._tag === "Failure") {
        const e = closed.failure as { readonly _tag: string; readonly retryable?: boolean }
        expect(e._tag === "StoreError" && e.retryable === true, e._tag).toBe(true)
      }
    }
  })
})

describe.each(stores)("a step operation reads its one step (%s store)", (_name, storeLayer) => {
  it("finds a stored step by its token without listing the person's steps; a batch's own new step is found too", async () => {
    let stepLists = 0
    // The store, counting the lists of plan steps (a step operation used to read every step of the person).
    const counting = Layer.effect(
      Store.Store,
      Effect.gen(function*() {
        const s = yield* Store.Store
        return {
          ...s,
          list: (query: Store.RecordQuery) =>
            Effect.suspend(() => (query.kind === "plan-step" && stepLists++, s.list(query)))
        }
      })
    ).pipe(Layer.provide(storeLayer()))
    const h = harness(counting)
    try {
      await setUp(h)
      await withPlan(
        h,
        Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, description: STEP_TEXT, takenBy: "person" as const }))
      )
      stepLists = 0
      await h.run((api) => api.completeStep(petr, { planId: "plan", stepId: "s7", doneBy: "person" }))
      await h.run((api) => api.editStep(petr, { planId: "plan", stepId: "s12", changes: { description: NEW_TEXT } }))
      await h.run((api) => api.abandonStep(petr, { planId: "plan", stepId: "s29" }))
      expect(stepLists).toBe(0)
      // A step added earlier in the same batch is not in the store yet: found among the unit's writes
      // that hold its token.
      await h.run((api) =>
        api.batch(petr, [
          {
            op: "addPlanStep",
            input: { planId: "plan", goalId: "g1", step: { id: "new", description: "x", takenBy: "person" } }
          },
          { op: "completeStep", input: { planId: "plan", stepId: "new", doneBy: "person" } },
          // and a stored step changed twice in one batch: the second sees the first
          { op: "editStep", input: { planId: "plan", stepId: "s3", changes: { description: NEW_TEXT } } },
          { op: "completeStep", input: { planId: "plan", stepId: "s3", doneBy: "together" } }
        ])
      )
      // ... all without listing the person's steps (the batch's own step is found among its writes).
      expect(stepLists).toBe(0)
      const steps = (await h.run((api) => api.personHistory(petr, "marek"))).plans?.[0]?.goals.flatMap((g) => g.steps)
      const byId = new Map((steps ?? []).map((s) => [s.id as string, s]))
      expect(byId.get("s7")?.doneBy).toBe("person")
      expect(byId.get("s12")?.description).toBe(NEW_TEXT)
      expect(byId.get("s29")?.abandonedAt).toBeDefined()
      expect(byId.get("new")?.doneBy).toBe("person")
      expect(byId.get("s3")).toMatchObject({ description: NEW_TEXT, doneBy: "together" })
      expect(byId.size).toBe(31)
    } finally {
      await h.dispose()
    }
  })
})
