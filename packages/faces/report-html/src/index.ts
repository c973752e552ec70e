/**
 * `@pomoc/report-html`: an organisation's annual report as one self-contained HTML file, with
 * charts drawn by Observable Plot (inlined), the data of every chart as a table, in English,
 * Czech, Lithuanian or Bulgarian, and every small count suppressed exactly as in the results.
 *
 * @packageDocumentation
 */

/** @since 0.2.0 */
export * as AnnualReport from "./AnnualReport.js"
export { ChartLibraryMissing } from "./AnnualReport.js"
/** @since 0.2.0 */
export * as ValueLabels from "./ValueLabels.js"
