/**
 * The one road every case-work operation takes, and the only place it is written:
 *
 * ```
 * resolve actor (its id, in the staff directory) → decode input (attribution set from / checked
 *   against the actor)
 *   → authorise before revealing (unknown and forbidden look alike) → load the subject
 *   → domain checks → decide → facts → principles → planned unit
 *   → encrypt → commit records + exactly one audit entry → result
 * ```
 *
 * A write is first *planned* (records to write, the versions it rested on, its audit entry and
 * warnings) and then committed, so a batch plans many commands against one overlay of pending
 * writes and commits them all in one store commit, or none.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Option, Result, Schema } from "effect"
import * as Access from "../access/Access.js"
import { matrix } from "../access/matrix.js"
import type { AuditDraft } from "../Audit.js"
import type { Command } from "../Command.js"
import { decoder, InvalidInput } from "../Decode.js"
import type { Facts } from "../Facts.js"
import { StaffMember } from "../model/Actor.js"
import type { Service } from "../model/Directory.js"
import * as Ids from "../model/Ids.js"
import * as LegalGround from "../model/LegalGround.js"
import type { Person } from "../model/Person.js"
import type { Decision as EngineDecision } from "../principles/Decision.js"
import type * as Verdict from "../principles/Verdict.js"
import * as BlindIndex from "../privacy/BlindIndex.js"
import { FieldCrypto } from "../privacy/FieldCrypto.js"
import { PseudonymKey } from "../privacy/Pseudonym.js"
import * as Vault from "../privacy/Vault.js"
import * as StoreModule from "../Store.js"
import { type PersonRename, type RecordDelete, Store, type StoredRecord } from "../Store.js"
import type { BatchOptions, CaseworkError, Config, Written } from "./Config.js"
import { BatchRefused, CommandRefused, InvalidCommand, NotFound } from "./Errors.js"
import { factsOf } from "./facts.js"
import type * as Operation from "./Operation.js"
import { type Mapping, mappings, type RecordIndex } from "./Records.js"
import { sharedAt } from "./sharing.js"
import { StaffDirectory } from "./StaffDirectory.js"

/**
 * A principle's warning (the command went ahead).
 * @since 0.2.0
 * @category models
 */
export type Warning = Written<unknown>["warnings"][number]

/**
 * A write planned but not yet committed: the records to write (plain; encrypted at commit),
 * the records the decision rested on with their versions, the audit entry and the warnings.
 * @since 0.2.0
 * @category models
 */
export interface PlannedUnit<A> {
  readonly operation: string
  readonly changes: ReadonlyArray<Operation.Change>
  readonly deletes: ReadonlyArray<RecordDelete>
  readonly renamePeople: ReadonlyArray<PersonRename>
  /**
   * The versions of the records the decision rested on. The hook for narrow, versioned facts:
   * a commit that names them as preconditions fails with a retryable conflict when they moved.
   */
  readonly preconditions: ReadonlyArray<Operation.Precondition>
  readonly audit: AuditDraft
  readonly warnings: ReadonlyArray<Warning>
  readonly result: A
}

interface Pending {
  readonly value: unknown
  readonly version: number
  readonly index: RecordIndex
  readonly id: string
}

/**
 * The writes planned so far in a unit of work, by kind; later commands of a batch read through
 * them. The store's records and lists read by the unit are remembered (a batch of 100,000
 * contacts for 1,000 people reads each person once); its own writes always come first.
 */
class Overlay {
  readonly pending = new Map<string, Map<string, Pending>>()
  /**
   * What the unit of work has read from the store, decoded: a batch reads each record (and each
   * list) once, at one version, which every later command's preconditions name again.
   */
  readonly found = new Map<string, Option.Option<Operation.Loaded<unknown>>>()
  readonly lists = new Map<string, ReadonlyArray<{ readonly id: string; readonly loaded: Operation.Loaded<unknown> }>>()
  add(changes: ReadonlyArray<Operation.Change>): void {
    for (const c of changes) {
      let ofKind = this.pending.get(c.kind)
      if (ofKind === undefined) this.pending.set(c.kind, ofKind = new Map<string, Pending>())
      ofKind.set(c.id, { value: c.entity, version: c.expectedVersion + 1, index: c.index, id: c.id })
    }
  }
  get(kind: string, id: string): Pending | undefined {
    return this.pending.get(kind)?.get(id)
  }
  ofKind(kind: string): Iterable<Pending> {
    return this.pending.get(kind)?.values() ?? []
  }
}

