/**
 * The facts a command is judged on: the service, the person, their consents, their active
 * cooperation with the service and their plan's progress.
 *
 * @since 0.2.0
 */
import { DateTime, Effect } from "effect"
import type { Grant } from "../access/Access.js"
import type { Facts, PersonFacts, PlanFacts, ServiceFacts } from "../Facts.js"
import type { Actor } from "../model/Actor.js"
import type { Service } from "../model/Directory.js"
import type { Person } from "../model/Person.js"
import type { IndividualPlan } from "../model/Plan.js"
import type { CaseworkError, Config } from "./Config.js"
import type { Loaded } from "./Operation.js"
import { mappings, type Mapping } from "./Records.js"

type LoadAll = <A>(m: Mapping<A>, query: { readonly serviceId?: string; readonly personId?: string }) => Effect.Effect<ReadonlyArray<Loaded<A>>, CaseworkError>

const noService: ServiceFacts = { id: "", type: "", principles: [], freeOfCharge: true, acceptsAnonymous: false, requiresIdentity: false, config: {} }

const serviceFacts = (config: Config, service: Service): ServiceFacts => {
  const info = config.serviceTypes.get(service.type)
  const settings = service.config ?? {}
  return {
    id: service.id,
    type: service.type,
    principles: service.principles,
    freeOfCharge: service.freeOfCharge,
    ...(service.targetGroup.ageRange ? { ageRange: service.targetGroup.ageRange } : {}),
    // The service's own setting, when it declares one (a low-threshold service configured not to
    // accept anonymous people is then refused by the low-threshold principle, never ignored).
    acceptsAnonymous: typeof settings["acceptsAnonymous"] === "boolean"
      ? settings["acceptsAnonymous"]
      : info?.acceptsAnonymous ?? service.principles.includes("low-threshold"),
    requiresIdentity: settings["requiresIdentity"] === true,
    config: settings
  }
}

const personFacts = (person: Person): PersonFacts => ({
  id: person.id,
  identityLevel: person._tag,
  ageBand: person.ageBand,
  gender: person.gender,
  needs: person.needs,
  protected: {},
  situation: person.situation ?? {}
})

/**
 * Progress over a person's plans in a service: goals, achieved goals, the person's own steps,
 * steps done and when progress was last made.
 * @since 0.2.0
 * @category combinators
 */
export const planFacts = (plans: ReadonlyArray<IndividualPlan>): PlanFacts | undefined => {
  if (plans.length === 0) return undefined
  let goals = 0, achievedGoals = 0, stepsByPerson = 0, stepsDone = 0
  let last: DateTime.Utc | undefined
  const later = (d: DateTime.Utc | undefined) => {
    if (d !== undefined && (last === undefined || DateTime.isGreaterThan(d, last))) last = d
  }
  for (const plan of plans) {
    for (const goal of plan.goals) {
      goals++
      if (goal.status === "achieved") achievedGoals++
      later(goal.achievedAt)
      for (const step of goal.steps) {
        if (step.takenBy === "person" || step.takenBy === "together") stepsByPerson++
        if (step.doneAt !== undefined) stepsDone++
        later(step.doneAt)
      }
    }
  }
  return { goals, achievedGoals, stepsByPerson, stepsDone, ...(last ? { lastProgressAt: last } : {}) }
}

const MONTH_MS = 30.44 * 24 * 3600 * 1000

/**
 * Gathers the facts about a person in a service (or only the service, or nothing for
 * organisation-level records).
 * @since 0.2.0
 * @category constructors
 */
export const factsOf = Effect.fnUntraced(function*(
  config: Config,
  actor: Actor,
  grant: Grant,
  now: DateTime.Utc,
  service: Service | undefined,
  person: Person | undefined,
  loadAll: LoadAll
) {
  const base = { now, actor: { id: actor.id, role: grant.role }, service: service ? serviceFacts(config, service) : noService }
  if (person === undefined || service === undefined) {
    return { ...base, ...(person ? { person: personFacts(person) } : {}), consents: [] } satisfies Facts
  }
  const [consents, cooperations, plans] = yield* Effect.all([
    loadAll(mappings.consent, { personId: person.id }),
    loadAll(mappings.cooperation, { personId: person.id, serviceId: service.id }),
    loadAll(mappings.plan, { personId: person.id, serviceId: service.id })
  ])
  const active = cooperations.map((c) => c.value).find((c) => c.endedAt === undefined)
  const plan = planFacts(plans.map((p) => p.value))
  const facts: Facts = {
    ...base,
    person: personFacts(person),
    consents: consents.map((c) => c.value),
    ...(active
      ? {
        cooperation: {
          active: true,
          startedAt: active.startedAt,
          months: Math.max(0, Math.floor((DateTime.toEpochMillis(now) - DateTime.toEpochMillis(active.startedAt)) / MONTH_MS))
        }
      }
      : {}),
    ...(plan ? { plan } : {})
  }
  return facts
})
