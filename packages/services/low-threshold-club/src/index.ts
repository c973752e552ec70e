/**
 * `@pomoc/service-low-threshold-club`: the Pomoc plugin for low-threshold clubs for children
 * and youth (Czech NZDM): ages 6–26 by default, anonymous and nicknamed young people, the
 * club's interventions, the eight goals of its mission as outcome indicators, and its
 * principles (low threshold, voluntariness and independence, equality, respect for uniqueness).
 *
 * @packageDocumentation
 */

export { lowThresholdClub, type LowThresholdClubPlugin } from "./LowThresholdClub.js"

/**
 * @since 0.1.0
 */
export * as LowThresholdClub from "./LowThresholdClub.js"

/**
 * @since 0.1.0
 */
export * as Taxonomies from "./taxonomies.js"

/**
 * @since 0.1.0
 */
export * as Rules from "./rules.js"

/**
 * @since 0.1.0
 */
export * as Outcomes from "./outcomes.js"

/**
 * @since 0.1.0
 */
export * as Reports from "./reports.js"

/**
 * @since 0.2.0
 */
export * as Fields from "./fields.js"
