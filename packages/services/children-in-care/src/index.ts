/**
 * `@pomoc/service-children-in-care`: the Pomoc plugin for work with children and young people
 * in institutional or foster care (from a Bulgarian NGO): needs analyses, individual and group
 * training (also for care staff), career guidance and job-search support, volunteers and
 * interns; outcomes such as completed training and entry into education or work.
 *
 * @packageDocumentation
 */

export { type ChildrenInCare as ChildrenInCarePlugin, childrenInCare } from "./ChildrenInCare.js"

/**
 * @since 0.1.0
 */
export * as ChildrenInCare from "./ChildrenInCare.js"

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
export * as Training from "./training.js"
