/**
 * Authorisation: may this actor perform this operation in this service? Pure and default-deny:
 * an actor is allowed only when one of their grants holds a role whose cell in the permission
 * matrix allows the operation in a scope that covers the service.
 *
 * @since 0.1.0
 */
import { Effect, Result, Schema } from "effect"
import { Role } from "../model/Actor.js"
import type { Actor, RoleGrant } from "../model/Actor.js"
import type { ServiceId } from "../model/Ids.js"
import { matrix as defaultMatrix, scopeOf, withPlugins } from "./matrix.js"
import type { Operation, PluginRows, Row } from "./matrix.js"

/**
 * Why an actor was refused:
 *
 * - `no-grants`: the actor holds no role at all.
 * - `unknown-operation`: the operation is not in the matrix (default deny).
 * - `no-role-grants-operation`: none of the actor's roles may perform the operation anywhere.
 * - `service-out-of-scope`: a role of the actor may perform it, but not in this service.
 * - `service-required`: a role may perform it only in its own services, and no service was named
 *   (and the grant does not cover every service with `"*"`).
 * - `already-set-up`: the organisation's setup (the first administrator) ran already.
 *
 * @since 0.1.0
 * @category errors
 */
export const DenialReason = Schema.Literals([
  "no-grants",
  "unknown-operation",
  "no-role-grants-operation",
  "service-out-of-scope",
  "service-required",
  "already-set-up"
])
/**
 * @since 0.1.0
 * @category errors
 */
export type DenialReason = typeof DenialReason.Type

/**
 * The actor may not perform the operation. Names the actor (a staff id), the roles they hold,
 * the operation, the service and the reason; never any personal data of the people served, so
 * it is safe to log and audit.
 *
 * @since 0.1.0
 * @category errors
 */
export class AccessDenied extends Schema.TaggedError<AccessDenied>("@pomoc/core/AccessDenied")("AccessDenied", {
  actorId: Schema.String,
  roles: Schema.Array(Role),
  operation: Schema.String,
  serviceId: Schema.optional(Schema.String),
  reason: DenialReason
}) {
  override get message(): string {
    const where = this.serviceId === undefined ? "the organisation" : `service "${this.serviceId}"`
    return `Actor "${this.actorId}" (${
      this.roles.join(", ") || "no roles"
    }) may not ${this.operation} in ${where}: ${this.reason}`
  }
}

/**
 * What allowed an operation: the role, the scope of its matrix cell and the grant it came from.
 * @since 0.1.0
 * @category models
 */
export interface Grant {
  readonly actorId: string
  /** A core operation, or a plugin's when authorised against an extended matrix. */
  readonly operation: Operation | (string & {})
  readonly role: Role
  readonly scope: "own-services" | "organisation"
  readonly serviceId: ServiceId | undefined
  readonly grant: RoleGrant
}

const covers = (grant: RoleGrant, serviceId: ServiceId | undefined): boolean =>
  grant.services === "*" || (serviceId !== undefined && grant.services.includes(serviceId))

/**
 * Authorises against a given matrix (the default one, or one a host extended for its plugins'
 * commands). The first of the actor's grants that allows the operation is returned.
 *
 * @example
 * ```ts
 * import { Access } from "@pomoc/core"
 * const decide = Access.authorizeWith(Access.matrix)
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const authorizeWith = (matrix: { readonly [operation: string]: Partial<Row> | undefined }) =>
(
  actor: Pick<Actor, "id" | "grants">,
  operation: Operation | (string & {}),
  serviceId: ServiceId | undefined
): Result.Result<Grant, AccessDenied> => {
  const roles = [...new Set(actor.grants.map((g) => g.role))]
  const deny = (reason: DenialReason) =>
    Result.fail(new AccessDenied({ actorId: actor.id, roles, operation, serviceId, reason }))
  if (actor.grants.length === 0) return deny("no-grants")
  if (!Object.prototype.hasOwnProperty.call(matrix, operation)) return deny("unknown-operation")
  let someRoleMay = false
  for (const grant of actor.grants) {
    const scope = scopeOf(matrix, grant.role, operation)
    if (scope === "organisation" || (scope === "own-services" && covers(grant, serviceId))) {
      return Result.succeed({ actorId: actor.id, operation, role: grant.role, scope, serviceId, grant })
    }
    if (scope === "own-services") someRoleMay = true
  }
  if (!someRoleMay) return deny("no-role-grants-operation")
  return deny(serviceId === undefined ? "service-required" : "service-out-of-scope")
}

const authorizeDefault = authorizeWith(defaultMatrix)
const authorizers = new WeakMap<ReadonlyArray<PluginRows>, ReturnType<typeof authorizeWith>>()
const authorizerFor = (plugins: ReadonlyArray<PluginRows> | undefined) => {
  if (plugins === undefined || plugins.length === 0) return authorizeDefault
  const known = authorizers.get(plugins)
  if (known !== undefined) return known
  const made = authorizeWith(withPlugins(plugins))
  authorizers.set(plugins, made)
  return made
}

/**
 * May `actor` perform `operation` in `serviceId` (or organisation-wide when `undefined`)?
 * Pure: returns the {@link Grant} that allows it or {@link AccessDenied}. Given the host's
 * plugins, their own operations' rows count too (`Access.authorize(actor, "AllocateBed",
 * shelter, registry.plugins)`), as in the case-work API.
 *
 * @example
 * ```ts
 * import { Access, ServiceId, WorkerId } from "@pomoc/core"
 * const club = ServiceId.make("club")
 * const worker = { id: WorkerId.make("w1"), grants: [{ role: "worker", services: [club] }] } as const
 * Access.authorize(worker, "RecordContact", club) // Result.succeed(grant)
 * Access.authorize(worker, "ReadAudit", undefined) // Result.fail(AccessDenied: no-role-grants-operation)
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const authorize = (
  actor: Pick<Actor, "id" | "grants">,
  operation: Operation | (string & {}),
  serviceId: ServiceId | undefined,
  plugins?: ReadonlyArray<PluginRows>
): Result.Result<Grant, AccessDenied> => authorizerFor(plugins)(actor, operation, serviceId)

/**
 * {@link authorize} as an Effect that fails with {@link AccessDenied} (plugins' rows as there).
 * @since 0.1.0
 * @category combinators
 */
export const check = (
  actor: Pick<Actor, "id" | "grants">,
  operation: Operation | (string & {}),
  serviceId: ServiceId | undefined,
  plugins?: ReadonlyArray<PluginRows>
): Effect.Effect<Grant, AccessDenied> => Effect.fromResult(authorizerFor(plugins)(actor, operation, serviceId))

/**
 * Whether `authorize` would allow the operation (plugins' rows as there).
 * @since 0.1.0
 * @category guards
 */
export const isAllowed = (
  actor: Pick<Actor, "id" | "grants">,
  operation: Operation | (string & {}),
  serviceId: ServiceId | undefined,
  plugins?: ReadonlyArray<PluginRows>
): boolean => Result.isSuccess(authorizerFor(plugins)(actor, operation, serviceId))
