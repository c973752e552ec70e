/**
 * Moving a plan on after it is made: a step marked done (by the person, the worker or both), a
 * step edited or abandoned, a goal edited, the plan closed. A closed plan takes no more changes.
 *
 * A step is found in its own record (kind `plan-step`) or, for a plan stored before 0.2.0,
 * inside its goal in the plan record; either way only that record (and the plan's counters) is
 * written.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import type { Command } from "../../Command.js"
import { Code, Timestamp } from "../../model/Common.js"
import * as Ids from "../../model/Ids.js"
import { Goal, PlanStep, StepActor } from "../../model/Plan.js"
import type { CaseworkError } from "../Config.js"
import * as IndexTokens from "../IndexTokens.js"
import type { Change, Context, Loaded } from "../Operation.js"
import * as Operation from "../Operation.js"
import * as PlanRecords from "../planRecords.js"
import type { StoredPlan } from "../planRecords.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"
import { planOpen, planSubject, subjects } from "./planParts.js"

/** A step found in a plan, and how to write it back changed. */
interface Found {
  readonly step: PlanStep
  readonly write: (next: PlanStep) => ReadonlyArray<Change>
}

/**
 * Finds a step of the plan by its id: its own record, through its index token, or inside a goal
 * of a plan stored before 0.2.0.
 */
const findStep = Effect.fnUntraced(function*(
  ctx: Context,
  tag: string,
  plan: Loaded<StoredPlan>,
  stepId: Ids.StepId
) {
  for (const goal of plan.value.goals) {
    const inline = goal.steps.find((s) => s.id === stepId)
    if (inline === undefined) continue
    const write = (next: PlanStep): ReadonlyArray<Change> => [
      Operation.change(mappings.plan, {
        ...plan.value,
        goals: plan.value.goals.map((g) =>
          g.id === goal.id ? new Goal({ ...g, steps: g.steps.map((s) => (s.id === stepId ? next : s)) }) : g
        )
      }, plan.version)
    ]
    return { step: inline, write } satisfies Found
  }
  // The step's own index token leads to its one record (read again through the unit of work, so
  // a batch's earlier change of it is seen; a step planned earlier in the same batch is found among
  // the unit's writes). Steps written before the token are rebuilt by `Reindex.rebuildAll`, which
  // the SQL stores' upgrade asks for (reads through the token refuse until then).
  const page = yield* ctx.loadPage(PlanRecords.stepMapping, {
    kind: PlanRecords.stepMapping.kind,
    lookup: IndexTokens.stepOf(plan.value.id, stepId),
    limit: 1
  })
  const indexed = page.items[0]
  const record = indexed === undefined
    ? undefined
    : yield* ctx.load(PlanRecords.stepMapping, PlanRecords.stepMapping.id(indexed.loaded.value))
  if (record === undefined) return yield* invalid(tag, "stepId", "no step with this id in the plan")
  const write = (next: PlanStep): ReadonlyArray<Change> => [
    Operation.change(PlanRecords.stepMapping, { ...record.value, step: next }, record.version),
    Operation.change(mappings.plan, {
      ...plan.value,
      progress: PlanRecords.stepChanged(plan.value.progress, record.value.step, next)
    }, plan.version)
  ]
  return { step: record.value.step, write } satisfies Found
})

/** A step that is neither done nor abandoned, or the reason it cannot change. */
const stillOpen = (step: PlanStep): string | undefined =>
  step.doneAt !== undefined
    ? "the step is already done"
    : step.abandonedAt !== undefined
    ? "the step is abandoned"
    : undefined

/**
 * The road of every step operation: find the open step, make its next state, judge the command
 * with the plan's service and person, write the step back. Answers the step.
 */
