/** Pooled ids and wire arbitraries shared by the facts and command arbitraries (not public). */
import { Schema } from "effect"
import * as fc from "fast-check"
import { Party } from "../../model/Common.js"
import { arbCode, arbId, arbParty } from "../arbitraries.js"

/**
 * The small pools of ids and parties that generated facts and commands share, so that a
 * generated consent sometimes belongs to the person a generated command concerns.
 * @since 0.1.0
 * @category models
 */
export const pools = {
  persons: ["person-1", "person-2"],
  services: ["service-1", "service-2"],
  consents: ["consent-1", "consent-2", "consent-3"],
  parties: [
    { kind: "organisation", name: "Debt advice centre" },
    { kind: "authority", name: "Child protection authority" },
    { kind: "school", name: "ZŠ Komenského" }
  ] satisfies ReadonlyArray<typeof Party.Encoded>
} as const

/** One of `values`. */
export const pick = <A>(values: ReadonlyArray<A>): fc.Arbitrary<A> => fc.constantFrom(...values)
export const personIdWire = fc.oneof(pick(pools.persons), arbId)
export const serviceIdWire = fc.oneof(pick(pools.services), arbId)
export const consentIdWire = fc.oneof(pick(pools.consents), arbId)
export const partyWire = fc.oneof(pick(pools.parties), arbParty)
export const purposeWire = fc.oneof(pick(["identification", "referral", "disclosure", "sharing"]), arbCode)
export const arbStepActor = pick(["person", "worker", "together", "other"] as const)
/** Decodes generated wire ids with `schema`. */
export const id = <S extends Schema.Top & { readonly DecodingServices: never }>(
  wire: fc.Arbitrary<string>,
  schema: S
) => wire.map((value) => Schema.decodeUnknownSync(schema as never)(value) as S["Type"])
