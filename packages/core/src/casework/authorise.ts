/**
 * Who acts and on what: the acting staff member resolved in the staff directory (never the
 * grants a caller passes along), and the operation authorised for its subject before anything
 * about the subject is revealed: an existing record outside the actor's services answers
 * `NotFound`, exactly as an id that does not exist.
 *
 * @internal
 */
import { Effect, Option, Result } from "effect"
import * as Access from "../access/Access.js"
import { StaffMember } from "../model/Actor.js"
import type * as Ids from "../model/Ids.js"
import type { CaseworkError } from "./Config.js"
import { NotFound } from "./Errors.js"
import type * as Operation from "./Operation.js"
import { mappings } from "./Records.js"
import type { Shape as StaffDirectoryShape } from "./StaffDirectory.js"
import type { Overlay, Reader } from "./unitOfWork.js"

/**
 * Organisation-wide, or in any one of the actor's services.
 * @internal
 */
export const anywhere = (
  actor: Pick<StaffMember, "id" | "grants">,
  authorize: (serviceId: string | undefined) => Result.Result<Access.Grant, Access.AccessDenied>
): Result.Result<Access.Grant, Access.AccessDenied> => {
  const first = authorize(undefined)
  if (Result.isSuccess(first)) return first
  for (const grant of actor.grants) {
    if (grant.services === "*") continue
    for (const serviceId of grant.services) {
      const attempt = authorize(serviceId)
      if (Result.isSuccess(attempt)) return attempt
    }
  }
  return first
}

/**
 * Resolves actors and authorises operations, over the provided staff directory (if any) and
 * the access matrix (core's and the plugins' rows).
 * @internal
 */
export const makeAuthoriser = (
  directory: Option.Option<StaffDirectoryShape>,
  authorizeIn: (
    actor: Pick<StaffMember, "id" | "grants">,
    operation: string,
    serviceId: Ids.ServiceId | undefined
  ) => Result.Result<Access.Grant, Access.AccessDenied>
) => {
  /**
   * The acting staff member, as the directory knows them: the provided `StaffDirectory`
   * (asked once per unit of work), or the store's `staff` records (read through the unit of
   * work, noted as a precondition). Unknown: no grants at all.
   */
  const resolveActor = (
    id: Ids.WorkerId,
    r: Reader,
    overlay: Overlay | undefined
  ): Effect.Effect<StaffMember, CaseworkError> => {
    const known = overlay?.staff.get(id)
    const found = known !== undefined
      ? Effect.succeed(known)
      : Option.isSome(directory)
      ? Effect.tap(directory.value.find(id), (member) => Effect.sync(() => overlay?.staff.set(id, member)))
      : Effect.map(r.find(mappings.staff, id), Option.map((l) => l.value))
    return Effect.map(found, Option.getOrElse(() => new StaffMember({ id, grants: [] })))
  }

  const directoryIsEmpty = (r: Reader): Effect.Effect<boolean, CaseworkError> =>
    Option.isSome(directory)
      ? directory.value.isEmpty
      : Effect.map(r.loadAll(mappings.staff, {}), (all) => all.length === 0)

  /** Authorises the actor for the subject; an existing subject outside their services is NotFound. */
  const locate = Effect.fnUntraced(function*(
    op: Operation.Any,
    actor: StaffMember,
    input: unknown,
    r: Reader
  ) {
    const subject = op.subject
    const authorize = (serviceId: string | undefined) =>
      authorizeIn(actor, op.tag, serviceId as Ids.ServiceId | undefined)
    switch (subject._tag) {
      case "Organisation": {
        return { grant: yield* Effect.fromResult(authorize(undefined)), value: undefined }
      }
      case "Setup": {
        if (!(yield* directoryIsEmpty(r))) {
          const roles = [...new Set(actor.grants.map((g) => g.role))]
          return yield* Effect.fail(
            new Access.AccessDenied({ actorId: actor.id, roles, operation: op.tag, reason: "already-set-up" })
          )
        }
        const first = { role: "administrator", services: "*" } as const
        const grant: Access.Grant = {
          actorId: actor.id,
          operation: op.tag,
          role: "administrator",
          scope: "organisation",
          serviceId: undefined,
          grant: first
        }
        return { grant, value: undefined }
      }
      case "Anywhere": {
        return { grant: yield* Effect.fromResult(anywhere(actor, authorize)), value: undefined }
      }
      case "New": {
        const serviceId = subject.serviceId(input as never)
        const grant = yield* Effect.fromResult(authorize(serviceId))
        if (!subject.loadService || serviceId === undefined) return { grant, value: undefined }
        return { grant, value: yield* r.load(mappings.service, serviceId) }
      }
      case "Existing": {
        // Whether the actor's roles may do this anywhere does not depend on the record: say so.
        const atAll = authorize(undefined)
        if (Result.isFailure(atAll) && atAll.failure.reason !== "service-required") {
          return yield* Effect.fail(atAll.failure)
        }
        const id = subject.id(input as never)
        const mapping = subject.mappingOf?.(input as never) ?? subject.mapping
        const found = yield* r.find(mapping, id)
        if (Option.isSome(found)) {
          const services = subject.services(found.value.value as never)
          // A record of no service (a location) is the organisation's: authorised as `anywhere`.
          if (services.length === 0) {
            const attempt = anywhere(actor, authorize)
            if (Result.isSuccess(attempt)) return { grant: attempt.success, value: found.value }
          }
          for (const serviceId of services) {
            const attempt = authorize(serviceId)
            if (Result.isSuccess(attempt)) return { grant: attempt.success, value: found.value }
          }
        }
        return yield* Effect.fail(new NotFound({ kind: mapping.kind, id }))
      }
    }
  })

  return { resolveActor, locate }
}
