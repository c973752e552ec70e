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
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"

/**
 * Create an individual plan for a person of the service. Goal indicators must be the service
 * type's.
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
    const person = yield* ctx.personOfService("personId", plan.personId, plan.serviceId)
    const info = ctx.serviceInfo(service.value)
    for (const [i, goal] of plan.goals.entries()) {
      if (goal.indicator !== undefined && info !== undefined && !info.indicators.has(goal.indicator)) {
        return yield* invalid("CreatePlan", `goals[${i}].indicator`, "not an outcome indicator of this service type")
      }
    }
    return {
      command: { _tag: "CreatePlan", plan } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.plan, plan, 0)],
      result: plan
    }
  })
})

/** The shared part of the plan updates: the plan's service and person, and the new plan. */
const updatePlan = (
  tag: string,
  update: (plan: IndividualPlan) => Result.Result<IndividualPlan, string>,
  command: Command
) =>
  Effect.fnUntraced(function*(ctx: Context, current: Loaded<IndividualPlan>) {
    const next = update(current.value)
    if (Result.isFailure(next)) return yield* invalid(tag, "goalId", next.failure)
    const service = yield* ctx.load(mappings.service, current.value.serviceId)
    const person = yield* ctx.load(mappings.person, current.value.personId)
    return {
      command,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.plan, next.success, current.version)],
      result: next.success
    }
  })

const planSubject = <I extends { readonly planId: Ids.PlanId }>() =>
  Operation.existing(mappings.plan, (i: I) => i.planId, (p) => [p.serviceId])

const withGoal = (plan: IndividualPlan, goalId: string, f: (goal: Goal) => Goal): Result.Result<IndividualPlan, string> =>
  plan.goals.some((g) => g.id === goalId)
    ? Result.succeed(new IndividualPlan({ ...plan, goals: plan.goals.map((g) => g.id === goalId ? f(g) : g) }))
    : Result.fail("no goal with this id in the plan")

const AddGoalInput = Schema.Struct({ planId: Ids.PlanId, goal: Goal })

/**
 * Add a goal to a plan: `{ planId, goal }`.
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
  decide: (ctx, request, current) =>
    updatePlan("AddGoal", (plan) =>
      plan.goals.some((g) => g.id === request.goal.id)
        ? Result.fail("a goal with this id already exists")
        : Result.succeed(new IndividualPlan({ ...plan, goals: [...plan.goals, request.goal] })), {
      _tag: "AddGoal",
      planId: request.planId,
      goal: request.goal
    })(ctx, current)
})

const AddPlanStepInput = Schema.Struct({ planId: Ids.PlanId, goalId: Ids.GoalId, step: PlanStep })

/**
 * Add a step to a goal: `{ planId, goalId, step }`.
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
  decide: (ctx, request, current) =>
    updatePlan("AddPlanStep", (plan) => withGoal(plan, request.goalId, (g) => new Goal({ ...g, steps: [...g.steps, request.step] })), {
      _tag: "AddPlanStep",
      planId: request.planId,
      goalId: request.goalId,
      step: request.step
    })(ctx, current)
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
  decide: (ctx, request, current) =>
    updatePlan("SetGoalStatus", (plan) =>
      withGoal(plan, request.goalId, (g) => {
        const { achievedAt: _dropped, ...rest } = g
        return new Goal({ ...rest, status: request.status, ...(request.status === "achieved" ? { achievedAt: ctx.now } : {}) })
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
  decide: (ctx, request, current) =>
    updatePlan("ReviewPlan", (plan) => Result.succeed(new IndividualPlan({ ...plan, reviews: [...plan.reviews, request.review] })), {
      _tag: "ReviewPlan",
      planId: request.planId,
      review: request.review
    })(ctx, current)
})
