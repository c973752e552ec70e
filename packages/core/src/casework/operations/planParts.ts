/**
 * What every operation on an existing plan shares: its subject (the plan, in its service), the
 * check that it is still open, and the facts' subjects (the plan's service and person).
 *
 * @internal
 */
import { Effect } from "effect"
import type * as Ids from "../../model/Ids.js"
import type { Context, Loaded } from "../Operation.js"
import * as Operation from "../Operation.js"
import type { StoredPlan } from "../planRecords.js"
import { mappings } from "../Records.js"
import { invalid } from "./common.js"

/**
 * The plan's service and person (the facts' subjects).
 * @internal
 */
export const subjects = (ctx: Context, plan: StoredPlan) =>
  Effect.all([ctx.load(mappings.service, plan.serviceId), ctx.load(mappings.person, plan.personId)])

/**
 * The subject of a plan operation: the plan named by `planId`, in its service.
 * @internal
 */
export const planSubject = <I extends { readonly planId: Ids.PlanId }>() =>
  Operation.existing(mappings.plan, (i: I) => i.planId, (p) => [p.serviceId])

/**
 * Refuses a change to a closed plan (a domain check of every operation on an existing plan).
 * @internal
 */
export const planOpen = (tag: string) => (_ctx: Context, _input: unknown, plan: Loaded<StoredPlan>) =>
  plan.value.closedAt === undefined ? Effect.void : invalid(tag, "planId", "the plan is closed")
