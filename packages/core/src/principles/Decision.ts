/**
 * The combined verdict of all the rules that apply to a command.
 *
 * - `Denied` when any rule denies (it lists every violation, in rule order, and the
 *   requirements and warnings of the other rules);
 * - else `Required` when any rule requires something first;
 * - else `Allowed`, with the warnings of any rule that warned (often none).
 *
 * @since 0.1.0
 */
import type { NonEmptyReadonlyArray } from "effect/Array"
import { absurd } from "effect/Function"
import type { PrincipleId } from "./Principle.js"
import type { PrincipleViolation, Require, RuleId, Verdict, Warn } from "./Verdict.js"

/**
 * The command may proceed; `warnings` is advice for the worker.
 *
 * @since 0.1.0
 * @category models
 */
export interface Allowed {
  readonly _tag: "Allowed"
  readonly warnings: ReadonlyArray<Warn>
}

/**
 * The command may proceed only once the requirements are met (e.g. consent recorded).
 *
 * @since 0.1.0
 * @category models
 */
export interface Required {
  readonly _tag: "Required"
  readonly requirements: NonEmptyReadonlyArray<Require>
  readonly warnings: ReadonlyArray<Warn>
}

/**
 * The command is refused.
 *
 * @since 0.1.0
 * @category models
 */
export interface Denied {
  readonly _tag: "Denied"
  readonly violations: NonEmptyReadonlyArray<PrincipleViolation>
  readonly requirements: ReadonlyArray<Require>
  readonly warnings: ReadonlyArray<Warn>
}

/**
 * The combined verdict.
 *
 * @since 0.1.0
 * @category models
 */
export type Decision = Allowed | Required | Denied

/**
 * The one `Allowed` without warnings: the engine returns this very object when every rule
 * allows, so the common path allocates nothing.
 *
 * @since 0.1.0
 * @category constructors
 */
export const allowed: Allowed = Object.freeze({ _tag: "Allowed" as const, warnings: Object.freeze([]) })

/**
 * What one rule said during `Engine.explain`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Step {
  readonly rule: RuleId
  readonly principle: PrincipleId
  readonly verdict: Verdict
}

/**
 * A decision with the list of every rule that ran, in evaluation order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Explanation {
  readonly decision: Decision
  readonly steps: ReadonlyArray<Step>
}

/**
 * Collects non-`Allow` verdicts; used by the engine once the first one appears.
 *
 * @since 0.1.0
 * @category constructors
 */
export class Accumulator {
  private violations: Array<PrincipleViolation> | undefined
  private requirements: Array<Require> | undefined
  private warnings: Array<Warn> | undefined

  /** Adds one rule's verdict. */
  add(verdict: Verdict): void {
    // A switch rather than ts-pattern: this runs for every warning, requirement and denial, and
    // ts-pattern allocates a matcher per call. Exhaustiveness is still checked by the compiler.
    switch (verdict._tag) {
      case "Allow":
        return
      case "Deny":
        ;(this.violations ??= []).push(verdict.violation)
        return
      case "Require":
        ;(this.requirements ??= []).push(verdict)
        return
      case "Warn":
        ;(this.warnings ??= []).push(verdict)
        return
      default:
        return absurd(verdict)
    }
  }

  /** The combined decision of the verdicts added so far. */
  decision(): Decision {
    const warnings = this.warnings ?? allowed.warnings
    const requirements = this.requirements ?? []
    if (this.violations !== undefined && this.violations.length > 0) {
      return {
        _tag: "Denied",
        violations: this.violations as unknown as NonEmptyReadonlyArray<PrincipleViolation>,
        requirements,
        warnings
      }
    }
    if (requirements.length > 0) {
      return { _tag: "Required", requirements: requirements as unknown as NonEmptyReadonlyArray<Require>, warnings }
    }
    return warnings.length === 0 ? allowed : { _tag: "Allowed", warnings }
  }
}

/**
 * Combines verdicts into a decision (the reference semantics the engine implements).
 *
 * @since 0.1.0
 * @category combinators
 */
export const combine = (verdicts: Iterable<Verdict>): Decision => {
  const accumulator = new Accumulator()
  for (const verdict of verdicts) accumulator.add(verdict)
  return accumulator.decision()
}

/**
 * Whether the command may proceed now (no denial and no unmet requirement).
 *
 * @since 0.1.0
 * @category guards
 */
export const isAllowed = (decision: Decision): decision is Allowed => decision._tag === "Allowed"

/**
 * Whether the command is refused.
 *
 * @since 0.1.0
 * @category guards
 */
export const isDenied = (decision: Decision): decision is Denied => decision._tag === "Denied"
