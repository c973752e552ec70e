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
 * The stages live beside it: `inputs.ts` (the actor's id, the input prepared, decoded and
 * checked against the actor), `authorise.ts` (the actor in the staff directory, the operation
 * authorised for its subject), `unitOfWork.ts` (reads through the unit of work, noting the
 * versions a decision rests on) and `facts.ts` (the facts the principles judge).
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Option, Result, Schema } from "effect"
import * as Access from "../access/Access.js"
import { matrix } from "../access/matrix.js"
import type { AuditDraft } from "../Audit.js"
import type { Command } from "../Command.js"
import { decoder, type InvalidInput } from "../Decode.js"
import type { Facts } from "../Facts.js"
import type { StaffMember } from "../model/Actor.js"
import type { Service } from "../model/Directory.js"
import type * as Ids from "../model/Ids.js"
import * as LegalGround from "../model/LegalGround.js"
import type { Person } from "../model/Person.js"
import type { Decision as EngineDecision } from "../principles/Decision.js"
import type * as Verdict from "../principles/Verdict.js"
import * as BlindIndex from "../privacy/BlindIndex.js"
import { Cipher, FieldCrypto } from "../privacy/FieldCrypto.js"
import { PseudonymKey } from "../privacy/Pseudonym.js"
import * as Vault from "../privacy/Vault.js"
import * as StoreModule from "../Store.js"
import { type PersonRename, type RecordDelete, Store } from "../Store.js"
import { makeAuthoriser } from "./authorise.js"
import type { BatchOptions, CaseworkError, Config, Written } from "./Config.js"
import { BatchRefused, CommandRefused, InvalidCommand } from "./Errors.js"
import { factsOf, judgeOn } from "./facts.js"
import { withTokens } from "./IndexTokens.js"
import { actorId, decodeInput } from "./inputs.js"
import type * as Operation from "./Operation.js"
import { mappings } from "./Records.js"
import { StaffDirectory } from "./StaffDirectory.js"
import { Kept, makeReader, Overlay, type Reader } from "./unitOfWork.js"

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

/** The acting staff member's id as decoded from what the caller passed (once per unit of work). */
type ActorRef = Result.Result<Ids.WorkerId, InvalidInput>

/** A unit of work: a batch's overlay of pending writes (none for one command), and its vault session. */
interface Unit {
  readonly overlay: Overlay | undefined
  readonly vault: Vault.VaultSession
  /** Decide no earlier than this (a commit found the audit log's last entry later than the clock). */
  readonly notBefore?: DateTime.Utc | undefined
  /** A single write's: the kept directory records its decision used (`kind/id`). */
  readonly served?: Set<string> | undefined
}

/** How often a single command is decided again when others committed after it started. */
const AGAIN = 5

/** The kept record a unit's commit found changed, when its decision used the kept one. */
const staleKept = (
  error: unknown,
  served: ReadonlySet<string> | undefined
): { readonly kind: string; readonly id: string } | undefined => {
  if (served === undefined || !(error instanceof StoreModule.StoreError) || error.reason._tag !== "Conflict") {
    return undefined
  }
  const { id, kind } = error.reason
  return served.has(`${kind}/${id}`) ? { kind, id } : undefined
}

