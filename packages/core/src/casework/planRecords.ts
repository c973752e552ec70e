/**
 * How an individual plan is kept, so that goals and steps can be added without reading or
 * re-encrypting the whole plan: the plan record holds the plan's goals and reviews with a few
 * progress counters, and every step is a record of its own (kind `plan-step`). A command's plan
 * facts come from the counters; a plan is put back together only where it is shown whole (a
 * person's history, a goal status change, a review).
 *
 * Plans stored before 0.2.0 (steps inside their goals, no counters) read the same: their steps
 * stay where they are and count as before.
 *
 * @since 0.2.0
 */
import { DateTime } from "effect"
import type { PlanFacts } from "../Facts.js"
import { catalogue } from "../model/Entity.js"
import type { GoalId } from "../model/Ids.js"
import {
  Goal,
  IndividualPlan,
  type PlanProgress,
  type PlanStep,
  type StoredPlan,
  type StoredStep
} from "../model/Plan.js"
import type { Mapping } from "./Records.js"

export { PlanProgress, StoredPlan, StoredStep } from "../model/Plan.js"

/**
 * The record of a step: kind `plan-step` in the entity catalogue, id `<plan id>/<sequence
 * number>` (so a person's steps list in order), about the plan's person in the plan's service.
 * @since 0.2.0
 * @category models
 */
export const stepMapping: Mapping<StoredStep> = catalogue["plan-step"]

/** A step the person takes (alone or together with the worker) and has not abandoned. */
const byPerson = (step: PlanStep) =>
  (step.takenBy === "person" || step.takenBy === "together") && step.abandonedAt === undefined

const later = (a: DateTime.Utc | undefined, b: DateTime.Utc | undefined) =>
  a === undefined ? b : b === undefined ? a : DateTime.isGreaterThan(b, a) ? b : a

const noProgress: PlanProgress = { steps: 0, byPerson: 0, done: 0 }

/**
 * Adds steps to a plan: their records (numbered after the plan's earlier steps) and the plan's
 * new counters.
 * @since 0.2.0
 * @category constructors
 */
export const addSteps = (
  plan: Pick<StoredPlan, "id" | "personId" | "serviceId" | "progress">,
  steps: ReadonlyArray<{ readonly goalId: GoalId; readonly step: PlanStep }>
): { readonly progress: PlanProgress; readonly records: ReadonlyArray<StoredStep> } => {
  let { byPerson: person, done, lastDoneAt, steps: seq } = plan.progress ?? noProgress
  const records: Array<StoredStep> = []
  for (const { goalId, step } of steps) {
    records.push({ planId: plan.id, goalId, personId: plan.personId, serviceId: plan.serviceId, seq: seq++, step })
    if (byPerson(step)) person++
    if (step.doneAt !== undefined) {
      done++
      lastDoneAt = later(lastDoneAt, step.doneAt)
    }
  }
  return { progress: { steps: seq, byPerson: person, done, ...(lastDoneAt ? { lastDoneAt } : {}) }, records }
}

/**
 * A plan's counters after one of its step records changed from `before` to `after` (done,
 * edited or abandoned).
 * @since 0.2.0
 * @category combinators
 */
export const stepChanged = (
  progress: PlanProgress | undefined,
  before: PlanStep,
  after: PlanStep
): PlanProgress => {
  const { byPerson: person, done, lastDoneAt, steps } = progress ?? noProgress
  const one = (b: boolean) => (b ? 1 : 0)
  const last = later(lastDoneAt, after.doneAt)
  return {
    steps,
    byPerson: person + one(byPerson(after)) - one(byPerson(before)),
    done: done + one(after.doneAt !== undefined) - one(before.doneAt !== undefined),
    ...(last ? { lastDoneAt: last } : {})
  }
}

/** A goal without its steps (they are stored as records). */
const bare = (goal: Goal) => new Goal({ ...goal, steps: [] })

/**
 * Splits a new plan into its stored plan (goals without steps, with counters) and its steps.
 * @since 0.2.0
 * @category constructors
 */
export const split = (
  plan: IndividualPlan
): { readonly plan: StoredPlan; readonly steps: ReadonlyArray<StoredStep> } => {
  const { progress, records } = addSteps(
    plan,
    plan.goals.flatMap((g) => g.steps.map((step) => ({ goalId: g.id, step })))
  )
  return { plan: { ...plan, goals: plan.goals.map(bare), progress }, steps: records }
}

/**
 * Adds a goal (and its steps) to a stored plan.
 * @since 0.2.0
 * @category constructors
 */
export const addGoal = (
  plan: StoredPlan,
  goal: Goal
): { readonly plan: StoredPlan; readonly steps: ReadonlyArray<StoredStep> } => {
  const { progress, records } = addSteps(plan, goal.steps.map((step) => ({ goalId: goal.id, step })))
  return { plan: { ...plan, goals: [...plan.goals, bare(goal)], progress }, steps: records }
}

/**
 * Puts a plan back together from its stored plan and its steps' records (any order; other
 * plans' steps are ignored).
 * @since 0.2.0
 * @category combinators
 */
export const assemble = (plan: StoredPlan, steps: ReadonlyArray<StoredStep>): IndividualPlan => {
  const mine = steps.filter((s) => s.planId === plan.id).sort((a, b) => a.seq - b.seq)
  const { progress: _progress, ...rest } = plan
  return new IndividualPlan({
    ...rest,
    goals: plan.goals.map((g) =>
      new Goal({ ...g, steps: [...g.steps, ...mine.filter((s) => s.goalId === g.id).map((s) => s.step)] })
    )
  })
}

/**
 * Progress over a person's plans in a service, from the stored plans alone (their goals, the
 * steps still inside them, and their counters): goals, achieved goals, the person's own steps,
 * steps done and when progress was last made.
 * @since 0.2.0
 * @category combinators
 */
export const planFacts = (plans: ReadonlyArray<StoredPlan>): PlanFacts | undefined => {
  if (plans.length === 0) return undefined
  let goals = 0, achievedGoals = 0, stepsByPerson = 0, stepsDone = 0
  let last: DateTime.Utc | undefined
  for (const plan of plans) {
    const progress = plan.progress ?? noProgress
    stepsByPerson += progress.byPerson
    stepsDone += progress.done
    last = later(last, progress.lastDoneAt)
    for (const goal of plan.goals) {
      goals++
      if (goal.status === "achieved") achievedGoals++
      last = later(last, goal.achievedAt)
      for (const step of goal.steps) {
        if (byPerson(step)) stepsByPerson++
        if (step.doneAt !== undefined) stepsDone++
        last = later(last, step.doneAt)
      }
    }
  }
  return { goals, achievedGoals, stepsByPerson, stepsDone, ...(last ? { lastProgressAt: last } : {}) }
}
