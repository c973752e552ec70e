/**
 * A principle is named data: an id, labels in the project's four languages, where it comes
 * from, and whether it is a core principle that no plugin may switch off. The rules that
 * enforce it live in {@link Rule}.
 *
 * @since 0.1.0
 */

/**
 * The identifier of a principle, e.g. `"voluntariness"`. Kept as a string literal type so that
 * rule definitions keep the exact id.
 *
 * @since 0.1.0
 * @category models
 */
export type PrincipleId = string

/**
 * A human-readable text in English, Czech, Lithuanian and Bulgarian, and in any other language
 * (a BCP 47 tag) its author adds, such as Ukrainian (`uk`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Labels {
  readonly en: string
  readonly cs: string
  readonly lt: string
  readonly bg: string
  /** The text in another language, by its BCP 47 tag (`uk`). */
  readonly [language: string]: string
}

/**
 * A principle that services work by.
 *
 * - `core`: a core principle's rules may be tightened by plugins (they may add rules) but never
 *   removed or overridden; the engine refuses such a rule set with `CorePrincipleRemoved`.
 * - `source`: where the principle comes from (a seed text, a law), for documentation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Principle<Id extends PrincipleId = PrincipleId> {
  readonly id: Id
  readonly labels: Labels
  readonly source?: string
  readonly core: boolean
}

/**
 * Defines a principle, keeping its id as a literal type. `core` defaults to `false`.
 *
 * @example
 * ```ts
 * const Voluntariness = Principle.make({
 *   id: "voluntariness",
 *   core: true,
 *   labels: { en: "Voluntariness", cs: "Dobrovolnost", lt: "Savanoriškumas", bg: "Доброволност" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const Id extends PrincipleId>(definition: {
  readonly id: Id
  readonly labels: Labels
  readonly source?: string
  readonly core?: boolean
}): Principle<Id> =>
  Object.freeze({
    id: definition.id,
    labels: Object.freeze({ ...definition.labels }),
    ...(definition.source === undefined ? {} : { source: definition.source }),
    core: definition.core ?? false
  })
