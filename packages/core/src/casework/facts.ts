/**
 * The facts a command is judged on, read narrowly: only the parts the principles' rules for the
 * command declare they read, and of those only the records that matter (the consent a disclosure
 * or referral names, the person's cooperation with the service, the person's plans there). Every
 * record read is noted with its version, so that the commit can name them as preconditions: a
 * decision taken on facts that changed before the commit fails with a retryable conflict.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Option } from "effect"
import type { Grant } from "../access/Access.js"
import type { Command } from "../Command.js"
import type { Facts, PersonFacts, ServiceFacts } from "../Facts.js"
import type { Actor } from "../model/Actor.js"
import type { Consent } from "../model/Consent.js"
import type { Service } from "../model/Directory.js"
import type { Person } from "../model/Person.js"
import type { CaseworkError, Config } from "./Config.js"
import type { Loaded } from "./Operation.js"
import { planFacts } from "./planRecords.js"
import { type Mapping, mappings } from "./Records.js"

/**
 * How facts are read: a record by id, or the records of a kind for a person and a service; both
 * note the versions they read (the decision's preconditions).
 * @since 0.2.0
 * @category models
 */
export interface FactReader {
  readonly find: <A>(m: Mapping<A>, id: string) => Effect.Effect<Option.Option<Loaded<A>>, CaseworkError>
  readonly list: <A>(
    m: Mapping<A>,
    query: { readonly serviceId?: string; readonly personId?: string }
  ) => Effect.Effect<ReadonlyArray<Loaded<A>>, CaseworkError>
}

/** The top-level facts the rules for each command tag read, per engine. */
const readsCache = new WeakMap<object, Map<string, ReadonlySet<string>>>()

/**
 * The top-level facts (`consents`, `cooperation`, `plan`, ...) that the rules applying to a
 * command declare they read.
 * @since 0.2.0
 * @category combinators
 */
export const factsRead = (config: Config, tag: Command["_tag"]): ReadonlySet<string> => {
  let byTag = readsCache.get(config.engine)
  if (byTag === undefined) {
    byTag = new Map()
    readsCache.set(config.engine, byTag)
  }
  let reads = byTag.get(tag)
  if (reads === undefined) {
    const set = new Set<string>()
    for (const rule of config.engine.rulesFor(tag)) for (const path of rule.reads) set.add(path.split(".")[0]!)
    reads = set
    byTag.set(tag, reads)
  }
  return reads
}

/** The consent a command names, when it names one (a disclosure on consent, a referral). */
const namedConsent = (command: Command): string | undefined => {
  switch (command._tag) {
    case "Disclose":
      return command.disclosure.basis._tag === "Consent" ? command.disclosure.basis.consentId : undefined
    case "Refer":
      return command.referral.consentId
    default:
      return undefined
  }
}

/**
 * The consents a command is judged on: the one it names (read by id), or else the person's
 * consents (for rules such as "identification needs consent").
 */
const consentsFor = (
  command: Command,
  person: Person,
  r: FactReader
): Effect.Effect<ReadonlyArray<Consent>, CaseworkError> => {
  const id = namedConsent(command)
  if (id !== undefined) {
    return Effect.map(r.find(mappings.consent, id), (found) => Option.isSome(found) ? [found.value.value] : [])
  }
  return Effect.map(r.list(mappings.consent, { personId: person.id }), (xs) => xs.map((x) => x.value))
}

const noService: ServiceFacts = {
  id: "",
  type: "",
  principles: [],
  freeOfCharge: true,
  acceptsAnonymous: false,
  requiresIdentity: false,
  config: {}
}

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

const MONTH_MS = 30.44 * 24 * 3600 * 1000

/**
 * Gathers the facts about a person in a service for a command (or only the service, or nothing
 * for organisation-level records), reading only what the command's rules read.
 * @since 0.2.0
 * @category constructors
 */
export const factsOf = Effect.fnUntraced(function*(
  config: Config,
  actor: Actor,
  grant: Grant,
  now: DateTime.Utc,
  command: Command | undefined,
  service: Service | undefined,
  person: Person | undefined,
  r: FactReader
) {
  const base = {
    now,
    actor: { id: actor.id, role: grant.role },
    service: service ? serviceFacts(config, service) : noService
  }
  if (person === undefined || service === undefined) {
    return { ...base, ...(person ? { person: personFacts(person) } : {}), consents: [] } satisfies Facts
  }
  // Without a command (an eligibility question), every part is read.
  const reads = command === undefined ? undefined : factsRead(config, command._tag)
  const wants = (part: string) => reads === undefined || reads.has(part)
  const none = Effect.succeed([] as ReadonlyArray<never>)
  const [consents, cooperations, plans] = yield* Effect.all([
    wants("consents")
      ? (command === undefined
        ? Effect.map(r.list(mappings.consent, { personId: person.id }), (xs) => xs.map((x) => x.value))
        : consentsFor(command, person, r))
      : none,
    wants("cooperation") ? r.list(mappings.cooperation, { personId: person.id, serviceId: service.id }) : none,
    wants("plan") ? r.list(mappings.plan, { personId: person.id, serviceId: service.id }) : none
  ])
  // The decision is judged at a time no earlier than its facts were read: a withdrawal committed
  // before this read (and so dated before it) is never seen as still in the future.
  const read = DateTime.max(now, yield* DateTime.now)
  const active = cooperations.map((c) => c.value).find((c) => c.endedAt === undefined)
  const plan = planFacts(plans.map((p) => p.value))
  const facts: Facts = {
    ...base,
    now: read,
    person: personFacts(person),
    consents,
    ...(active
      ? {
        cooperation: {
          active: true,
          startedAt: active.startedAt,
          months: Math.max(
            0,
            Math.floor((DateTime.toEpochMillis(read) - DateTime.toEpochMillis(active.startedAt)) / MONTH_MS)
          )
        }
      }
      : {}),
    ...(plan ? { plan } : {})
  }
  return facts
})
