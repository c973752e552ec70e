/**
 * `@pomoc/hsds`: Open Referral HSDS 3.0 for Pomoc. Export an organisation's directory as HSDS
 * (the nested API form and the tabular data package), validate documents against the official
 * schemas, and import HSDS documents through the case-work API.
 *
 * @packageDocumentation
 */

/** @since 0.2.0 */
export * as Export from "./Export.js"
/** @since 0.2.0 */
export * as Import from "./Import.js"
/** @since 0.2.0 */
export * as Schemas from "./Schemas.js"
/** @since 0.2.0 */
export * as Tabular from "./Tabular.js"
/** @since 0.2.0 */
export * as Taxonomy from "./Taxonomy.js"
export { ImportRefused, InvalidHsds, type Problem } from "./Errors.js"
