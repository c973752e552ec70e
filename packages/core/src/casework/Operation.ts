/**
 * An operation of the case-work API, declared as data: its tag (its row in the access matrix
 * and its command for the principles), its input schema, its subject (a new record in a
 * service, or an existing record by id), its domain checks and what it decides. The
 * {@link Pipeline} runs every operation the same way; nothing here decodes, authorises, reads
 * facts, encrypts or commits by itself.
 *
 * @since 0.2.0
 */
import type { DateTime, Effect, Result, Schema } from "effect"
import type { Grant } from "../access/Access.js"
import type { Row, Sensitivity } from "../access/matrix.js"
import type { Command } from "../Command.js"
import type { InvalidInput } from "../Decode.js"
import type { Facts } from "../Facts.js"
import type { Role, StaffMember } from "../model/Actor.js"
import type { Service } from "../model/Directory.js"
import type { ServiceId } from "../model/Ids.js"
import type { Person } from "../model/Person.js"
import type * as BlindIndex from "../privacy/BlindIndex.js"
import type { PageQuery, PersonRename, RecordDelete, RecordKind, RecordWrite, StoreShape } from "../Store.js"
import type { CaseworkError, Config, ServiceTypeInfo } from "./Config.js"
import type { InvalidCommand } from "./Errors.js"
import { type Mapping, type RecordIndex, toWrite } from "./Records.js"

export * from "./subjects.js"

/**
 * An entity as read from the store, with the version the decision rests on.
 * @since 0.2.0
 * @category models
 */
export interface Loaded<A> {
  readonly value: A
  readonly version: number
}

/**
 * One record an operation writes: its mapping, the entity and the version it replaces (0 to
 * create). Entities are plain here; the pipeline encrypts them at the commit.
 * @since 0.2.0
 * @category models
 */
export interface Change {
  readonly kind: RecordKind
  readonly id: string
  readonly entity: unknown
  readonly index: RecordIndex
  readonly expectedVersion: number
  /** The record to store (plain; the pipeline encrypts its personal fields). */
  readonly toWrite: (expectedVersion: number) => RecordWrite
  /** The person whose data key encrypts the record's personal fields, if one (see `Entity`). */
  readonly owner: string | undefined
}

/**
 * Builds a {@link Change}.
 * @since 0.2.0
 * @category constructors
 */
export const change = <A>(
  mapping: Mapping<A>,
  entity: A,
  expectedVersion: number,
  options?: {
    /**
     * A guard key for this write instead of the one the entity's mapping gives: for an "at most
     * once" that belongs to the operation rather than to the record (see `RecordWrite.key`).
     */
    readonly key?: string
  }
): Change => {
  const key = options?.key
  const index = key === undefined ? mapping.index(entity) : { ...mapping.index(entity), key }
  return {
    kind: mapping.kind,
    id: mapping.id(entity),
    entity,
    index,
    expectedVersion,
    toWrite: (
      version
    ) => (key === undefined ? toWrite(mapping, entity, version) : { ...toWrite(mapping, entity, version), key }),
    owner: mapping.owner(entity)
  }
}

/**
 * A page of decoded records, each with its place (`Store.Keyset`) in the order of pages, and the
 * store's cursor of the next page.
 * @since 0.2.0
 * @category models
 */
export interface LoadedPage<A> {
  readonly items: ReadonlyArray<{ readonly loaded: Loaded<A>; readonly at: string | null; readonly id: string }>
  readonly next?: string | undefined
}

/**
 * A record a decision rested on, at the version it was read. The pipeline collects them into
 * the planned unit (the hook for commit preconditions: stale facts → retryable conflict).
 * @since 0.2.0
 * @category models
 */
export interface Precondition {
  readonly kind: string
  readonly id: string
  readonly version: number
}

/**
 * What an operation may use while it runs: the decoded actor and the grant that allowed it, the
 * time of the decision, and reads through the current unit of work (in a batch, earlier
 * commands' writes are visible).
 * @since 0.2.0
 * @category models
 */
