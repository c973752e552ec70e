/**
 * Individual plans: creating them, adding goals and steps, goal status and reviews.
 *
 * @since 0.2.0
 */
import { Effect, Result, Schema } from "effect"
import type { Command } from "../../Command.js"
import * as Ids from "../../model/Ids.js"
import { Goal, IndividualPlan, PlanReview, PlanStep } from "../../model/Plan.js"
import type { Context, Loaded } from "../Operation.js"
import * as Operation from "../Operation.js"
import * as PlanRecords from "../planRecords.js"
import type { StoredPlan } from "../planRecords.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"
import { planOpen, planSubject, subjects } from "./planParts.js"

/**
 * Create an individual plan for a person of the service. Goal indicators must be the service
 * type's. The plan is stored with its goals; each step becomes a record of its own.
 * @since 0.2.0
 * @category operations
 */
export const createPlan = Operation.write()({
  tag: "CreatePlan",
  summary: "create an individual plan",
  access: access("SSNNN", "write", "confidential", "create an individual plan"),
  input: IndividualPlan,
  newId: true,
  subject: Operation.newIn((p: IndividualPlan) => p.serviceId),
  decide: Effect.fnUntraced(function*(ctx, plan, service) {
    if (plan.closedAt !== undefined) {
      return yield* invalid("CreatePlan", "closedAt", "a new plan is open: close it later")
    }
    const person = yield* ctx.personOfService("personId", plan.personId, plan.serviceId)
    const info = ctx.serviceInfo(service.value)
    for (const [i, goal] of plan.goals.entries()) {
      if (goal.indicator !== undefined && info !== undefined && !info.indicators.has(goal.indicator)) {
        return yield* invalid("CreatePlan", `goals[${i}].indicator`, "not an outcome indicator of this service type")
      }
    }
    const stored = PlanRecords.split(plan)
    return {
      command: { _tag: "CreatePlan", plan } as const,
      service: service.value,
      person: person.value,
      changes: [
        Operation.change(mappings.plan, stored.plan, 0),
        ...stored.steps.map((s) => Operation.change(PlanRecords.stepMapping, s, 0))
      ],
      result: plan
    }
  })
})

/**
 * The shared part of goal status changes and reviews: the plan's service and person, the new
 * plan, and the whole plan (with its steps) as the result.
 */
const updatePlan = (
  tag: string,
  update: (plan: StoredPlan) => Result.Result<StoredPlan, string>,
  command: Command
) =>
  Effect.fnUntraced(function*(ctx: Context, current: Loaded<StoredPlan>) {
    const next = update(current.value)
    if (Result.isFailure(next)) return yield* invalid(tag, "goalId", next.failure)
    const [service, person] = yield* subjects(ctx, current.value)
    const steps = yield* ctx.loadAll(PlanRecords.stepMapping, {
      personId: current.value.personId,
      serviceId: current.value.serviceId
    })
    return {
      command,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.plan, next.success, current.version)],
      result: PlanRecords.assemble(next.success, steps.map((s) => s.value))
    }
  })

const withGoal = (plan: StoredPlan, goalId: string, f: (goal: Goal) => Goal): Result.Result<StoredPlan, string> =>
  plan.goals.some((g) => g.id === goalId)
    ? Result.succeed({ ...plan, goals: plan.goals.map((g) => g.id === goalId ? f(g) : g) })
    : Result.fail("no goal with this id in the plan")

const AddGoalInput = Schema.Struct({ planId: Ids.PlanId, goal: Goal })

/**
 * Add a goal to a plan: `{ planId, goal }`. Answers the goal; the plan's steps are not read.
 * @since 0.2.0
 * @category operations
 */
export const addGoal = Operation.write()({
  tag: "AddGoal",
  summary: "add a goal to a plan",
  access: access("SSNNN", "write", "confidential", "add a goal to a plan"),
  input: AddGoalInput,
  entity: "AddGoal",
  subject: planSubject<typeof AddGoalInput.Type>(),
  checks: [planOpen("AddGoal")],
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    if (current.value.goals.some((g) => g.id === request.goal.id)) {
      return yield* invalid("AddGoal", "goalId", "a goal with this id already exists")
    }
    const [service, person] = yield* subjects(ctx, current.value)
    const next = PlanRecords.addGoal(current.value, request.goal)
    return {
      command: { _tag: "AddGoal", planId: request.planId, goal: request.goal } as const,
      service: service.value,
      person: person.value,
      changes: [
        Operation.change(mappings.plan, next.plan, current.version),
        ...next.steps.map((s) => Operation.change(PlanRecords.stepMapping, s, 0))
      ],
      result: request.goal
    }
  })
})

