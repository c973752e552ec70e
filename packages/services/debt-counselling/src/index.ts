/**
 * `@pomoc/service-debt-counselling`: the Pomoc plugin for debt counselling (Czech "odborné
 * sociální poradenství", §37): adults 18+, the debt situation and the kinds of social exclusion
 * as situation facts, the counsellors' interventions, the five outcomes of the seed as
 * indicators, and its seven principles (confidentiality, voluntariness, individual approach,
 * equal access, empowerment, active cooperation, free of charge).
 *
 * @packageDocumentation
 */

export { debtCounselling, type DebtCounsellingPlugin } from "./DebtCounselling.js"

/**
 * @since 0.1.0
 */
export * as DebtCounselling from "./DebtCounselling.js"

/**
 * @since 0.1.0
 */
export * as Taxonomies from "./taxonomies.js"

/**
 * @since 0.1.0
 */
export * as Situation from "./situation.js"

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