const decodeActorId = decoder(Ids.WorkerId, "Actor")
/**
 * The acting staff member's id: the id itself, or the `id` of an object (an actor from before
 * the staff directory). Nothing else of the object is read: grants come from the directory.
 */
const actorId = (raw: unknown): Result.Result<Ids.WorkerId, InvalidInput> =>
  decodeActorId(isPlainObject(raw) ? raw["id"] : raw)
const decoders = new WeakMap<object, (raw: unknown) => Result.Result<unknown, InvalidInput>>()
const inputDecoder = (op: Operation.Any): (raw: unknown) => Result.Result<unknown, InvalidInput> => {
  if (!Schema.isSchema(op.input)) return op.input
  let d = decoders.get(op)
  if (d === undefined) {
    d = decoder(op.input as never, op.entity ?? op.tag)
    decoders.set(op, d)
  }
  return d
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)
const has = (o: Record<string, unknown>, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key)

/** Adds a fresh id when the input has none (offline clients may bring their own ids). */
const withId = (input: unknown): unknown =>
  isPlainObject(input) && !has(input, "id") ? { ...input, id: globalThis.crypto.randomUUID() } : input

/** Sets a missing attribution field from the actor (copying only the objects on the path). */
const fill = (
  raw: unknown,
  path: ReadonlyArray<string | number>,
  a: Operation.Attribution,
  actorId: string
): unknown => {
  const [key, ...rest] = path
  if (key === undefined) return raw
  if (Array.isArray(raw) && typeof key === "number") {
    if (key >= raw.length) return raw
    const copy: Array<unknown> = [...(raw as ReadonlyArray<unknown>)]
    copy[key] = fill(copy[key], rest, a, actorId)
    return copy
  }
  if (!isPlainObject(raw)) return raw
  if (rest.length === 0) {
    if (has(raw, key) || (a.when !== undefined && raw["_tag"] !== a.when)) return raw
    return { ...raw, [key]: a.many ? [actorId] : actorId }
  }
  return has(raw, key) ? { ...raw, [key]: fill(raw[key], rest, a, actorId) } : raw
}

/** The decoded value at a path, and whether the attribution applies there. */
const at = (
  value: unknown,
  path: ReadonlyArray<string | number>,
  when: string | undefined
): { readonly found: boolean; readonly value?: unknown } => {
  let here: unknown = value
  for (const [i, key] of path.entries()) {
    if (typeof here !== "object" || here === null) return { found: false }
    if (i === path.length - 1 && when !== undefined && (here as Record<string, unknown>)["_tag"] !== when) {
      return { found: false }
    }
    here = (here as Record<PropertyKey, unknown>)[key]
  }
  return { found: here !== undefined, value: here }
}

const pathText = (path: ReadonlyArray<string | number>) =>
  path.map((k) => typeof k === "number" ? `[${k}]` : `.${k}`).join("").replace(/^\./, "")

const checkAttribution = (op: Operation.Any, input: unknown, actorId: string): Effect.Effect<void, InvalidCommand> => {
  for (const a of op.attribution ?? []) {
    const found = at(input, a.path, a.when)
    if (!found.found) continue
    const ok = a.many
      ? Array.isArray(found.value) && found.value.includes(actorId)
      : found.value === actorId
    if (!ok) {
      return Effect.fail(
        new InvalidCommand({
          operation: op.tag,
          field: pathText(a.path),
          rule: a.many ? "must include the acting staff member" : "must be the acting staff member"
        })
      )
    }
  }
  return Effect.void
}

