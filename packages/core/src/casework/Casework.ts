/**
 * The case-work API: what NGO developers call. Its operations are declared as data in
 * `operations/<concern>.ts` and gathered in {@link operations}; one {@link Pipeline} runs them
 * all, so every write takes the same road:
 *
 * ```
 * resolve the actor id in the staff directory → decode input → authorise (unknown and forbidden look alike) → checks
 *   → facts → principles → encrypt → commit with one audit entry → result
 * ```
 *
 * The service's shape ({@link Api}), the Promise client and the write rows of the access matrix
 * are derived from the table. A refused command stores nothing and says why.
 *
 * @since 0.2.0
 */
import { Context, Effect, Layer } from "effect"
import type { Activity } from "../model/Activity.js"
import type { ActorRef } from "../model/Actor.js"
import type { OutcomeMeasurement } from "../model/Outcome.js"
import type { IndicatorOf, Plugins } from "../plugins/Plugin.js"
import type { CustomFieldsInput } from "../plugins/PluginField.js"
import type * as PluginOperation from "../plugins/PluginOperation.js"
import type { ContactInput } from "../plugins/Registry.js"
import { FieldCrypto } from "../privacy/FieldCrypto.js"
import { Store } from "../Store.js"
import type { BatchOptions, CaseworkError, Config, Written } from "./Config.js"
import type * as Operation from "./Operation.js"
import { type Operations, operations } from "./operations/index.js"
import * as Pipeline from "./Pipeline.js"

export { configFromRegistry } from "./Config.js"
export type { BatchOptions, CaseworkError, Config, Eligibility, History, ServiceTypeInfo, Written } from "./Config.js"
export { type Operations, operations } from "./operations/index.js"
export type { StartCooperationInput } from "./operations/cooperation.js"
export type { ExportDocument, VoidedEntry } from "./operations/reads.js"
export type { Counts, Page, PeopleBy } from "./operations/lists.js"
export { type FindPeopleInput, type FoundPeople, MAX_FIND_PAGE } from "./operations/find.js"

/**
 * Where a host declares its plugins once, so that the whole API is typed by them:
 *
 * ```ts
 * declare module "@pomoc/core" {
 *   interface Register { readonly plugins: typeof registry.plugins }
 * }
 * ```
 *
 * Without it the API takes any code (they are still checked at run time).
 * @since 0.2.0
 * @category models
 */
export interface Register {}

/**
 * The plugins declared in {@link Register}, or any plugins.
 * @since 0.2.0
 * @category models
 */
export type RegisteredPlugins = Register extends { readonly plugins: infer Ps extends Plugins } ? Ps : Plugins

/**
 * A contact as the API takes it: codes of the registered plugins; the id is optional and the
 * `workers` default to the actor.
 * @since 0.2.0
 * @category models
 */
export type ContactOf<Ps extends Plugins> =
  & Omit<ContactInput<Ps>, "id" | "workers" | "fields" | "personalFields">
  & { readonly id?: string; readonly workers?: ReadonlyArray<string> }
  & CustomFieldsInput<Ps, "contact">

/**
 * A group activity as the API takes it: its custom fields typed by the registered plugins'
 * declarations for activities (a self-organised club activity, a project); the id is optional.
 * @since 0.2.0
 * @category models
 */
export type ActivityOf<Ps extends Plugins> =
  & Omit<typeof Activity.Encoded, "id" | "fields" | "personalFields">
  & { readonly id?: string }
  & CustomFieldsInput<Ps, "activity">

/**
 * An outcome measurement as the API takes it: an indicator of the registered plugins; the id is
 * optional and `recordedBy` defaults to the actor.
 * @since 0.2.0
 * @category models
 */
export type MeasurementOf<Ps extends Plugins> =
  & Omit<typeof OutcomeMeasurement.Encoded, "id" | "indicator" | "recordedBy">
  & { readonly id?: string; readonly indicator: IndicatorOf<Ps>; readonly recordedBy?: string }

/**
 * The inputs typed by the plugins' codes (the other inputs are typed by their operations).
 * @since 0.2.0
 * @category models
 */
export interface PluginInputs<Ps extends Plugins> {
  readonly recordContact: ContactOf<Ps>
  readonly recordActivity: ActivityOf<Ps>
  readonly recordOutcome: MeasurementOf<Ps>
}

/**
 * The input type of an operation of the table.
 * @since 0.2.0
 * @category models
 */
export type InputOf<K extends keyof Operations, Ps extends Plugins = RegisteredPlugins> = K extends
  keyof PluginInputs<Ps> ? PluginInputs<Ps>[K]
  : Operation.CallerOf<Operations[K]>

/**
 * What an operation of the table returns: a write's {@link Written} value and warnings, or a
 * read's answer.
 * @since 0.2.0
 * @category models
 */
