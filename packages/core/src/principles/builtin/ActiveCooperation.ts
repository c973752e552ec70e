/**
 * Active cooperation: "odborní poradci neřeší nepříznivou životní situaci klienta služby bez jeho
 * aktivní účasti, klient jednotlivé kroky činí samostatně" (counsellors do not solve the client's
 * situation without their active participation; the client takes the steps). Binds a service
 * that declares it.
 *
 * @since 0.1.0
 */
import type { Goal, StepActor } from "../../model/Plan.js"
import * as Principle from "../Principle.js"
import { binds, coreRule, type Messages } from "./shared.js"

/**
 * The active-cooperation principle.
 *
 * @since 0.1.0
 * @category models
 */
export const ActiveCooperation = Principle.make({
  id: "active-cooperation",
  core: true,
  source: "seeds/002_425581a8f25132f0.txt, \"aktivní spolupráce\"",
  labels: {
    en: "Active cooperation",
    cs: "Aktivní spolupráce",
    lt: "Aktyvus bendradarbiavimas",
    bg: "Активно сътрудничество",
    uk: "Активна співпраця"
  }
})

/**
 * The message keys of the active-cooperation rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const activeCooperationMessages = {
  "principles.activeCooperation.noStepByPerson": {
    en: "Every goal with steps needs at least one step that the person takes, alone or together with the worker.",
    cs: "Každý cíl s kroky potřebuje alespoň jeden krok, který člověk udělá sám nebo společně s pracovníkem.",
    lt:
      "Kiekvienam tikslui su žingsniais reikia bent vieno žingsnio, kurį žmogus atlieka pats arba kartu su darbuotoju.",
    bg: "Всяка цел със стъпки се нуждае от поне една стъпка, която човекът прави сам или заедно със служителя.",
    uk: "Кожна мета з кроками потребує принаймні одного кроку, який людина робить сама або разом із працівником."
  },
  "principles.activeCooperation.achievedWithoutPerson": {
    en: "A goal cannot be marked achieved without the person's participation recorded.",
    cs: "Cíl nelze označit za splněný, pokud není zaznamenána účast člověka.",
    lt: "Tikslo negalima pažymėti pasiektu, jei neužfiksuotas žmogaus dalyvavimas.",
    bg: "Целта не може да бъде отбелязана като постигната, без да е записано участието на човека.",
    uk: "Мету не можна позначити як досягнуту, якщо участь людини не записано."
  },
  "principles.activeCooperation.planWithoutPersonSteps": {
    en: "The plan has no step that the person takes yet: plan the next steps with the person.",
    cs: "Plán zatím neobsahuje žádný krok, který by člověk udělal sám: naplánujte další kroky společně s ním.",
    lt: "Plane dar nėra nė vieno žingsnio, kurį atliktų pats žmogus: kitus žingsnius planuokite kartu su juo.",
    bg: "Планът все още няма стъпка, която човекът прави сам: планирайте следващите стъпки заедно с него.",
    uk: "У плані ще немає кроку, який робить сама людина: плануйте наступні кроки разом із нею."
  },
  "principles.activeCooperation.closedWithoutPerson": {
    en: "The plan was closed without the person: close a plan together with the person where you can.",
    cs: "Plán byl uzavřen bez účasti člověka: kde je to možné, uzavírejte plán společně s ním.",
    lt: "Planas uždarytas be žmogaus dalyvavimo: kur įmanoma, planą uždarykite kartu su juo.",
    bg: "Планът е закрит без участието на човека: където е възможно, закривайте плана заедно с него.",
    uk: "План закрито без участі людини: закривайте план разом із людиною, де це можливо."
  }
} as const satisfies Messages

const takenWithPerson = (actor: StepActor): boolean => actor === "person" || actor === "together"

const goalHasStepByPerson = (goal: Goal): boolean =>
  goal.steps.length === 0 || goal.steps.some((step) => takenWithPerson(step.takenBy))

/**
 * A plan's goal (on `CreatePlan`) or a new goal (on `AddGoal`) that has steps must include at
 * least one step taken by the person or together with the worker; otherwise it is denied, so the
 * worker amends the plan with the person. A goal without steps yet is allowed.
 *
 * @since 0.1.0
 * @category models
 */