export interface Context {
  /** The acting staff member, as the staff directory knows them (never the caller's grants). */
  readonly actor: StaffMember
  readonly grant: Grant
  readonly now: DateTime.Utc
  readonly config: Config
  readonly store: StoreShape
  /** A record by id, or `NotFound` (which never says more than the kind). */
  readonly load: <A>(m: Mapping<A>, id: string) => Effect.Effect<Loaded<A>, CaseworkError>
  /** The records of a kind for a person and/or a service. */
  readonly loadAll: <A>(
    m: Mapping<A>,
    query: { readonly serviceId?: string; readonly personId?: string }
  ) => Effect.Effect<ReadonlyArray<Loaded<A>>, CaseworkError>
  /**
   * One page of the records of a kind, found in the store by indexed filters (see
   * `Store.PageQuery`), each with its place in the order of pages. A cursor the store refuses is
   * `InvalidInput` on `cursor`.
   * @since 0.2.0
   */
  readonly loadPage: <A>(m: Mapping<A>, query: PageQuery) => Effect.Effect<LoadedPage<A>, CaseworkError>
  /**
   * Every staff member of the directory (the provided `StaffDirectory`, or the store's `staff`
   * records).
   * @since 0.2.0
   */
  readonly staff: Effect.Effect<ReadonlyArray<StaffMember>, CaseworkError>
  /**
   * A person known to the service (theirs or shared with it). A person of another service and an
   * id that does not exist get the same `InvalidCommand` on `field`.
   */
  readonly personOfService: (
    field: string,
    personId: string,
    serviceId: string
  ) => Effect.Effect<Loaded<Person>, InvalidCommand | CaseworkError>
  /**
   * Whether the actor may perform an operation in a service (no error, no audit); with `without`,
   * not counting their grants of that role (e.g. may they as staff, not as a volunteer?).
   */
  readonly may: (operation: string, serviceId: string | undefined, without?: Role) => boolean
  /** The plugin information of a service's type. */
  readonly serviceInfo: (service: Service) => ServiceTypeInfo | undefined
  /**
   * The blind-index token of a value typed for a field of a service's people (see `BlindIndex`),
   * `undefined` for a blank value; `InvalidCommand` on the field when the application provides no
   * pseudonym key.
   * @since 0.2.0
   */
  readonly lookupToken: (
    serviceId: string,
    field: BlindIndex.Field,
    value: string
  ) => Effect.Effect<string | undefined, InvalidCommand>
  /** The person's data keys, for erasure (crypto-shredding). */
  readonly dataKeysOf: (personId: string) => Effect.Effect<ReadonlyArray<RecordDelete>, CaseworkError>
  /** Whether a legal ground code is known (core's, the plugins', the config's). */
  readonly isLegalGround: (code: string) => boolean
  /**
   * Judges another command (e.g. eligibility) over facts about a service and a person, for the
   * operation being run: a denial fails the operation with `CommandRefused` (its violations),
   * stored nothing. Requirements and warnings do not refuse.
   */
  readonly judge: (command: Command, service: Service, person: Person) => Effect.Effect<void, CaseworkError>
  /**
   * The facts about a service and a person for a command: only what the command's rules read
   * (everything when no command is given), each record noted with the version read.
   */
  readonly facts: (
    service: Service | undefined,
    person: Person | undefined,
    command?: Command
  ) => Effect.Effect<Facts, CaseworkError>
}

/**
 * What a write decides: the command put to the principles, the facts' subjects, the records to
 * write and the result. The pipeline evaluates, encrypts and commits with one audit entry.
 * @since 0.2.0
 * @category models
 */
export interface Decision<A> {
  readonly command: Command
  /**
   * The command the principles judge, when it is not `command` (a correction is judged as the
   * command that records the corrected record); the audit entry still names `command`.
   */
  readonly judgedAs?: Command
  /** The service and person the facts are about (absent for organisation-level records). */
  readonly service?: Service | undefined
  readonly person?: Person | undefined
  /** Facts besides the gathered ones (e.g. a referral's current status). */
  readonly extraFacts?: Partial<Facts>
  readonly changes: ReadonlyArray<Change>
  readonly result: A
  /** Audit subjects besides the changed records (e.g. an idempotent write changes nothing). */
  readonly subjects?: ReadonlyArray<{ readonly kind: string; readonly id: string }>
  readonly legalGround?: string
  /** Records deleted with the write (erasure: the person's record and data keys). */
  readonly deletes?: ReadonlyArray<RecordDelete>
  /** Person ids rewritten in the records that name them (erasure gives a new random id). */
  readonly renamePeople?: ReadonlyArray<PersonRename>
}