export type OutputOf<K extends keyof Operations> = Operations[K] extends { readonly kind: "write" } ?
  Written<Operation.ResultOf<Operations[K]>>
  : Operation.ResultOf<Operations[K]>

/**
 * The write operations' names.
 * @since 0.2.0
 * @category models
 */
export type WriteName = {
  readonly [K in keyof Operations]: Operations[K] extends { readonly kind: "write" } ? K : never
}[keyof Operations]

/**
 * One command of a batch: a write operation's name and its input.
 * @since 0.2.0
 * @category models
 */
export type BatchCommand<Ps extends Plugins = RegisteredPlugins> =
  | {
    readonly [K in WriteName]: { readonly op: K; readonly input: InputOf<K, Ps> }
  }[WriteName]
  | {
    readonly [K in PluginOperation.OperationName<Ps>]: PluginOperation.OperationOf<Ps, K> extends
      { readonly kind: "write" } ?
      { readonly op: K; readonly input: Operation.CallerOf<PluginOperation.OperationOf<Ps, K>> }
      : never
  }[PluginOperation.OperationName<Ps>]

/**
 * The methods the plugins' own operations add to the API (see `PluginOperation`), their inputs
 * typed from each operation's input schema.
 * @since 0.2.0
 * @category models
 */
export type PluginApi<Ps extends Plugins> = {
  readonly [K in PluginOperation.OperationName<Ps>]: (
    actor: ActorRef,
    input: Operation.CallerOf<PluginOperation.OperationOf<Ps, K>>
  ) => Effect.Effect<PluginOutputOf<PluginOperation.OperationOf<Ps, K>>, CaseworkError>
}

/**
 * What a plugin operation returns: a write's {@link Written} value and warnings, or a read's
 * answer.
 * @since 0.2.0
 * @category models
 */
export type PluginOutputOf<Op> = Op extends { readonly kind: "write" } ? Written<Operation.ResultOf<Op>>
  : Operation.ResultOf<Op>

/**
 * The case-work API, derived from the operations table: one method per operation taking the
 * acting staff member's id (as the application's authentication established it; what they may
 * do comes from the staff directory, see `StaffDirectory`) and an input (decoded, so
 * `InvalidInput` names every bad field and rule), plus `batch`.
 * @since 0.2.0
 * @category models
 */
export type Api<Ps extends Plugins = RegisteredPlugins> =
  & {
    readonly [K in keyof Operations]: (
      actor: ActorRef,
      input: InputOf<K, Ps>
    ) => Effect.Effect<OutputOf<K>, CaseworkError>
  }
  & {
    /**
     * Runs many writes as one unit of work: each through the same road and principles (later
     * ones see earlier ones' writes), committed all together in one store commit, or none
     * (`BatchRefused` names the failing command's index). `{ dryRun: true }` runs every command
     * and stores nothing; `{ allRefusals: true }` tries every command and reports every refusal.
     */
    readonly batch: (
      actor: ActorRef,
      commands: ReadonlyArray<BatchCommand<Ps>>,
      options?: BatchOptions
    ) => Effect.Effect<ReadonlyArray<Written<unknown>>, CaseworkError>
  }
  & PluginApi<Ps>

/**
 * The case-work API as an Effect service.
 * @since 0.2.0
 * @category services
 */
export class Casework extends Context.Service<Casework, Shape>()("@pomoc/core/Casework") {}

/**
 * The shape of the {@link Casework} service: the {@link Api} typed by the registered plugins.
 * @since 0.2.0
 * @category models
 */
export interface Shape extends Api {}

/**
 * Builds the case-work API over the {@link Store} and {@link FieldCrypto} in context. Typed by
 * the config's plugins.
 * @since 0.2.0
 * @category constructors
 */
export const make = <Ps extends Plugins = RegisteredPlugins>(
  config: Config<Ps>
): Effect.Effect<Api<Ps>, never, Store | FieldCrypto> =>
  Effect.map(Pipeline.make(config as unknown as Config), (pipeline) => {
    const table = { ...config.operations, ...operations } as Readonly<Record<string, Operation.Any>>
    const api: Record<string, unknown> = {}
    for (const [name, op] of Object.entries(table)) api[name] = pipeline.run(op)
    api["batch"] = pipeline.batch(table)
    return api as unknown as Api<Ps>
  })

/**
 * The case-work API as a layer over a {@link Store} and a {@link FieldCrypto}.
 *
 * @example
 * ```ts
 * const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])
 * const layer = Casework.layer(Casework.configFromRegistry(registry))
 * ```
 * @since 0.2.0
 * @category layers
 */
export const layer = <Ps extends Plugins>(config: Config<Ps>): Layer.Layer<Casework, never, Store | FieldCrypto> =>
  Layer.effect(Casework, make(config) as Effect.Effect<Api, never, Store | FieldCrypto>)
