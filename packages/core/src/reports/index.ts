/**
 * Reports: small-cell suppression and report definitions answering the three Results-Based
 * Accountability questions.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Suppression from "./Suppression.js"
export type {
  Cell,
  CountTable,
  Dimension,
  OneWayTable,
  SuppressedOneWay,
  SuppressedTable,
  SuppressedTwoWay,
  TwoWayTable
} from "./Suppression.js"
export { InvalidTable } from "./Suppression.js"

/**
 * @since 0.1.0
 */
export * as Report from "./Report.js"
export type {
  HiddenCell,
  Measure,
  RateMeasure,
  ReportDefinition,
  ReportDimension,
  ReportQuery,
  ReportResult,
  RunOptions
} from "./Report.js"
export { InvalidReport } from "./Report.js"

/**
 * @since 0.2.0
 */
export * as ReportTables from "./Tables.js"

/**
 * @since 0.2.0
 */
export * as Periods from "./Periods.js"

/**
 * @since 0.2.0
 */
export * as ReportOutput from "./Output.js"

/**
 * @since 0.2.0
 */
export * as Statutory from "./Statutory.js"
