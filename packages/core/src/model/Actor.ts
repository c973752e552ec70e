/**
 * Actors: the staff, volunteers and auditors who act through Pomoc, with roles scoped to services.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { ServiceId, WorkerId } from "./Ids.js"

/**
 * The roles an actor can hold. Access is default-deny: a role grants only what the permission
 * matrix lists for it.
 * @since 0.1.0
 * @category models
 */
export const Role = Schema.Literals(["worker", "coordinator", "administrator", "auditor", "volunteer"])
/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * A role held for some services (or for every service of the organisation with `"*"`).
 * @since 0.1.0
 * @category models
 */
export const RoleGrant = Schema.Struct({
  role: Role,
  services: Schema.Union([Schema.Literal("*"), Schema.Array(ServiceId)])
})
/**
 * @since 0.1.0
 * @category models
 */
export type RoleGrant = typeof RoleGrant.Type

/**
 * Someone acting through Pomoc.
 * @since 0.1.0
 * @category models
 */
export class Actor extends Schema.Class<Actor>("@pomoc/core/Actor")({
  id: WorkerId,
  grants: Schema.Array(RoleGrant)
}) {}