const AddPlanStepInput = Schema.Struct({ planId: Ids.PlanId, goalId: Ids.GoalId, step: PlanStep })

/**
 * Add a step to a goal: `{ planId, goalId, step }`. The step is a record of its own and the plan
 * keeps only its counters, so adding a step costs the same however long the plan is. Answers
 * the step.
 * @since 0.2.0
 * @category operations
 */
export const addPlanStep = Operation.write()({
  tag: "AddPlanStep",
  summary: "add a step to a goal",
  access: access("SSNNN", "write", "confidential", "add a step to a goal"),
  input: AddPlanStepInput,
  entity: "AddPlanStep",
  subject: planSubject<typeof AddPlanStepInput.Type>(),
  checks: [planOpen("AddPlanStep")],
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    if (!current.value.goals.some((g) => g.id === request.goalId)) {
      return yield* invalid("AddPlanStep", "goalId", "no goal with this id in the plan")
    }
    const [service, person] = yield* subjects(ctx, current.value)
    const { progress, records } = PlanRecords.addSteps(current.value, [{ goalId: request.goalId, step: request.step }])
    return {
      command: { _tag: "AddPlanStep", planId: request.planId, goalId: request.goalId, step: request.step } as const,
      service: service.value,
      person: person.value,
      changes: [
        Operation.change(mappings.plan, { ...current.value, progress }, current.version),
        ...records.map((s) => Operation.change(PlanRecords.stepMapping, s, 0))
      ],
      result: request.step
    }
  })
})

const SetGoalStatusInput = Schema.Struct({
  planId: Ids.PlanId,
  goalId: Ids.GoalId,
  status: Schema.Literals(["open", "achieved", "abandoned"]),
  personParticipated: Schema.Boolean
})

/**
 * Mark a goal open, achieved or abandoned: `{ planId, goalId, status, personParticipated }`.
 * @since 0.2.0
 * @category operations
 */
export const setGoalStatus = Operation.write()({
  tag: "SetGoalStatus",
  summary: "mark a goal achieved or abandoned",
  access: access("SSNNN", "write", "confidential", "mark a goal achieved or abandoned"),
  input: SetGoalStatusInput,
  entity: "SetGoalStatus",
  subject: planSubject<typeof SetGoalStatusInput.Type>(),
  checks: [planOpen("SetGoalStatus")],
  decide: (ctx, request, current) =>
    updatePlan("SetGoalStatus", (plan) =>
      withGoal(plan, request.goalId, (g) => {
        const { achievedAt: _dropped, ...rest } = g
        return new Goal({
          ...rest,
          status: request.status,
          ...(request.status === "achieved" ? { achievedAt: ctx.now } : {})
        })
      }), {
      _tag: "SetGoalStatus",
      planId: request.planId,
      goalId: request.goalId,
      status: request.status,
      personParticipated: request.personParticipated
    })(ctx, current)
})

const ReviewPlanInput = Schema.Struct({ planId: Ids.PlanId, review: PlanReview })

/**
 * Record a plan review: `{ planId, review }`; the actor is among the review's `workers`.
 * @since 0.2.0
 * @category operations
 */
export const reviewPlan = Operation.write()({
  tag: "ReviewPlan",
  summary: "record a plan review",
  access: access("SSNNN", "write", "confidential", "record a plan review"),
  input: ReviewPlanInput,
  entity: "ReviewPlan",
  attribution: [{ path: ["review", "workers"], many: true }],
  subject: planSubject<typeof ReviewPlanInput.Type>(),
  checks: [planOpen("ReviewPlan")],
  decide: (ctx, request, current) =>
    updatePlan("ReviewPlan", (plan) => Result.succeed({ ...plan, reviews: [...plan.reviews, request.review] }), {
      _tag: "ReviewPlan",
      planId: request.planId,
      review: request.review
    })(ctx, current)
})
