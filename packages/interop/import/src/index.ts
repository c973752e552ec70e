/**
 * `@pomoc/import`: spreadsheet import for Pomoc. CSV and XLSX files of people, contacts,
 * activities and attendance, volunteers and hours, mapped by a declared column mapping and run
 * through the case-work API's batch path: every row passes the principles, the whole file is
 * stored or nothing is, problems are listed by row and column (never with the cell's value), and
 * a dry run reports without storing. The `pomoc-import` command line (Node) shows a progress bar;
 * this entry point runs in a browser too.
 *
 * @packageDocumentation
 */

/** @since 0.2.0 */
export * as Import from "./Import.js"
/** @since 0.2.0 */
export * as Mapping from "./Mapping.js"
/** @since 0.2.0 */
export * as Sheet from "./Sheet.js"
export { ImportRefused, type Problem } from "./Import.js"
export { UnreadableFile } from "./Sheet.js"