export const personTakesSteps = coreRule({
  id: "active-cooperation/person-takes-steps",
  principle: ActiveCooperation,
  appliesTo: ["CreatePlan", "AddGoal"],
  reads: ["service.principles"],
  verdicts: ["Deny"],
  description: "The person takes steps towards each goal.",
  check: (command, facts, v) => {
    if (!binds(facts.service.principles, ActiveCooperation.id)) return v.allow
    const goals = command._tag === "CreatePlan" ? command.plan.goals : [command.goal]
    return goals.every(goalHasStepByPerson)
      ? v.allow
      : v.deny("a goal has steps but none taken by the person", "principles.activeCooperation.noStepByPerson")
  }
})

/**
 * Adding a step that only the worker or someone else takes to a plan that has no step taken by
 * the person yet gets a warning.
 *
 * @since 0.1.0
 * @category models
 */
export const planWithoutPersonSteps = coreRule({
  id: "active-cooperation/plan-without-person-steps",
  principle: ActiveCooperation,
  appliesTo: ["AddPlanStep"],
  reads: ["service.principles", "plan.stepsByPerson"],
  verdicts: ["Warn"],
  description: "A plan whose steps are all taken by others gets a warning.",
  check: (command, facts, v) =>
    binds(facts.service.principles, ActiveCooperation.id) && !takenWithPerson(command.step.takenBy) &&
      facts.plan !== undefined && facts.plan.stepsByPerson === 0
      ? v.warn("the plan has no step taken by the person", "principles.activeCooperation.planWithoutPersonSteps")
      : v.allow
})

/**
 * A goal cannot be marked achieved unless the person's participation is recorded.
 *
 * @since 0.1.0
 * @category models
 */
export const achievedWithPerson = coreRule({
  id: "active-cooperation/achieved-with-person",
  principle: ActiveCooperation,
  appliesTo: ["SetGoalStatus"],
  reads: ["service.principles"],
  verdicts: ["Deny"],
  description: "A goal is achieved with the person's participation.",
  check: (command, facts, v) =>
    binds(facts.service.principles, ActiveCooperation.id) && command.status === "achieved" &&
      !command.personParticipated
      ? v.deny(
        "a goal cannot be achieved without the person's participation",
        "principles.activeCooperation.achievedWithoutPerson"
      )
      : v.allow
})

/**
 * Editing or abandoning the person's last open step, so that no step is left for them to take,
 * gets a warning (the same as adding a step only others take to such a plan).
 *
 * @since 0.2.0
 * @category models
 */
export const keepPersonSteps = coreRule({
  id: "active-cooperation/keep-person-steps",
  principle: ActiveCooperation,
  appliesTo: ["EditStep", "AbandonStep"],
  reads: ["service.principles", "plan.stepsByPerson"],
  verdicts: ["Warn"],
  description: "Changing a plan leaves the person a step of their own.",
  check: (command, facts, v) => {
    const before = command._tag === "EditStep" ? command.takenByBefore : command.takenBy
    const after = command._tag === "EditStep" && takenWithPerson(command.takenBy)
    return binds(facts.service.principles, ActiveCooperation.id) && takenWithPerson(before) && !after &&
        facts.plan !== undefined && facts.plan.stepsByPerson <= 1
      ? v.warn("the plan would have no step taken by the person", "principles.activeCooperation.planWithoutPersonSteps")
      : v.allow
  }
})

/**
 * Closing a plan without the person taking part gets a warning: the person may have stopped
 * coming, so it is not refused.
 *
 * @since 0.2.0
 * @category models
 */
export const closedWithPerson = coreRule({
  id: "active-cooperation/closed-with-person",
  principle: ActiveCooperation,
  appliesTo: ["ClosePlan"],
  reads: ["service.principles"],
  verdicts: ["Warn"],
  description: "A plan is closed together with the person.",
  check: (command, facts, v) =>
    binds(facts.service.principles, ActiveCooperation.id) && !command.personParticipated
      ? v.warn("the plan was closed without the person", "principles.activeCooperation.closedWithoutPerson")
      : v.allow
})

/**
 * The rules of the active-cooperation principle.
 *
 * @since 0.1.0
 * @category models
 */
export const activeCooperationRules = [
  personTakesSteps,
  planWithoutPersonSteps,
  achievedWithPerson,
  keepPersonSteps,
  closedWithPerson
] as const
