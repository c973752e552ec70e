/**
 * The staff directory: what each staff member may do. The case-work API takes the acting staff
 * member's id (the application's authentication says who is acting); the pipeline's first step
 * resolves that id here to the grants Pomoc keeps. Grants a caller passes along are never read.
 *
 * By default the directory is the store's `staff` records, managed by administrators through
 * the audited operations `setupAdministrator` (once, on an empty directory) and `setStaff`. An
 * application or a test may provide another {@link StaffDirectory} (a fixed list, for example
 * `Testing.staffDirectory`): then the store's `staff` records are not read.
 *
 * @example
 * ```ts
 * import { StaffDirectory } from "@pomoc/core"
 *
 * // A directory kept elsewhere (here a fixed list), instead of the store's staff records.
 * const directory = StaffDirectory.layerList([
 *   { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
 * ])
 * ```
 *
 * @since 0.2.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { StaffMember } from "../model/Actor.js"
import type { StoreError } from "../Store.js"

/**
 * What the pipeline asks a staff directory.
 * @since 0.2.0
 * @category models
 */
export interface Shape {
  /** The staff member with this id, if the directory knows them. */
  readonly find: (id: string) => Effect.Effect<Option.Option<StaffMember>, StoreError>
  /** Whether the directory knows nobody yet (only then may `setupAdministrator` run). */
  readonly isEmpty: Effect.Effect<boolean, StoreError>
  /**
   * Every staff member the directory knows, for lists such as the volunteers of a service; a
   * directory that cannot enumerate leaves it out (such lists are then empty).
   * @since 0.2.0
   */
  readonly all?: Effect.Effect<ReadonlyArray<StaffMember>, StoreError>
}

/**
 * A staff directory other than the store's `staff` records. When no such service is provided,
 * the case-work API reads the store's `staff` records.
 * @since 0.2.0
 * @category services
 */
export class StaffDirectory extends Context.Service<StaffDirectory, Shape>()("@pomoc/core/StaffDirectory") {}

/**
 * A staff member as a fixed list names them (decoded as a `StaffMember`: a bad entry throws).
 * @since 0.2.0
 * @category models
 */
export interface Entry {
  readonly id: string
  readonly grants: ReadonlyArray<{ readonly role: string; readonly services: string | ReadonlyArray<string> }>
  readonly volunteerId?: string | undefined
}

/**
 * A directory of a fixed list of staff members (configuration, or tests). A later entry with
 * the same id replaces an earlier one.
 * @since 0.2.0
 * @category constructors
 */
export const fromList = (entries: Iterable<Entry>): Shape => {
  const decode = Schema.decodeUnknownSync(StaffMember)
  const byId = new Map<string, StaffMember>()
  for (const e of entries) byId.set(e.id, decode(e))
  return {
    find: (id) => Effect.succeed(Option.fromNullishOr(byId.get(id))),
    isEmpty: Effect.succeed(byId.size === 0),
    all: Effect.sync(() => [...byId.values()])
  }
}

/**
 * {@link fromList} as a layer: provide it next to `Casework.layer` and the API resolves actors in
 * the list instead of the store's `staff` records (tests seed it with the actors they use).
 * @since 0.2.0
 * @category layers
 */
export const layerList = (entries: Iterable<Entry>): Layer.Layer<StaffDirectory> =>
  Layer.succeed(StaffDirectory, fromList(entries))