/** The time a unit that committed too early must be decided again at, from the store's conflict. */
const notBeforeOf = (error: unknown): DateTime.Utc | undefined => {
  if (!(error instanceof StoreModule.StoreError) || error.reason._tag !== "Conflict") return undefined
  const at = error.reason.notBefore
  return at === undefined ? undefined : DateTime.makeUnsafe(at)
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

/**
 * Builds the pipeline over the {@link Store} and {@link FieldCrypto} in context.
 * @since 0.2.0
 * @category constructors
 */
export const make = Effect.fnUntraced(function*(config: Config) {
  const store = yield* Store
  const crypto = yield* FieldCrypto
  const vault = Vault.make(store, crypto, yield* Cipher)
  const legalGrounds = LegalGround.index([...LegalGround.builtin, ...(config.legalGrounds ?? [])])
  const directory = yield* Effect.serviceOption(StaffDirectory)
  // The blind index's key, when the application provides one (`Pseudonym.layer`): people are
  // then written with their lookup tokens and can be found by nickname or code.
  const pseudonyms = yield* Effect.serviceOption(PseudonymKey)

  /** A change's record, with its blind-index tokens when it is a person. */
  const toWrite = (c: Operation.Change): Effect.Effect<StoreModule.RecordWrite> => {
    const write = c.toWrite(c.expectedVersion)
    if (c.kind !== mappings.person.kind || Option.isNone(pseudonyms)) return Effect.succeed(write)
    return Effect.map(BlindIndex.indexOf(pseudonyms.value, c.entity as Person), (lookup) => withTokens(write, lookup))
  }
  // The plugins' operations are authorised by their own rows, next to core's matrix.
  const authorizeIn = config.access === undefined
    ? Access.authorize
    : Access.authorizeWith({ ...matrix, ...config.access })
  const kept = new Kept()
  const reader = makeReader(store, kept)
  const { locate, resolveActor } = makeAuthoriser(directory, authorizeIn)

  const contextFor = (
    actor: StaffMember,
    grant: Access.Grant,
    now: DateTime.Utc,
    r: Reader
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
    function*(op: Operation.Any, actorRef: ActorRef, rawInput: unknown, unit: Unit) {
      const id = yield* Effect.fromResult(actorRef)
      const input = yield* decodeInput(op, id, rawInput)
      const read: Array<Operation.Precondition> = []
      const clock = yield* DateTime.now
      const now = unit.notBefore === undefined ? clock : DateTime.max(clock, unit.notBefore)
      const r = reader(unit.overlay, read, unit.vault, now, op.kind === "write" ? unit.served : undefined)
      const actor = yield* resolveActor(id, r, unit.overlay)
      const { grant, value } = yield* locate(op, actor, input, r)
      const ctx = contextFor(actor, grant, now, r)
      for (const check of op.checks ?? []) yield* check(ctx, input as never, value as never)
      return { actor, input, subject: value, grant, ctx, read, r }
    }
  )

  const plan = Effect.fnUntraced(
    function*(op: Operation.Any, actorRef: ActorRef, rawInput: unknown, unit: Unit) {
      if (op.kind !== "write") return yield* Effect.die(new Error(`${op.tag} is not a write`))
      const { actor, ctx, grant, input, r, read, subject } = yield* front(op, actorRef, rawInput, unit)
      const decision = yield* op.decide(ctx, input as never, subject as never)
      const judged = decision.judgedAs ?? decision.command
      // Judged on the facts its rules look at: a part no rule looks at is not read (nor named by the commit).
      const { decision: verdict, facts } = yield* judgeOn(
        config,
        actor,
        grant,
        ctx.now,
        judged,
        decision.service,
        decision.person,
        r,
        decision.extraFacts
      )
      if (verdict._tag !== "Allowed") {
        return yield* Effect.fail(refusal(config, verdict, decision.command._tag, judged, facts))
      }
      const planned: PlannedUnit<unknown> = {
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
      return planned
    }
  )

  /** Encrypts the units' records and commits them with their audit entries in one store commit. */
  const commit = Effect.fnUntraced(function*(
    units: ReadonlyArray<PlannedUnit<unknown>>,
    session: Vault.VaultSession,
    inTimeOrder = false
  ) {
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
    const writes = yield* session.seal(
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
    // The directory records written here are read afresh by the next decisions.
    for (const c of merged.values()) kept.forget(c.kind, c.id)
    yield* store.commit({
      writes,
      ...(deletes.length > 0 ? { deletes } : {}),
      ...(renamePeople.length > 0 ? { renamePeople } : {}),
      audit: units.map((u) => u.audit),
      expect: [...expect.values()],
      // Refused (retryably) when another commit got in with a later time since the units were
      // decided: decided again, their times are not earlier than it (`run`).
      ...(inTimeOrder && units.length > 0
        ? { at: units.map((u) => u.audit.at).reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) }
        : {})
    })
  })

  const written = <A>(unit: PlannedUnit<A>): Written<A> => ({ value: unit.result, warnings: unit.warnings })

  /** Runs one operation through the whole road. */
  const run = (op: Operation.Any) => (rawActor: unknown, rawInput: unknown): Effect.Effect<unknown, CaseworkError> => {
    if (op.kind === "write") {
      // A command is stamped with the time it is decided at, and committed only if no commit with
      // a later time got in meanwhile; if one did, it is decided again, no earlier than that one
      // (a withdrawal that started before a disclosure on its consent but commits after it takes
      // effect after it, not a millisecond before).
      // A decision that used a kept directory record which changed meanwhile is decided again,
      // with that record read afresh; so is a refusal that rested on kept records (a grant or a
      // channel added by another process is never refused on the old record).
      const attempt = (notBefore: DateTime.Utc | undefined, left: number): Effect.Effect<unknown, CaseworkError> =>
        Effect.suspend(() => {
          const served = new Set<string>()
          const unit: Unit = { overlay: undefined, vault: vault.session(), notBefore, served }
          const refusedOnKept = (error: unknown) => served.size > 0 && !(error instanceof StoreModule.StoreError)
          return Effect.flatMap(
            plan(op, actorId(rawActor), rawInput, unit),
            (planned) => Effect.as(commit([planned], unit.vault, true), written(planned))
          ).pipe(Effect.catchIf(
            (error) =>
              left > 0 &&
              (notBeforeOf(error) !== undefined || staleKept(error, served) !== undefined || refusedOnKept(error)),
            (error) => {
              if (refusedOnKept(error)) kept.forgetAll(served)
              const stale = staleKept(error, served)
              if (stale !== undefined) kept.forget(stale.kind, stale.id)
              return attempt(notBeforeOf(error) ?? notBefore, left - 1)
            }
          ))
        })
      return attempt(undefined, AGAIN)
    }
    return Effect.gen(function*() {
      const unit: Unit = { overlay: undefined, vault: vault.session() }
      const { ctx, grant, input, subject } = yield* front(op, actorId(rawActor), rawInput, unit)
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
      // The actor's id is decoded once; each command still resolves the actor through the unit
      // of work (a `setStaff` earlier in the batch is seen by the commands after it).
      const actorRef = actorId(rawActor)
      const overlay = new Overlay()
      const unit: Unit = { overlay, vault: vault.session() }
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
            : plan(op, actorRef, item.input, unit)
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
      if (units.length > 0 && options?.dryRun !== true) yield* commit(units, unit.vault)
      return units.map(written)
    })

  return { run, batch, plan, commit } as const
})
