/**
 * The staff directory: who may do what. Grants live in the store as `staff` records, set by
 * administrators through audited operations; the first administrator is made once, by the
 * organisation's setup, while the directory is empty.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import { type Role, StaffMember } from "../../model/Actor.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"

/**
 * The roles whose every permission is organisation-wide (administrator, auditor): a grant of
 * one of them scoped to some services would be silently widened, so it is refused. A test
 * checks the set against the access matrix.
 * @since 0.2.0
 * @category models
 */
export const organisationWideRoles: ReadonlySet<Role> = new Set(["administrator", "auditor"])

const SetupInput = Schema.UndefinedOr(Schema.Struct({}))

/** The guard key of the first administrator's staff record: the directory is set up once. */
const FIRST_ADMINISTRATOR = "setup/first-administrator"

/**
 * The organisation's setup: the acting id becomes the first administrator (`"*"`). Allowed only
 * while the staff directory is empty (then `AccessDenied`, `already-set-up`); audited like any
 * write. An application calls it once, at installation, with the id its authentication gives
 * the person installing it.
 * @since 0.2.0
 * @category operations
 */
export const setupAdministrator = Operation.write<Record<string, never> | undefined>()({
  tag: "SetupAdministrator",
  summary: "make the first administrator of an empty staff directory",
  access: access(
    "NNNNN",
    "write",
    "organisational",
    "make the first administrator (only while the staff directory is empty)"
  ),
  input: SetupInput,
  entity: "SetupAdministrator",
  subject: Operation.setup,
  decide: (ctx) => {
    const member = new StaffMember({ id: ctx.actor.id, grants: [{ role: "administrator", services: "*" }] })
    return Effect.succeed({
      command: { _tag: "SetupAdministrator", member } as const,
      // Two setups racing on an empty directory both see it empty: the guard key lets one commit
      // and gives the other a retryable conflict (retried, it finds the directory set up).
      changes: [Operation.change(mappings.staff, member, 0, { key: FIRST_ADMINISTRATOR })],
      result: member
    })
  }
})

const isAdministrator = (m: StaffMember) => m.grants.some((g) => g.role === "administrator")

/**
 * Set a staff member's grants and volunteer link: `{ id, grants, volunteerId? }` (administrators).
 * Creates the member or replaces what the directory held; `grants: []` revokes every role. An
 * administrator or auditor grant must cover the whole organisation (`"*"`): scoped to some
 * services it is refused, never silently widened. A linked volunteer must exist. The last
 * administrator cannot be removed.
 * @since 0.2.0
 * @category operations
 */
export const setStaff = Operation.write<typeof StaffMember.Encoded>()({
  tag: "SetStaff",
  summary: "set a staff member's grants and volunteer link",
  access: access("NNONN", "write", "organisational", "set a staff member's grants and volunteer link"),
  input: StaffMember,
  entity: "StaffMember",
  subject: Operation.organisation,
  checks: [
    (_ctx, member) => {
      const i = member.grants.findIndex((g) => organisationWideRoles.has(g.role) && g.services !== "*")
      return i < 0
        ? Effect.void
        : invalid(
          "SetStaff",
          `grants[${i}].services`,
          "this role is organisation-wide: its grant must cover every service (\"*\")"
        )
    },
    (ctx, member) =>
      member.volunteerId === undefined ? Effect.void : Effect.asVoid(ctx.load(mappings.volunteer, member.volunteerId))
  ],
  decide: Effect.fnUntraced(function*(ctx, member) {
    const all = yield* ctx.loadAll(mappings.staff, {})
    const before = all.find((m) => m.value.id === member.id)
    if (before !== undefined && isAdministrator(before.value) && !isAdministrator(member)) {
      const others = all.filter((m) => m.value.id !== member.id && isAdministrator(m.value))
      if (others.length === 0) {
        return yield* invalid("SetStaff", "grants", "the organisation keeps at least one administrator")
      }
    }
    return {
      command: { _tag: "SetStaff", member, before: before?.value } as const,
      changes: [Operation.change(mappings.staff, member, before?.version ?? 0)],
      result: member
    }
  })
})

/**
 * The staff directory (administrators): every member with their grants and volunteer link.
 * @since 0.2.0
 * @category operations
 */
export const listStaff = Operation.read<undefined>()({
  tag: "ReadStaff",
  summary: "read the staff directory",
  input: Schema.Undefined,
  entity: "ReadStaff",
  subject: Operation.organisation,
  answer: (ctx) => Effect.map(ctx.loadAll(mappings.staff, {}), (all) => ({ result: all.map((m) => m.value) }))
})