const say = (x: Verdict.Said): Warning => ({
  principle: x.principle,
  rule: x.rule,
  reason: x.reason,
  messageKey: x.messageKey
})

const refusal = (
  config: Config,
  decision: EngineDecision,
  operation: string,
  command: Command,
  facts: Facts
): CommandRefused => {
  const explanation = config.engine.explain(command, facts)
  return new CommandRefused({
    operation,
    violations: decision._tag === "Denied" ? decision.violations.map(say) : [],
    requirements: decision._tag === "Allowed"
      ? []
      : decision.requirements.map((r) => ({
        principle: r.principle,
        rule: r.rule,
        kind: r.requirement.kind,
        ...(r.requirement.purpose !== undefined ? { purpose: r.requirement.purpose } : {}),
        detail: r.requirement.detail,
        messageKey: r.messageKey
      })),
    explanation: explanation.steps.map((s) => ({ rule: s.rule, principle: s.principle, verdict: s.verdict._tag }))
  })
}

/** Organisation-wide, or in any one of the actor's services. */
const anywhere = (
  actor: Pick<StaffMember, "id" | "grants">,
  authorize: (serviceId: string | undefined) => Result.Result<Access.Grant, Access.AccessDenied>
): Result.Result<Access.Grant, Access.AccessDenied> => {
  const first = authorize(undefined)
  if (Result.isSuccess(first)) return first
  for (const grant of actor.grants) {
    if (grant.services === "*") continue
    for (const serviceId of grant.services) {
      const attempt = authorize(serviceId)
      if (Result.isSuccess(attempt)) return attempt
    }
  }
  return first
}

/**
 * Builds the pipeline over the {@link Store} and {@link FieldCrypto} in context.
 * @since 0.2.0
 * @category constructors
 */
