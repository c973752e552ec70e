/**
 * The former name of the case-work API, kept for one release. Use {@link Casework} instead:
 * `Pomoc.Pomoc` → `Casework.Casework`, `Pomoc.layer` → `Casework.layer`, `Pomoc.PomocShape` →
 * `Casework.Api`. `Pomoc.typed` is gone: the API is typed by the registered plugins.
 *
 * @since 0.1.0
 * @deprecated Use `Casework`.
 */
import type { Effect } from "effect"
import * as Casework from "./Casework.js"
import type { CaseworkError } from "./Config.js"

export type { CaseworkError, Config, Eligibility, History, ServiceTypeInfo, Written } from "./Config.js"

/**
 * @since 0.1.0
 * @category services
 * @deprecated Use `Casework.Casework`.
 */
export const Pomoc = Casework.Casework

/**
 * @since 0.1.0
 * @category services
 * @deprecated Use `Casework.Casework`.
 */
export type Pomoc = Casework.Casework

/**
 * A case-work operation: an actor and an input, to a result or a typed error.
 * @since 0.1.0
 * @category models
 * @deprecated Use `Casework.Api`'s methods.
 */
export type Op<I, A> = (actor: unknown, input: I) => Effect.Effect<A, CaseworkError>

/**
 * @since 0.1.0
 * @category models
 * @deprecated Use `Casework.Api`.
 */
export type PomocShape = Casework.Api

/**
 * @since 0.1.0
 * @category layers
 * @deprecated Use `Casework.layer`.
 */
export const layer = Casework.layer

/**
 * @since 0.1.0
 * @category constructors
 * @deprecated Use `Casework.make`.
 */
export const make = Casework.make

/**
 * @since 0.1.0
 * @category constructors
 * @deprecated Use `Casework.configFromRegistry`.
 */
export const configFromRegistry = Casework.configFromRegistry
