/**
 * Operations a plugin adds to the case-work API, declared in the same form as core's
 * (`Operation.write` / `Operation.read`: input, subject, checks, decide or answer, access row)
 * and run by the same pipeline: decoding, authorisation by the operation's access row, the
 * domain checks, the facts, the principles (core rules and the plugins' rules for the
 * operation's command), encryption and one audit entry.
 *
 * A plugin lists them by method name in `operations`; the host's API gets one method per
 * operation, its input typed from the operation's input schema. Registration refuses an
 * operation without an access row (`OperationWithoutAccess`: nobody could be allowed to use it)
 * and a name or tag core or another plugin already uses (`DuplicateCode`).
 *
 * @since 0.2.0
 */
import type { Effect, Schema } from "effect"
import type { Row } from "../access/matrix.js"
import type { CaseworkError } from "../casework/Config.js"
import type { AccessRow, Answer, Context, Decision, Read, Subject, Write } from "../casework/Operation.js"
import type { Command } from "../Command.js"

/**
 * The command a plugin operation puts to the principles: its tag, and what its rules read.
 * @since 0.2.0
 * @category models
 */
export interface PluginCommand<Tag extends string = string> {
  readonly _tag: Tag
}

/**
 * What a plugin write decides: as core's `Operation.Decision`, with the plugin's own command.
 * @since 0.2.0
 * @category models
 */
export type PluginDecision<Tag extends string, A> = Omit<Decision<A>, "command" | "judgedAs"> & {
  readonly command: PluginCommand<Tag> | Command
}

/**
 * A plugin operation as the registry sees it (its types erased). Declare one with {@link write}
 * or {@link read}.
 * @since 0.2.0
 * @category models
 */
export interface PluginOperation {
  /** The operation's tag: its row in the access matrix and its command for the principles. */
  readonly tag: string
  readonly kind: "write" | "read"
  /** Who may use it; an operation without one is refused at registration. */
  readonly access?: AccessRow | undefined
  readonly summary: string
}

/**
 * What a plugin's write and read declare alike.
 * @since 0.2.0
 * @category models
 */
export interface Common<Tag extends string, I, E, S> {
  /** The operation's tag: its row in the plugin's access rows. */
  readonly tag: Tag
  /** The input schema: every input is decoded with it; its encoded type is what callers pass. */
  readonly input: Schema.Codec<I, E>
  /** The entity name errors use (`InvalidInput.entity`). */
  readonly entity?: string
  /** New records: an id is added to the input when it has none. */
  readonly newId?: boolean
  /** Where the operation's subject lives, which is where it is authorised. */
  readonly subject: Subject<I, S>
  /** A one-line description for docs. */
  readonly summary: string
  /** Domain checks, run in order after authorisation. */
  readonly checks?: ReadonlyArray<(ctx: Context, input: I, subject: S) => Effect.Effect<void, CaseworkError>>
}

/**
 * Declares a plugin write: as `Operation.write`, with the input type callers see taken from the
 * input schema's encoded type (a misspelt field is a compile error in the host).
 *
 * @example
 * ```ts
 * import { Access, Operation, PluginOperation } from "@pomoc/core"
 * import { Effect, Schema } from "effect"
 *
 * const Input = Schema.Struct({ serviceId: Schema.String, beds: Schema.Int })
 * export const countBeds = PluginOperation.write({
 *   tag: "CountBeds",
 *   summary: "count the free beds",
 *   access: PluginOperation.access("SSNNN", "write", "organisational", "count the free beds"),
 *   input: Input,
 *   subject: Operation.newService((i: typeof Input.Type) => i.serviceId as never),
 *   decide: (_ctx, input) =>
 *     Effect.succeed({ command: { _tag: "CountBeds" }, changes: [], result: input.beds })
 * })
 * ```
 *
 * @since 0.2.0
 * @category constructors
 */
export const write = <
  const Tag extends string,
  I,
  E,
  S,
  A,
  const Acc extends AccessRow | undefined = undefined
>(
  op: Common<Tag, I, E, S> & {
    readonly access?: Acc
    /** Decides the command, the records to write and the result. */
    readonly decide: (ctx: Context, input: I, subject: S) => Effect.Effect<PluginDecision<Tag, A>, CaseworkError>
  }
): Write<Tag, I, S, A, E> & { readonly access: Acc } => ({ ...op, kind: "write" }) as never

/**
 * Declares a plugin read (see {@link write}).
 * @since 0.2.0
 * @category constructors
 */
export const read = <
  const Tag extends string,
  I,
  E,
  S,
  A,
  const Acc extends AccessRow | undefined = undefined
>(
  op: Common<Tag, I, E, S> & {
    readonly access?: Acc
    /** Answers, with the audit entry of the read if any. */
    readonly answer: (ctx: Context, input: I, subject: S) => Effect.Effect<Answer<A>, CaseworkError>
  }
): Read<Tag, I, S, A, E> & { readonly access: Acc } => ({ ...op, kind: "read" }) as never

export {
  /**
   * An access-matrix row written as five letters in the matrix's column order (worker,
   * coordinator, administrator, auditor, volunteer): `N` none, `S` own services, `O`
   * organisation; with the kind, the sensitivity and a one-line description.
   * @since 0.2.0
   * @category constructors
   */
  access
} from "../casework/operations/common.js"

/**
 * The operations of one plugin, by method name (none when it declares none).
 * @since 0.2.0
 * @category models
 */
export type OperationsOfPlugin<P> = P extends { readonly operations?: infer O } ?
  [NonNullable<O>] extends [never] ? {} : NonNullable<O>
  : {}

/**
 * The names of the operations a tuple of plugins adds (none when the plugins are not known as a
 * tuple: a registry of any plugins adds no typed method).
 * @since 0.2.0
 * @category models
 */
export type OperationName<Ps extends ReadonlyArray<unknown>> = Ps[number] extends infer P
  ? P extends unknown ? string extends keyof OperationsOfPlugin<P> ? never : keyof OperationsOfPlugin<P> & string
  : never
  : never

/**
 * The operation a tuple of plugins declares under a name.
 * @since 0.2.0
 * @category models
 */
export type OperationOf<Ps extends ReadonlyArray<unknown>, K extends string> = Ps[number] extends infer P
  ? P extends unknown ? K extends keyof OperationsOfPlugin<P> ? OperationsOfPlugin<P>[K] : never
  : never
  : never

/**
 * The access rows of plugin operations, by tag (what a host adds to the matrix).
 * @since 0.2.0
 * @category models
 */
export type AccessRows = Readonly<Record<string, Row>>
