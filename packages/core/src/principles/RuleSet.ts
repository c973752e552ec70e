/**
 * A named group of rules registered together: the core's built-in rules, or one plugin's. Rule
 * sets are layered in order; a later set may add rules, override an earlier rule (same id) or
 * remove one (`removes`), except the rules of a core principle.
 *
 * @since 0.1.0
 */
import * as RegistrationError from "./RegistrationError.js"
import type { AnyCommand, Rule } from "./Rule.js"
import type { RuleId } from "./Verdict.js"

/**
 * A named group of rules.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleSet<Cmd extends AnyCommand = AnyCommand, Facts = unknown> {
  readonly id: string
  readonly rules: ReadonlyArray<Rule<Cmd, Facts>>
  readonly removes: ReadonlyArray<RuleId>
}

/**
 * Makes a rule set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <Cmd extends AnyCommand, Facts>(definition: {
  readonly id: string
  readonly rules: ReadonlyArray<Rule<Cmd, Facts>>
  readonly removes?: ReadonlyArray<RuleId>
}): RuleSet<Cmd, Facts> =>
  Object.freeze({
    id: definition.id,
    rules: Object.freeze([...definition.rules]),
    removes: Object.freeze([...(definition.removes ?? [])])
  })

/**
 * The rules of layered rule sets, in order, and the reasons to refuse them: a duplicate id
 * inside one set, a removal of an unknown id, and any removal or override of a rule of a core
 * principle (`CorePrincipleRemoved`). An override keeps the position of the rule it replaces.
 *
 * @since 0.1.0
 * @category combinators
 */
export const layer = <Cmd extends AnyCommand, Facts>(
  ruleSets: ReadonlyArray<RuleSet<Cmd, Facts>>
): {
  readonly rules: ReadonlyArray<Rule<Cmd, Facts>>
  readonly problems: ReadonlyArray<RegistrationError.CorePrincipleRemoved | RegistrationError.RuleIdConflict>
} => {
  const problems: Array<RegistrationError.CorePrincipleRemoved | RegistrationError.RuleIdConflict> = []
  const registered = new Map<RuleId, Rule<Cmd, Facts>>()
  for (const set of ruleSets) {
    const ownIds = new Set<RuleId>()
    for (const id of set.removes) {
      const earlier = registered.get(id)
      if (earlier === undefined) {
        problems.push(
          new RegistrationError.RuleIdConflict({ rule: id, ruleSet: set.id, reason: "removedButNotRegistered" })
        )
      } else if (earlier.principle.core) {
        problems.push(
          new RegistrationError.CorePrincipleRemoved({
            rule: id,
            principle: earlier.principle.id,
            ruleSet: set.id,
            action: "removed"
          })
        )
      } else {
        registered.delete(id)
      }
    }
    for (const rule of set.rules) {
      if (ownIds.has(rule.id)) {
        problems.push(new RegistrationError.RuleIdConflict({ rule: rule.id, ruleSet: set.id, reason: "duplicate" }))
        continue
      }
      ownIds.add(rule.id)
      const earlier = registered.get(rule.id)
      if (earlier?.principle.core === true) {
        problems.push(
          new RegistrationError.CorePrincipleRemoved({
            rule: rule.id,
            principle: earlier.principle.id,
            ruleSet: set.id,
            action: "overridden"
          })
        )
        continue
      }
      // Map.set on an existing key keeps its insertion position: an override stays in place.
      registered.set(rule.id, rule)
    }
  }
  return { rules: [...registered.values()], problems }
}