/**
 * What a read answers, and the audit entry it leaves (reads of identified people are audited).
 * @since 0.2.0
 * @category models
 */
export interface Answer<A> {
  readonly result: A
  readonly audit?: {
    readonly operation: string
    readonly subjects: ReadonlyArray<{ readonly kind: string; readonly id: string }>
  }
}

/**
 * Where an operation's subject lives, which is where it is authorised:
 *
 * - `Organisation`: organisation-wide (no service).
 * - `Anywhere`: organisation-wide, or in any one of the actor's services (locations, volunteers).
 * - `New`: a new record in the service its input names; the actor is authorised in that service
 *   before the service is read.
 * - `Existing`: a record loaded by id; the actor must be allowed in one of its services, and an
 *   actor outside them gets the same `NotFound` as for an id that does not exist.
 * - `Setup`: only while the staff directory is empty (the first administrator); refused with
 *   `AccessDenied` (`already-set-up`) afterwards.
 *
 * @since 0.2.0
 * @category models
 */
export type Subject<I, S> =
  | {
    readonly _tag: "Organisation"
    /** The subject's type (never set). */
    readonly _S?: (s: S) => void
  }
  | {
    readonly _tag: "Anywhere"
    /** The subject's type (never set). */
    readonly _S?: (s: S) => void
  }
  | {
    readonly _tag: "New"
    /** The service the record is for; `undefined` authorises organisation-wide. */
    readonly serviceId: (input: I) => ServiceId | undefined
    /** Read the service after authorising (false when the operation creates the service). */
    readonly loadService: boolean
    /** The subject's type (never set). */
    readonly _S?: (s: S) => void
  }
  | {
    readonly _tag: "Setup"
    /** The subject's type (never set). */
    readonly _S?: (s: S) => void
  }
  | {
    readonly _tag: "Existing"
    readonly mapping: Mapping<unknown>
    /** The record's kind read from the input, when the operation takes several kinds (else `mapping`). */
    readonly mappingOf?: (input: I) => Mapping<unknown>
    /** The record's id in the input. */
    readonly id: (input: I) => string
    /** The services the record belongs to. */
    readonly services: (record: never) => ReadonlyArray<string>
    /** The subject's type (never set). */
    readonly _S?: (s: S) => void
  }

/**
 * An attribution field of the input, set from the actor when absent and checked against the
 * actor when present: `path` is the field's path (e.g. `["basis", "decidedBy"]`); `many` for
 * lists that must include the actor (e.g. a contact's `workers`).
 * @since 0.2.0
 * @category models
 */
export interface Attribution {
  readonly path: ReadonlyArray<string | number>
  readonly many?: boolean
  /** Only when the object at the parent path has this `_tag` (e.g. a legal-duty basis). */
  readonly when?: string
}

/**
 * The access-matrix row of an operation, with what the matrix says about it.
 * @since 0.2.0
 * @category models
 */
export interface AccessRow {
  readonly row: Row
  readonly kind: "read" | "write"
  readonly sensitivity: Sensitivity
  readonly description: string
}

interface Base<Tag extends string, I, S> {
  /** The operation's tag: its row in the access matrix and its command for the principles. */
  readonly tag: Tag
  /**
   * The input schema; every input is decoded with it (or a decoder, for inputs made of two
   * decoded parts, such as a cooperation and its `compelled` flag).
   */
  readonly input: Schema.Codec<I, unknown> | ((raw: unknown) => Result.Result<I, InvalidInput>)
  /** The entity name errors use (`InvalidInput.entity`). */
  readonly entity?: string
  /** New records: an id is added to the input when it has none. */
  readonly newId?: boolean
  /** Fields naming staff, set from or checked against the actor before decoding. */
  readonly attribution?: ReadonlyArray<Attribution>
  readonly subject: Subject<I, S>
  /** The access-matrix row, when the operation is authorised by its own tag. */
  readonly access?: AccessRow | undefined
  /** A one-line description for docs. */
  readonly summary: string
  /** Domain checks, run in order after authorisation and before the facts. */
  readonly checks?: ReadonlyArray<(ctx: Context, input: I, subject: S) => Effect.Effect<void, CaseworkError>>
}

