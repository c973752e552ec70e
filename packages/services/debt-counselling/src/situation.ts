/**
 * The debt situation and the kinds of social exclusion as situation facts: the non-protected,
 * plugin-specific facts about a person (`facts.person.situation`) that the eligibility rule
 * reads. `debts: true` says the person is in an adverse social situation because of debts; each
 * kind of social exclusion of the seed is a key set to `true` when it applies.
 *
 * None of these is a protected attribute of the equality principle: the service is for people
 * in debt because of their situation, and need, not group membership, decides.
 *
 * @since 0.1.0
 */
import { Labels } from "@pomoc/core"
import { type ExclusionKind, needs } from "./taxonomies.js"

/**
 * The situation key that says whether the person is in an adverse situation because of debts.
 *
 * @since 0.1.0
 * @category models
 */
export const debtsKey = "debts" as const

/**
 * The kinds of social exclusion of the seed, as situation keys.
 *
 * @since 0.1.0
 * @category models
 */
export const exclusionKinds: ReadonlyArray<ExclusionKind> = Object.freeze(Object.keys(needs) as Array<ExclusionKind>)

/**
 * The labels of every situation key.
 *
 * @since 0.1.0
 * @category models
 */
export const situationLabels: Readonly<Record<typeof debtsKey | ExclusionKind, Labels>> = {
  [debtsKey]: Labels.of(
    "In an adverse social situation because of debts",
    "V nepříznivé sociální situaci kvůli zadlužení",
    "Sunkioje socialinėje padėtyje dėl įsiskolinimų",
    "В неблагоприятна социална ситуация поради задлъжнялост"
  ),
  ...needs
}

/**
 * The debt situation of a person as the counsellor assessed it with them.
 *
 * @since 0.1.0
 * @category models
 */
export interface DebtSituation {
  /** Whether the person is in an adverse social situation because of debts. */
  readonly debts: boolean
  /** The kinds of social exclusion that apply. */
  readonly exclusion: ReadonlyArray<ExclusionKind>
}

/**
 * The situation facts of a debt situation, for `facts.person.situation`.
 *
 * @example
 * ```ts
 * Situation.toFacts({ debts: true, exclusion: ["unstable-housing"] })
 * // { debts: true, "unstable-housing": true }
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const toFacts = (situation: DebtSituation): Readonly<Record<string, boolean>> => {
  const facts: Record<string, boolean> = { [debtsKey]: situation.debts }
  for (const kind of situation.exclusion) facts[kind] = true
  return facts
}

/**
 * The kinds of social exclusion that situation facts mark as applying.
 *
 * @since 0.1.0
 * @category combinators
 */
export const exclusionOf = (
  situation: Readonly<Record<string, string | number | boolean>>
): ReadonlyArray<ExclusionKind> => exclusionKinds.filter((kind) => situation[kind] === true)
