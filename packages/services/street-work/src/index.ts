/**
 * `@pomoc/service-street-work`: the Pomoc plugin for street work and outreach (Czech "terénní
 * programy", §69): the ways of first contact of the seed (streetwork at primary schools, a
 * contact point in a shopping centre, LAN parties, online work on social platforms, the
 * street), the follow-up channels, how many people each way first reached and how many of them
 * had not known the service before, outcome indicators and reports.
 *
 * @packageDocumentation
 */

export { type StreetWork as StreetWorkPlugin, streetWork } from "./StreetWork.js"

/**
 * @since 0.1.0
 */
export * as StreetWork from "./StreetWork.js"

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
