/**
 * Principles as typed, executable rules.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Decision from "./Decision.js"

/**
 * @since 0.1.0
 */
export * as Engine from "./Engine.js"

/**
 * @since 0.1.0
 */
export * as Principle from "./Principle.js"

/**
 * @since 0.1.0
 */
export * as ProtectedAttributes from "./ProtectedAttributes.js"

/**
 * @since 0.1.0
 */
export * as RegistrationError from "./RegistrationError.js"

/**
 * @since 0.1.0
 */
export * as Rule from "./Rule.js"

/**
 * @since 0.1.0
 */
export * as RuleSet from "./RuleSet.js"

/**
 * @since 0.1.0
 */
export * as Verdict from "./Verdict.js"

export { defineRule } from "./Rule.js"
export { PrincipleViolation } from "./Verdict.js"
