/**
 * `@pomoc/service-community-centre`: the Pomoc plugin for community centres (from the Alytus
 * community centre, Lithuania): all ages; open and street youth work, a children's day centre,
 * seniors' activities, amateur art groups, clubs, courses, camps, events, volunteering of all
 * ages, premises used by NGOs, projects and their funding sources; outcome indicators and
 * reports over activities, attendance and volunteer hours.
 *
 * @packageDocumentation
 */

export { type CommunityCentre as CommunityCentrePlugin, communityCentre } from "./CommunityCentre.js"

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
