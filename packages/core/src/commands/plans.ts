/**
 * The commands of individual plans: a plan, its goals and steps, reviews and closing. Part of
 * `Command` (re-exported there).
 *
 * @internal
 */
import type { Code } from "../model/Common.js"
import type { GoalId, PlanId, StepId } from "../model/Ids.js"
import type { Goal, IndividualPlan, PlanReview, PlanStep, StepActor } from "../model/Plan.js"

/**
 * Create an individual plan for one person.
 * @since 0.1.0
 * @category models
 */
export interface CreatePlan {
  readonly _tag: "CreatePlan"
  readonly plan: IndividualPlan
}
/**
 * Add a goal to a plan.
 * @since 0.1.0
 * @category models
 */
export interface AddGoal {
  readonly _tag: "AddGoal"
  readonly planId: PlanId
  readonly goal: Goal
}
/**
 * Add a step to a goal of a plan.
 * @since 0.1.0
 * @category models
 */
export interface AddPlanStep {
  readonly _tag: "AddPlanStep"
  readonly planId: PlanId
  readonly goalId: GoalId
  readonly step: PlanStep
}
/**
 * Mark a goal achieved or abandoned. Achieved needs the person's participation recorded.
 * @since 0.1.0
 * @category models
 */
export interface SetGoalStatus {
  readonly _tag: "SetGoalStatus"
  readonly planId: PlanId
  readonly goalId: GoalId
  readonly status: "open" | "achieved" | "abandoned"
  readonly personParticipated: boolean
}
/**
 * Record a plan review.
 * @since 0.1.0
 * @category models
 */
export interface ReviewPlan {
  readonly _tag: "ReviewPlan"
  readonly planId: PlanId
  readonly review: PlanReview
}
/**
 * Mark a step of a plan done, saying who did it (`doneBy`) and who was to take it (`takenBy`).
 * @since 0.2.0
 * @category models
 */
export interface CompleteStep {
  readonly _tag: "CompleteStep"
  readonly planId: PlanId
  readonly stepId: StepId
  readonly takenBy: StepActor
  readonly doneBy: StepActor
}
/**
 * Edit a step of a plan (its description, due date or who takes it): who took it before and after.
 * @since 0.2.0
 * @category models
 */
export interface EditStep {
  readonly _tag: "EditStep"
  readonly planId: PlanId
  readonly stepId: StepId
  readonly takenByBefore: StepActor
  readonly takenBy: StepActor
}
/**
 * Abandon a step of a plan: it stays in the plan, no longer open.
 * @since 0.2.0
 * @category models
 */
export interface AbandonStep {
  readonly _tag: "AbandonStep"
  readonly planId: PlanId
  readonly stepId: StepId
  readonly takenBy: StepActor
}
/**
 * Edit a goal of a plan (the person's words or its outcome indicator).
 * @since 0.2.0
 * @category models
 */
export interface EditGoal {
  readonly _tag: "EditGoal"
  readonly planId: PlanId
  readonly goalId: GoalId
  readonly indicator?: Code
}
/**
 * Close a plan: it takes no more changes. Says whether the person took part in closing it.
 * @since 0.2.0
 * @category models
 */
export interface ClosePlan {
  readonly _tag: "ClosePlan"
  readonly planId: PlanId
  readonly personParticipated: boolean
}