const moveStep = <I extends { readonly planId: Ids.PlanId; readonly stepId: Ids.StepId }>(
  tag: string,
  next: (ctx: Context, request: I, step: PlanStep) => Effect.Effect<PlanStep, CaseworkError>,
  command: (request: I, before: PlanStep, after: PlanStep) => Command
) =>
  Effect.fnUntraced(function*(ctx: Context, request: I, current: Loaded<StoredPlan>) {
    const found = yield* findStep(ctx, tag, current, request.stepId)
    const closed = stillOpen(found.step)
    if (closed !== undefined) return yield* invalid(tag, "stepId", closed)
    const after = yield* next(ctx, request, found.step)
    const [service, person] = yield* subjects(ctx, current.value)
    return {
      command: command(request, found.step, after),
      service: service.value,
      person: person.value,
      changes: found.write(after),
      result: after
    }
  })

const CompleteStepInput = Schema.Struct({
  planId: Ids.PlanId,
  stepId: Ids.StepId,
  /** Who did the step: the person, the worker, both together, or someone else. */
  doneBy: StepActor,
  /** When it was done (now if left out): a step done last week is marked done today. */
  doneAt: Schema.optionalKey(Timestamp)
})

/**
 * Mark a step done: `{ planId, stepId, doneBy, doneAt? }`. A step the person was to take,
 * done by the worker alone, gets the empowerment principle's warning. Answers the step.
 * @since 0.2.0
 * @category operations
 */
export const completeStep = Operation.write()({
  tag: "CompleteStep",
  summary: "mark a plan step done",
  access: access("SSNNN", "write", "confidential", "mark a plan step done"),
  input: CompleteStepInput,
  entity: "CompleteStep",
  subject: planSubject<typeof CompleteStepInput.Type>(),
  checks: [planOpen("CompleteStep")],
  decide: moveStep(
    "CompleteStep",
    (ctx, request: typeof CompleteStepInput.Type, step) => {
      const doneAt = request.doneAt ?? ctx.now
      return DateTime.isGreaterThan(doneAt, ctx.now)
        ? invalid("CompleteStep", "doneAt", "is in the future")
        : Effect.succeed(new PlanStep({ ...step, doneAt, doneBy: request.doneBy }))
    },
    (request, before) => ({
      _tag: "CompleteStep",
      planId: request.planId,
      stepId: request.stepId,
      takenBy: before.takenBy,
      doneBy: request.doneBy
    })
  )
})

const EditStepInput = Schema.Struct({
  planId: Ids.PlanId,
  stepId: Ids.StepId,
  changes: Schema.Struct({
    description: Schema.optionalKey(PlanStep.fields.description),
    takenBy: Schema.optionalKey(StepActor),
    due: Schema.optionalKey(Timestamp)
  })
})

/**
 * Edit an open step: `{ planId, stepId, changes: { description?, takenBy?, due? } }`. Taking
 * away the person's last step of their own gets the active-cooperation warning. Answers the step.
 * @since 0.2.0
 * @category operations
 */
export const editStep = Operation.write()({
  tag: "EditStep",
  summary: "edit a plan step",
  access: access("SSNNN", "write", "confidential", "edit a plan step"),
  input: EditStepInput,
  entity: "EditStep",
  subject: planSubject<typeof EditStepInput.Type>(),
  checks: [planOpen("EditStep")],
  decide: moveStep(
    "EditStep",
    (_ctx, request: typeof EditStepInput.Type, step) =>
      Object.keys(request.changes).length === 0
        ? invalid("EditStep", "changes", "names no field to change")
        : Effect.succeed(new PlanStep({ ...step, ...request.changes })),
    (request, before, after) => ({
      _tag: "EditStep",
      planId: request.planId,
      stepId: request.stepId,
      takenByBefore: before.takenBy,
      takenBy: after.takenBy
    })
  )
})

const AbandonStepInput = Schema.Struct({ planId: Ids.PlanId, stepId: Ids.StepId })

/**
 * Abandon an open step: `{ planId, stepId }`. It stays in the plan (and its history), no longer
 * open; abandoning the person's last step of their own gets the active-cooperation warning.
 * Answers the step.
 * @since 0.2.0
 * @category operations
 */
