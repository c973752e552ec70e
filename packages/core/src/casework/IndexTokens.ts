/**
 * Index tokens: the store's exact-match index (`StoredRecord.lookup`, `PageQuery.lookup`) used for
 * what no other index column answers, so that a list reads one index range instead of scanning:
 *
 * - the people shared into a service (`sharedInto`): a person's record sits in their own
 *   service's range; each service they are shared with gets a token on it;
 * - the referrals made to a service of the organisation (`referredTo`), which that service
 *   answers;
 * - the revisions of one record (`revisionsOf`): a record's change history;
 * - a plan step by its plan and step id (`stepOf`): a step operation reads the one step it moves
 *   on, not every step of the person.
 *
 * These tokens are unkeyed hashes of ids (a service's, or a record's kind and id), never of a
 * personal value: the ids are in the record anyway. A person's own id never becomes a token (the
 * revisions of a person are found through the person index, which erasure renames), so no token
 * leads from an erased person's old id to their records. The keyed tokens of nicknames and codes
 * are `BlindIndex`'s.
 *
 * @since 0.2.0
 */
import { sha256 } from "../internal/sha256.js"
import type { PseudonymCode } from "../privacy/Pseudonym.js"
import type { RecordWrite } from "../Store.js"

const hashed = (prefix: string, ...parts: ReadonlyArray<string>): string =>
  `${prefix}-${sha256(`pomoc/index/v1\u0000${prefix}\u0000${parts.join("\u0000")}`).slice(0, 32)}`

/**
 * The token on a person's record for each service they are shared with (not their own).
 * @since 0.2.0
 * @category constructors
 */
export const sharedInto = (serviceId: string): string => hashed("in", serviceId)

/**
 * The token on a referral to a service of the organisation (`toServiceId`).
 * @since 0.2.0
 * @category constructors
 */
export const referredTo = (serviceId: string): string => hashed("to", serviceId)

/**
 * The token on every revision of a record (other than a person's: see the module's notes).
 * @since 0.2.0
 * @category constructors
 */
export const revisionsOf = (kind: string, recordId: string): string => hashed("rev", kind, recordId)

/**
 * The token on a plan step's record: its plan's id and the step's id.
 * @since 0.2.0
 * @category constructors
 */
export const stepOf = (planId: string, stepId: string): string => hashed("step", planId, stepId)

/**
 * The index tokens of an entity of a kind, from its stored form (`data`): none for most kinds.
 * @since 0.2.0
 * @category constructors
 */
export const tokensOf = (kind: string, data: unknown): ReadonlyArray<string> => {
  const d = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>
  switch (kind) {
    case "person":
      return Array.isArray(d.sharedWith) ? d.sharedWith.filter((s) => typeof s === "string").map(sharedInto) : []
    case "referral":
      return typeof d.toServiceId === "string" ? [referredTo(d.toServiceId)] : []
    case "revision":
      return typeof d.kind === "string" && typeof d.recordId === "string" && d.kind !== "person"
        ? [revisionsOf(d.kind, d.recordId)]
        : []
    case "plan-step": {
      const step = (typeof d.step === "object" && d.step !== null ? d.step : {}) as Record<string, unknown>
      return typeof d.planId === "string" && typeof step.id === "string" ? [stepOf(d.planId, step.id)] : []
    }
    default:
      return []
  }
}

/**
 * A write with its index tokens added (to any it holds already, e.g. blind-index tokens).
 * @since 0.2.0
 * @category combinators
 */
export const withTokens = (write: RecordWrite, more: ReadonlyArray<string | PseudonymCode> = []): RecordWrite => {
  const all = [...(write.lookup ?? []), ...tokensOf(write.kind, write.data), ...more]
  return all.length === 0 ? write : { ...write, lookup: [...new Set(all)].sort() }
}