/**
 * A write: decides a command and the records it changes.
 * @since 0.2.0
 * @category models
 */
export interface Write<Tag extends string, I, S, A, Caller = unknown> extends Base<Tag, I, S> {
  readonly kind: "write"
  /** Decides the command, the records to write and the result (after the checks). */
  readonly decide: (ctx: Context, input: I, subject: S) => Effect.Effect<Decision<A>, CaseworkError>
  /** The input type callers see (never set). */
  readonly _Caller?: (c: Caller) => void
}

/**
 * A read (or a question such as eligibility): answers, and may leave an audit entry.
 * @since 0.2.0
 * @category models
 */
export interface Read<Tag extends string, I, S, A, Caller = unknown> extends Base<Tag, I, S> {
  readonly kind: "read"
  /** Answers (after the checks), with the audit entry of the read if any. */
  readonly answer: (ctx: Context, input: I, subject: S) => Effect.Effect<Answer<A>, CaseworkError>
  /** The input type callers see (never set). */
  readonly _Caller?: (c: Caller) => void
}

/**
 * What every operation declares, its types erased.
 * @since 0.2.0
 * @category models
 */
export interface Erased {
  readonly tag: string
  /** The input schema or decoder. */
  readonly input: Schema.Top | ((raw: unknown) => Result.Result<unknown, InvalidInput>)
  readonly entity?: string
  readonly newId?: boolean
  readonly attribution?: ReadonlyArray<Attribution>
  readonly subject: Subject<never, unknown>
  readonly access?: AccessRow | undefined
  readonly summary: string
  /** The domain checks. */
  readonly checks?: ReadonlyArray<(ctx: Context, input: never, subject: never) => Effect.Effect<void, CaseworkError>>
}

/**
 * Any operation, its types erased (the pipeline's view of the table).
 * @since 0.2.0
 * @category models
 */
export type Any =
  | Erased & {
    readonly kind: "write"
    /** What the write decides. */
    readonly decide: (ctx: Context, input: never, subject: never) => Effect.Effect<Decision<unknown>, CaseworkError>
  }
  | Erased & {
    readonly kind: "read"
    /** What the read answers. */
    readonly answer: (ctx: Context, input: never, subject: never) => Effect.Effect<Answer<unknown>, CaseworkError>
  }

/**
 * Declares a write. `Caller` is the input type callers see (the schema decodes `unknown`).
 * @since 0.2.0
 * @category constructors
 */
export const write =
  <Caller = unknown>() =>
  <const Tag extends string, I, S, A, Acc extends AccessRow | undefined = undefined>(
    op: Omit<Write<Tag, I, S, A, Caller>, "kind" | "access"> & { readonly access?: Acc }
  ): Write<Tag, I, S, A, Caller> & { readonly access: Acc } => ({ ...op, kind: "write" }) as never

/**
 * Declares a read.
 * @since 0.2.0
 * @category constructors
 */
export const read =
  <Caller = unknown>() =>
  <const Tag extends string, I, S, A, Acc extends AccessRow | undefined = undefined>(
    op: Omit<Read<Tag, I, S, A, Caller>, "kind" | "access"> & { readonly access?: Acc }
  ): Read<Tag, I, S, A, Caller> & { readonly access: Acc } => ({ ...op, kind: "read" }) as never

/**
 * The result type of an operation.
 * @since 0.2.0
 * @category models
 */
export type ResultOf<Op> = Op extends {
  /** A write's decision. */
  readonly decide: (...args: never) => Effect.Effect<Decision<infer A>, infer _E>
} ? A
  : Op extends {
    /** A read's answer. */
    readonly answer: (...args: never) => Effect.Effect<Answer<infer A>, infer _E>
  } ? A
  : never

/**
 * The input type callers see.
 * @since 0.2.0
 * @category models
 */
export type CallerOf<Op> = Op extends {
  /** The input type callers see. */
  readonly _Caller?: (c: infer C) => void
} ? C :
  unknown
