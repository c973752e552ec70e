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
import type { Cooperation } from "../model/Cooperation.js"
import type { Service } from "../model/Directory.js"
import type { Person } from "../model/Person.js"
import type { StoredPlan } from "../model/Plan.js"
import type { Decision } from "../principles/Decision.js"
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

/** The parts of the facts read from the store (the rest is in hand: the service, the person, the time). */
const PARTS: ReadonlyArray<Part> = ["consents", "cooperation", "plan"]

/** What a part holds as read from the store. */
interface Read {
  consents?: ReadonlyArray<Consent>
  cooperations?: ReadonlyArray<Loaded<Cooperation>>
  plans?: ReadonlyArray<Loaded<StoredPlan>>
}

/** The facts every command is judged on, with the person's when there is one. */
const baseFacts = (config: Config, actor: Actor, grant: Grant, now: DateTime.Utc, service: Service | undefined) => ({
  now,
  actor: { id: actor.id, role: grant.role },
  service: service ? serviceFacts(config, service) : noService
})

/** Reads one part of a person's facts in a service (noting the versions read). */
const readPart = (
  part: Part,
  command: Command | undefined,
  service: Service,
  person: Person,
  r: FactReader,
  into: Read
): Effect.Effect<void, CaseworkError> => {
  switch (part) {
    case "consents":
      return Effect.map(
        command === undefined
          ? Effect.map(r.list(mappings.consent, { personId: person.id }), (xs) => xs.map((x) => x.value))
          : consentsFor(command, person, r),
        (consents) => {
          into.consents = consents
        }
      )
    case "cooperation":
      return Effect.map(r.list(mappings.cooperation, { personId: person.id, serviceId: service.id }), (xs) => {
        into.cooperations = xs
      })
    case "plan":
      return Effect.map(r.list(mappings.plan, { personId: person.id, serviceId: service.id }), (xs) => {
        into.plans = xs
      })
  }
}

/** The facts of the parts read, judged at `read` (the parts not read are absent). */
const assemble = (base: ReturnType<typeof baseFacts>, read: DateTime.Utc, person: Person, parts: Read): Facts => {
  const active = parts.cooperations?.map((c) => c.value).find((c) => c.endedAt === undefined)
  const plan = parts.plans === undefined ? undefined : planFacts(parts.plans.map((p) => p.value))
  return {
    ...base,
    now: read,
    person: personFacts(person),
    consents: parts.consents ?? [],
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
}

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
  const base = baseFacts(config, actor, grant, now, service)
  if (person === undefined || service === undefined) {
    return { ...base, ...(person ? { person: personFacts(person) } : {}), consents: [] } satisfies Facts
  }
  // Without a command (an eligibility question), every part is read.
  const reads = command === undefined ? undefined : factsRead(config, command._tag)
  const parts: Read = {}
  yield* Effect.forEach(
    PARTS.filter((part) => reads === undefined || reads.has(part)),
    (part) => readPart(part, command, service, person, r, parts),
    { discard: true }
  )
  // The decision is judged at a time no earlier than its facts were read: a withdrawal committed
  // before this read (and so dated before it) is never seen as still in the future.
  return assemble(base, DateTime.max(now, yield* DateTime.now), person, parts)
})

/**
 * A part of a person's facts that is read from the store: `consents`, `cooperation` or `plan`.
 * @since 0.2.0
 * @category models
 */
export type Part = "consents" | "cooperation" | "plan"

/**
 * Judges `command` on the facts its rules look at *while judging it*. `parts` are the parts not
 * in hand; `factsNow` gives the facts with the parts read so far (the others absent), and `read`
 * reads more parts. The rules are judged with each part not yet read standing absent behind a
 * getter that notes the look; the parts looked at are read and the command judged again, until a
 * judgement looks at no part it lacks. Rules are pure functions of the facts, so that judgement
 * is the one all the parts would give. A command that is not allowed is judged again on every
 * part, so that it is explained on the same facts as before.
 * @since 0.2.0
 * @category combinators
 */
export const judgeLazily = <E, R>(
  engine: Config["engine"],
  command: Command,
  parts: ReadonlyArray<Part>,
  factsNow: () => Effect.Effect<Facts, E, R>,
  read: (parts: ReadonlyArray<Part>) => Effect.Effect<void, E, R>
): Effect.Effect<{ readonly facts: Facts; readonly decision: Decision }, E, R> => {
  const missing = new Set<Part>(parts)
  const round: Effect.Effect<{ readonly facts: Facts; readonly decision: Decision }, E, R> = Effect.suspend(() =>
    Effect.flatMap(factsNow(), (got) => {
      const facts: Facts = { ...got }
      const looked = new Set<Part>()
      for (const part of missing) {
        Object.defineProperty(facts, part, {
          configurable: true,
          enumerable: true,
          get: () => {
            looked.add(part)
            return part === "consents" ? [] : undefined
          }
        })
      }
      const decision = engine.check(command, facts)
      if (looked.size === 0 && (decision._tag === "Allowed" || missing.size === 0)) {
        return Effect.succeed({ facts, decision })
      }
      // A part not read yet was looked at (or the command is refused: explained on every part).
      const next = looked.size === 0 ? [...missing] : [...looked]
      for (const part of next) missing.delete(part)
      return Effect.andThen(read(next), round)
    })
  )
  return round
}

/**
 * Judges a command through {@link judgeLazily} on the facts of the store: a contact in a service
 * whose rules stop at "no active cooperation" never reads the plans, and its commit does not
 * name them. `extra` facts (an operation's own) stand over the parts of the same name.
 * @since 0.2.0
 * @category constructors
 */
export const judgeOn = (
  config: Config,
  actor: Actor,
  grant: Grant,
  now: DateTime.Utc,
  command: Command,
  service: Service | undefined,
  person: Person | undefined,
  r: FactReader,
  extra: Partial<Facts> | undefined
): Effect.Effect<{ readonly facts: Facts; readonly decision: Decision }, CaseworkError> => {
  const base = baseFacts(config, actor, grant, now, service)
  if (person === undefined || service === undefined) {
    const facts: Facts = { ...base, ...(person ? { person: personFacts(person) } : {}), consents: [], ...extra }
    return Effect.succeed({ facts, decision: config.engine.check(command, facts) })
  }
  const reads = factsRead(config, command._tag)
  const parts: Read = {}
  return judgeLazily(
    config.engine,
    command,
    PARTS.filter((part) => reads.has(part) && (extra === undefined || !(part in extra))),
    // Judged at a time no earlier than the facts were read (see `factsOf`).
    () =>
      Effect.map(
        DateTime.now,
        (clock): Facts => ({ ...assemble(base, DateTime.max(now, clock), person, parts), ...extra })
      ),
    (next) => Effect.forEach(next, (part) => readPart(part, command, service, person, r, parts), { discard: true })
  )
}
