/**
 * Individual plans: goals in the person's own words, steps with who takes them, and reviews.
 * A plan belongs to one person, never to a group or a family.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Code, LongText, Timestamp } from "./Common.js"
import { GoalId, PersonId, PlanId, ServiceId, StepId, WorkerId } from "./Ids.js"
import { personal } from "./Personal.js"

/**
 * Who takes a step. Active cooperation: a plan includes steps the person takes.
 * @since 0.1.0
 * @category models
 */
export const StepActor = Schema.Literals(["person", "worker", "together", "other"])
/**
 * @since 0.1.0
 * @category models
 */
export type StepActor = typeof StepActor.Type

/**
 * One step towards a goal.
 * @since 0.1.0
 * @category models
 */
export class PlanStep extends Schema.Class<PlanStep>("@pomoc/core/PlanStep")({
  id: StepId,
  description: personal(LongText),
  takenBy: StepActor,
  due: Schema.optionalKey(Timestamp),
  doneAt: Schema.optionalKey(Timestamp),
  /** Who did the step, when it is done (it can differ from who was to take it). @since 0.2.0 */
  doneBy: Schema.optionalKey(StepActor),
  /** Set when the step is abandoned: it stays in the plan, no longer open. @since 0.2.0 */
  abandonedAt: Schema.optionalKey(Timestamp)
}) {}

/**
 * A goal, in the person's own words, optionally tied to an outcome indicator of the service type.
 * @since 0.1.0
 * @category models
 */
export class Goal extends Schema.Class<Goal>("@pomoc/core/Goal")({
  id: GoalId,
  inPersonsWords: personal(LongText),
  indicator: Schema.optionalKey(Code),
  status: Schema.Literals(["open", "achieved", "abandoned"]),
  /** Set when the goal is achieved: the person's participation must be recorded. */
  achievedAt: Schema.optionalKey(Timestamp),
  steps: Schema.Array(PlanStep)
}) {}

/**
 * A review of the plan with the person.
 * @since 0.1.0
 * @category models
 */
export class PlanReview extends Schema.Class<PlanReview>("@pomoc/core/PlanReview")({
  at: Timestamp,
  workers: Schema.Array(WorkerId).check(Schema.isMinLength(1)),
  personParticipated: Schema.Boolean,
  summary: Schema.optionalKey(personal(LongText))
}) {}

/**
 * A person's individual plan with a service.
 * @since 0.1.0
 * @category models
 */
export class IndividualPlan extends Schema.Class<IndividualPlan>("@pomoc/core/IndividualPlan")({
  id: PlanId,
  personId: PersonId,
  serviceId: ServiceId,
  createdAt: Timestamp,
  goals: Schema.Array(Goal),
  reviews: Schema.Array(PlanReview),
  /** Set when the plan is closed: a closed plan takes no more changes. @since 0.2.0 */
  closedAt: Schema.optionalKey(Timestamp)
}) {}

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * The counters a plan record keeps about its steps held as records of their own.
 * @since 0.2.0
 * @category models
 */
export const PlanProgress = Schema.Struct({
  /** Steps added as records so far (the next step's sequence number). */
  steps: Count,
  /** Of those, steps taken by the person or together with them. */
  byPerson: Count,
  /** Of those, steps done. */
  done: Count,
  /** When one of those steps was last done. */
  lastDoneAt: Schema.optionalKey(Timestamp)
})
/**
 * @since 0.2.0
 * @category models
 */
export type PlanProgress = typeof PlanProgress.Type

/**
 * A plan as stored: the plan (goals usually without their steps) and its progress counters.
 * @since 0.2.0
 * @category models
 */
export const StoredPlan = Schema.Struct({ ...IndividualPlan.fields, progress: Schema.optionalKey(PlanProgress) })
/**
 * @since 0.2.0
 * @category models
 */
export type StoredPlan = typeof StoredPlan.Type

/**
 * A step as stored: its plan and goal, the plan's person and service, its sequence number in
 * the plan, and the step.
 * @since 0.2.0
 * @category models
 */
export const StoredStep = Schema.Struct({
  planId: PlanId,
  goalId: GoalId,
  personId: PersonId,
  serviceId: ServiceId,
  seq: Count,
  step: PlanStep
})
/**
 * @since 0.2.0
 * @category models
 */
export type StoredStep = typeof StoredStep.Type