export const abandonStep = Operation.write()({
  tag: "AbandonStep",
  summary: "abandon a plan step",
  access: access("SSNNN", "write", "confidential", "abandon a plan step"),
  input: AbandonStepInput,
  entity: "AbandonStep",
  subject: planSubject<typeof AbandonStepInput.Type>(),
  checks: [planOpen("AbandonStep")],
  decide: moveStep(
    "AbandonStep",
    (ctx, _request: typeof AbandonStepInput.Type, step) =>
      Effect.succeed(new PlanStep({ ...step, abandonedAt: ctx.now })),
    (request, before) => ({
      _tag: "AbandonStep",
      planId: request.planId,
      stepId: request.stepId,
      takenBy: before.takenBy
    })
  )
})

const EditGoalInput = Schema.Struct({
  planId: Ids.PlanId,
  goalId: Ids.GoalId,
  changes: Schema.Struct({
    inPersonsWords: Schema.optionalKey(Goal.fields.inPersonsWords),
    indicator: Schema.optionalKey(Code)
  })
})

/**
 * Edit a goal: `{ planId, goalId, changes: { inPersonsWords?, indicator? } }`; the indicator must
 * be the service type's. To abandon or achieve a goal, set its status (`setGoalStatus`).
 * Answers the goal (without the steps kept as records).
 * @since 0.2.0
 * @category operations
 */
export const editGoal = Operation.write()({
  tag: "EditGoal",
  summary: "edit a goal of a plan",
  access: access("SSNNN", "write", "confidential", "edit a goal of a plan"),
  input: EditGoalInput,
  entity: "EditGoal",
  subject: planSubject<typeof EditGoalInput.Type>(),
  checks: [planOpen("EditGoal")],
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    if (Object.keys(request.changes).length === 0) {
      return yield* invalid("EditGoal", "changes", "names no field to change")
    }
    const goal = current.value.goals.find((g) => g.id === request.goalId)
    if (goal === undefined) return yield* invalid("EditGoal", "goalId", "no goal with this id in the plan")
    const [service, person] = yield* subjects(ctx, current.value)
    const info = ctx.serviceInfo(service.value)
    const indicator = request.changes.indicator
    if (indicator !== undefined && info !== undefined && !info.indicators.has(indicator)) {
      return yield* invalid("EditGoal", "changes.indicator", "not an outcome indicator of this service type")
    }
    const next = new Goal({ ...goal, ...request.changes })
    return {
      command: {
        _tag: "EditGoal",
        planId: request.planId,
        goalId: request.goalId,
        ...(next.indicator !== undefined ? { indicator: next.indicator } : {})
      } as const,
      service: service.value,
      person: person.value,
      changes: [
        Operation.change(mappings.plan, {
          ...current.value,
          goals: current.value.goals.map((g) => (g.id === goal.id ? next : g))
        }, current.version)
      ],
      result: next
    }
  })
})

const ClosePlanInput = Schema.Struct({
  planId: Ids.PlanId,
  /** Whether the person took part in closing the plan. */
  personParticipated: Schema.Boolean
})

/**
 * Close a plan: `{ planId, personParticipated }`. A closed plan takes no more goals, steps,
 * reviews or changes; closing without the person gets the active-cooperation warning. Answers
 * the whole plan.
 * @since 0.2.0
 * @category operations
 */
export const closePlan = Operation.write()({
  tag: "ClosePlan",
  summary: "close a plan",
  access: access("SSNNN", "write", "confidential", "close a plan"),
  input: ClosePlanInput,
  entity: "ClosePlan",
  subject: planSubject<typeof ClosePlanInput.Type>(),
  checks: [planOpen("ClosePlan")],
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    const [service, person] = yield* subjects(ctx, current.value)
    const next: StoredPlan = { ...current.value, closedAt: ctx.now }
    const steps = yield* ctx.loadAll(PlanRecords.stepMapping, {
      personId: current.value.personId,
      serviceId: current.value.serviceId
    })
    return {
      command: { _tag: "ClosePlan", planId: request.planId, personParticipated: request.personParticipated } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.plan, next, current.version)],
      result: PlanRecords.assemble(next, steps.map((s) => s.value))
    }
  })
})