export const make = Effect.fnUntraced(function*(config: Config) {
  const store = yield* Store
  const crypto = yield* FieldCrypto
  const vault = Vault.make(store, crypto)
  const legalGrounds = LegalGround.index([...LegalGround.builtin, ...(config.legalGrounds ?? [])])
  const directory = yield* Effect.serviceOption(StaffDirectory)
  // The blind index's key, when the application provides one (`Pseudonym.layer`): people are
  // then written with their lookup tokens and can be found by nickname or code.
  const pseudonyms = yield* Effect.serviceOption(PseudonymKey)

  /** A change's record, with its blind-index tokens when it is a person. */
  const toWrite = (c: Operation.Change): Effect.Effect<StoreModule.RecordWrite> => {
    const write = c.toWrite(c.expectedVersion)
    if (c.kind !== mappings.person.kind || Option.isNone(pseudonyms)) return Effect.succeed(write)
    return Effect.map(
      BlindIndex.tokensOf(pseudonyms.value, c.entity as Person),
      (lookup) => lookup.length === 0 ? write : { ...write, lookup }
    )
  }
  // The plugins' operations are authorised by their own rows, next to core's matrix.
  const authorizeIn = config.access === undefined
    ? Access.authorize
    : Access.authorizeWith({ ...matrix, ...config.access })

  const decodeStored = <A>(
    m: Mapping<A>,
    record: StoredRecord,
    open = vault.opener()
  ): Effect.Effect<Operation.Loaded<A>, CaseworkError> =>
    open(record).pipe(
      Effect.flatMap((plain) =>
        Effect.mapError(
          Schema.decodeUnknownEffect(m.schema)(plain),
          () =>
            StoreModule.fail(
              "get",
              new StoreModule.CorruptData({ detail: `a stored ${m.kind} record does not decode` })
            )
        )
      ),
      Effect.map((value) => ({ value, version: record.version }))
    )

  /** A person as shared at `now`: `sharedWith` judged against their sharing consents in force (see sharing.ts). */
  const sharedNow = <A>(m: Mapping<A>, loaded: Operation.Loaded<A>, now: DateTime.Utc) => {
    const person = loaded.value as Person
    if (m.kind !== mappings.person.kind || person.sharedWith.length === 0) return Effect.succeed(loaded)
    return store.list({ kind: mappings.consent.kind, personId: person.id, serviceId: person.serviceId }).pipe(
      Effect.flatMap((records) => Effect.forEach(records, (r) => decodeStored(mappings.consent, r))),
      Effect.map((consents) => ({ ...loaded, value: sharedAt(person, consents.map((c) => c.value), now) as A }))
    )
  }

  const reader = (overlay: Overlay | undefined, read: Array<Operation.Precondition>, now: DateTime.Utc) => {
    const note = (kind: string, id: string, version: number) => read.push({ kind, id, version })
    const find = <A>(m: Mapping<A>, id: string): Effect.Effect<Option.Option<Operation.Loaded<A>>, CaseworkError> => {
      const pending = overlay?.get(m.kind, id)
      if (pending !== undefined) {
        return Effect.succeed(Option.some({ value: pending.value as A, version: pending.version }))
      }
      const known = overlay?.found.get(`${m.kind}/${id}`) as Option.Option<Operation.Loaded<A>> | undefined
      if (known !== undefined) {
        if (Option.isSome(known)) note(m.kind, id, known.value.version)
        return Effect.succeed(known)
      }
      return store.get(m.kind, id).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.succeed(Option.none<Operation.Loaded<A>>()),
          onSome: (record) =>
            decodeStored(m, record).pipe(Effect.flatMap((l) => sharedNow(m, l, now)), Effect.map(Option.some))
        })),
        Effect.map((found) => {
          if (Option.isSome(found)) note(m.kind, id, found.value.version)
          overlay?.found.set(`${m.kind}/${id}`, found)
          return found
        })
      )
    }
    const load = <A>(m: Mapping<A>, id: string): Effect.Effect<Operation.Loaded<A>, CaseworkError> =>
      Effect.flatMap(
        find(m, id),
        Option.match({
          onNone: () => Effect.fail(new NotFound({ kind: m.kind, id })),
          onSome: Effect.succeed
        })
      )
    /** The stored records of a list, decoded (once per unit of work in a batch). */
    const stored = <A>(
      m: Mapping<A>,
      query: { readonly serviceId?: string; readonly personId?: string }
    ): Effect.Effect<ReadonlyArray<{ readonly id: string; readonly loaded: Operation.Loaded<A> }>, CaseworkError> => {
      const key = `${m.kind}?${query.serviceId ?? ""}&${query.personId ?? ""}`
      const known = overlay?.lists.get(key)
      if (known !== undefined) {
        return Effect.succeed(known as ReadonlyArray<{ readonly id: string; readonly loaded: Operation.Loaded<A> }>)
      }
      return store.list({ kind: m.kind, ...query }).pipe(
        Effect.flatMap((records) => {
          const open = vault.opener()
          return Effect.forEach(
            records,
            (r) => Effect.map(decodeStored(m, r, open), (loaded) => ({ id: r.id, loaded }))
          )
        }),
        Effect.tap((loaded) => Effect.sync(() => overlay?.lists.set(key, loaded)))
      )
    }
    const listed = <A>(
      m: Mapping<A>,
      query: { readonly serviceId?: string; readonly personId?: string },
      noted: boolean
    ) =>
      stored(m, query).pipe(
        Effect.map((records) => {
          const out: Array<Operation.Loaded<A>> = []
          for (const r of records) {
            if (overlay?.get(m.kind, r.id) !== undefined) continue
            if (noted) note(m.kind, r.id, r.loaded.version)
            out.push(r.loaded)
          }
          return out
        }),
        Effect.map((loaded): ReadonlyArray<Operation.Loaded<A>> => {
          if (overlay === undefined) return loaded
          const extra = Array.from(overlay.ofKind(m.kind)).filter((p) =>
            (query.serviceId === undefined || p.index.serviceId === query.serviceId) &&
            (query.personId === undefined || p.index.personIds.includes(query.personId))
          )
          if (extra.length === 0) return loaded
          const all = [
            ...loaded.map((l) => ({ l, at: m.index(l.value).at ?? "", id: m.id(l.value) })),
            ...extra.map((p) => ({ l: { value: p.value as A, version: p.version }, at: p.index.at ?? "", id: p.id }))
          ]
          all.sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
          return all.map((x) => x.l)
        })
      )
    /** One page of a kind's records (not noted, not overlaid: lists are reads outside batches). */
    const loadPage = <A>(m: Mapping<A>, query: StoreModule.PageQuery) =>
      store.page({ ...query, kind: m.kind }).pipe(
        Effect.catchIf(
          (e) => e.reason._tag === "InvalidQuery" && e.reason.field !== undefined,
          (e) => {
            // The store's detail names the field and its rule, never a value.
            const { detail, field } = e.reason as StoreModule.InvalidQuery
            return Effect.fail(
              new InvalidInput({ entity: m.kind, problems: [{ path: field ?? "query", rule: detail }] })
            )
          }
        ),
        Effect.flatMap((page) => {
          const open = vault.opener()
          return Effect.map(
            Effect.forEach(
              page.records,
              (r) => Effect.map(decodeStored(m, r, open), (loaded) => ({ loaded, at: r.at, id: r.id }))
            ),
            (items): Operation.LoadedPage<A> => ({ items, next: page.next })
          )
        })
      )
    /** The records of a kind for a person and/or a service (not noted: for answers and histories). */
    const loadAll = <A>(m: Mapping<A>, query: { readonly serviceId?: string; readonly personId?: string }) =>
      listed(m, query, false)
    /** The same, each noted with its version: for facts a decision rests on. */
    const list = <A>(m: Mapping<A>, query: { readonly serviceId?: string; readonly personId?: string }) =>
      listed(m, query, true)
    return { find, load, loadAll, list, loadPage }
  }

  /**
   * The acting staff member, as the directory knows them: the provided {@link StaffDirectory},
   * or the store's `staff` records (read through the unit of work). Unknown: no grants at all.
   */
  const resolveActor = (id: Ids.WorkerId, r: ReturnType<typeof reader>): Effect.Effect<StaffMember, CaseworkError> =>
    Effect.map(
      Option.isSome(directory)
        ? directory.value.find(id)
        : Effect.map(r.find(mappings.staff, id), Option.map((l) => l.value)),
      Option.getOrElse(() => new StaffMember({ id, grants: [] }))
    )

  const directoryIsEmpty = (r: ReturnType<typeof reader>): Effect.Effect<boolean, CaseworkError> =>
    Option.isSome(directory)
      ? directory.value.isEmpty
      : Effect.map(r.loadAll(mappings.staff, {}), (all) => all.length === 0)

  /** Authorises the actor for the subject; an existing subject outside their services is NotFound. */
  const locate = Effect.fnUntraced(function*(
    op: Operation.Any,
    actor: StaffMember,
    input: unknown,
    r: ReturnType<typeof reader>
  ) {
    const subject = op.subject
    const authorize = (serviceId: string | undefined) =>
      authorizeIn(actor, op.tag, serviceId as Ids.ServiceId | undefined)
    switch (subject._tag) {
      case "Organisation": {
        return { grant: yield* Effect.fromResult(authorize(undefined)), value: undefined }
      }
      case "Setup": {
        if (!(yield* directoryIsEmpty(r))) {
          const roles = [...new Set(actor.grants.map((g) => g.role))]
          return yield* Effect.fail(
            new Access.AccessDenied({ actorId: actor.id, roles, operation: op.tag, reason: "already-set-up" })
          )
        }
        const first = { role: "administrator", services: "*" } as const
        const grant: Access.Grant = {
          actorId: actor.id,
          operation: op.tag,
          role: "administrator",
          scope: "organisation",
          serviceId: undefined,
          grant: first
        }
        return { grant, value: undefined }
      }
      case "Anywhere": {
        return { grant: yield* Effect.fromResult(anywhere(actor, authorize)), value: undefined }
      }
      case "New": {
        const serviceId = subject.serviceId(input as never)
        const grant = yield* Effect.fromResult(authorize(serviceId))
        if (!subject.loadService || serviceId === undefined) return { grant, value: undefined }
        return { grant, value: yield* r.load(mappings.service, serviceId) }
      }
      case "Existing": {
        // Whether the actor's roles may do this anywhere does not depend on the record: say so.
        const atAll = authorize(undefined)
        if (Result.isFailure(atAll) && atAll.failure.reason !== "service-required") {
          return yield* Effect.fail(atAll.failure)
        }
        const id = subject.id(input as never)
        const mapping = subject.mappingOf?.(input as never) ?? subject.mapping
        const found = yield* r.find(mapping, id)
        if (Option.isSome(found)) {
          const services = subject.services(found.value.value as never)
          // A record of no service (a location) is the organisation's: authorised as `anywhere`.
          if (services.length === 0) {
            const attempt = anywhere(actor, authorize)
            if (Result.isSuccess(attempt)) return { grant: attempt.success, value: found.value }
          }
          for (const serviceId of services) {
            const attempt = authorize(serviceId)
            if (Result.isSuccess(attempt)) return { grant: attempt.success, value: found.value }
          }
        }
        return yield* Effect.fail(new NotFound({ kind: mapping.kind, id }))
      }
    }
  })

  const contextFor = (
    actor: StaffMember,
    grant: Access.Grant,
    now: DateTime.Utc,
    r: ReturnType<typeof reader>
  ): Operation.Context => ({
    actor,
    grant,
    now,
    config,
    store,
    load: r.load,
    loadAll: r.loadAll,
    loadPage: r.loadPage,
    // Built only when an operation asks for the whole directory (building it reads the store).
    staff: Option.isSome(directory)
      ? directory.value.all ?? Effect.succeed([])
      : Effect.suspend(() => Effect.map(r.loadAll(mappings.staff, {}), (all) => all.map((l) => l.value))),
    personOfService: (field, personId, serviceId) =>
      Effect.flatMap(
        r.find(mappings.person, personId),
        (p) =>
          Option.isSome(p) &&
            (p.value.value.serviceId === serviceId || p.value.value.sharedWith.includes(serviceId as Ids.ServiceId))
            ? Effect.succeed(p.value)
            : Effect.fail(
              new InvalidCommand({ operation: grant.operation, field, rule: "the person is not known to this service" })
            )
      ),
    may: (operation, serviceId, without) =>
      Result.isSuccess(authorizeIn(
        without === undefined ? actor : { id: actor.id, grants: actor.grants.filter((g) => g.role !== without) },
        operation,
        serviceId as Ids.ServiceId | undefined
      )),
    serviceInfo: (service) => config.serviceTypes.get(service.type),
    lookupToken: (serviceId, field, value) =>
      Option.isSome(pseudonyms)
        ? BlindIndex.token(pseudonyms.value, serviceId, field, value)
        : Effect.fail(
          new InvalidCommand({
            operation: grant.operation,
            field,
            rule:
              "finding by nickname or code needs the pseudonym key (Pseudonym.layer) provided with the case-work layer"
          })
        ),
    dataKeysOf: (personId) => vault.keysOf(personId),
    isLegalGround: (code) => legalGrounds.has(code),
    judge: (command, service, person) =>
      Effect.flatMap(factsOf(config, actor, grant, now, command, service, person, r), (facts) => {
        const verdict = config.engine.check(command, facts)
        return verdict._tag === "Denied"
          ? Effect.fail(refusal(config, verdict, grant.operation, command, facts))
          : Effect.void
      }),
    facts: (service: Service | undefined, person: Person | undefined, command?: Command) =>
      factsOf(config, actor, grant, now, command, service, person, r)
  })

  /** Decode, authorise, check: the common front of writes and reads. */
  const front = Effect.fnUntraced(
    function*(op: Operation.Any, rawActor: unknown, rawInput: unknown, overlay: Overlay | undefined) {
      const id = yield* Effect.fromResult(actorId(rawActor))
      let prepared = op.newId ? withId(rawInput) : rawInput
      for (const a of op.attribution ?? []) prepared = fill(prepared, a.path, a, id)
      const input = yield* Effect.fromResult(inputDecoder(op)(prepared))
      yield* checkAttribution(op, input, id)
      const read: Array<Operation.Precondition> = []
      const now = yield* DateTime.now
      const r = reader(overlay, read, now)
      const actor = yield* resolveActor(id, r)
      const { grant, value } = yield* locate(op, actor, input, r)
      const ctx = contextFor(actor, grant, now, r)
      for (const check of op.checks ?? []) yield* check(ctx, input as never, value as never)
      return { actor, input, subject: value, grant, ctx, read }
    }
  )

  const plan = Effect.fnUntraced(
    function*(op: Operation.Any, rawActor: unknown, rawInput: unknown, overlay: Overlay | undefined) {
      if (op.kind !== "write") return yield* Effect.die(new Error(`${op.tag} is not a write`))
      const { ctx, grant, input, read, subject } = yield* front(op, rawActor, rawInput, overlay)
      const decision = yield* op.decide(ctx, input as never, subject as never)
      const judged = decision.judgedAs ?? decision.command
      const facts: Facts = { ...(yield* ctx.facts(decision.service, decision.person, judged)), ...decision.extraFacts }
      const verdict = config.engine.check(judged, facts)
      if (verdict._tag !== "Allowed") {
        return yield* Effect.fail(refusal(config, verdict, decision.command._tag, judged, facts))
      }
      const unit: PlannedUnit<unknown> = {
        operation: op.tag,
        changes: decision.changes,
        deletes: decision.deletes ?? [],
        renamePeople: decision.renamePeople ?? [],
        preconditions: read,
        audit: {
          at: DateTime.formatIso(ctx.now),
          actor: grant.actorId,
          role: grant.role,
          operation: decision.command._tag,
          outcome: "allowed",
          ...(grant.serviceId !== undefined ? { serviceId: grant.serviceId } : {}),
          subjects: [
            ...decision.changes.map((c) => ({ kind: c.kind, id: c.id })),
            ...(decision.subjects ?? []),
            // Destroyed data keys are named (random ids: an erasure can be replayed on a restored
            // backup); a deleted person's old id is not (it must not lead to the new one).
            ...(decision.deletes ?? []).filter((d) => d.kind === "data-key").map((d) => ({ kind: d.kind, id: d.id }))
          ],
          ...(decision.legalGround !== undefined ? { legalGround: decision.legalGround } : {})
        },
        warnings: verdict.warnings.map(say),
        result: decision.result
      }
      return unit
    }
  )

  /** Encrypts the units' records and commits them with their audit entries in one store commit. */
  const commit = Effect.fnUntraced(function*(units: ReadonlyArray<PlannedUnit<unknown>>) {
    // A record written twice in one unit of work is written once: its last state, against the
    // version it had before the unit.
    const merged = new Map<string, Operation.Change>()
    for (const unit of units) {
      for (const c of unit.changes) {
        const key = `${c.kind}/${c.id}`
        const before = merged.get(key)
        merged.set(key, before === undefined ? c : { ...c, expectedVersion: before.expectedVersion })
      }
    }
    const writes = yield* vault.seal(
      yield* Effect.forEach([...merged.values()], (c) => Effect.map(toWrite(c), (write) => ({ write, owner: c.owner })))
    )
    const deletes = units.flatMap((u) => u.deletes)
    const renamePeople = units.flatMap((u) => u.renamePeople)
    // The records the decisions rested on, at the versions read: if any moved before this commit,
    // it fails with a retryable Conflict and stores nothing.
    const expect = new Map<string, StoreModule.Precondition>()
    for (const unit of units) {
      for (const p of unit.preconditions) {
        expect.set(`${p.kind}/${p.id}/${p.version}`, {
          kind: p.kind as StoreModule.RecordKind,
          id: p.id,
          version: p.version
        })
      }
    }
    yield* store.commit({
      writes,
      ...(deletes.length > 0 ? { deletes } : {}),
      ...(renamePeople.length > 0 ? { renamePeople } : {}),
      audit: units.map((u) => u.audit),
      expect: [...expect.values()]
    })
  })

  const written = <A>(unit: PlannedUnit<A>): Written<A> => ({ value: unit.result, warnings: unit.warnings })

  /** Runs one operation through the whole road. */
  const run = (op: Operation.Any) => (rawActor: unknown, rawInput: unknown): Effect.Effect<unknown, CaseworkError> => {
    if (op.kind === "write") {
      return Effect.flatMap(plan(op, rawActor, rawInput, undefined), (unit) => Effect.as(commit([unit]), written(unit)))
    }
    return Effect.gen(function*() {
      const { ctx, grant, input, subject } = yield* front(op, rawActor, rawInput, undefined)
      const answer = yield* op.answer(ctx, input as never, subject as never)
      if (answer.audit !== undefined) {
        yield* store.commit({
          writes: [],
          audit: [{
            at: DateTime.formatIso(ctx.now),
            actor: grant.actorId,
            role: grant.role,
            operation: answer.audit.operation,
            outcome: "read",
            ...(grant.serviceId !== undefined ? { serviceId: grant.serviceId } : {}),
            subjects: answer.audit.subjects
          }]
        })
      }
      return answer.result
    })
  }

  const BatchInput = Schema.Array(Schema.Struct({ op: Schema.String, input: Schema.Unknown }))
  const decodeBatch = decoder(BatchInput, "Batch")

  /**
   * Runs many writes as one unit of work: each through the same road and principles, later ones
   * seeing earlier ones' writes; all committed in one store commit, or none. A failure names the
   * index of the command that failed. With `dryRun` nothing is committed; with `allRefusals`
   * every command is tried (a refused one's writes are left out) and the failure lists them all.
   */
  const batch = (table: Readonly<Record<string, Operation.Any>>) =>
  (
    rawActor: unknown,
    rawItems: unknown,
    options?: BatchOptions
  ): Effect.Effect<ReadonlyArray<Written<unknown>>, CaseworkError> =>
    Effect.gen(function*() {
      const items = yield* Effect.fromResult(decodeBatch(rawItems))
      const overlay = new Overlay()
      const units: Array<PlannedUnit<unknown>> = []
      const refusals: Array<BatchRefused> = []
      for (const [index, item] of items.entries()) {
        const op = Object.prototype.hasOwnProperty.call(table, item.op) ? table[item.op] : undefined
        const planned = yield* Effect.result(
          op === undefined || op.kind !== "write"
            ? Effect.fail(
              new InvalidCommand({
                operation: "Batch",
                field: `[${index}].op`,
                rule: "not a write operation of the case-work API"
              })
            )
            : plan(op, rawActor, item.input, overlay)
        )
        if (Result.isFailure(planned)) {
          const refused = new BatchRefused({ index, operation: item.op, error: planned.failure })
          if (options?.allRefusals !== true) return yield* Effect.fail(refused)
          refusals.push(refused)
          continue
        }
        overlay.add(planned.success.changes)
        units.push(planned.success)
        yield* options?.onPlanned?.(index) ?? Effect.void
      }
      if (refusals.length > 0) {
        const [first, ...later] = refusals
        return yield* Effect.fail(
          new BatchRefused({
            ...first!,
            later: later.map((r) => ({ index: r.index, operation: r.operation, error: r.error as unknown }))
          })
        )
      }
      if (units.length > 0 && options?.dryRun !== true) yield* commit(units)
      return units.map(written)
    })

  return { run, batch, plan, commit } as const
})
