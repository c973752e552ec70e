/**
 * Actors: the staff, volunteers and auditors who act through Pomoc, with roles scoped to services.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { ServiceId, VolunteerId, WorkerId } from "./Ids.js"

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

/**
 * A member of the organisation's staff directory, as Pomoc keeps it: the roles they hold and,
 * for a volunteer, the volunteer record they are (so that they record only their own hours).
 * The application's authentication says *who* is acting (the id); the directory says what they
 * may do. An actor with no grants (or no record) may do nothing.
 * @since 0.2.0
 * @category models
 */
export class StaffMember extends Schema.Class<StaffMember>("@pomoc/core/StaffMember")({
  id: WorkerId,
  grants: Schema.Array(RoleGrant),
  volunteerId: Schema.optional(VolunteerId)
}) {}

/**
 * How a caller names the acting staff member: their id, as the application's authentication
 * established it. The object form (`{ id, grants }`, from before the staff directory) is
 * accepted for compatibility, but only its `id` is read: grants given by the caller are never
 * trusted, they come from the directory.
 * @since 0.2.0
 * @category models
 */
export type ActorRef = string | { readonly id: string }
