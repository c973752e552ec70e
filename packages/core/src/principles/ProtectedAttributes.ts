/**
 * The attributes on which eligibility must never depend (equality principle): the grounds of
 * the seeds' texts (sex, race, colour, language, faith, political opinion, national or social
 * origin, minority, property, birth, marital status, other status) and their usual synonyms.
 *
 * Age is deliberately not in the list: a service's target group is defined by age (a
 * low-threshold club for 6–26, debt counselling for adults), so an age band is a legitimate
 * eligibility fact.
 *
 * @since 0.1.0
 */

/**
 * The default list of protected attribute names, as they may appear as a segment of a fact path
 * (`"gender"`, `"person.religion"`). Matching ignores case and non-alphanumeric characters, so
 * `"political_opinion"` and `"politicalOpinion"` are the same attribute.
 *
 * @since 0.1.0
 * @category models
 */
export const defaults: ReadonlyArray<string> = Object.freeze([
  "sex",
  "gender",
  "genderIdentity",
  "sexualOrientation",
  "race",
  "colour",
  "color",
  "ethnicity",
  "ethnicOrigin",
  "language",
  "motherTongue",
  "faith",
  "religion",
  "belief",
  "politicalOpinion",
  "opinion",
  "nationalOrigin",
  "nationality",
  "socialOrigin",
  "minority",
  "property",
  "wealth",
  "birth",
  "maritalStatus",
  "familyStatus",
  "otherStatus"
])

/**
 * Fact paths of objects that hold protected attributes: a rule that DECLARES one of them whole
 * (e.g. `"person"`) for an eligibility command is refused at registration, since it could read
 * every protected attribute inside. (Tracing a rule's actual reads passes through `person` on the
 * way to `person.ageBand`; only declarations are checked against this list.)
 *
 * @since 0.1.0
 * @category models
 */
export const defaultContainers: ReadonlyArray<string> = Object.freeze(["person", "person.protected"])

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "")

/**
 * A matcher for protected attributes built from a list of names.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProtectedAttributes {
  /** The protected segment of a fact path, or `undefined` when the path reads none. */
  readonly protectedSegment: (path: string) => string | undefined
}

/**
 * Builds a matcher from a list of names (default: {@link defaults}). A fact path is protected
 * when any of its dot-separated segments is one of the names.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (names: ReadonlyArray<string> = defaults): ProtectedAttributes => {
  const set = new Set(names.map(normalize))
  return {
    protectedSegment: (path) => {
      for (const segment of path.split(".")) {
        if (set.has(normalize(segment))) return segment
      }
      return undefined
    }
  }
}

/**
 * The matcher for {@link defaults}.
 *
 * @since 0.1.0
 * @category models
 */
export const standard: ProtectedAttributes = make()
